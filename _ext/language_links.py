"""Links to the same page in the handbook's other languages, and source-language text
marked as such.

Each language is built into a sibling folder (build/html/fi, build/html/sv, ...), so the
same page in another language is ``../<code>/<page>.html`` from the folder's root. The
links feed the header's language switcher and the ``hreflang`` alternates in <head>.

A translation that quotes the Finnish original (the definition the booklet proposes) wraps it in the
``{original}`` role: the text is marked with the source language (``lang="fi"``), so
screen readers pronounce it as Finnish and the print edition does not hyphenate it with
the patterns of the page's language. A word in any other language of the handbook (the
glossary's equivalents) takes the role ``{lang-<code>}``, such as ``{lang-sv}``.
"""

from html import escape
from urllib.parse import urlparse

from docutils import nodes
from sphinx.application import Sphinx


def add_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    languages = app.config.handbook_languages
    up = "../" * (pagename.count("/") + 1)
    current = app.config.language
    # html_baseurl ends in "<current language>/": the site root is one level up
    site = escape(app.config.html_baseurl.rstrip("/").rsplit("/", 1)[0])
    if pagename == "404":  # served at any missing address: absolute links to each front page
        root, pagename = urlparse(site).path, "index"
        up = f"{root}/"
    context["language_links"] = [
        {"code": code, "name": name, "url": f"{up}{code}/{pagename}.html", "current": code == current}
        for code, name in languages.items()
    ]
    alternates = "".join(
        f'\n<link rel="alternate" hreflang="{code}" href="{site}/{code}/{pagename}.html">'
        for code in languages
    )
    context["metatags"] = context.get("metatags", "") + alternates


def in_language(code: str):
    """The role ``{lang-<code>}`text```: a word or phrase in another of the handbook's
    languages, such as a glossary term's Swedish equivalent on the Finnish page."""

    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        # docutils writes a "language-<code>" class as the element's lang attribute
        return [nodes.inline(rawtext, text, classes=[f"language-{code}"])], []

    return role


def original_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{original}`text```: text in the handbook's source language, inside a translation."""
    code = inliner.document.settings.env.config.handbook_source_language
    return in_language(code)(name, rawtext, text, lineno, inliner)


def add_language_roles(app: Sphinx, config) -> None:
    """config-inited: one ``lang-<code>`` role per language of the registry."""
    for code in config.handbook_languages:
        app.add_role(f"lang-{code}", in_language(code), override=True)


def setup(app: Sphinx) -> dict:
    app.add_config_value("handbook_languages", {}, "html", types=[dict])
    app.add_config_value("handbook_source_language", "fi", "env", types=[str])
    app.add_role("original", original_role)
    app.connect("config-inited", add_language_roles)
    app.connect("html-page-context", add_links)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
