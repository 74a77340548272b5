"""The checklist as a working plan in a real browser: responsible, deadline and note per
item persist and print, progress has a name, version-1 progress is migrated without
losing a tick, imports merge (or replace) and refuse hostile files with a clear reason,
dates follow each language, and keyboard and axe are satisfied."""

import datetime
import json

import pytest
from babel.dates import format_date

from conftest import axe_violations

RECIPE = "/fi/recipes/pyoreat-poydat.html"
KEY = "kumppanuuden-reseptikirja:recipe-progress"
NAMESPACE = "kumppanuuden-reseptikirja"


def items(page):
    return page.locator("section.recipe li.recipe-item")


def item_ids(page) -> list[str]:
    return items(page).evaluate_all("lis => lis.map(li => li.dataset.item)")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def plan(page, n: int, who: str = "", due: str = "", note: str = "") -> None:
    item = items(page).nth(n)
    item.locator(".recipe-more > summary").click()  # the item's fold, then its plan fields
    item.locator(".recipe-fields > summary").click()
    for selector, value in (("input[type=text]", who), ("input[type=date]", due), ("textarea", note)):
        if value:
            item.locator(selector).fill(value)


def status(page) -> str:
    return page.locator(".recipe-status").first.inner_text()


def import_file(page, tmp_path, data, mode: str = "merge") -> str:
    path = tmp_path / "in.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    page.locator(f".recipe-tools input[data-mode][value={mode}]").check()
    if mode == "replace":
        page.once("dialog", lambda dialog: dialog.accept())
    page.evaluate("document.querySelector('.recipe-status').textContent = ''")
    page.locator("input[data-action=import]").first.set_input_files(str(path))
    page.wait_for_function("document.querySelector('.recipe-status').textContent !== ''")
    return status(page)


def progress_file(entries: dict, name: str = "Kollega", **extra) -> dict:
    return {
        "format": "recipe-progress",
        "version": 2,
        "namespace": NAMESPACE,
        "name": name,
        "exported": "2026-11-29",
        "items": {"pyoreat-poydat": entries},
        **extra,
    }


def test_fields_persist_show_on_the_overview_and_mark_overdue(page):
    page.goto(RECIPE)
    plan(page, 1, who="Maija Meikäläinen", due="2026-01-15", note="Kutsu lähetetty")
    plan(page, 2, due="2099-12-31")
    page.locator(".recipe-name input").fill("Tampere – YM")
    page.reload()
    second = items(page).nth(1)
    assert second.locator(".recipe-plan").inner_text().split("\n") == [
        "Vastuu: Maija Meikäläinen",
        "Määräaika: 15.1.2026",
        "myöhässä",
        "Muistiinpano: Kutsu lähetetty",
    ]
    second.locator(".recipe-more > summary").click()
    second.locator(".recipe-fields > summary").click()
    assert second.locator("input[type=text]").input_value() == "Maija Meikäläinen"
    assert second.locator("input[type=date]").input_value() == "2026-01-15"
    assert items(page).nth(2).locator(".recipe-plan").inner_text() == "Määräaika: 31.12.2099"
    assert not items(page).nth(0).locator(".recipe-plan").is_visible()
    assert page.locator(".recipe-name input").input_value() == "Tampere – YM"
    total = items(page).count()
    assert (
        page.locator("section.recipe .recipe-progress-count").inner_text()
        == f"0 / {total} tehty · 1 myöhässä"
    )
    # done is no longer overdue
    page.locator("section.recipe input.recipe-check").nth(1).check()
    assert "myöhässä" not in second.locator(".recipe-plan").inner_text()

    page.goto("/fi/recipes/index.html")
    summary = page.locator("section[data-recipe=pyoreat-poydat]")
    assert "Vastuu: Maija Meikäläinen" in summary.locator(".recipe-plan").nth(1).inner_text()
    assert summary.locator("details").count() == 0  # the overview shows the plan, editing stays on the recipe


