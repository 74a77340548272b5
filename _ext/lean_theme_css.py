"""The theme's stylesheet without the Font Awesome icon table.

pydata-sphinx-theme bundles Font Awesome's CSS: about 2000 rules of the form
``.fa-name{--fa:"\\f0c9"}`` that map icon names to font glyphs, a third of the
stylesheet's gzipped size (upstream: pydata/pydata-sphinx-theme#2379, "Compile-assets warns
that fontawesome is heavy", open). The handbook draws the few icons it uses itself
(`_static/icons.css`), so at builder-inited this module writes the theme stylesheet
without that table into the build's own folder and puts the folder on
``html_static_path``, where a file overrides the theme's file of the same name. The rules
are found with a CSS parser (tinycss2, WeasyPrint's); everything else is copied byte for
byte. tests/test_upstream_patches.py checks the pinned theme still needs this.
"""

from pathlib import Path

import pydata_sphinx_theme
import tinycss2
from sphinx.application import Sphinx
from tinycss2.ast import Node

THEME_CSS = Path("styles") / "pydata-sphinx-theme.css"
SOURCE_MAP = "# sourceMappingURL="


def _is_icon_selector(tokens: list[Node]) -> bool:
    """``.fa-name`` or ``.fa-name,.fa-other``: class selectors of icon names only."""
    parts, part = [], []
    for token in tokens + [None]:
        if token is None or (token.type == "literal" and token.value == ","):
            parts.append(part)
            part = []
        else:
            part.append(token)
    return all(
        len(p) == 2
        and p[0].type == "literal"
        and p[0].value == "."
        and p[1].type == "ident"
        and p[1].value.startswith("fa-")
        for p in parts
    )


def _is_icon_rule(node: Node) -> bool:
    if node.type != "qualified-rule" or not _is_icon_selector(node.prelude):
        return False
    declarations = tinycss2.parse_declaration_list(node.content, skip_comments=True, skip_whitespace=True)
    return (
        len(declarations) == 1
        and declarations[0].type == "declaration"
        and declarations[0].name == "--fa"
        and [t.type for t in declarations[0].value if t.type != "whitespace"] == ["string"]
    )


def lean_stylesheet(css: str) -> str:
    """The stylesheet without icon-name rules, and without its now stale source map link."""
    found = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=False)
    line_starts = [0] + [i + 1 for i, char in enumerate(css) if char == "\n"]
    offsets = [line_starts[node.source_line - 1] + node.source_column - 1 for node in found] + [len(css)]
    dropped = {i for i, node in enumerate(found) if _is_icon_rule(node)}
    last = max((i for i, node in enumerate(found) if node.type != "whitespace"), default=None)
    if last is not None and found[last].type == "comment" and found[last].value.startswith(SOURCE_MAP):
        dropped.update(range(last, len(found)))  # the link and the whitespace after it
    return "".join(css[offsets[i] : offsets[i + 1]] for i in range(len(found)) if i not in dropped)


def theme_stylesheet() -> Path:
    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / THEME_CSS


def write_lean_stylesheet(app: Sphinx) -> None:
    if app.builder.format != "html" or app.config.html_theme != "pydata_sphinx_theme":
        return
    folder = Path(app.doctreedir) / "lean-theme-static"  # one per build: parallel builds never share it
    source, target = theme_stylesheet(), folder / THEME_CSS
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:  # parsing takes ~0.5 s
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(lean_stylesheet(source.read_text(encoding="utf-8")), encoding="utf-8")
    app.config.html_static_path.append(str(folder))


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", write_lean_stylesheet)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
