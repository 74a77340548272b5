"""The progress file's limits are written once (limits.py): the page carries them to the
script, the refusal messages name them, and the JSON Schema states the same."""

import json
import re

from bs4 import BeautifulSoup

from conftest import ROOT
from recipes.limits import PROGRESS_LIMITS

STATIC = ROOT / "_ext" / "recipes" / "static"
SCHEMA = json.loads(
    (ROOT / "_ext" / "recipes" / "schemas" / "progress.schema.json").read_text(encoding="utf-8")
)


def test_the_schema_states_the_same_limits():
    text = json.dumps(SCHEMA)
    lengths = {int(n) for n in re.findall(r'"maxLength": (\d+)', text)}
    assert lengths == {PROGRESS_LIMITS[key] for key in ("name", "who", "note")}
    assert f"over {PROGRESS_LIMITS['bytes']} bytes" in SCHEMA["description"]
    assert f"more than {PROGRESS_LIMITS['items']} items" in SCHEMA["description"]


def test_the_scripts_hold_no_copy_of_them():
    for script in STATIC.glob("*.js"):
        numbers = set(re.findall(r"\b\d{2,}\b", script.read_text(encoding="utf-8")))
        assert not numbers & {str(value) for value in PROGRESS_LIMITS.values()}, script.name


def test_pages_carry_the_limits_and_the_refusals_name_them(site):
    page = BeautifulSoup((site / "seuranta.html").read_text(encoding="utf-8"), "html.parser")
    assert json.loads(page.select_one('meta[name="recipes-limits"]')["content"]) == PROGRESS_LIMITS
    view = page.select_one(".recipe-followup")
    assert view["data-msg-whycount"] == "siinä on yli 5000 kohtaa."
    assert view["data-msg-whysize"] == "se on suurempi kuin 1 Mt."
