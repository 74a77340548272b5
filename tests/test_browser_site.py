"""Every page in a real browser: no console errors, no request to another origin,
zero axe-core WCAG 2.1 A/AA violations in light and dark theme, and Finnish search
that finds a recipe from an inflected word form."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def all_pages() -> list[str]:
    pages = ["index.html", "genindex.html", "search.html"]
    for folder in ("docs", "recipes"):
        pages += [
            str(p.relative_to(ROOT).with_suffix(".html")) for p in sorted((ROOT / folder).rglob("*.md"))
        ]
    return pages


@pytest.fixture(scope="module")
def axe():
    return Axe()


def describe(results) -> str:
    return "\n".join(
        f"{v['id']}: {v['help']} -> " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in results.response["violations"]
    )


def check(browser, server, axe, path: str, scheme: str) -> None:
    context = browser.new_context(base_url=server, color_scheme=scheme)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("response", lambda r: problems.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith((server, "data:", "blob:"))
            else problems.append("foreign request " + r.url)
        ),
    )
    response = page.goto(f"/fi/{path}")
    assert response.ok, path
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    assert problems == [], f"{path} ({scheme}): {problems}"
    # axe fetches stylesheets itself (resolving @import against the page): check it after
    results = axe.run(page, options=WCAG)
    context.close()
    assert results.violations_count == 0, f"{path} ({scheme}):\n{describe(results)}"


@pytest.mark.parametrize("path", all_pages())
def test_page_loads_cleanly_and_passes_axe_in_light_and_dark(browser, server, axe, path):
    check(browser, server, axe, path, "light")
    check(browser, server, axe, path, "dark")


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
