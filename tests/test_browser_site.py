"""Every page in a real browser: no console errors, no request to another origin,
zero axe-core WCAG 2.1 A/AA violations in light and dark theme, and Finnish search
that finds a recipe from an inflected word form."""

import pytest

from conftest import ROOT


def all_pages() -> list[str]:
    pages = ["index.html", "genindex.html", "search.html"]
    for folder in ("docs", "recipes"):
        pages += [
            str(p.relative_to(ROOT).with_suffix(".html")) for p in sorted((ROOT / folder).rglob("*.md"))
        ]
    return pages


@pytest.mark.parametrize("path", all_pages())
def test_page_loads_cleanly_and_passes_axe_in_light_and_dark(tours, path):
    """Loaded with the reader's system in light mode, then switched to dark mode
    (page_tour.py): the theme follows; axe checks the page with every rule in light mode
    and with the rules that depend on colour in dark mode (the others see the same page in
    both); no console error, failed request or request elsewhere, axe's own fetches of the
    stylesheets included."""
    visit = tours["fi"][path]
    assert visit.theme == {"light": "light", "dark": "dark"}, path
    assert visit.problems == {"light": [], "dark": []}, path
    assert visit.axe == {"light": [], "dark": []}, path


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kumppanuuskulttuuria", "recipes/kumppanuuskulttuuri.html"),
        ("yhteiskuntasopimuksella", "recipes/yhteiskuntasopimus.html"),
    ],
)
def test_finnish_search_finds_a_recipe_from_an_inflected_form(page, query, expected):
    page.goto(f"/fi/search.html?q={query}")
    # Sphinx lists results one by one: wait for the search to finish, not for its first result
    page.wait_for_function(
        "() => document.querySelector('#search-results .search-summary')?.textContent.trim()",
        timeout=15000,
    )
    hrefs = page.eval_on_selector_all("#search-results li a", "els => els.map(a => a.href)")
    assert any(expected in href for href in hrefs), hrefs
