"""Provenance: every item shows where it comes from as text, in the reader's language,
in HTML, in plain text and in recipes.json; the handbook's own figures carry a visible mark;
translators never see the origin role."""

import json
from io import StringIO

import jsonschema
import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import CHAPTER, ROOT, toctree, warnings_of, write_project

PARTS = 'recipes_booklet_parts = {"lista": "kirjasen-lista"}\n'
LIST_PAGE = "# Lopuksi\n\n(kirjasen-lista)=\n## Kirjasen lista\n\nTeksti.\n"
RECIPE = """\
# Resepti

Tapaa {proposal}`kolmesti vuodessa` ja kirjaa sovittu.

:::{recipe} kakku
:title: Kakku
:chapters: eka

- {item}`luku` Tee luvun ehdotus. {origin}`booklet:eka`
- {item}`lista` Tee listan ehdotus. {origin}`booklet:lista`
- {item}`oma` Tee oma ehdotus {proposal}`kahdesti vuodessa`. {origin}`handbook`
:::
"""


def build(tmp_path, builder="html", language="fi", parts=PARTS, expected=()):
    srcdir = write_project(
        tmp_path,
        {
            "index": toctree("chapter", "lista", "recipe"),
            "chapter": CHAPTER,
            "lista": LIST_PAGE,
            "recipe": RECIPE,
        },
        parts + f"language = {language!r}\n",
    )
    app = SphinxTestApp(builder, srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app) == list(expected)
    return app.outdir


@pytest.fixture(scope="module")
def finnish(tmp_path_factory):
    return build(tmp_path_factory.mktemp("origin"))


def items(outdir) -> dict[str, BeautifulSoup]:
    soup = BeautifulSoup((outdir / "recipe.html").read_text(encoding="utf-8"), "html.parser")
    return {li["data-item"]: li for li in soup.select("li.recipe-item")}


def test_each_item_says_where_it_comes_from_as_text(finnish):
    found = items(finnish)
    chapter = found["luku"].select_one("p.recipe-origin")
    assert chapter.get_text(" ", strip=True) == "Kirjasesta: luku Luku"
    assert chapter.a is None  # plain text: the metadata links the chapters, tab stops stay on tick boxes
    part = found["lista"].select_one("p.recipe-origin")
    assert part.get_text(" ", strip=True) == "Kirjasesta: Kirjasen lista"
    assert found["oma"].select_one("p.recipe-origin").get_text(strip=True) == "Käsikirjan ehdotus"


def test_the_origin_is_not_part_of_the_tick_box_label(finnish):
    label = items(finnish)["luku"].label
    assert label.get_text(strip=True) == "Tee luvun ehdotus."
    assert "origin" not in label.get_text()


def test_handbook_figures_carry_a_visible_mark(finnish):
    soup = BeautifulSoup((finnish / "recipe.html").read_text(encoding="utf-8"), "html.parser")
    marks = [span.get_text(" ", strip=True) for span in soup.select(".recipe-proposal")]
    assert marks == [
        "kolmesti vuodessa (käsikirjan ehdotus)",
        "kahdesti vuodessa (käsikirjan ehdotus)",
    ]


@pytest.mark.parametrize("builder", ["html", "text"])
def test_a_part_without_its_page_or_label_is_reported_once_at_its_first_item(tmp_path, builder):
    missing = 'recipes_booklet_parts = {"lista": "poistettu-lista"}\n'
    warning = (
        "recipe.md:10: WARNING: item 'lista' of recipe 'kakku' comes from booklet part 'lista', "
        "whose label 'poistettu-lista' (recipes_booklet_parts in conf.py) does not exist; fix "
        "recipes_booklet_parts or add the label [recipe.origin]"
    )
    outdir = build(tmp_path, builder, parts=missing, expected=[warning])
    if builder == "html":  # the line still says where the item comes from, by the part's ID
        assert items(outdir)["lista"].select_one("p.recipe-origin").get_text(" ", strip=True) == (
            "Kirjasesta: lista"
        )


