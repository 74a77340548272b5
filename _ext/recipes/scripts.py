"""The checklist scripts as readers get them: ES modules, served without comments.

The sources in ``static/`` are written for people: JSDoc types (``// @ts-check``) and
explaining comments. After an HTML build copied them to ``_static``, `lean` drops those
comments and the indentation, which halves what a recipe page loads; the code itself is
untouched (no renaming, no rewriting), so a browser error still points at readable code.
"""

import re
from pathlib import Path

from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
SCRIPTS = ("progress.js", "recipes.js", "recipe-tools.js", "calendar.js", "followup.js", "recipe-map.js")
# a whole-line // comment; a block comment that starts a line; an inline /** ... */ type cast
LINE_COMMENT = re.compile(r"^\s*//.*$\n?", re.MULTILINE)
BLOCK_COMMENT = re.compile(r"^\s*/\*.*?\*/[ \t]*\n?", re.MULTILINE | re.DOTALL)
INLINE_DOC = re.compile(r"/\*\*(?:(?!\*/).)*\*/ ?")
INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def lean(source: str) -> str:
    """``source`` without its comments and indentation. The sources keep comments out of
    strings and regular expressions (tests/test_recipe_html.py checks that it still parses)."""
    for pattern in (BLOCK_COMMENT, LINE_COMMENT, INLINE_DOC, INDENT):
        source = pattern.sub("", source)
    return source


def write_lean(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: replace the copied scripts with their lean form."""
    if exception is not None or app.builder.format != "html":
        return
    for name in SCRIPTS:
        target = Path(app.outdir) / "_static" / name
        if target.exists():
            target.write_text(lean((STATIC / name).read_text(encoding="utf-8")), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", write_lean)