def test_fields_start_folded_and_open_with_the_keyboard(page):
    page.goto(RECIPE)
    assert not items(page).nth(0).locator("input[type=text]").is_visible()
    items(page).nth(0).locator("input.recipe-check").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.recipe-more > summary')")
    page.keyboard.press("Enter")  # the item's fold opens: its origin, suggestion link and plan fields
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.matches('.recipe-more a')"):
        page.keyboard.press("Tab")  # the origin's chapter link and the suggestion link come first
    assert page.evaluate("document.activeElement.matches('.recipe-fields > summary')")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("Pekka")
    for _ in range(6):  # through the deadline's day, month and year to the note
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "TEXTAREA":
            break
    page.keyboard.type("Sovittu puhelimessa")
    page.keyboard.press("Tab")
    page.reload()
    entry = stored(page)["items"]["pyoreat-poydat"][item_ids(page)[0]]
    assert (entry["who"], entry["note"]) == ("Pekka", "Sovittu puhelimessa")


def test_stored_version_1_progress_is_migrated_and_the_old_record_kept(page):
    page.goto(RECIPE)
    first, third = item_ids(page)[0], item_ids(page)[2]
    old = {
        "version": 1,
        "ticks": {
            "pyoreat-poydat": {first: "2025-03-04", third: "2025-05-06"},
            "poistettu": {"vanha": "2024-01-02"},
        },
    }
    raw = json.dumps(old)
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, raw])
    page.reload()
    boxes = page.locator("section.recipe input.recipe-check")
    assert boxes.nth(0).is_checked() and boxes.nth(2).is_checked() and not boxes.nth(1).is_checked()
    assert page.locator("section.recipe .recipe-date").nth(0).inner_text() == "tehty 4.3.2025"
    state = stored(page)
    assert state["version"] == 3
    assert {r: {i: e["done"] for i, e in v.items()} for r, v in state["items"].items()} == old["ticks"]
    keys = page.evaluate("Object.keys(localStorage)")
    (aside,) = [k for k in keys if k.startswith(KEY + ":v1:")]
    assert page.evaluate(f"localStorage.getItem('{aside}')") == raw
    page.reload()  # migrated once, not on every visit
    assert len([k for k in page.evaluate("Object.keys(localStorage)") if ":v1:" in k]) == 1


def test_version_1_file_merges(page, tmp_path):
    page.goto(RECIPE)
    first = item_ids(page)[0]
    v1 = {
        "format": "recipe-progress",
        "version": 1,
        "namespace": NAMESPACE,
        "ticks": {"pyoreat-poydat": {first: "2025-02-03"}},
    }
    assert (
        import_file(page, tmp_path, v1)
        == "Tuotuja kohtia: 1 (uusia: 1, molemmilla eri tavoin muuttuneita: 0; "
        "kunkin tiedon myöhempi muutos jäi voimaan)."
    )
    assert page.locator("section.recipe input.recipe-check").nth(0).is_checked()


