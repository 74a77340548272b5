"""What the page-end blocks (review dates, sources of outside facts, how to cite) share: where
a block goes on the page, and how an extension's stylesheet reaches HTML builds."""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx


def append_to_page(doctree: nodes.document, block: nodes.Element) -> None:
    """At the end of the page's top section (the document itself when it has none)."""
    section = next(iter(doctree.findall(nodes.section)), None)
    (section if section is not None else doctree).append(block)


def add_stylesheet(app: Sphinx, static: Path, css: str) -> None:
    """builder-inited: the extension's ``static`` folder and stylesheet, for HTML builders only."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(static))
        app.add_css_file(css)
