"""A reader's checklist in a real browser: ticks persist, progress updates, export,
import and reset work, the keyboard is enough, and broken storage never breaks the page."""

import json

import pytest
from test_dates import DATES

from tools.languages import registry

RECIPE = "/fi/recipes/pyoreat-poydat.html"
KEY = "kumppanuuden-reseptikirja:recipe-progress"


def boxes(page):
    return page.locator("section.recipe input.recipe-check")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def wait_for_status(page, start: str) -> None:
    page.wait_for_function(
        "start => document.querySelector('.recipe-status').textContent.startsWith(start)", arg=start
    )


def count_text(page) -> str:
    return page.locator("section.recipe .recipe-progress-count").inner_text()


def test_ticks_persist_with_their_date_and_progress_updates(page):
    page.goto(RECIPE)
    total = boxes(page).count()
    assert count_text(page) == f"0 / {total} tehty"
    boxes(page).nth(0).check()
    boxes(page).nth(2).check()
    assert count_text(page) == f"2 / {total} tehty"
    assert page.locator(".recipe-status").first.inner_text() == f"2 / {total} tehty"
    page.reload()
    assert boxes(page).nth(0).is_checked() and boxes(page).nth(2).is_checked()
    assert not boxes(page).nth(1).is_checked()
    assert page.locator("section.recipe .recipe-date").nth(0).inner_text().startswith("tehty ")
    items = stored(page)["items"]["pyoreat-poydat"]
    assert [len(entry["done"]) for entry in items.values()] == [10, 10]


def test_overview_shows_the_same_ticks_and_total(page):
    page.goto(RECIPE)
    boxes(page).nth(0).check()
    page.goto("/fi/recipes/index.html")
    summary = page.locator("section[data-recipe=pyoreat-poydat]")
    assert summary.locator("input.recipe-check").nth(0).is_checked()
    total = page.locator(".recipe-progress[data-scope=all] .recipe-progress-count").inner_text()
    assert total.startswith("1 / ")


def test_unknown_stored_ids_are_kept(page):
    page.goto(RECIPE)
    old = {"version": 1, "ticks": {"poistettu-resepti": {"vanha": "2025-01-02"}}}
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({json.dumps(old)}))")
    page.reload()
    boxes(page).nth(0).check()
    assert stored(page)["items"]["poistettu-resepti"]["vanha"]["done"] == "2025-01-02"


def test_export_clear_import_restores(page, tmp_path):
    page.goto(RECIPE)
    boxes(page).nth(1).check()
    boxes(page).nth(3).check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Vie edistyminen tiedostoon").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["format"] == "recipe-progress" and data["namespace"] == "kumppanuuden-reseptikirja"
    assert {item for item, entry in data["items"]["pyoreat-poydat"].items() if entry.get("done")} == {
        boxes(page).nth(i).locator("xpath=..").get_attribute("data-item") for i in (1, 3)
    }

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Tyhjennä merkinnät").click()
    assert not any(boxes(page).nth(i).is_checked() for i in range(boxes(page).count()))
    assert page.locator(".recipe-status").first.inner_text() == "Kaikki merkinnät tyhjennettiin."

    page.locator("input[data-action=import]").first.set_input_files(str(exported))
    wait_for_status(page, "Tuotuja kohtia")
    assert boxes(page).nth(1).is_checked() and boxes(page).nth(3).is_checked()
    assert stored(page)["items"] == data["items"]


def test_reset_asks_first_and_cancel_keeps_ticks(page):
    page.goto(RECIPE)
    boxes(page).nth(0).check()
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Tyhjennä merkinnät").click()
    assert asked and "Tyhjennetäänkö" in asked[0]
    assert boxes(page).nth(0).is_checked()


