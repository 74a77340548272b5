"""The real handbook: every page exists and is in the navigation, chapters and recipes
link to each other, the definition and the five process steps are there, images have
text alternatives and the site speaks Finnish."""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools.lint_markdown import RECIPE_SECTIONS

from conftest import ROOT

CHAPTERS = ["suhde", "vuoropuhelu", "tilannekuva", "yhtenainen-toiminta", "lisaarvo", "erilaistuminen"]
RECIPES = [
    "kumppanuuskulttuuri",
    "pyoreat-poydat",
    "missiot",
    "johdon-tuki",
    "kumppanuusprosessi",
    "foorumit",
    "yhteiskuntasopimus",
    "eu-rahoitus",
]
STEPS = ["kokonaiskuva", "tilannekuva", "tahtotila", "ratkaisut", "seuranta"]
PAGES = (
    [
        "index",
        "docs/johdanto",
        "docs/maaritelma",
        "docs/prosessi",
        "docs/luvut/index",
        "docs/haastatellut",
        "docs/muuttunut",
        "docs/lahde-ja-lisenssi",
        "docs/muutokset",
        "docs/saavutettavuus",
        "docs/tekniikka",
        "docs/sanasto",
        "recipes/index",
        "seuranta",
    ]
    + [f"docs/luvut/{c}" for c in CHAPTERS]
    + [f"recipes/{r}" for r in RECIPES]
)


def soup(site: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, docname: str) -> BeautifulSoup:
    return soup(site, docname).select_one("article.bd-article")


def h2_titles(page) -> list[str]:
    return [h.get_text(strip=True).rstrip("#") for h in page.select("h2")]


def links_to(page, target: str, base: str) -> list[str]:
    """Links on ``page`` (built from ``base``) that lead to the page ``target``."""
    found = []
    for a in page.select("a[href]"):
        href = a["href"].split("#")[0]
        if href and os.path.normpath(os.path.join(os.path.dirname(base), href)) == f"{target}.html":
            found.append(a["href"])
    return found


@pytest.mark.parametrize("docname", PAGES)
def test_page_is_built(site, docname):
    assert (site / f"{docname}.html").exists()
    assert article(site, docname).select_one("h1")


def test_every_page_is_in_the_navigation(site):
    nav = soup(site, "docs/luvut/suhde").select_one("nav.bd-docs-nav, .bd-sidebar-primary")
    html = [str(p.relative_to(site).with_suffix("")) for p in site.rglob("*.html")]
    pages = sorted(p for p in html if p not in ("genindex", "search", "404") and not p.startswith("_"))
    assert sorted(PAGES) == pages
    linked = {"index"}
    for docname in PAGES:
        for a in soup(site, docname).select(".bd-sidebar-primary a[href], .navbar-nav a[href]"):
            target = os.path.normpath(os.path.join(os.path.dirname(docname), a["href"].split("#")[0]))
            linked.add(target.removesuffix(".html"))
    assert nav is not None
    assert set(PAGES) <= linked


def test_front_page_has_cards_to_the_main_parts(site):
    cards = article(site, "index").select("a.sd-stretched-link")
    targets = {os.path.normpath(a["href"]).removesuffix(".html") for a in cards}
    assert {
        "docs/johdanto",
        "docs/maaritelma",
        "docs/prosessi",
        "docs/luvut/index",
        "recipes/index",
    } <= targets


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_analysis_solutions_and_interview_insights(site, chapter):
    page = article(site, f"docs/luvut/{chapter}")
    titles = h2_titles(page)
    assert "Ratkaisut ja resepti" in titles
    assert titles.index("Ratkaisut ja resepti") >= 1  # analysis comes first
    assert page.select(".admonition.haastattelu")


