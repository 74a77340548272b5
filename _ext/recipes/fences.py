"""Unclosed recipe fences: found in the Markdown source, reported, and closed where the
author most likely meant to close them.

Markdown closes an unclosed fence only at the end of its container, so a ``:::{recipe}``
without its ``:::`` swallows the rest of the page: the next ``##`` heading becomes a
rubric inside the recipe and leaves the table of contents. The scan follows Markdown's
rule (a fence of N markers ends at the first line of at least N of the same markers,
code fences are opaque) and, at the top level of a page, closes an unclosed recipe fence
just before the next heading.
"""

import re
from dataclasses import dataclass

from sphinx.application import Sphinx

from .warnings import warn

FENCE = re.compile(r"^\s*(?P<marker>:{3,}|`{3,}|~{3,})\s*(?:\{(?P<name>[^}\s]*)\})?")
HEADING = re.compile(r"^#{1,6}(?:\s|$)")
RECIPE_DIRECTIVES = frozenset({"recipe", "recipe-list", "recipe-changes", "recipe-changelog"})
# fenced blocks whose content is not Markdown: a ":::" inside them is text
LITERAL = frozenset(
    {"", "code", "code-block", "sourcecode", "code-cell", "math", "raw", "eval-rst", "mermaid"}
)


@dataclass
class Unclosed:
    line: int  # 0-based index of the opening fence
    name: str
    marker: str
    heading: int | None  # 0-based index of the heading it is closed before, if any


def close_unclosed_fences(app: Sphinx, docname: str, source: list[str]) -> None:
    """source-read: report every unclosed recipe fence of a Markdown page and close it
    before the next heading, so the rest of the page keeps its sections."""
    if app.env.doc2path(docname).suffix != ".md":
        return
    lines = source[0].splitlines(keepends=True)
    found: list[Unclosed] = []
    _scan(lines, 0, len(lines), top=True, found=found)
    for fence in reversed(found):  # from the bottom, so earlier line numbers stay valid
        opener = f"{fence.marker}{{{fence.name}}}"
        if fence.heading is None:
            warn(
                f"'{opener}' is never closed, so it runs to the end of its container; "
                f"close it with a line '{fence.marker}'",
                (docname, fence.line + 1),
                "fence",
            )
            continue
        warn(
            f"'{opener}' is never closed; it is closed before the heading on line "
            f"{fence.heading + 1}: add a line '{fence.marker}' where the block ends",
            (docname, fence.line + 1),
            "fence",
        )
        if not lines[fence.heading - 1].strip():  # a blank line: closing there keeps line numbers
            lines[fence.heading - 1] = fence.marker + "\n"
        else:
            lines.insert(fence.heading, fence.marker + "\n")
    if found:
        source[0] = "".join(lines)


def _scan(lines: list[str], start: int, end: int, top: bool, found: list[Unclosed]) -> None:
    i = start
    while i < end:
        match = FENCE.match(lines[i])
        if match is None or (match["name"] is None and match["marker"][0] == ":"):
            i += 1  # plain text, or a closing fence without its opener
            continue
        marker, name = match["marker"], match["name"] or ""
        close = next((j for j in range(i + 1, end) if _closes(lines[j], marker)), None)
        if close is None:
            heading = None
            if name in RECIPE_DIRECTIVES:
                heading = _next_heading(lines, i + 1, end) if top else None
                found.append(Unclosed(i, name, marker, heading))
            close = heading if heading is not None else end
            inner_end, resume = close, close
        else:
            inner_end, resume = close, close + 1
        if marker[0] == ":" or name not in LITERAL:
            _scan(lines, i + 1, inner_end, top=False, found=found)
        i = resume


def _closes(line: str, marker: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= len(marker) and set(stripped) == {marker[0]}


def _next_heading(lines: list[str], start: int, end: int) -> int | None:
    i = start
    while i < end:
        match = FENCE.match(lines[i])
        if match and match["marker"][0] != ":" and (match["name"] or "") in LITERAL:
            # skip a code block: a "# comment" in it is not a heading
            i = next((j for j in range(i + 1, end) if _closes(lines[j], match["marker"])), end) + 1
            continue
        if HEADING.match(lines[i]):
            return i
        i += 1
    return None


def setup(app: Sphinx) -> None:
    app.connect("source-read", close_unclosed_fences)
