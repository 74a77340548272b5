"""Suggestion links ("Ehdota parannusta"): every recipe and item of the real handbook links to the
recipe-proposal issue form, prefilled with matching fields, in fi, sv and en; visible
and reachable on a phone; nowhere else (overview, print edition, unconfigured builds)."""

import tomllib
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import ROOT, axe_violations, recipe_doc, toctree, write_project

HANDBOOK = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
REPOSITORY = HANDBOOK["tool"]["handbook"]["repository"]
BASE_URL = HANDBOOK["tool"]["handbook"]["base-url"]
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "reseptiehdotus.yml"
RECIPE = "recipes/pyoreat-poydat.html"
TEXTS = {
    "fi": ("Ehdota parannusta", "Ehdota parannusta tähän reseptiin"),
    "sv": ("Föreslå en förbättring", "Föreslå en förbättring av receptet"),
    "en": ("Suggest an improvement", "Suggest an improvement to this recipe"),
}
LANGUAGES = [
    "fi",
    *(pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en")),
]


def query(href: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(href)
    fields = {key: values[0] for key, values in parse_qs(parts.query, strict_parsing=True).items()}
    return f"{parts.scheme}://{parts.netloc}{parts.path}", fields


def recipe_page(root) -> BeautifulSoup:
    return BeautifulSoup((root / RECIPE).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_item_links_to_the_form_with_its_fields(sites, language):
    recipe = recipe_page(sites(language)).select_one("section.recipe")
    items = recipe.select("li.recipe-item")
    assert len(items) == 10 and all(len(li.select("a.recipe-suggest")) == 1 for li in items)
    item = recipe.select_one("li[data-item=kutsu]")
    link = item.select_one("a.recipe-suggest")
    assert link.get_text() == TEXTS[language][0]
    form, fields = query(link["href"])
    assert form == f"{REPOSITORY}/issues/new"
    assert fields == {
        "template": "reseptiehdotus.yml",
        "title": "Resepti: pyoreat-poydat.kutsu",
        "resepti": "pyoreat-poydat",
        "tyovaihe": "kutsu",
        "nykyinen": " ".join(item.label.get_text().split()),
        "sivu": f"{BASE_URL}{language}/{RECIPE}#recipe-pyoreat-poydat--kutsu",
        "versio": HANDBOOK["project"]["version"],
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_recipe_links_to_the_form(sites, language):
    recipe = recipe_page(sites(language)).select_one("section.recipe")
    link = recipe.select_one("p.recipe-suggest-recipe > a.recipe-suggest")
    assert link.get_text() == TEXTS[language][1]
    _form, fields = query(link["href"])
    assert fields == {
        "template": "reseptiehdotus.yml",
        "title": "Resepti: pyoreat-poydat",
        "resepti": "pyoreat-poydat",
        "nykyinen": recipe.select_one(".recipe-title").get_text(),
        "sivu": f"{BASE_URL}{language}/{RECIPE}#recipe-pyoreat-poydat",
        "versio": HANDBOOK["project"]["version"],
    }


def test_issue_form_has_a_field_for_every_prefilled_value(site):
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = {field["id"] for field in form["body"] if "id" in field}
    hrefs = [a["href"] for a in recipe_page(site).select("a.recipe-suggest")]
    for href in hrefs:
        _form, fields = query(href)
        assert fields.pop("template") == FORM.name
        assert fields.pop("title").startswith(form["title"])
        assert set(fields) <= ids
    assert {"resepti", "tyovaihe", "nykyinen", "sivu", "versio"} <= ids


def test_overview_has_no_links_and_every_recipe_page_has(site):
    overview = BeautifulSoup((site / "recipes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert overview.select(".recipe-overview li.recipe-item")
    assert not overview.select(".recipe-overview a.recipe-suggest")
    for path in sorted((site / "recipes").glob("*.html")):
        if path.name != "index.html":
            assert recipe_page_links(path), path.name


def recipe_page_links(path) -> list:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a.recipe-suggest")


def test_no_links_without_a_configured_form(tmp_path):
    srcdir = write_project(tmp_path / "src", {"index": toctree("r"), "r": recipe_doc("kakku", ["uuni"])})
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    app.build()
    app.cleanup()
    html = (app.outdir / "r.html").read_text(encoding="utf-8")
    assert "recipe-suggest" not in html


@pytest.mark.browser
def test_links_are_visible_and_reachable_on_a_phone(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"/fi/{RECIPE}")
    item = page.locator("li[data-item=kutsu]")
    link = item.locator("a.recipe-suggest")
    assert not link.is_visible()  # folded with the origin and plan fields, one tap away
    item.locator(".recipe-more > summary").click()
    assert link.is_visible()
    assert float(link.evaluate("a => getComputedStyle(a).fontSize").removesuffix("px")) >= 12
    assert link.bounding_box()["height"] >= 24  # a target a thumb can hit
    item.locator("input.recipe-check").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.recipe-more > summary')")
    while page.evaluate("document.activeElement.matches('.recipe-more summary, .recipe-origin a')"):
        page.keyboard.press("Tab")  # the fold's button, then the origin's links, then the link
    assert link.evaluate("a => a === document.activeElement")
    violations = axe_violations(page)
    context.close()
    assert violations == []
