"""Three languages: Finnish source, Swedish and English translations. Every message is
translated, each language builds strictly with its own lang, search and interface
strings, the switcher leads to the same page, and ticks carry across languages."""

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from page_tour import COLOUR_SAMPLE

from tools import sphinx_command
from tools.languages import registry
from tools.root_pages import index_page

from conftest import ROOT

# Each language's tests share a worker, which builds that language's site once.
SV, EN = (pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en"))


LANGUAGES = registry()
TRANSLATIONS = [code for code, language in LANGUAGES.items() if not language.source]
CATALOGS = [p for code in TRANSLATIONS for p in sorted((ROOT / "locales" / code).glob("LC_MESSAGES/*.po"))]
CATALOGS += sorted((ROOT / "_ext" / "recipes" / "locale").glob("*/LC_MESSAGES/*.po"))
STEMMERS = {"fi": "FinnishStemmer", "sv": "SwedishStemmer", "en": "EnglishStemmer"}
UI = {
    "sv": ("Exportera framsteg till fil", "Gå till huvudinnehållet", "Sök i handboken…"),
    "en": ("Export progress", "Skip to main content", "Search the handbook…"),
}
FINNISH_UI = ("Vie edistyminen tiedostoon", "Siirry pääsisältöön", "Hae käsikirjasta", "Tällä sivulla")


def pages(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.html") if "_static" not in p.parts)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_is_translated(catalog):
    with catalog.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id]
    assert messages
    assert [m.id for m in messages if not m.string] == []
    assert [m.id for m in messages if m.fuzzy] == []


def test_catalogues_cover_the_current_finnish_text(tmp_path):
    sphinx_command.run("gettext", tmp_path, "fi", quiet=True).check_returncode()
    for template in sorted(tmp_path.glob("*.pot")):
        with template.open("rb") as handle:
            wanted = {m.id for m in read_po(handle) if m.id}
        for language in TRANSLATIONS:
            with (ROOT / "locales" / language / "LC_MESSAGES" / f"{template.stem}.po").open("rb") as handle:
                have = {m.id for m in read_po(handle) if m.id and m.string and not m.fuzzy}
            assert sorted(wanted - have) == [], (
                f"{language}/{template.stem}.po: run `make gettext` and translate"
            )


@pytest.mark.parametrize("language", [SV, EN])
def test_language_has_its_lang_search_and_interface(translations, language):
    root = translations[language]
    page = (root / "recipes" / "pyoreat-poydat.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in page
    assert STEMMERS[language] in (root / "_static" / "language_data.js").read_text()
    for text in UI[language]:
        assert text in page, text
    for text in FINNISH_UI:
        assert text not in page, text


@pytest.mark.parametrize("language", [SV, EN])
def test_ids_are_the_same_in_every_language(site, translations, language):
    def ids(root):
        catalogue = json.loads((root / "recipes.json").read_text(encoding="utf-8"))
        return [(r["id"], [(i["id"], i["revision"]) for i in r["items"]]) for r in catalogue["recipes"]]

    root = translations[language]
    # a tick remembers its item's revision: the digest of the Finnish text, the same in every language
    assert ids(root) == ids(site)
    page = (root / "recipes" / "pyoreat-poydat.html").read_text(encoding="utf-8")
    revisions = dict(re.findall(r'data-item="([^"]+)" data-rev="([0-9a-f]{12})"', page))
    assert revisions == dict(dict(ids(site))["pyoreat-poydat"])
    finnish = json.loads((site / "recipes.json").read_text(encoding="utf-8"))
    translated = json.loads((root / "recipes.json").read_text(encoding="utf-8"))
    assert translated["handbook"]["language"] == language
    titles = [r["title"] for r in translated["recipes"]]
    assert titles != [r["title"] for r in finnish["recipes"]], f"{language} titles are not translated"


@pytest.mark.xdist_group("sv")
def test_switcher_links_lead_to_the_same_page(site, translations, site_root):
    roots = {code: site if LANGUAGES[code].source else translations[code] for code in LANGUAGES}
    for language, root in roots.items():
        for name in pages(root):
            if name == "404.html":
                continue
            switcher = soup(root / name).select_one("nav.language-switcher")
            assert switcher is not None, (language, name)
            links = {a["hreflang"]: a["href"] for a in switcher.select("a")}
            assert set(links) == set(LANGUAGES)
            for code, href in links.items():
                target = (root / name).parent / href
                assert target.resolve() == (site_root / code / name).resolve(), (language, name, code)
                assert target.is_file(), (language, name, code)


def test_front_door_sends_readers_to_finnish():
    html = index_page(LANGUAGES)
    assert "url=fi/index.html" in html and 'href="sv/index.html"' in html and 'href="en/index.html"' in html


@pytest.mark.xdist_group("sv")
def test_a_tick_made_in_finnish_shows_in_swedish(page, translations):
    assert translations["sv"].is_dir()  # built before the browser asks for it
    page.goto("/fi/recipes/pyoreat-poydat.html")
    page.locator("section.recipe input.recipe-check").nth(2).check()
    page.locator("nav.language-switcher a[hreflang=sv]").first.click()
    page.wait_for_url("**/sv/recipes/pyoreat-poydat.html")
    boxes = page.locator("section.recipe input.recipe-check")
    assert boxes.nth(2).is_checked() and not boxes.nth(0).is_checked()
    assert page.locator("section.recipe .recipe-progress-count").inner_text().endswith("klara")


@pytest.mark.parametrize("language", [SV, EN])
def test_translated_pages_pass_axe(tours, language):
    """Every page with the rules that read structure and words; the colour rules, which
    give the Finnish pages' result on the same styles, on two pages in both schemes
    (page_tour.py); no console error or failed request on the way."""
    visits = tours[language]
    assert {name for name, visit in visits.items() if "dark" in visit.axe} == set(COLOUR_SAMPLE)
    failures = [
        f"{name} ({scheme}): {line}"
        for name, visit in visits.items()
        for scheme, found in visit.axe.items()
        for line in found + visit.problems[scheme]
    ]
    assert failures == []
