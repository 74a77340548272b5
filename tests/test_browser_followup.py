"""The follow-up view (seuranta.html) in a real browser: three progress files with known
content give exact cells and step summaries, the detail table, the CSV export and the
printed page; bad files are refused by name; drag and drop, the keyboard, axe (light and
dark), Swedish and English all work, and the view's script stays off other pages."""

import csv
import datetime
import json

import pytest

from conftest import axe_violations

NAMESPACE = "kumppanuuden-reseptikirja"
EXPORTED = "2026-11-01"


@pytest.fixture(scope="module")
def catalogue(site) -> dict:
    return json.loads((site / "recipes.json").read_text(encoding="utf-8"))


def item(catalogue, recipe: str, n: int) -> str:
    return next(r for r in catalogue["recipes"] if r["id"] == recipe)["items"][n]["id"]


def total(catalogue, recipe: str) -> int:
    return len(next(r for r in catalogue["recipes"] if r["id"] == recipe)["items"])


def entry(changed: str = "2026-11-20T10:00:00.000Z", **fields) -> dict:
    return {**fields, "changed": changed}


@pytest.fixture
def files(tmp_path, catalogue) -> list:
    """Tampere: 2 of pyöreät pöydät done, 1 overdue, 1 of the process recipe done.
    Oulu: pyöreät pöydät complete, 1 overdue in EU funding. Helsinki: a version-1 file
    with one tick and one item of a recipe the handbook does not have."""
    p = lambda n: item(catalogue, "pyoreat-poydat", n)  # noqa: E731
    tampere = {
        "pyoreat-poydat": {
            p(0): entry(done="2026-11-20"),
            p(1): entry(done="2026-11-21", who="Maija"),
            p(2): entry(who="Pekka", due="2020-01-31"),
            p(3): entry(due="2099-12-31", note="Kesällä"),
        },
        "kumppanuusprosessi": {item(catalogue, "kumppanuusprosessi", 0): entry(done="2026-11-22")},
    }
    oulu = {
        "pyoreat-poydat": {p(n): entry(done="2026-11-20") for n in range(total(catalogue, "pyoreat-poydat"))},
        "eu-rahoitus": {item(catalogue, "eu-rahoitus", 0): entry(due="2020-05-01")},
    }
    paths = []
    for name, items in (("Tampere – YM", tampere), ("Oulu – TEM", oulu)):
        path = tmp_path / f"{name[:5].lower()}.json"
        data = {
            "format": "recipe-progress",
            "version": 2,
            "namespace": NAMESPACE,
            "name": name,
            "items": items,
            **({"exported": EXPORTED} if name.startswith("Tampere") else {}),
        }
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    helsinki = tmp_path / "helsinki.json"
    ticks = {"pyoreat-poydat": {p(0): "2026-10-01"}, "vanha-resepti": {"vaihe": "2025-01-01"}}
    helsinki.write_text(
        json.dumps({"format": "recipe-progress", "version": 1, "namespace": NAMESPACE, "ticks": ticks})
    )
    return [*paths, helsinki]


def load(page, paths, language: str = "fi") -> None:
    page.goto(f"/{language}/seuranta.html")
    page.locator("input[data-followup=load]").set_input_files([str(p) for p in paths])
    page.wait_for_selector(".followup-table table")


def rows(page, selector: str = ".followup-table table") -> list[list[str]]:
    """Cell texts; a file's column header without its line on the export date."""
    return page.locator(selector).evaluate(
        "t => [...t.rows].map(r => [...r.cells].map(c => c.matches('thead th') "
        "? c.firstChild.textContent.trim() : c.innerText.trim()))"
    )


def expected_table(catalogue, step_titles: dict) -> list[list[str]]:
    counts = {  # recipe -> per file (done, overdue)
        "pyoreat-poydat": [(2, 1), (total(catalogue, "pyoreat-poydat"), 0), (1, 0)],
        "kumppanuusprosessi": [(1, 0), (0, 0), (0, 0)],
        "eu-rahoitus": [(0, 0), (0, 1), (0, 0)],
    }

    def cell(done, all_, overdue):
        return f"{done} / {all_}" + (f"\n{overdue} myöhässä" if overdue else "")

    table = [["Resepti", "Tampere – YM", "Oulu – TEM", "helsinki"]]
    for number, (step, title) in enumerate(step_titles.items(), 1):
        recipes = [r for r in catalogue["recipes"] if step in r["steps"]]
        if not recipes:
            continue
        table.append([f"Vaihe {number}: {title}"])
        sums = [[0, 0, 0] for _ in range(3)]
        for recipe in recipes:
            row = [recipe["title"]]
            for i, (done, overdue) in enumerate(counts.get(recipe["id"], [(0, 0)] * 3)):
                row.append(cell(done, len(recipe["items"]), overdue))
                sums[i] = [sums[i][0] + done, sums[i][1] + len(recipe["items"]), sums[i][2] + overdue]
            table.append(row)
        table.append([f"Vaiheen {number} reseptit yhteensä", *(cell(*s) for s in sums)])
    return table


