"""The theme's stylesheet without the Font Awesome icon table.

pydata-sphinx-theme bundles Font Awesome's CSS: about 2000 rules of the form
``.fa-name{--fa:"\\f0c9"}`` that map icon names to font glyphs, a third of the
stylesheet's gzipped size. The handbook draws the few icons it uses itself
(`_static/icons.css`), so at builder-inited this module writes the theme stylesheet
without that table into the build's own folder and puts the folder on
``html_static_path``, where a file overrides the theme's file of the same name.
"""

import re
from pathlib import Path

import pydata_sphinx_theme
from sphinx.application import Sphinx

THEME_CSS = Path("styles") / "pydata-sphinx-theme.css"
ICON_RULE = re.compile(r'\.fa-[a-z0-9-]+(?:,\.fa-[a-z0-9-]+)*\{--fa:"[^"]*"\}')
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def lean_stylesheet(css: str) -> str:
    """The stylesheet without icon-name rules, and without its now stale source map link."""
    return SOURCE_MAP.sub("", ICON_RULE.sub("", css))


def write_lean_stylesheet(app: Sphinx) -> None:
    if app.builder.format != "html" or app.config.html_theme != "pydata_sphinx_theme":
        return
    static = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
    folder = Path(app.doctreedir) / "lean-theme-static"  # one per build: parallel builds never share it
    target = folder / THEME_CSS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(lean_stylesheet((static / THEME_CSS).read_text(encoding="utf-8")), encoding="utf-8")
    app.config.html_static_path.append(str(folder))


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", write_lean_stylesheet)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
