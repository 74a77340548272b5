"""Source lines inside the recipe directives, which are MyST directives.

myst-parser (5.2, the pinned version) gives a directive its ``content_offset`` counted from
the directive's first line, where reStructuredText counts it from the top of the file, and
counts the ``lineno`` of ``parse_inline`` from 0. Upstream: executablebooks/MyST-Parser#1175
("Accurate directive line mapping", open) makes ``content_offset`` follow the rST convention.
tests/test_upstream_patches.py checks both conventions against the installed myst-parser, so an
upgrade that changes them fails there first.
"""

from sphinx.util.docutils import SphinxDirective


def content_line(directive: SphinxDirective, offset: int = 0) -> int:
    """The 1-based source line of the directive's content line ``offset``."""
    return directive.lineno + directive.content_offset + offset + 1


def inline_lineno(line: int) -> int:
    """The ``lineno`` for ``parse_inline`` that puts its nodes on 1-based source line ``line``."""
    return line - 1