def step_titles(page) -> dict:
    data = json.loads(page.locator(".recipe-followup").get_attribute("data-catalogue"))
    return {step["id"]: step["title"] for step in data["steps"]}


def test_three_files_give_exact_cells_and_step_summaries(page, files, catalogue):
    load(page, files)
    assert page.locator(".followup-status").inner_text() == (
        "Tiedostoja taulukossa: 3. Kohtia, joiden reseptiä tai työvaihetta tässä käsikirjassa "
        "ei ole: 1. Niitä ei näytetä."
    )
    table = rows(page)
    assert table == expected_table(catalogue, step_titles(page))
    # spot checks written out, so a shared mistake in the expectation cannot hide
    pyoreat = next(r for r in table if r[0].startswith("Pyöreät pöydät"))
    assert pyoreat[1:] == ["2 / 10\n1 myöhässä", "10 / 10", "1 / 10"]
    assert table[1] == ["Vaihe 1: Yhteinen kokonaiskuva"]
    assert page.locator(".followup-table caption").inner_text() == "Kumppanuuksien edistyminen resepteittäin"
    assert page.locator(".followup-table thead th[scope=col]").count() == 4
    steps = sum(1 for row in table if len(row) == 1)
    assert page.locator(".followup-table tbody th[scope=row]").count() == len(table) - 1 - steps
    assert page.locator(".followup-table th[scope=colgroup]").count() == steps == 5


def test_detail_shows_who_does_what_by_when(page, files, catalogue):
    load(page, files)
    page.locator("#followup-recipe").select_option("pyoreat-poydat")
    detail = rows(page, ".followup-detail-table table")
    assert detail[0] == ["Työvaihe", "Tampere – YM", "Oulu – TEM", "helsinki"]
    assert detail[2][1:] == ["tehty 21.11.2026\nVastuu: Maija", "tehty 20.11.2026", "ei tehty"]
    assert detail[3][1:] == [
        "ei tehty\nVastuu: Pekka\nMääräaika: 31.1.2020\nmyöhässä",
        "tehty 20.11.2026",
        "ei tehty",
    ]
    assert detail[4][1] == "ei tehty\nMääräaika: 31.12.2099\nMuistiinpano: Kesällä"
    assert detail[1][3] == "tehty 1.10.2026"
    caption = page.locator(".followup-detail-table caption").inner_text()
    assert caption.endswith(": kuka tekee mitä ja mihin mennessä")


def test_csv_is_one_row_per_recipe_and_a_total_separated_for_finnish_spreadsheets(page, files, catalogue):
    load(page, files)
    with page.expect_download() as download:
        page.get_by_role("button", name="Vie taulukko CSV-tiedostoon").click()
    assert download.value.suggested_filename.endswith(".csv")
    raw = open(download.value.path(), encoding="utf-8-sig", newline="").read()
    with open(download.value.path(), encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle, delimiter=";"))
    assert csv.Sniffer().sniff(raw.splitlines()[0]).delimiter == ";"
    names = ["Tampere – YM", "Oulu – TEM", "helsinki"]
    assert table[0] == ["Resepti"] + [
        f"{n}: {what}" for n in names for what in ("tehty", "työvaiheita", "myöhässä", "viety")
    ]
    assert {len(row) for row in table} == {13}
    pyoreat = next(r for r in table if r[0].startswith("Pyöreät pöydät"))
    assert pyoreat[1:] == ["2", "10", "1", EXPORTED, "10", "10", "0", "", "1", "10", "0", ""]
    # every recipe once, whatever the number of process steps it serves, then the total
    assert [r[0] for r in table[1:-1]] == [r["title"] for r in catalogue["recipes"]]
    items = sum(len(r["items"]) for r in catalogue["recipes"])
    assert table[-1] == [
        "Kaikki reseptit",
        "3",
        str(items),
        "1",
        EXPORTED,
        "10",
        str(items),
        "1",
        "",
        "1",
        str(items),
        "0",
        "",
    ]


