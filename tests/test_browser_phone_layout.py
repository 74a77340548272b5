"""A calm checklist on a 320 px phone: each item shows its text and one fold button; the
origin, the suggestion link and the plan fields are one tap away and all on paper; nothing
covers an item's text (not the fold button, not "Takaisin alkuun"); the previous/next
titles wrap instead of being clipped; no page scrolls sideways."""

import pytest
from test_browser_print import folded, pdf_text

RECIPE = "/fi/recipes/pyoreat-poydat.html"


def overlaps(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(RECIPE)
    page.wait_for_selector(".recipe-fields", state="attached")  # recipes.js has added the plan fields
    return page


def test_an_item_shows_one_line_of_text_and_the_rest_is_one_tap_away(phone):
    items = phone.locator("li.recipe-item")
    assert items.count() == 10
    for n in range(items.count()):
        item = items.nth(n)
        for hidden in (".recipe-origin", "a.recipe-suggest", ".recipe-fields"):
            assert not item.locator(hidden).is_visible(), (n, hidden)
        label = item.locator("> label").bounding_box()
        button = item.locator(".recipe-more > summary").bounding_box()
        assert not overlaps(label, button), n
        assert button["width"] >= 40 and button["height"] >= 40  # a thumb's target
    first = items.first
    first.locator(".recipe-more > summary").click()
    for shown in (".recipe-origin", "a.recipe-suggest", ".recipe-fields > summary"):
        assert first.locator(shown).is_visible(), shown
    assert first.locator(".recipe-more > summary").get_attribute("aria-label") is None
    assert first.locator(".recipe-more > summary").inner_text() == "Tiedot ja suunnitelma"


def test_nothing_covers_item_text_when_scrolling(phone):
    phone.mouse.wheel(0, 2500)
    phone.wait_for_timeout(300)
    phone.mouse.wheel(0, -400)  # the theme shows "back to top" when the reader scrolls up
    phone.wait_for_timeout(500)
    assert not phone.locator("#pst-back-to-top").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_folded_parts_are_on_paper(phone):
    printed = pdf_text(phone)
    item = phone.locator("li[data-item=kutsu]")
    origin = item.locator(".recipe-origin").text_content()
    assert folded(origin) in printed
    phone.emulate_media(media="print")
    assert not phone.locator("#pst-back-to-top").is_visible()
    assert not item.locator(".recipe-more > summary").is_visible()


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("path", [RECIPE, "/fi/docs/prosessi.html", "/sv/recipes/kumppanuuskulttuuri.html"])
def test_previous_and_next_titles_wrap(page, translations, width, path):
    translations["sv"]  # noqa: B018  (built beside the Finnish site when first asked for)
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(path)
    for title in page.locator(".prev-next-area .prev-next-title").all():
        box = title.bounding_box()
        assert title.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), title.inner_text()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, title.inner_text()
        link = title.evaluate("t => t.closest('a').getBoundingClientRect().right")
        assert link <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
