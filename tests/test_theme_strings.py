"""The theme speaks the page's language: every pydata-sphinx-theme string has a Finnish and
a Swedish translation, and no built page shows an untranslated theme string."""

from pathlib import Path

import pydata_sphinx_theme
import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import ROOT

SV, EN = (pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en"))
THEME_POT = Path(pydata_sphinx_theme.__file__).parent / "locale" / "sphinx.pot"
# Sphinx strings the theme shows that Sphinx's own Finnish catalogue lacks.
SPHINX_EXTRA = ("Link to this heading", "More")
MENU = {"fi": "Sisältö", "sv": "Innehåll", "en": "Contents"}


def messages(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and isinstance(m.id, str)}


def english_strings() -> set[str]:
    return {msgid for msgid in messages(THEME_POT) if "%" not in msgid} | set(SPHINX_EXTRA)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_theme_string_is_translated(language):
    catalogue = messages(ROOT / "locales" / language / "LC_MESSAGES" / "sphinx.po")
    wanted = set(messages(THEME_POT)) | set(SPHINX_EXTRA)
    assert sorted(m for m in wanted if not catalogue.get(m)) == []


def shown_strings(page: Path) -> set[str]:
    """Every text node and every title, aria-label and placeholder, stripped."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    shown = {text.strip() for text in soup.find_all(string=True)}
    for attribute in ("title", "aria-label", "placeholder"):
        shown |= {tag[attribute].strip() for tag in soup.select(f"[{attribute}]")}
    return shown


@pytest.mark.parametrize("language", ["fi", SV])
def test_no_page_shows_an_english_theme_string(sites, language):
    root = sites(language)
    english = english_strings()
    found = {}
    for page in ("index.html", "recipes/pyoreat-poydat.html", "docs/luvut/suhde.html", "search.html"):
        if leftover := shown_strings(root / page) & english:
            found[page] = sorted(leftover)
    assert found == {}


@pytest.mark.parametrize("language", ["fi", SV, EN])
def test_the_section_menu_is_named_in_the_language(sites, language):
    root = sites(language)
    soup = BeautifulSoup((root / "index.html").read_text(encoding="utf-8"), "html.parser")
    menu = soup.select_one(".bd-header .navbar-nav .dropdown-toggle")
    assert menu.get_text(strip=True) == MENU[language]
