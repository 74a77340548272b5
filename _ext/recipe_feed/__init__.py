"""An Atom feed (RFC 4287) of the recipes' changes, per language: ``<language>/atom.xml``
with one entry per line of a recipe's change history, linked from every page's head.

Each entry's id is a tag URI made of the language, the recipe ID and the history line's
version (``tag:<host>,2026:fi/recipe/foorumit/1.2``), so it never changes once published;
its ``updated`` is the line's date, and its link leads to the history on the recipe's page.
"""

from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree as ET

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import get_translation

from recipes import nodes as rn
from recipes.i18n import add_catalogs

__version__ = "1.0.0"
CATALOG = "recipe-feed"
LOCALE_DIR = Path(__file__).parent / "locale"
FEED = "atom.xml"
ATOM = "http://www.w3.org/2005/Atom"
TAG_YEAR = 2026  # the year the tag URIs were minted: part of every id, never to change
_ = get_translation(CATALOG)


def tag(config, *parts: str) -> str:
    host = urlparse(config.html_baseurl).hostname or "localhost"
    return f"tag:{host},{TAG_YEAR}:" + "/".join((config.language, *parts))


def history_anchor(env, docname: str, recipe_id: str) -> str:
    """The id of the section that holds the recipe's history on its page ("" if none)."""
    for block in env.get_doctree(docname).findall(rn.recipe_changes):
        if block.get("recipe") == recipe_id:
            section = block.parent
            while section is not None and not isinstance(section, nodes.section):
                section = section.parent
            if section is not None and section["ids"]:
                return section["ids"][0]
    return ""


def stamp(day: str) -> str:
    return date.fromisoformat(day).isoformat() + "T00:00:00Z"


def feed_xml(app: Sphinx) -> bytes:
    env, config = app.env, app.config
    domain = env.get_domain("recipe")
    base = config.html_baseurl
    title = _("{handbook}: changes to the recipes").format(handbook=config.project)
    feed = ET.Element("feed", xmlns=ATOM)
    feed.set("xml:lang", config.language)
    ET.SubElement(feed, "id").text = tag(config, "recipe-changes")
    ET.SubElement(feed, "title").text = title
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=base + FEED)
    ET.SubElement(
        feed, "link", rel="alternate", type="text/html", href=base + config.recipe_feed_page + ".html"
    )
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = config.cite_publisher or config.project
    updated = ET.SubElement(feed, "updated")
    entries = []
    for docname, recipe in domain.ordered_recipes():
        anchor = history_anchor(env, docname, recipe.id)
        link = f"{base}{docname}.html" + (f"#{anchor}" if anchor else "")
        for change in domain.changes(recipe.id):
            entries.append((change.date, recipe, change, link))
    entries.sort(key=lambda e: (e[0], e[1].id, e[2].version), reverse=True)
    updated.text = stamp(entries[0][0]) if entries else stamp("2000-01-01")
    for day, recipe, change, link in entries:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = tag(config, "recipe", recipe.id, change.version)
        ET.SubElement(entry, "title").text = f"{recipe.title} {change.version}"
        ET.SubElement(entry, "updated").text = stamp(day)
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=link)
        ET.SubElement(entry, "summary").text = change.text
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def write_feed(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html" and app.builder.name == "html":
        (Path(app.outdir) / FEED).write_bytes(feed_xml(app))


def link_feed(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Every page's head names the feed, for feed readers."""
    if app.builder.name != "html":
        return
    title = _("{handbook}: changes to the recipes").format(handbook=app.config.project)
    href = app.builder.get_relative_uri(pagename, "index").removesuffix("index.html") + FEED
    if pagename == "404":  # served at any address: the feed's absolute address
        href = app.config.html_baseurl + FEED
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" type="application/atom+xml" title="{escape(title)}" href="{escape(href)}">'
    )


def setup(app: Sphinx) -> dict:
    add_catalogs(app, CATALOG, LOCALE_DIR)
    app.add_config_value("recipe_feed_page", "docs/muutokset", "html", types=[str])
    app.connect("html-page-context", link_feed)
    app.connect("build-finished", write_feed)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