def progress_file(ticks: dict, namespace: str = "kumppanuuden-reseptikirja", **extra) -> str:
    return json.dumps(
        {"format": "recipe-progress", "version": 1, "namespace": namespace, "ticks": ticks, **extra}
    )


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        progress_file({"a": {"b": "2026-01-01"}}, namespace="toinen-kirja"),
        progress_file({"pyoreat-poydat": {"x": "<img src=x onerror=alert(1)>"}}),
        progress_file({"__proto__": {"polluted": "2026-01-01"}}),
        progress_file({"pyoreat-poydat": {"x": "2026-01-01"}}, pad="x" * 1_100_000),
    ],
    ids=["not-json", "other-handbook", "markup", "prototype", "oversized"],
)
def test_bad_import_files_are_refused_and_change_nothing(page, tmp_path, content):
    page.goto(RECIPE)
    boxes(page).nth(0).check()
    before = stored(page)
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    page.locator("input[data-action=import]").first.set_input_files(str(bad))
    wait_for_status(page, "Tiedostoa ei tuotu")
    assert stored(page) == before
    assert page.evaluate("({}).polluted") is None
    assert page.locator("img[src=x]").count() == 0


def test_keyboard_alone_completes_a_recipe(page):
    page.goto(RECIPE)
    total = boxes(page).count()
    page.keyboard.press("Tab")
    for _ in range(400):
        focused = page.evaluate("document.activeElement.classList.contains('recipe-check')")
        if focused:
            break
        page.keyboard.press("Tab")
    for _ in range(total):
        page.keyboard.press("Space")
        page.keyboard.press("Tab")  # on to the next tick, past the item's fold button (closed)
        while page.evaluate("document.activeElement.matches('.recipe-more > summary')"):
            page.keyboard.press("Tab")
    assert count_text(page) == f"{total} / {total} tehty"


def test_page_works_and_says_so_without_storage(browser, server):
    context = browser.new_context(base_url=server)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', "
        "{get() { throw new DOMException('denied', 'SecurityError'); }})"
    )
    page = context.new_page()
    errors = []  # the theme's own colour-mode script fails without storage; ours must not
    page.on("pageerror", lambda e: errors.append(e.stack or str(e)))
    page.goto(RECIPE)
    warning = page.locator("section.recipe .recipe-warning")
    assert "ei salli" in warning.inner_text()
    boxes(page).nth(0).check()
    assert count_text(page).startswith("1 / ")
    # the warning stays in view above the checklist; the tick's count goes to the status line
    assert warning.is_visible() and "ei salli" in warning.inner_text()
    assert page.locator(".recipe-status").first.inner_text().startswith("1 / ")
    checklist = page.locator("section.recipe .recipe-checklist").bounding_box()
    assert warning.bounding_box()["y"] < checklist["y"]
    assert not [e for e in errors if "recipes.js" in e]
    context.close()