def test_export_then_merge_keeps_the_later_change_of_each_field_and_lists_conflicts(page, tmp_path):
    page.goto(RECIPE)
    ids = item_ids(page)
    page.locator(".recipe-name input").fill("Jyväskylä – YM")
    page.locator("section.recipe input.recipe-check").nth(0).check()
    plan(page, 1, who="Maija")
    plan(page, 2, note="Oma muistiinpano")
    with page.expect_download() as download:
        page.get_by_role("button", name="Vie edistyminen tiedostoon").click()
    name = download.value.suggested_filename
    assert name.startswith(f"{NAMESPACE}-jyvaskyla-ym-") and name.endswith(".json")
    assert status(page) == f"Tallennettu {name}: kohtia: 3, reseptejä: 1."
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["version"] == 3 and exported["name"] == "Jyväskylä – YM"
    assert exported["items"]["pyoreat-poydat"][ids[1]]["who"] == "Maija"

    # the colleague's copy: item 1 responsible changed later, item 2 note changed earlier, item 3 new
    colleague = exported["items"]["pyoreat-poydat"]
    colleague[ids[1]] = {"who": "Kollega", "changed": {"who": "2099-01-01T00:00:00.000Z"}}
    colleague[ids[2]] = {"note": "Vanha", "changed": {"note": "2000-01-01T00:00:00.000Z"}}
    colleague[ids[3]] = {"done": "2026-11-20", "changed": {"done": "2026-11-20T10:00:00.000Z"}}
    exported["name"] = "Kollegan kopio"
    message = import_file(page, tmp_path, exported)
    assert message == (
        "Tuotuja kohtia: 4 (uusia: 1, molemmilla eri tavoin muuttuneita: 2; "
        "kunkin tiedon myöhempi muutos jäi voimaan)."
    )
    mine = stored(page)
    assert mine["name"] == "Jyväskylä – YM"
    entries = mine["items"]["pyoreat-poydat"]
    assert entries[ids[0]]["done"] and entries[ids[1]]["who"] == "Kollega"
    assert entries[ids[2]]["note"] == "Oma muistiinpano" and entries[ids[3]]["done"] == "2026-11-20"
    assert page.locator("section.recipe input.recipe-check").nth(3).is_checked()

    # both conflicts are listed by recipe and item title, with both values
    texts = items(page).locator("input.recipe-check + label").all_inner_texts()
    listed = page.locator(".recipe-conflicts li").all_inner_texts()
    title = "Pyöreät pöydät tasavertaiseen kumppanuuteen"
    assert listed[0].startswith(f"{title} – {texts[1]} – Vastuuhenkilö: voimassa Kollega, talletettu Maija.")
    assert listed[1].startswith(
        f"{title} – {texts[2]} – Muistiinpano: voimassa Oma muistiinpano, talletettu Vanha."
    )
    # the responsible person that lost comes back with one click
    page.locator(".recipe-conflicts li").nth(0).get_by_role("button").click()
    page.wait_for_function("document.querySelectorAll('.recipe-conflicts li').length === 1")
    assert stored(page)["items"]["pyoreat-poydat"][ids[1]]["who"] == "Maija"


def test_replace_confirms_with_counts_and_undo_restores(page, tmp_path):
    page.goto(RECIPE)
    ids = item_ids(page)
    page.locator(".recipe-name input").fill("Oulu")
    page.locator("section.recipe input.recipe-check").nth(0).check()
    plan(page, 1, who="Maija")
    before = stored(page)
    assert not page.get_by_role("button", name="Kumoa").is_visible()
    incoming = progress_file({ids[4]: {"done": "2026-10-01", "changed": "2026-10-01T08:00:00.000Z"}})
    path = tmp_path / "in.json"
    path.write_text(json.dumps(incoming), encoding="utf-8")
    page.locator(".recipe-tools input[data-mode][value=replace]").check()
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("input[data-action=import]").first.set_input_files(str(path))
    page.wait_for_function("() => true")
    page.wait_for_timeout(300)
    assert asked == [
        "Korvataanko edistymisesi tiedostolla? Omat kohtasi: 2, reseptejä: 1 (nimi: Oulu) "
        "korvautuvat tiedoston kohdilla: 1. Voit perua korvauksen heti sen jälkeen."
    ]
    assert stored(page) == before  # cancelled: nothing replaced

    message = import_file(page, tmp_path, incoming, mode="replace")
    assert message == (
        "Edistyminen korvattiin tiedoston kohdilla (kohtia: 1). Kumoa-painike palauttaa aiemman edistymisen."
    )
    boxes = page.locator("section.recipe input.recipe-check")
    assert boxes.nth(4).is_checked() and not boxes.nth(0).is_checked()
    assert stored(page)["name"] == "Kollega"
    page.get_by_role("button", name="Kumoa").click()
    assert status(page) == "Edistyminen on taas sellainen kuin ennen viimeisintä tuontia tai tyhjennystä."
    assert stored(page) == before
    assert boxes.nth(0).is_checked() and not boxes.nth(4).is_checked()
    # the replaced progress also stays aside for good under its own key
    keys = page.evaluate("Object.keys(localStorage)")
    (aside,) = [k for k in keys if k.startswith(KEY + ":replaced:")]
    assert json.loads(page.evaluate(f"localStorage.getItem('{aside}')"))["items"] == before["items"]
    assert not page.get_by_role("button", name="Kumoa").is_visible()