def test_loaded_files_stay_for_the_session_with_their_export_date_and_age(page, files):
    load(page, files)
    ages = page.locator(".followup-table thead .followup-age").all_inner_texts()
    days = (datetime.date.today() - datetime.date.fromisoformat(EXPORTED)).days
    assert ages == [f"viety 1.11.2026, {days} päivää sitten", "vientipäivää ei ole tiedostossa"] + [
        "vientipäivää ei ole tiedostossa"
    ]
    before = rows(page)
    page.locator(".followup-table a").first.click()
    page.wait_for_url("**/recipes/**")
    page.go_back()
    page.wait_for_selector(".followup-table table")
    assert rows(page) == before
    assert page.locator(".followup-status").inner_text() == "Tiedostoja taulukossa: 3."
    page.locator("button[data-followup=clear]").click()
    page.reload()
    assert not page.locator(".followup-table").is_visible()


def test_detail_marks_ticks_given_to_an_earlier_text(page, tmp_path, catalogue):
    first = item(catalogue, "pyoreat-poydat", 0)
    path = tmp_path / "vanha.json"
    old = {"done": "2026-01-01", "rev": "000000000000", "changed": {"done": "2026-01-01T00:00:00.000Z"}}
    data = {
        "format": "recipe-progress",
        "version": 3,
        "namespace": NAMESPACE,
        "items": {"pyoreat-poydat": {first: old}},
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    load(page, [path])
    page.locator("#followup-recipe").select_option("pyoreat-poydat")
    assert rows(page, ".followup-detail-table table")[1][1] == "tehty 1.1.2026\nmuuttunut rastin jälkeen"


def test_the_view_fits_a_320_px_phone(browser, server, files):
    context = browser.new_context(base_url=server, viewport={"width": 320, "height": 640})
    page = context.new_page()
    load(page, files)
    page.locator("#followup-recipe").select_option("pyoreat-poydat")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_bad_and_hostile_files_are_named_and_kept_out(page, files, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "recipe-progress",
                "version": 2,
                "namespace": NAMESPACE,
                "items": {
                    "pyoreat-poydat": {"kutsu": {"done": "2026-13-45", "changed": "2026-11-29T00:00:00Z"}}
                },
            }
        )
    )
    hostile = tmp_path / "hostile.json"
    name = '<img src=x onerror="window.pwned=1">'
    hostile.write_text(
        json.dumps(
            {"format": "recipe-progress", "version": 2, "namespace": NAMESPACE, "name": name, "items": {}}
        )
    )
    huge = tmp_path / "huge.json"
    huge.write_text("x" * 10_000_000)
    load(page, [files[0], bad, hostile, huge])
    message = page.locator(".followup-status").inner_text()
    assert "bad.json ei avattu: ”2026-13-45” ei ole oikea päivämäärä." in message
    assert "huge.json ei avattu: se on suurempi kuin 1 Mt." in message
    assert rows(page)[0] == ["Resepti", "Tampere – YM", name]
    assert page.locator(".followup-table img").count() == 0 and page.evaluate("window.pwned") is None


def test_files_dropped_on_the_page_are_loaded(page, files):
    page.goto("/fi/seuranta.html")
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in files[:2]]
    page.evaluate(
        """files => {
            const data = new DataTransfer();
            for (const [name, text] of files) {
                data.items.add(new File([text], name, {type: "application/json"}));
            }
            document.querySelector(".followup-drop").dispatchEvent(
                new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
        }""",
        texts,
    )
    page.wait_for_selector(".followup-table table")
    assert rows(page)[0] == ["Resepti", "Tampere – YM", "Oulu – TEM"]


def test_keyboard_reaches_the_detail_and_clear_empties_the_view(page, files):
    load(page, files)
    page.locator("#followup-recipe").focus()
    before = page.locator(".followup-detail-table caption").inner_text()
    page.keyboard.press("ArrowDown")
    assert page.locator(".followup-detail-table caption").inner_text() != before
    for _ in range(60):  # back through the table's links to the Remove button
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.dataset.followup") == "clear":
            break
    assert page.evaluate("document.activeElement.dataset.followup") == "clear"
    page.keyboard.press("Enter")
    assert not page.locator(".followup-table").is_visible()
    assert page.locator(".followup-status").inner_text() == "Yhtään edistymistiedostoa ei ole vielä avattu."


def test_print_is_a4_landscape_without_controls(page, files):
    load(page, files)
    page.emulate_media(media="print")
    assert not page.locator(".followup-controls").is_visible()
    assert page.locator(".followup-table table").is_visible()
    assert page.evaluate("""[...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; }
        catch (e) { return []; } }).flatMap(r => r.cssRules ? [...r.cssRules] : [r])
        .some(r => r instanceof CSSPageRule && /size: a4 landscape;/i.test(r.cssText))""")


