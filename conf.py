"""Sphinx configuration of Kumppanuuden reseptikirja (Finnish source)."""

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "_ext"))

# -- Project -----------------------------------------------------------------
project = "Kumppanuuden reseptikirja"
author = "Kumppanuuden reseptikirjan tekijät"
copyright = "2026, Kumppanuuden reseptikirjan tekijät; sisältö CC BY 4.0, koodi MIT"
release = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
version = release

language = "fi"
locale_dirs = ["locales"]
today_fmt = "%-d.%-m.%Y"

extensions = ["myst_parser", "sphinx_design", "recipes"]

root_doc = "index"
exclude_patterns = [
    ".*",
    "build",
    "tests",
    "benchmarks",
    "_ext",
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

# -- HTML ----------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = project
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
    "secondary_sidebar_items": ["page-toc"],
    "navigation_with_keys": False,
    "search_bar_text": "Hae käsikirjasta…",
}
html_sidebars = {"**": ["sidebar-nav-bs"], "index": []}