def test_recipes_json_carries_the_origin_of_every_item(finnish):
    catalogue = json.loads((finnish / "recipes.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "_ext/recipes/schemas/recipes.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalogue, schema)
    origins = {item["id"]: item["origin"] for item in catalogue["recipes"][0]["items"]}
    assert origins == {
        "luku": {"kind": "booklet", "chapter": "eka"},
        "lista": {"kind": "booklet", "chapter": "lista"},
        "oma": {"kind": "handbook"},
    }
    texts = [item["text"] for item in catalogue["recipes"][0]["items"]]
    assert texts[0] == "Tee luvun ehdotus."


@pytest.mark.parametrize(
    "origin",
    [{"kind": "booklet"}, {"kind": "handbook", "chapter": "eka"}, {"kind": "city"}, "handbook"],
)
def test_schema_rejects_a_malformed_origin(finnish, origin):
    catalogue = json.loads((finnish / "recipes.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "_ext/recipes/schemas/recipes.schema.json").read_text(encoding="utf-8"))
    catalogue["recipes"][0]["items"][0]["origin"] = origin
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(catalogue, schema)


def test_swedish_readers_see_it_in_swedish(tmp_path):
    found = items(build(tmp_path, language="sv"))
    assert found["luku"].select_one("p.recipe-origin").get_text(" ", strip=True) == "Ur häftet: kapitlet Luku"
    assert found["oma"].select_one("p.recipe-origin").get_text(strip=True) == "Handbokens förslag"
    assert "(handbokens förslag)" in found["oma"].label.get_text()


def test_plain_text_output_keeps_the_origin_under_the_item(tmp_path):
    text = (build(tmp_path, "text") / "recipe.txt").read_text(encoding="utf-8")
    assert "[ ] Tee luvun ehdotus.\n\n  Kirjasesta: luku Luku" in text
    assert "Käsikirjan ehdotus" in text


def test_translators_get_item_texts_without_the_origin_role(tmp_path):
    catalogue = (build(tmp_path, "gettext") / "recipe.pot").read_text(encoding="utf-8")
    assert 'msgid "Tee luvun ehdotus."' in catalogue
    assert "{origin}" not in catalogue and "Kirjasesta" not in catalogue
    assert "{proposal}`kolmesti vuodessa`" in catalogue  # prose keeps its role for translators


def test_every_item_of_the_handbook_declares_where_it_comes_from(site):
    catalogue = json.loads((site / "recipes.json").read_text(encoding="utf-8"))
    items = [item for recipe in catalogue["recipes"] for item in recipe["items"]]
    assert len(catalogue["recipes"]) == 8 and items
    assert all(item["origin"] is not None for item in items), [i["id"] for i in items if not i["origin"]]
    kinds = {item["origin"]["kind"] for item in items}
    assert kinds == {"booklet", "handbook"}  # both kinds occur: the handbook's additions are told apart


BOOKLET_CHAPTERS = 'recipes_booklet_chapters = {"eka": {"number": 3, "title": "Kirjasen oma otsikko"}}\n'


@pytest.mark.parametrize(
    ("language", "shown", "marked"),
    [
        ("fi", "Kirjasesta: luku 3, ”Kirjasen oma otsikko”", False),
        ("sv", "Ur häftet: kapitel 3, ”Kirjasen oma otsikko”", True),
        ("en", "From the booklet: chapter 3, “Kirjasen oma otsikko”", True),
    ],
)
def test_the_origin_names_the_booklets_own_chapter_number_and_title(tmp_path, language, shown, marked):
    """A reader can find the passage in the booklet: its number and its title, not ours
    (the chapter page of this test is titled "Luku")."""
    outdir = build(tmp_path, language=language, parts=PARTS + BOOKLET_CHAPTERS)
    line = items(outdir)["luku"].select_one("p.recipe-origin")
    assert line.get_text("", strip=True) == shown
    title = line.select_one(".recipe-origin-part")
    assert (title.get("lang") == "fi") is marked  # the booklet's Finnish title, read as Finnish
    assert "Luku" not in line.get_text()
