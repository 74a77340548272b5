"""Every page on every screen: no sideways scrolling from 320 to 1920 px in any language,
the header on one row from 1024 px up, no empty sidebar column, and with JavaScript off
the pages keep their colours and a solid header."""

import pytest
from page_tour import WIDTHS, reader_pages

SV, EN = (pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en"))
WIDE = (1024, 1280, 1920)
TRANSPARENT = "rgba(0, 0, 0, 0)"
# Pages whose section has no pages of its own: the left column must not be shown.
SINGLE_PAGES = ("docs/prosessi.html", "docs/johdanto.html", "docs/tekniikka.html", "docs/saavutettavuus.html")


def header_rows(page) -> dict:
    """Header height and the vertical spread of the visible header items' centres."""
    return page.evaluate(
        """() => {
          const items = [...document.querySelectorAll('.bd-header .navbar-item, .bd-header .navbar-brand')]
            .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0)
            .map((r) => r.top + r.height / 2);
          return {height: document.querySelector('.bd-header').offsetHeight,
                  spread: Math.max(...items) - Math.min(...items)};
        }"""
    )


@pytest.mark.parametrize("language", ["fi", SV, EN])
def test_no_page_scrolls_sideways_at_any_width(tours, sites, language):
    """Each page loaded at 320 px and widened step by step (page_tour.py)."""
    visits = tours[language]
    assert list(visits) == reader_pages(sites(language))
    assert all(tuple(visit.overflow) == WIDTHS for visit in visits.values())
    wide = [
        f"{name} at {width} px: {extra} px too wide"
        for name, visit in visits.items()
        for width, extra in visit.overflow.items()
        if extra > 0
    ]
    assert wide == []


@pytest.mark.parametrize("language", ["fi", SV, EN])
def test_header_is_one_row_from_1024_px(browser, server, sites, language):
    sites(language)
    context = browser.new_context(base_url=server)
    tab = context.new_page()
    rows = []
    for name in ("index.html", "recipes/pyoreat-poydat.html", "docs/luvut/suhde.html"):
        tab.goto(f"/{language}/{name}")
        for width in WIDE:
            tab.set_viewport_size({"width": width, "height": 800})
            header = header_rows(tab)
            if header["height"] > 90 or header["spread"] > 12:
                rows.append(f"{name} at {width} px: {header}")
    context.close()
    assert rows == []


def test_no_empty_section_sidebar(browser, server, site):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    for name in SINGLE_PAGES:
        tab.goto(f"/fi/{name}")
        sidebar = tab.locator("#pst-primary-sidebar")
        assert sidebar.get_attribute("class").split().count("hide-on-wide") == 1, name
        assert not sidebar.is_visible(), name
    tab.goto("/fi/recipes/pyoreat-poydat.html")  # a section with pages keeps its list
    assert tab.locator("#pst-primary-sidebar nav.bd-docs-nav a").count() >= 8
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_without_javascript_pages_keep_colours_and_a_solid_header(browser, server, site, scheme):
    context = browser.new_context(
        base_url=server,
        java_script_enabled=False,
        color_scheme=scheme,
        viewport={"width": 1280, "height": 700},
    )
    tab = context.new_page()
    for name in ("index.html", "recipes/pyoreat-poydat.html", "docs/prosessi.html"):
        tab.goto(f"/fi/{name}")
        assert tab.evaluate("document.documentElement.dataset.theme") == "light", name
        header = tab.evaluate("getComputedStyle(document.querySelector('.bd-header')).backgroundColor")
        body = tab.evaluate("getComputedStyle(document.body).backgroundColor")
        link = tab.evaluate("getComputedStyle(document.querySelector('.bd-article a[href]')).color")
        assert header != TRANSPARENT and body != TRANSPARENT, (name, header, body)
        assert link != tab.evaluate("getComputedStyle(document.body).color"), (
            f"{name}: links lost their colour"
        )
        tab.set_viewport_size({"width": 390, "height": 700})  # where the theme shows its menu buttons
        toggles = tab.locator(".bd-header .sidebar-toggle")
        assert not any(toggles.nth(i).is_visible() for i in range(toggles.count())), f"{name}: dead buttons"
        tab.set_viewport_size({"width": 1280, "height": 700})
    context.close()


def test_with_javascript_the_system_dark_mode_still_applies(browser, server, site):
    context = browser.new_context(base_url=server, color_scheme="dark")
    tab = context.new_page()
    tab.goto("/fi/index.html")
    assert tab.evaluate(
        "[document.documentElement.dataset.mode, document.documentElement.dataset.theme]"
    ) == [
        "auto",
        "dark",
    ]
    context.close()


def test_theme_switcher_section_menu_and_phone_menu_still_work(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/fi/index.html")
    header = page.locator(".bd-header")
    header.locator(".theme-switch-button").click()
    header.locator(".theme-change-button[data-mode=dark]").click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    header.locator(".navbar-nav .dropdown-toggle").click()
    header.locator(".navbar-nav .dropdown-menu a", has_text="Reseptit").click()
    page.wait_for_url("**/fi/recipes/index.html")
    page.set_viewport_size({"width": 390, "height": 800})
    page.locator("button.primary-toggle").click()
    menu = page.locator("#pst-primary-sidebar-modal")
    menu.locator("a", has_text="Kumppanuuden prosessi").first.wait_for()
    assert menu.evaluate("dialog => dialog.open")
