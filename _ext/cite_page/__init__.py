"""Every page ends with "Viittaa tähän sivuun": how to cite it, with the page title, the
handbook, its release version and date, and an address that keeps showing that version.

Each release is published under ``<site>/v/<version>/<language>/`` by the release workflow
(.github/workflows/release.yml), so the versioned address given here stays valid after the
handbook changes; the latest text stays at ``<site>/<language>/``. The version is
``[project] version`` and the date ``[tool.handbook] release-date`` in pyproject.toml.
"""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import get_translation
from sphinx.util.nodes import clean_astext

from recipes.i18n import add_catalogs, local_date
from recipes.page_end import add_stylesheet, append_to_page

__version__ = "1.0.0"
CATALOG = "cite-page"
LOCALE_DIR = Path(__file__).parent / "locale"
_ = get_translation(CATALOG)


def versioned_address(site: str, version: str, language: str, pagename: str) -> str:
    """The address under which this version of the page stays published. ``site`` is the
    published root (a versioned build's own root ``.../v/<version>/`` is cut back to it)."""
    root = site if site.endswith("/") else site + "/"
    root = root.removesuffix(f"v/{version}/")
    return f"{root}v/{version}/{language}/{pagename}.html"


def add_citation(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved (after the review date and the sources): the citation block."""
    if app.builder.format != "html" or app.builder.name == "singlehtml":
        return  # the workshop edition is cited as a whole, on its title page
    config = app.config
    title = app.env.titles.get(docname)
    page_title = clean_astext(title) if title is not None else docname
    address = versioned_address(config.cite_site_url, config.release, config.language, docname)
    released = local_date(config.cite_release_date, config)
    heading = _("Cite this page")
    block = nodes.container(classes=["cite-page"])
    block += nodes.rubric(heading, heading)
    text = _("{title}. In: {handbook}, version {version} ({date}). Publisher: {publisher}.").format(
        title=page_title,
        handbook=config.project,
        version=config.release,
        date=released,
        publisher=config.cite_publisher,
    )
    line = nodes.paragraph(classes=["cite-page-reference"])
    line += nodes.Text(text + " ")
    line += nodes.reference(address, address, refuri=address, classes=["cite-page-address"])
    block += line
    note = _("This address keeps showing version {version} of the page, also after later changes.").format(
        version=config.release
    )
    block += nodes.paragraph(note, note, classes=["cite-page-note"])
    append_to_page(doctree, block)


def add_assets(app: Sphinx) -> None:
    add_stylesheet(app, Path(__file__).parent / "static", "cite-page.css")


def setup(app: Sphinx) -> dict:
    add_catalogs(app, CATALOG, LOCALE_DIR)
    app.add_config_value("cite_site_url", "", "html", types=[str])
    app.add_config_value("cite_release_date", "2000-01-01", "html", types=[str])
    app.add_config_value("cite_publisher", "", "html", types=[str])
    app.connect("builder-inited", add_assets)
    app.connect("doctree-resolved", add_citation, priority=600)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
