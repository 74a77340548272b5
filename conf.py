"""Sphinx configuration of Kumppanuuden reseptikirja (Finnish source)."""

import os
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "_ext"))
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
HANDBOOK = PYPROJECT["tool"]["handbook"]

# -- Project -----------------------------------------------------------------
project = "Kumppanuuden reseptikirja"
author = "Kumppanuuden reseptikirjan tekijät"
copyright = "2026, Kumppanuuden reseptikirjan tekijät; sisältö CC BY 4.0, koodi MIT"
release = PYPROJECT["project"]["version"]
version = release

language = "fi"
locale_dirs = [str(ROOT / "locales")]
today_fmt = "%-d.%-m.%Y"

extensions = [
    "myst_parser",
    "sphinx_design",
    "recipes",
    "sphinx_sitemap",
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
recipes_process_steps = {
    "kokonaiskuva": "prosessi-kokonaiskuva",
    "tilannekuva": "prosessi-tilannekuva",
    "tahtotila": "prosessi-tahtotila",
    "ratkaisut": "prosessi-ratkaisut",
    "seuranta": "prosessi-seuranta",
}

# -- Publishing ------------------------------------------------------------------
# The published address; CI sets HANDBOOK_BASE_URL from the Pages deployment.
html_baseurl = os.environ.get("HANDBOOK_BASE_URL", HANDBOOK["base-url"])
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
notfound_urls_prefix = urlparse(html_baseurl).path
notfound_context = {
    "title": "Sivua ei löytynyt",
    "body": "<h1>Sivua ei löytynyt</h1><p>Hakemaasi sivua ei ole tässä käsikirjassa. "
    "Se on ehkä siirretty tai nimetty uudelleen. Palaa <a href='"
    + urlparse(html_baseurl).path
    + "index.html'>etusivulle</a> tai käytä hakua.</p>",
}
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_social_cards = {"enable": False}
ogp_custom_meta_tags = ['<meta property="og:locale" content="fi_FI">']
# Outside a Git checkout (a source archive) pages simply show no last-updated date.
if not (ROOT / ".git").exists():
    suppress_warnings = ["git.subprocess_error"]

# -- HTML ----------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = project
html_favicon = "_static/favicon.svg"
html_search_language = "fi"
html_last_updated_fmt = "%-d.%-m.%Y"
html_static_path = ["_static"]
html_css_files = ["handbook.css"]
html_show_sourcelink = False
html_theme_options = {
    "navbar_align": "left",
    "show_prev_next": True,
    "footer_start": ["copyright"],
    "footer_end": ["last-updated"],
    "secondary_sidebar_items": ["page-toc", "edit-this-page"],
    "navigation_with_keys": False,
    "search_bar_text": "Hae käsikirjasta…",
    "use_edit_page_button": True,
}
_repository = urlparse(HANDBOOK["repository"]).path.strip("/").split("/")
html_context = {
    "github_user": _repository[0],
    "github_repo": _repository[1],
    "github_version": "main",
    "doc_path": "",
    "default_mode": "auto",
}
html_sidebars = {"**": ["sidebar-nav-bs"], "index": []}

# The workshop edition (`make workshop`) builds singlehtml with `-t workshop`: plain
# markup without the theme, which workshop/compose.py turns into the print document.
if tags.has("workshop"):  # noqa: F821 - Sphinx provides `tags` to conf.py
    html_theme = "basic"
    html_theme_options = {}
    html_sidebars = {}