def test_chapters_and_recipes_link_both_ways(site):
    catalogue = json.loads((site / "recipes.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in catalogue["recipes"]] == RECIPES
    for recipe in catalogue["recipes"]:
        assert recipe["chapters"], recipe["id"]
        recipe_doc = f"recipes/{recipe['id']}"
        for chapter in recipe["chapters"]:
            chapter_doc = f"docs/luvut/{chapter}"
            assert links_to(article(site, chapter_doc), recipe_doc, chapter_doc), (chapter, recipe["id"])
            assert links_to(article(site, recipe_doc), chapter_doc, recipe_doc), (recipe["id"], chapter)


@pytest.mark.parametrize("recipe", RECIPES)
def test_recipe_page_is_a_cookbook_page(site, recipe):
    page = article(site, f"recipes/{recipe}")
    assert h2_titles(page) == RECIPE_SECTIONS
    block = page.select_one(f"section.recipe[data-recipe={recipe}]")
    items = block.select("li.recipe-item input[type=checkbox]")
    assert 5 <= len(items) <= 12


def test_definition_page_explains_its_elements(site):
    page = article(site, "docs/maaritelma")
    text = page.get_text(" ").lower()
    for element in ["tiivis", "suun", "tasavert", "win-win", "mielentila", "yhteis"]:
        assert element in text, element
    assert len(h2_titles(page)) >= 6


def test_process_page_has_five_steps_with_needs_people_and_outputs(site):
    page = article(site, "docs/prosessi")
    for step in STEPS:
        section = page.find(id=f"prosessi-{step}")
        assert section is not None, step
        text = section.get_text(" ")
        for part in ["Mitä vaihe vaatii", "Ketkä osallistuvat", "Mitä vaihe tuottaa"]:
            assert part in text, (step, part)


def test_people_interviewed_are_listed(site):
    text = article(site, "docs/haastatellut").get_text(" ")
    for name in [
        "Minna Arve",
        "Pekka Timonen",
        "Ritva Viljanen",
        "Juhani Damski",
        "Kirsi Varhila",
        "Anita Lehikoinen",
    ]:
        assert name in text


def test_every_image_has_a_text_alternative(site):
    images = 0
    for page in site.rglob("*.html"):
        for img in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("img"):
            images += 1
            assert img.get("alt", "").strip(), f"{page}: {img}"
    assert images >= 2


@pytest.mark.parametrize("figure", sorted((ROOT / "docs" / "kuvat").glob("*.svg")))
def test_figures_are_accessible_svg(figure):
    svg = figure.read_text(encoding="utf-8")
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "aria-labelledby" in svg
    assert not re.search(r"(href|src)=\"https?:", svg)


def test_site_is_finnish(site):
    page = soup(site, "docs/johdanto")
    assert page.html["lang"] == "fi"
    assert "Search.setIndex" in (site / "searchindex.js").read_text()
    language_data = (site / "_static" / "language_data.js").read_text()
    assert "FinnishStemmer" in language_data


ENGLISH_UI = [
    "Skip to main content",
    "Back to top",
    "On this page",
    "previous page",
    "next page",
    "Search the docs",
    "Color mode",
    "Site navigation",
    "Section Navigation",
    "Created using",
    "Last updated",
    "Copyright",
    "System Settings",
    "Breadcrumb",
]


@pytest.mark.parametrize("docname", ["index", "docs/prosessi", "recipes/pyoreat-poydat"])
def test_no_english_theme_strings(site, docname):
    html = (site / f"{docname}.html").read_text(encoding="utf-8")
    visible = BeautifulSoup(html, "html.parser")
    for tag in visible(["script", "style"]):
        tag.decompose()
    strings = (
        " ".join(visible.stripped_strings)
        + " "
        + " ".join(
            v
            for tag in visible.find_all(True)
            for k, v in tag.attrs.items()
            if k in ("aria-label", "title", "placeholder", "alt") and isinstance(v, str)
        )
    )
    assert [s for s in ENGLISH_UI if s in strings] == []


def test_text_is_our_own_words():
    tool = ROOT.parent / "shared" / "tools" / "verbatim-check"
    if not tool.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is missing; CI must have ../shared beside the clone")
        pytest.skip("../shared/tools/verbatim-check is not beside this clone")
    result = subprocess.run([str(tool), str(ROOT)], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1].startswith("0 run"), result.stdout


def test_accessibility_statement_says_how_it_was_tested(site):
    text = article(site, "docs/saavutettavuus").get_text(" ")
    for fact in [
        "306/2019",
        "WCAG 2.1",
        "axe-core",
        "näppäimistö",
        "tummassa teemassa",
        "Tunnetut rajoitukset",
        "valvontaviranomai",
    ]:
        assert fact in text, fact
