"""Every page in a real browser: no console errors, no request to another origin,
zero axe-core WCAG 2.1 A/AA violations in light and dark theme, and Finnish search
that finds a recipe from an inflected word form."""

import pytest

from conftest import COLOUR_RULES, ROOT, axe_violations


def all_pages() -> list[str]:
    pages = ["index.html", "genindex.html", "search.html"]
    for folder in ("docs", "recipes"):
        pages += [
            str(p.relative_to(ROOT).with_suffix(".html")) for p in sorted((ROOT / folder).rglob("*.md"))
        ]
    return pages


class Tour:
    """One browser tab per colour scheme, going from page to page as a reader does (the
    stylesheets and scripts come from its cache after the first page), with what went
    wrong on the current page: console errors, failed and foreign requests."""

    def __init__(self, browser, server: str) -> None:
        self.tabs = {}
        self.problems: list[str] = []
        report = self.problems.append
        for scheme in ("light", "dark"):
            tab = browser.new_context(base_url=server, color_scheme=scheme).new_page()
            tab.on("console", lambda m: report(m.text) if m.type == "error" else None)
            tab.on("pageerror", lambda e: report(str(e)))
            tab.on("response", lambda r: report(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
            tab.on(
                "request",
                lambda r: (
                    None
                    if r.url.startswith((server, "data:", "blob:"))
                    else report("foreign request " + r.url)
                ),
            )
            self.tabs[scheme] = tab

    def visit(self, scheme: str, path: str):
        self.problems.clear()
        response = self.tabs[scheme].goto(f"/fi/{path}")
        assert response.ok, path
        return self.tabs[scheme]


@pytest.fixture(scope="module")
def tour(browser, server):
    tour = Tour(browser, server)
    yield tour
    for tab in tour.tabs.values():
        tab.context.close()


@pytest.mark.parametrize("path", all_pages())
def test_page_loads_cleanly_and_passes_axe_in_light_and_dark(tour, path):
    """Loaded with the reader's system in light mode and in dark mode: the theme follows;
    axe checks the page with every rule in light mode and with the rules that depend on
    colour in dark mode (the others see the same page in both)."""
    found = {}
    for scheme in ("light", "dark"):
        page = tour.visit(scheme, path)
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        found[scheme] = axe_violations(page, only=COLOUR_RULES if scheme == "dark" else ())
        # axe fetches stylesheets itself (resolving @import against the page): checked after it
        assert tour.problems == [], f"{path} ({scheme}): {tour.problems}"
    assert found == {"light": [], "dark": []}, path


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