def test_only_the_follow_up_page_loads_its_script(site):
    assert "followup.js" in (site / "seuranta.html").read_text(encoding="utf-8")
    for other in ("index.html", "recipes/index.html", "recipes/pyoreat-poydat.html", "docs/prosessi.html"):
        assert "followup.js" not in (site / other).read_text(encoding="utf-8"), other


def test_overview_and_process_step_5_link_to_the_view(site):
    assert 'href="../seuranta.html"' in (site / "recipes/index.html").read_text(encoding="utf-8")
    process = (site / "docs/prosessi.html").read_text(encoding="utf-8")
    step5 = process[process.index('id="prosessi-seuranta"') :]
    assert 'href="../seuranta.html"' in step5


def test_without_javascript_the_page_says_so(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/fi/seuranta.html")
    assert "vaatii JavaScriptin" in page.locator(".recipe-followup .recipe-nojs").inner_text()
    assert not page.locator(".followup-controls").is_visible()
    context.close()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("sv", ("Recept", "31 januari 2020", "Partnerskapens framsteg recept för recept", ";")),
        ("en", ("Recipe", "31 January 2020", "Progress of each partnership, recipe by recipe", ",")),
    ],
)
def test_the_same_files_work_in_swedish_and_english(page, translations, files, language, words):
    assert translations[language].is_dir()
    load(page, files, language)
    header, due, caption, separator = words
    with page.expect_download() as download:
        page.locator("button[data-followup=csv]").click()
    with open(download.value.path(), encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle, delimiter=separator))
    assert table[0][0] == header and len(table[0]) == 13
    assert rows(page)[0][0] == header
    assert page.locator(".followup-table caption").inner_text() == caption
    page.locator("#followup-recipe").select_option("pyoreat-poydat")
    assert due in page.locator(".followup-detail-table").inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_follow_up_view_with_files_passes_axe(browser, server, files, scheme):
    context = browser.new_context(base_url=server, color_scheme=scheme)
    page = context.new_page()
    load(page, files)
    violations = axe_violations(page)
    context.close()
    assert violations == []


def test_table_actions_wait_for_files(page, files):
    page.goto("/fi/seuranta.html")
    actions = page.locator("button[data-followup]")
    assert actions.count() == 3
    assert all(actions.nth(n).is_disabled() for n in range(3))
    load(page, files)
    assert all(actions.nth(n).is_enabled() for n in range(3))
    page.locator("button[data-followup=clear]").click()
    assert all(actions.nth(n).is_disabled() for n in range(3))


RETIRED_RECIPE = """# Resepti

:::{recipe} kakku
:title: Kakun resepti
:chapters: eka
:steps: alku
:participants: leipuri
:retired: vanha-uuni

- {item}`uuni` Lämmitä uuni. {origin}`handbook`
- {item}`taikina` Sekoita taikina. {origin}`handbook`
:::
"""


def test_ticks_of_retired_items_are_kept_and_shown_as_retired(browser, tmp_path):
    from conftest import CHAPTER, build_in_own_process, serving, toctree, write_project

    docs = {
        "index": toctree("chapter", "recipe", "seuranta"),
        "chapter": CHAPTER,
        "recipe": RETIRED_RECIPE,
        "seuranta": "# Seuranta\n\n:::{recipe-followup}\n:::\n",
    }
    src = write_project(tmp_path / "src", docs)
    build_in_own_process(src, tmp_path / "out")
    tick = {"done": "2026-01-02", "changed": {"done": "2026-01-02T10:00:00.000Z"}}
    data = {"format": "recipe-progress", "version": 3, "namespace": "test-handbook", "name": "Oulu"}
    path = tmp_path / "oulu.json"
    path.write_text(
        json.dumps({**data, "items": {"kakku": {"uuni": tick, "vanha-uuni": tick}}}), encoding="utf-8"
    )
    with serving(tmp_path / "out") as address:
        context = browser.new_context(base_url=address)
        page = context.new_page()
        page.goto("/seuranta.html")
        page.locator("input[data-followup=load]").set_input_files([str(path)])
        page.wait_for_selector(".followup-table table")
        page.locator("#followup-recipe").select_option("kakku")
        detail = rows(page, ".followup-detail-table table")
        context.close()
    assert detail[1:] == [
        ["Lämmitä uuni.", "tehty 2.1.2026"],
        ["Sekoita taikina.", "ei tehty"],
        ["vanha-uuni (poistettu työvaihe, ei enää reseptissä)", "tehty 2.1.2026"],
    ]
