"""The front page's process map and the overview's recipe cards: built from the recipe
data in every language, readable as lists without JavaScript, and showing the reader's
own progress from the ticks the checklists saved."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SV = pytest.param("sv", marks=pytest.mark.xdist_group("sv"))
KEY = "kumppanuuden-reseptikirja:recipe-progress"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def catalogue(root: Path) -> list[dict]:
    return json.loads((root / "recipes.json").read_text(encoding="utf-8"))["recipes"]


# conf.py's recipes_process_steps, in order
STEPS = ["kokonaiskuva", "tilannekuva", "tahtotila", "ratkaisut", "seuranta"]


@pytest.mark.parametrize("language", ["fi", SV])
def test_map_places_each_recipe_on_the_steps_it_serves(sites, language):
    root = sites(language)
    page = soup(root / "index.html")
    steps = page.select("ol.recipe-map > li.recipe-map-step")
    assert len(steps) == 5
    recipes = catalogue(root)
    for step_id, step in zip(STEPS, steps, strict=True):
        link = step.select_one(".recipe-map-step-title a")
        assert link["href"].startswith("docs/prosessi.html#"), link
        assert (root / "docs" / "prosessi.html").is_file()
        shown = [a.get_text(strip=True) for a in step.select(".recipe-map-recipes .recipe-map-recipe > a")]
        assert shown == [r["title"] for r in recipes if step_id in r["steps"]], step_id
    for spot in page.select(".recipe-map-progress"):
        recipe = next(r for r in recipes if r["id"] == spot["data-recipe"])
        assert spot["data-items"].split() == [i["id"] for i in recipe["items"]]
        assert str(len(recipe["items"])) in spot.select_one(".recipe-map-count").get_text()


def test_map_has_one_way_in_for_each_reader(site):
    cards = soup(site / "index.html").select(".sd-card a.sd-stretched-link")
    targets = {a["href"] for a in cards}
    assert {"docs/prosessi.html", "recipes/johdon-tuki.html", "recipes/pyoreat-poydat.html"} <= targets


def test_overview_leads_with_recipe_cards(site):
    article = soup(site / "recipes" / "index.html").select_one("article.bd-article")
    cards = article.select_one("ul.recipe-cards")
    assert cards is not None
    first = article.select_one("ul.recipe-cards, section > p")
    assert "recipe-cards" in first["class"], "the cards come before the explanatory text"
    titles = [a.get_text(strip=True) for a in cards.select(".recipe-card .recipe-map-recipe > a")]
    assert titles == [r["title"] for r in catalogue(site)]
    for card in cards.select(".recipe-card"):
        assert card.select(".recipe-card-steps a[href^='../docs/prosessi.html#']")


def test_without_javascript_the_map_shows_item_counts(browser, server, site):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/fi/index.html")
    first = tab.locator(".recipe-map-progress").first
    assert first.locator(".recipe-map-count").inner_text().startswith("Työvaiheita: ")
    assert not first.locator("progress").is_visible()
    context.close()


def test_map_and_cards_show_progress_after_ticking(page):
    page.goto("/fi/recipes/pyoreat-poydat.html")
    boxes = page.locator("section.recipe input.recipe-check")
    total = boxes.count()
    boxes.nth(0).check()
    boxes.nth(3).check()
    page.goto("/fi/index.html")
    spots = page.locator(".recipe-map-progress[data-recipe=pyoreat-poydat] .recipe-map-count")
    assert spots.count() == 3  # the recipe serves three steps
    assert spots.all_inner_texts() == [f"2 / {total} tehty"] * 3
    others = page.locator(".recipe-map-progress[data-recipe=missiot] .recipe-map-count").first
    assert others.inner_text().startswith("0 / ")
    page.goto("/fi/recipes/index.html")
    card = page.locator(".recipe-card .recipe-map-progress[data-recipe=pyoreat-poydat]")
    assert card.locator(".recipe-map-count").inner_text() == f"2 / {total} tehty"
    assert card.locator("progress").evaluate("bar => [bar.value, bar.max]") == [2, total]
    assert card.locator("progress").is_visible()


def test_ticks_of_retired_items_and_unreadable_records_are_not_counted(page):
    page.goto("/fi/index.html")
    seeded = {
        "version": 1,
        "ticks": {"missiot": {"poistettu-vaihe": "2026-01-02", "vastuuparit": "2026-01-03"}},
    }
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({json.dumps(seeded)}))")
    page.reload()
    spot = page.locator(".recipe-map-progress[data-recipe=missiot]").first
    total = len(spot.get_attribute("data-items").split())
    assert spot.locator(".recipe-map-count").inner_text() == f"1 / {total} tehty"
    page.evaluate(f"localStorage.setItem('{KEY}', 'not json')")
    page.goto("/fi/index.html")  # the map leaves an unreadable record alone and shows counts
    assert page.locator(".recipe-map-count").first.inner_text().startswith("Työvaiheita: ")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "not json"


def test_map_counts_done_items_of_a_version_2_plan(page):
    page.goto("/fi/index.html")
    changed = "2026-01-03T10:00:00.000Z"
    seeded = {
        "version": 2,
        "name": "Tampere – YM",
        "items": {
            "missiot": {
                "vastuuparit": {"done": "2026-01-03", "changed": changed},
                "poistettu-vaihe": {"done": "2026-01-02", "changed": changed},
                "valitse-missiot": {"who": "Maija", "due": "2026-02-01", "changed": changed},
            }
        },
    }
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({json.dumps(seeded)}))")
    page.reload()
    spot = page.locator(".recipe-map-progress[data-recipe=missiot]").first
    total = len(spot.get_attribute("data-items").split())
    assert spot.locator(".recipe-map-count").inner_text() == f"1 / {total} tehty"


def test_the_map_counts_a_tick_made_in_another_tab_without_a_reload(page):
    page.goto("/fi/index.html")
    spot = page.locator(".recipe-map-progress[data-recipe=pyoreat-poydat]").first
    total = len(spot.get_attribute("data-items").split())
    recipe = page.context.new_page()
    recipe.goto("/fi/recipes/pyoreat-poydat.html")
    recipe.locator("section.recipe input.recipe-check").nth(0).check()
    page.wait_for_function(
        "() => document.querySelector('.recipe-map-progress[data-recipe=pyoreat-poydat] .recipe-map-count')"
        ".textContent.startsWith('1 / ')"
    )
    assert spot.locator(".recipe-map-count").inner_text() == f"1 / {total} tehty"
    recipe.close()
