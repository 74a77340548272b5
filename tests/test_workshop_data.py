"""The contract between the site build and the print edition: recipes.json carries what
print needs (base URL, chapter and step titles in the built language), valid against its
schema; the composer builds an edition from that data alone."""

import datetime
import json
import shutil
from io import StringIO

import jsonschema
import pytest
from sphinx.testing.util import SphinxTestApp

from workshop.compose import Composer, Edition, Layout, selected

from conftest import ROOT

pytestmark = pytest.mark.xdist_group("workshop")
SCHEMA = json.loads((ROOT / "_ext" / "recipes" / "schemas" / "recipes.schema.json").read_text())


ORIGINS = (
    {"kind": "booklet", "chapter": "eka"},
    {"kind": "handbook"},
    {"kind": "booklet", "chapter": "lista"},
)


def recipe(recipe_id: str, items: int) -> dict:
    return {
        "id": recipe_id,
        "title": f"Resepti {recipe_id}",
        "source": f"recipes/{recipe_id}.md",
        "url": f"recipes/{recipe_id}.html#recipe-{recipe_id}",
        "participants": ["leipuri"],
        "steps": ["alku"],
        "version": "1.0",
        "items": [
            {"id": f"kohta-{n}", "text": f"Tee asia {n}.", "line": n, "origin": ORIGINS[n % 3]}
            for n in range(items)
        ],
    }


CATALOGUE = {
    "handbook": {
        "title": "Testikirja",
        "version": "1.2.3",
        "language": "en",
        "base_url": "https://example.org/kirja/en/",
        "chapters": [{"id": "eka", "docname": "luku", "title": "First chapter"}],
        "process_steps": [{"id": "alku", "docname": "luku", "anchor": "step-alku", "title": "The start"}],
        "booklet_parts": [{"id": "lista", "docname": "luku", "anchor": "lista", "title": "The closing list"}],
    },
    "recipes": [recipe("kakku", 3), recipe("pulla", 6)],
}


def test_catalogue_carries_what_print_needs(rootdir, tmp_path):
    srcdir = shutil.copytree(rootdir / "test-basic", tmp_path / "src")
    (srcdir / "conf.py").write_text(
        (srcdir / "conf.py").read_text() + 'html_baseurl = "https://example.org/kirja/fi/"\n'
    )
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    app.build()
    app.cleanup()
    catalogue = json.loads((app.outdir / "recipes.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalogue, SCHEMA)
    handbook = catalogue["handbook"]
    assert handbook["base_url"] == "https://example.org/kirja/fi/"
    assert handbook["chapters"] == [{"id": "eka", "docname": "chapter", "title": "Luku"}]
    assert handbook["process_steps"] == [
        {"id": "alku", "docname": "chapter", "anchor": "step-alku", "title": "Alku"}
    ]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_handbook_catalogue_is_valid_and_titled_in_its_language(editions, language):
    handbook = editions[language].catalogue["handbook"]
    jsonschema.validate(editions[language].catalogue, SCHEMA)
    assert [c["id"] for c in handbook["chapters"]] == [
        "suhde",
        "vuoropuhelu",
        "tilannekuva",
        "yhtenainen-toiminta",
        "lisaarvo",
        "erilaistuminen",
    ]
    assert [s["id"] for s in handbook["process_steps"]] == [
        "kokonaiskuva",
        "tilannekuva",
        "tahtotila",
        "ratkaisut",
        "seuranta",
    ]
    first_step = {"fi": "Yhteinen kokonaiskuva", "sv": "Gemensam helhetsbild", "en": "Shared big picture"}
    assert handbook["process_steps"][0]["title"] == first_step[language]


def test_only_selects_recipes_and_names_unknown_ids():
    assert [r["id"] for r in selected(CATALOGUE["recipes"], ("pulla",))] == ["pulla"]
    assert selected(CATALOGUE["recipes"], ()) == CATALOGUE["recipes"]
    with pytest.raises(LookupError, match="nope.*known: kakku, pulla"):
        selected(CATALOGUE["recipes"], ("pulla", "nope"))


def test_an_edition_is_composed_from_the_catalogue_alone(tmp_path):
    edition = Edition("en", datetime.date(2026, 11, 28), recipes_only=True, only=("pulla",))
    composer = Composer(CATALOGUE, tmp_path / "no-site-needed.html", edition)
    html = composer.compose(Layout(spreads={"pulla": 4}))
    assert composer.title == "Testikirja – Recipes for the workshop"
    assert f"<title>{composer.title}</title>" in html and '<html lang="en">' in html
    assert "28 November 2026" in html
    assert "Resepti kakku" not in html
    left, right = html.split('class="spread-right"')
    assert left.count('class="tick"></td>') == 4 and right.count('class="tick"></td>') == 2
    assert "Resepti pulla (continued)" in right and "The start" in left
    assert composer.rows() == {"pulla": [f"pulla--kohta-{n}" for n in range(6)]}
    for origin in (
        "From the booklet: chapter First chapter",
        "Handbook proposal",
        "From the booklet: The closing list",
    ):
        assert html.count(f'<span class="origin">{origin}</span>') == 2, origin
