"""Sphinx configuration of Kumppanuuden reseptikirja (Finnish source; the languages are in pyproject.toml)."""

import os
import sys
import tomllib
from html import escape
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).parent
# The extensions first, then the project root for tools.languages (the language registry).
sys.path[:0] = [str(ROOT / "_ext"), str(ROOT)]
from tools import languages  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
HANDBOOK = PYPROJECT["tool"]["handbook"]

# -- Languages -------------------------------------------------------------
# One registry in pyproject.toml ([tool.handbook.languages], read by tools/languages.py);
# Finnish is the source. `make html` builds each language into build/html/<code>/ with
# HANDBOOK_LANGUAGE set. Translations are gettext catalogues under locales/<code>/, the
# interface words below among them (handbook-ui.po, Finnish msgids).
LANGUAGES = languages.registry()
handbook_source_language = languages.source_language(LANGUAGES).code
language = os.environ.get("HANDBOOK_LANGUAGE", handbook_source_language)
if language not in LANGUAGES:
    raise ValueError(f"HANDBOOK_LANGUAGE must be one of {', '.join(LANGUAGES)}, not {language!r}")
LANG = LANGUAGES[language]
_ = languages.translator(LANG, "handbook-ui")
handbook_languages = {code: settings.name for code, settings in LANGUAGES.items()}
# The registry's one date style (Babel locale and CLDR pattern): recipe and review dates, the
# browser's dates (recipes_date_pattern) and Sphinx's own (today_fmt below) all use it.
recipes_locale = LANG.locale
recipes_date_pattern = LANG.date
locale_dirs = [str(ROOT / "locales")]
gettext_compact = True
# Sphinx prints these with Babel, field by field, in the registry's date style.
today_fmt = languages.sphinx_date_format(LANG.date)

# -- Project -----------------------------------------------------------------
project = LANG.project
author = LANG.authors
copyright = f"2026, {author}; {LANG.licence}"
release = PYPROJECT["project"]["version"]
version = release

extensions = [
    "myst_parser",
    "sphinx_design",
    "recipes",
    "review_dates",
    "sourced_facts",
    "cite_page",
    "recipe_feed",
    "language_links",
    "section_sidebar",
    "lean_theme_css",
    "sphinx_sitemap",
    "complete_sitemap",
    "complete_search_index",
    "compound_search",
    "offline",
    "workshop_link",
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
# The booklet's own chapter numbers and titles, shown in each item's origin line so that a
# reader can find the passage in the booklet. Titles 1 and 4 are shortened (…): a title of
# eight words or more would be a copied run for verbatim-check.
recipes_booklet_chapters = {
    "suhde": {"number": 1, "title": "Kaupunkien ja valtion suhde on suhdanteinen, moninainen …"},
    "vuoropuhelu": {"number": 2, "title": "Kumppanuus on vuoropuhelua yhteisten haasteiden ratkaisemiseksi"},
    "tilannekuva": {"number": 3, "title": "Yhteinen tilannekuva on kumppanuuden perusta"},
    "yhtenainen-toiminta": {
        "number": 4,
        "title": "Yhtenäiseen toimintaan sekä valtion sisällä että kaupunkien …",
    },
    "lisaarvo": {"number": 5, "title": "Kumppanuuden lisäarvon tekijät täytyy tunnistaa"},
    "erilaistuminen": {
        "number": 6,
        "title": "Kunnat erilaistuvat, kaupungit erilaistuvat, erilaistuuko politiikka?",
    },
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

# Every build of the handbook is strict (tools/sphinx_command.py): a page whose review is due
# is reported as a message, so the calendar alone never stops publishing (make review-due FAIL=1
# is the check that fails).
review_due_warns = False
# Likewise a machine without Voikko builds the site, with Finnish compounds split by the
# handbook's own words, and says so (_ext/compound_search).
compound_search_voikko_warns = False

# -- Publishing ------------------------------------------------------------------
# The published address; CI sets HANDBOOK_BASE_URL from the Pages deployment.
html_baseurl = languages.site_url() + f"{language}/"
# The sitemap's alternates point to each language's page: the site root plus "<code>/<page>".
site_url = html_baseurl.removesuffix(f"{language}/")
sitemap_url_scheme = "{lang}{link}"
sitemap_locales = list(LANGUAGES)
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
notfound_urls_prefix = urlparse(html_baseurl).path
_title = _("Sivua ei löytynyt")
_home_text = escape(_("etusivulle"), quote=False)
_home = f"<a href='{notfound_urls_prefix}index.html'>{_home_text}</a>"
_text = _(
    "Hakemaasi sivua ei ole tässä käsikirjassa. Se on ehkä siirretty tai nimetty uudelleen. "
    "Palaa {home} tai käytä hakua."
)
notfound_context = {
    "title": _title,
    "body": f"<h1>{escape(_title, quote=False)}</h1><p>{escape(_text, quote=False).format(home=_home)}</p>",
}
# "Viittaa tähän sivuun" (_ext/cite_page): the release's own address under <site>/v/<version>/.
cite_site_url = site_url
cite_release_date = HANDBOOK["release-date"]
cite_publisher = _("Kumppanuuden reseptikirja -projekti")
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_social_cards = {"enable": False}
ogp_custom_meta_tags = [f'<meta property="og:locale" content="{LANG.locale}">']
# Outside a Git checkout (a source archive) pages simply show no last-updated date.
if not (ROOT / ".git").exists():
    suppress_warnings = ["git.subprocess_error"]

# The publishing workflow (.github/workflows/site.yml) puts the language's workshop PDF
# beside its pages; the front page links to it ({workshop-pdf} role, _ext/workshop_link.py)
# and the service worker keeps it for offline use where it exists (_ext/offline).

# -- HTML ----------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = project
html_favicon = "_static/favicon.svg"
html_search_language = language
html_last_updated_fmt = today_fmt
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["icons.css", "handbook.css"]
html_js_files = [("language-place.js", {"defer": "defer"})]
html_show_sourcelink = False
html_theme_options = {
    "navbar_align": "left",
    # One menu button for all sections keeps the header on one row from 1024 px up.
    "header_links_before_dropdown": 0,
    "header_dropdown_text": _("Sisältö"),
    "show_prev_next": True,
    "footer_start": ["copyright", "handbook-version"],
    "footer_end": ["last-updated"],
    "secondary_sidebar_items": ["page-toc", "edit-this-page"],
    "navigation_with_keys": False,
    "search_bar_text": _("Hae käsikirjasta…"),
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
    "language_switcher_label": _("Kieli"),
    "version_label": _("Versio"),
    "nojs_menu_label": _("Valikko"),
    "search_button_text": _("Hae"),
}
html_sidebars = {"**": ["sidebar-nav-bs"], "index": []}

# -- The workshop edition (`make workshop`: sphinx-build -b workshop) ----------------
# The pages its prose parts are printed from, and which sections of each chapter it keeps
# (section ids come from the Finnish headings, so they are the same in every language).
recipes_workshop_parts = {
    "definition": "docs/maaritelma",
    "layer_cake": "docs/johdanto",  # its first figure
    "process": "docs/prosessi",  # printed as the process canvas
    "glossary": "docs/sanasto",
    "sources": ["docs/haastatellut", "docs/lahde-ja-lisenssi"],
    "chapter_sections": ["luvun-ydin", "ratkaisut-ja-resepti"],
}
recipes_workshop_hyphenation = LANG.hyphenation
recipes_workshop_date_format = LANG.date
