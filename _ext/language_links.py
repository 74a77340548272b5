"""Links to the same page in the handbook's other languages.

Each language is built into a sibling folder (build/html/fi, build/html/sv, ...), so the
same page in another language is ``../<code>/<page>.html`` from the folder's root. The
links feed the header's language switcher and the ``hreflang`` alternates in <head>.
"""

from html import escape
from urllib.parse import urlparse

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


def setup(app: Sphinx) -> dict:
    app.add_config_value("handbook_languages", {}, "html", types=[dict])
    app.connect("html-page-context", add_links)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
