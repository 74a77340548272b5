"""Sphinx configuration of Kumppanuuden reseptikirja (Finnish source, Swedish and English translations)."""

import os
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "_ext"))
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
HANDBOOK = PYPROJECT["tool"]["handbook"]

# -- Languages -------------------------------------------------------------
# Finnish is the source; `make html` builds each language into build/html/<code>/ with
# HANDBOOK_LANGUAGE set. Translations are gettext catalogues under locales/<code>/.
LANGUAGES = {
    "fi": {
        "name": "Suomeksi",
        "project": "Kumppanuuden reseptikirja",
        "authors": "Kumppanuuden reseptikirjan tekijät",
        "licence": "sisältö CC BY 4.0, koodi MIT",
        "date": "%-d.%-m.%Y",
        "locale": "fi_FI",
        "search": "Hae käsikirjasta…",
        "switcher": "Kieli",
        "menu": "Sisältö",
        "not_found": (
            "Sivua ei löytynyt",
            "Hakemaasi sivua ei ole tässä käsikirjassa. Se on ehkä "
            "siirretty tai nimetty uudelleen. Palaa {home} tai käytä hakua.",
            "etusivulle",
        ),
    },
    "sv": {
        "name": "På svenska",
        "project": "Receptbok för partnerskap",
        "authors": "Receptbokens författare",
        "licence": "innehåll CC BY 4.0, kod MIT",
        "date": "%-d %B %Y",
        "locale": "sv_FI",
        "search": "Sök i handboken…",
        "switcher": "Språk",
        "menu": "Innehåll",
        "not_found": (
            "Sidan hittades inte",
            "Sidan du söker finns inte i handboken. Den kan ha "
            "flyttats eller fått ett nytt namn. Gå till {home} eller använd sökningen.",
            "startsidan",
        ),
    },
    "en": {
        "name": "In English",
        "project": "The Partnership Cookbook",
        "authors": "The Partnership Cookbook authors",
        "licence": "content CC BY 4.0, code MIT",
        "date": "%-d %B %Y",
        "locale": "en_GB",
        "search": "Search the handbook…",
        "switcher": "Language",
        "menu": "Contents",
        "not_found": (
            "Page not found",
            "The page you are looking for is not in this handbook. It "
            "may have moved or been renamed. Go to the {home} or use search.",
            "front page",
        ),
    },
}
language = os.environ.get("HANDBOOK_LANGUAGE", "fi")
if language not in LANGUAGES:
    raise ValueError(f"HANDBOOK_LANGUAGE must be one of {', '.join(LANGUAGES)}, not {language!r}")
LANG = LANGUAGES[language]
handbook_languages = {code: settings["name"] for code, settings in LANGUAGES.items()}
locale_dirs = [str(ROOT / "locales")]
gettext_compact = True
today_fmt = LANG["date"]

# -- Project -----------------------------------------------------------------
project = LANG["project"]
author = LANG["authors"]
copyright = f"2026, {author}; {LANG['licence']}"
release = PYPROJECT["project"]["version"]
version = release

extensions = [
    "myst_parser",
    "sphinx_design",
    "recipes",
    "review_dates",
    "recipes.recipe_map",
    "language_links",
    "section_sidebar",
    "lean_theme_css",
    "sphinx_sitemap",
    "complete_sitemap",
    "complete_search_index",
    "notfound.extension",
    "sphinxext.opengraph",
    "sphinx_last_updated_by_git",
]

root_doc = "index"
exclude_patterns = [
    ".*",
    "build",
    "tests",
    "benchmarks",
    "_ext",
    "tools",
    "workshop",
    "LICENSES",
    "_templates",
    "locales",
    "README.md",
    "CONTRIBUTING.md",
    "LICENSE*",
]

# The build is strict: a broken reference is an error (make html adds -W -n).
nitpicky = True

# -- MyST ----------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- Recipe checklists (_ext/recipes) --------------------------------------------
recipes_storage_namespace = "kumppanuuden-reseptikirja"
recipes_chapters = {
    "suhde": "docs/luvut/suhde",
    "vuoropuhelu": "docs/luvut/vuoropuhelu",
    "tilannekuva": "docs/luvut/tilannekuva",
    "yhtenainen-toiminta": "docs/luvut/yhtenainen-toiminta",
    "lisaarvo": "docs/luvut/lisaarvo",
    "erilaistuminen": "docs/luvut/erilaistuminen",
}
# "Ehdota parannusta" links open this issue form, prefilled (_ext/recipes/suggest.py).
recipes_suggest_form = f"{HANDBOOK['repository']}/issues/new?template=reseptiehdotus.yml"
# Booklet parts besides the chapters that items may name as their origin ({origin}`booklet:<id>`):
# the booklet's closing list of eight recipes, introduced on the recipes overview.
recipes_booklet_parts = {"kahdeksan-reseptia": "kirjasen-reseptilista"}
recipes_process_steps = {
    "kokonaiskuva": "prosessi-kokonaiskuva",
    "tilannekuva": "prosessi-tilannekuva",
    "tahtotila": "prosessi-tahtotila",
    "ratkaisut": "prosessi-ratkaisut",
    "seuranta": "prosessi-seuranta",
}

# -- Publishing ------------------------------------------------------------------
# The published address; CI sets HANDBOOK_BASE_URL from the Pages deployment.
html_baseurl = os.environ.get("HANDBOOK_BASE_URL", HANDBOOK["base-url"]) + f"{language}/"
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
notfound_urls_prefix = urlparse(html_baseurl).path
_title, _text, _home = LANG["not_found"]
notfound_context = {
    "title": _title,
    "body": f"<h1>{_title}</h1><p>"
    + _text.format(home=f"<a href='{urlparse(html_baseurl).path}index.html'>{_home}</a>")
    + "</p>",
}
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_social_cards = {"enable": False}
ogp_custom_meta_tags = [f'<meta property="og:locale" content="{LANG["locale"]}">']
# Outside a Git checkout (a source archive) pages simply show no last-updated date.
if not (ROOT / ".git").exists():
    suppress_warnings = ["git.subprocess_error"]

# -- HTML ----------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = project
html_favicon = "_static/favicon.svg"
html_search_language = language
html_last_updated_fmt = LANG["date"]
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["icons.css", "handbook.css"]
html_show_sourcelink = False
html_theme_options = {
    "navbar_align": "left",
    # One menu button for all sections keeps the header on one row from 1024 px up.
    "header_links_before_dropdown": 0,
    "header_dropdown_text": LANG["menu"],
    "show_prev_next": True,
    "footer_start": ["copyright"],
    "footer_end": ["last-updated"],
    "secondary_sidebar_items": ["page-toc", "edit-this-page"],
    "navigation_with_keys": False,
    "search_bar_text": LANG["search"],
    "navbar_end": ["language-switcher", "theme-switcher", "navbar-icon-links"],
    "use_edit_page_button": True,
}
_repository = urlparse(HANDBOOK["repository"]).path.strip("/").split("/")
html_context = {
    "github_user": _repository[0],
    "github_repo": _repository[1],
    "github_version": "main",
    "doc_path": "",
    "default_mode": "light",  # written into the markup; _templates/layout.html picks the mode with JS
    "language_switcher_label": LANG["switcher"],
}
html_sidebars = {"**": ["sidebar-nav-bs"], "index": []}

# The workshop edition (`make workshop`) builds singlehtml with `-t workshop`: plain
# markup without the theme, which workshop/compose.py turns into the print document.
if tags.has("workshop"):  # noqa: F821 - Sphinx provides `tags` to conf.py
    html_theme = "basic"
    html_theme_options = {}
    html_sidebars = {}
