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


@pytest.mark.parametrize("path", all_pages())
def test_page_loads_cleanly_and_passes_axe_in_light_and_dark(browser, server, path):
    """Loaded with the reader's system in light mode and again in dark mode: the theme
    follows; axe checks the page with every rule in light mode and with the rules that
    depend on colour in dark mode (the others see the same page in both)."""
    context = browser.new_context(base_url=server, color_scheme="light")
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
    found = {}
    for scheme in ("light", "dark"):
        if scheme == "dark":
            page.emulate_media(color_scheme=scheme)
            page.reload()
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        found[scheme] = axe_violations(page, only=COLOUR_RULES if scheme == "dark" else ())
    # axe fetches stylesheets itself (resolving @import against the page): checked after it
    assert problems == [], f"{path}: {problems}"
    context.close()
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