@pytest.mark.parametrize(
    ("language", "undo", "merged"),
    [
        ("fi", "Kumoa", "Tuotuja kohtia: 1"),
        ("sv", "Ångra", "Importerade punkter: 1"),
        ("en", "Undo", "Items imported: 1"),
    ],
)
def test_a_colleagues_later_tick_keeps_my_responsible_and_merge_can_be_undone(
    page, translations, tmp_path, language, undo, merged
):
    if language != "fi":
        assert translations[language].is_dir()
    page.goto(f"/{language}/recipes/pyoreat-poydat.html")
    first = item_ids(page)[0]
    plan(page, 0, who="Maija", due="2099-12-31", note="Sali varattu")
    mine = stored(page)
    later = {"done": "2099-01-02", "changed": {"done": "2099-01-02T09:00:00.000Z"}}
    colleague = {**progress_file({first: later}), "version": 3}
    assert import_file(page, tmp_path, colleague).startswith(merged)
    entry = stored(page)["items"]["pyoreat-poydat"][first]
    assert (entry["done"], entry["who"], entry["due"], entry["note"]) == (
        "2099-01-02",
        "Maija",
        "2099-12-31",
        "Sali varattu",
    )
    assert page.locator(".recipe-conflicts").first.is_hidden()  # different fields: no conflict
    page.get_by_role("button", name=undo).click()
    assert stored(page)["items"] == mine["items"]
    assert not page.locator("section.recipe input.recipe-check").nth(0).is_checked()