def test_corrupt_storage_is_kept_aside_and_reported(page):
    page.goto(RECIPE)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{broken')")
    page.reload()
    status = page.locator("section.recipe .recipe-warning").inner_text()
    assert "ei voitu lukea" in status
    keys = page.evaluate("Object.keys(localStorage)")
    aside = [k for k in keys if k.startswith(KEY + ":unreadable:")]
    assert len(aside) == 1 and page.evaluate(f"localStorage.getItem('{aside[0]}')") == "{broken"
    boxes(page).nth(0).check()
    assert stored(page)["items"]["pyoreat-poydat"]


def test_checklist_is_complete_without_javascript(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    page.goto(RECIPE)
    assert boxes(page).count() >= 5
    labels = page.locator("section.recipe li.recipe-item label")
    assert all(labels.nth(i).inner_text().strip() for i in range(labels.count()))
    assert not page.locator(".recipe-tools").first.is_visible()
    assert "vaativat JavaScriptin" in page.locator("section.recipe .recipe-nojs").inner_text()
    context.close()


def test_the_javascript_note_is_hidden_when_the_script_runs(page):
    page.goto(RECIPE)
    assert not page.locator("section.recipe .recipe-nojs").is_visible()


@pytest.mark.parametrize(
    ("language", "done"),
    [("fi", "tehty"), pytest.param("sv", "klar"), pytest.param("en", "done")],
)
def test_two_tabs_keep_and_show_each_others_ticks_and_fields(page, translations, language, done):
    if language != "fi":
        assert translations[language].is_dir()
    address = f"/{language}/recipes/pyoreat-poydat.html"
    page.goto(address)
    other = page.context.new_page()
    other.goto(address)
    boxes(page).nth(0).check()
    # the other tab shows the tick without a reload
    other.wait_for_function("() => document.querySelectorAll('section.recipe input.recipe-check')[0].checked")
    assert other.locator("section.recipe .recipe-progress-count").inner_text().startswith("1 / ")
    boxes(other).nth(1).check()
    item = other.locator("section.recipe li.recipe-item").nth(2)
    item.locator(".recipe-more > summary").click()  # the item's fold, then its plan fields
    item.locator(".recipe-fields > summary").click()
    item.locator("input[type=text]").fill("Maija")
    page.wait_for_function("() => document.querySelectorAll('section.recipe input.recipe-check')[1].checked")
    page.wait_for_function(
        "() => document.querySelectorAll('section.recipe li.recipe-item')[2]"
        ".querySelector('.recipe-plan').textContent.includes('Maija')"
    )
    # and neither tab's later write erased the other's
    boxes(page).nth(3).check()
    page.reload()
    assert [boxes(page).nth(i).is_checked() for i in range(4)] == [True, True, False, True]
    assert page.locator(".recipe-date").nth(1).inner_text().startswith(done)
    assert (
        "Maija" in page.locator("section.recipe li.recipe-item").nth(2).locator(".recipe-plan").inner_text()
    )
    other.close()


CHANGED_RECIPE = """# Resepti

:::{{recipe}} kakku
:title: Kakun resepti
:chapters: eka
:participants: leipuri

- {{item}}`uuni` {oven} {{origin}}`handbook`
- {{item}}`taikina` Sekoita taikina. {{origin}}`handbook`
:::

:::{{recipe-changes}} kakku
{history}:::
"""


@pytest.mark.parametrize(
    ("language", "note", "confirm"),
    [
        ("fi", "muuttunut rastin jälkeen", "Rasti pätee yhä"),
        ("sv", "ändrad efter bocken", "Bocken gäller fortfarande"),
        ("en", "changed after the tick", "The tick still holds"),
    ],
)
def test_a_tick_survives_an_edited_item_and_says_it_changed(browser, tmp_path, language, note, confirm):
    from conftest import build_in_own_process, serving, toctree, write_project

    first = "- 1.0 (2026-11-28): Ensimmäinen versio.\n"
    src = write_project(
        tmp_path / "src",
        {"index": toctree("recipe"), "recipe": CHANGED_RECIPE.format(oven="Lämmitä uuni.", history=first)},
        extra_conf=f'language = "{language}"\nrecipes_chapters = {{"eka": "index"}}\n'
        f"recipes_date_pattern = {registry()[language].date!r}\n",
    )
    out = tmp_path / "out"
    build_in_own_process(src, out)
    with serving(out) as address:
        context = browser.new_context(base_url=address)
        page = context.new_page()
        page.goto("/recipe.html")
        boxes(page).nth(0).check()
        boxes(page).nth(1).check()
        revised = page.locator("section.recipe .recipe-revised")
        assert revised.nth(0).is_hidden() and revised.nth(1).is_hidden()

        # the item's text is edited and the site rebuilt, as a new release would
        later = "- 1.1 (2026-12-01): Uuni lämmitetään pidempään.\n" + first
        (src / "recipe.md").write_text(
            CHANGED_RECIPE.format(oven="Lämmitä uuni kahteensataan asteeseen.", history=later),
            encoding="utf-8",
        )
        build_in_own_process(src, out)
        page.reload()
        assert boxes(page).nth(0).is_checked() and boxes(page).nth(1).is_checked()  # the tick is kept
        assert revised.nth(0).inner_text().startswith(f"{note} ({DATES[language]['2026-12-01']})")
        assert revised.nth(1).is_hidden()  # its text did not change
        revised.nth(0).get_by_role("button", name=confirm).click()
        assert revised.nth(0).is_hidden() and boxes(page).nth(0).is_checked()
        page.reload()
        assert revised.nth(0).is_hidden()
        context.close()
