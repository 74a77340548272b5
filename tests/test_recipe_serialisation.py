"""One serialisation of a recipe (model.Recipe.as_json) and one lookup of the process steps
(domain.process_steps): recipes.json, the follow-up view's data and the recipe map all say
the same of every recipe and step of the built handbook."""

import json

from bs4 import BeautifulSoup

CATALOGUE_ONLY = {"source", "line", "url", "version", "changes"}


def built(site):
    catalogue = json.loads((site / "recipes.json").read_text(encoding="utf-8"))
    page = BeautifulSoup((site / "seuranta.html").read_text(encoding="utf-8"), "html.parser")
    followup = json.loads(page.select_one(".recipe-followup")["data-catalogue"])
    return catalogue, followup


def test_the_follow_up_data_is_the_catalogue_without_its_own_fields(site):
    catalogue, followup = built(site)
    assert list(followup["recipes"]) == [recipe["id"] for recipe in catalogue["recipes"]]
    for recipe in catalogue["recipes"]:
        shown = {key: value for key, value in recipe.items() if key not in CATALOGUE_ONLY}
        shown["items"] = [
            {"id": item["id"], "text": item["text"], "revision": item["revision"]} for item in recipe["items"]
        ]
        data = dict(followup["recipes"][recipe["id"]])
        assert data.pop("url").endswith("#recipe-" + recipe["id"])
        assert data == shown


def test_step_titles_are_the_same_everywhere(site):
    catalogue, followup = built(site)
    titles = [step["title"] for step in catalogue["handbook"]["process_steps"]]
    assert titles and [step["title"] for step in followup["steps"]] == titles
    front = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [p.get_text(strip=True) for p in front.select(".recipe-map-step-title")] == titles


def test_the_map_knows_the_catalogue_items(site):
    catalogue, _followup = built(site)
    items = {recipe["id"]: [item["id"] for item in recipe["items"]] for recipe in catalogue["recipes"]}
    front = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    counted = {tag["data-recipe"]: tag["data-items"].split() for tag in front.select("[data-items]")}
    assert counted == items