def test_a_full_storage_says_the_last_change_was_not_saved(page):
    page.goto(RECIPE)
    page.locator("section.recipe input.recipe-check").nth(0).check()
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException("full", "QuotaExceededError"); }; }""")
    page.locator("section.recipe input.recipe-check").nth(1).click()
    expected = (
        "Selaimen tallennustila on täynnä: viimeisintä muutosta ei tallennettu. "
        "Vie edistyminen tiedostoon, jotta se säilyy."
    )
    assert page.locator("section.recipe .recipe-warning").inner_text() == expected
    assert status(page) == expected
    assert not page.locator("section.recipe input.recipe-check").nth(1).is_checked()  # shows what is saved
    assert page.locator("section.recipe input.recipe-check").nth(0).is_checked()


def test_a_file_from_a_newer_handbook_is_refused(page, tmp_path):
    page.goto(RECIPE)
    newer = {**progress_file({}), "version": 4}
    assert import_file(page, tmp_path, newer) == (
        "Tiedostoa ei tuotu: se on kirjoitettu käsikirjan uudemmalla versiolla (tiedoston versio 4); "
        "lataa käsikirjan sivut uudelleen ja yritä sitten."
    )


def test_calendar_files_hold_one_event_per_deadline(page, tmp_path):
    import icalendar

    page.goto(RECIPE)
    ids = item_ids(page)
    plan(page, 0, who="Maija", due="2026-12-31", note="Sali; varattu, kello 9")
    plan(page, 2, due="2027-01-15")
    plan(page, 3, who="Pekka")  # no deadline: no event
    page.goto("/fi/recipes/kumppanuusprosessi.html")
    other = items(page).nth(0).get_attribute("data-item")
    plan(page, 0, due="2027-02-01")
    page.goto(RECIPE)
    with page.expect_download() as download:
        page.get_by_role("button", name="Reseptin määräajat kalenteriin (.ics)").click()
    name = download.value.suggested_filename
    assert name.endswith(".ics") and "pyoreat-poydat" in name
    assert status(page) == f"Tallennettu {name}: määräaikoja: 2."
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"pyoreat-poydat--{ids[0]}@{NAMESPACE}", f"pyoreat-poydat--{ids[2]}@{NAMESPACE}"}
    first = events[f"pyoreat-poydat--{ids[0]}@{NAMESPACE}"]
    assert first.decoded("DTSTART") == datetime.date(2026, 12, 31)
    assert first.decoded("DTEND") == datetime.date(2027, 1, 1)
    label = items(page).nth(0).locator("input.recipe-check + label").inner_text()
    assert str(first["SUMMARY"]) == f"Pyöreät pöydät tasavertaiseen kumppanuuteen: {label}"
    assert str(first["DESCRIPTION"]) == "Vastuu: Maija\nMuistiinpano: Sali; varattu, kello 9"
    assert str(first["URL"]).endswith(f"/fi/recipes/pyoreat-poydat.html#recipe-pyoreat-poydat--{ids[0]}")

    with page.expect_download() as download:
        page.get_by_role("button", name="Kaikki määräajat kalenteriin (.ics)").click()
    whole = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    uids = sorted(str(e["UID"]) for e in whole.walk("VEVENT"))
    assert len(uids) == 3 and f"kumppanuusprosessi--{other}@{NAMESPACE}" in uids


HOSTILE = '<img src=x onerror="window.pwned=1">'


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            json.dumps(progress_file({"kutsu": {"done": "2026-13-45", "changed": "2026-11-29T00:00:00Z"}})),
            "Tiedostoa ei tuotu: ”2026-13-45” ei ole oikea päivämäärä.",
        ),
        (
            json.dumps(progress_file({"kutsu": {"due": "2026-02-30", "changed": "2026-11-29T00:00:00Z"}})),
            "Tiedostoa ei tuotu: ”2026-02-30” ei ole oikea päivämäärä.",
        ),
        (
            json.dumps({**progress_file({}), "items": {"__proto__": {"polluted": {}}}}),
            "Tiedostoa ei tuotu: ”__proto__” ei ole reseptin tai työvaiheen tunniste.",
        ),
        (
            json.dumps(progress_file({"kutsu": {"who": "x" * 101, "changed": "2026-11-29T00:00:00Z"}})),
            "Tiedostoa ei tuotu: nimi tai muistiinpano on liian pitkä tai ei ole tekstiä.",
        ),
        (
            json.dumps(progress_file({}, pad="x" * 10_000_000)),
            "Tiedostoa ei tuotu: se on suurempi kuin 1 Mt.",
        ),
        (
            json.dumps(progress_file({}, namespace="toinen-kirja")),
            "Tiedostoa ei tuotu: se ei ole tämän käsikirjan edistymistiedosto.",
        ),
        ("{broken", "Tiedostoa ei tuotu: se ei ole JSON-tiedosto."),
    ],
    ids=[
        "impossible-date",
        "february-30",
        "prototype-key",
        "long-text",
        "10-mb",
        "other-handbook",
        "not-json",
    ],
)
def test_hostile_files_are_refused_with_a_reason_and_change_nothing(page, tmp_path, content, expected):
    page.goto(RECIPE)
    page.locator("section.recipe input.recipe-check").nth(0).check()
    before = stored(page)
    assert import_file(page, tmp_path, content) == expected
    assert stored(page) == before
    assert page.evaluate("({}).polluted") is None
    assert "Invalid Date" not in page.content()


def test_markup_and_prototype_names_stay_text_and_unknown_ids_are_counted(page, tmp_path):
    page.goto(RECIPE)
    first = item_ids(page)[0]
    hostile = progress_file(
        {
            first: {
                "who": HOSTILE,
                "note": "<script>window.pwned=1</script>",
                "changed": "2026-11-29T00:00:00Z",
                "__proto__": {"polluted": 1},
                "constructor": "x",
            }
        },
        name=HOSTILE,
    )
    hostile["items"]["constructor"] = {"prototype": {"done": "2026-01-01", "changed": "2026-01-01T00:00:00Z"}}
    message = import_file(page, tmp_path, hostile)
    assert message.endswith(
        "Kohtia, joiden reseptiä tai työvaihetta tässä käsikirjassa ei ole: 1. Ne säilytettiin."
    )
    assert page.evaluate("window.pwned") is None and page.evaluate("({}).polluted") is None
    assert page.locator("section.recipe img[src=x]").count() == 0
    assert items(page).nth(0).locator(".recipe-plan").inner_text().startswith(f"Vastuu: {HOSTILE}")
    assert stored(page)["items"]["constructor"]["prototype"]["done"] == "2026-01-01"


def test_printing_a_recipe_shows_ticks_names_dates_and_notes(page):
    page.goto(RECIPE)
    page.locator("section.recipe input.recipe-check").nth(0).check()
    plan(page, 0, who="Maija", due="2099-12-31", note="Sali varattu")
    page.emulate_media(media="print")
    first = items(page).nth(0)
    assert first.locator("input.recipe-check").is_checked()
    assert first.locator(".recipe-date").is_visible()
    assert first.locator(".recipe-plan").inner_text().split("\n") == [
        "Vastuu: Maija",
        "Määräaika: 31.12.2099",
        "Muistiinpano: Sali varattu",
    ]
    assert not first.locator(".recipe-fields").is_visible()
    assert not page.locator(".recipe-tools").first.is_visible()
    assert page.evaluate("""[...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; }
        catch (e) { return []; } }).flatMap(r => r.cssRules ? [...r.cssRules] : [r])
        .some(r => r instanceof CSSPageRule && /size: a4;/i.test(r.cssText))""")


@pytest.mark.parametrize(
    ("language", "locale", "pattern", "label"),
    [
        ("fi", "fi", "d.M.y", "Vastuuhenkilö"),
        ("sv", "sv", "d MMMM y", "Ansvarsperson"),
        ("en", "en_GB", "d MMMM y", "Responsible"),
    ],
)
def test_tick_dates_and_labels_follow_the_language(page, translations, language, locale, pattern, label):
    if language != "fi":
        assert translations[language].is_dir()
    page.goto(f"/{language}/recipes/pyoreat-poydat.html")
    page.locator("section.recipe input.recipe-check").nth(0).check()
    today = format_date(datetime.date.today(), pattern, locale=locale)
    assert page.locator("section.recipe .recipe-date").nth(0).inner_text().endswith(" " + today)
    items(page).nth(0).locator(".recipe-more > summary").click()
    items(page).nth(0).locator(".recipe-fields > summary").click()
    assert items(page).nth(0).locator("label", has_text=label).is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_recipe_with_open_fields_passes_axe(browser, server, scheme):
    context = browser.new_context(base_url=server, color_scheme=scheme)
    page = context.new_page()
    page.goto(RECIPE)
    # with a tick given to an earlier text and a value a merge set aside on show
    ids = item_ids(page)
    stamp = "2026-11-20T10:00:00.000Z"
    seeded = {
        "version": 3,
        "name": "",
        "items": {
            "pyoreat-poydat": {
                ids[3]: {"done": "2026-11-20", "rev": "000000000000", "changed": {"done": stamp}}
            }
        },
        "lost": [
            {
                "recipe": "pyoreat-poydat",
                "item": ids[3],
                "field": "who",
                "value": "Maija",
                "other": "",
                "changed": stamp,
            }
        ],
    }
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, json.dumps(seeded)])
    page.reload()
    page.wait_for_selector(".recipe-conflicts li")
    assert page.locator("section.recipe .recipe-revised").nth(3).is_visible()
    page.locator("section.recipe input.recipe-check").nth(0).check()
    plan(page, 0, who="Maija", due="2020-01-01", note="Muistiinpano")
    plan(page, 1, who="Pekka")
    violations = axe_violations(page)
    context.close()
    assert violations == []
