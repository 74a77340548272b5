"""recipes.json: complete, valid against its schema, deterministic; the progress
file schema accepts what the browser exports."""

import json
import shutil
from io import StringIO

import jsonschema
import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOT

SCHEMAS = ROOT / "_ext" / "recipes" / "schemas"


def build(srcdir, builder="html"):
    app = SphinxTestApp(builder, srcdir=srcdir, status=StringIO(), warning=StringIO())
    app.build()
    app.cleanup()
    return app.outdir


@pytest.fixture
def catalogue(rootdir, tmp_path):
    srcdir = shutil.copytree(rootdir / "test-basic", tmp_path / "src")
    return json.loads((build(srcdir) / "recipes.json").read_text(encoding="utf-8"))


def test_catalogue_holds_recipes_items_and_metadata(catalogue):
    jsonschema.validate(catalogue, json.loads((SCHEMAS / "recipes.schema.json").read_text()))
    (recipe,) = catalogue["recipes"]
    assert recipe["id"] == "kakku" and recipe["title"] == "Kakun resepti"
    assert recipe["source"] == "recipe.md" and recipe["url"] == "recipe.html#recipe-kakku"
    assert recipe["chapters"] == ["eka"] and recipe["steps"] == ["alku"]
    assert recipe["participants"] == ["leipuri", "maistaja"]
    assert [(i["id"], i["text"]) for i in recipe["items"]] == [
        ("uuni", "Lämmitä uuni 200 asteeseen."),
        ("taikina", "Sekoita taikina."),
    ]
    assert catalogue["handbook"]["storage_namespace"] == "test-handbook"
    assert recipe["retired"] == ["vanha-uuni"] and recipe["version"] == "1.1"
    assert recipe["changes"] == [
        {"version": "1.1", "date": "2026-12-01", "text": "Uuni lämmitetään nyt ennen taikinaa."},
        {"version": "1.0", "date": "2026-11-28", "text": "Ensimmäinen versio."},
    ]


def test_catalogue_is_byte_identical_across_builds(rootdir, tmp_path):
    first = build(shutil.copytree(rootdir / "test-basic", tmp_path / "a")) / "recipes.json"
    second = build(shutil.copytree(rootdir / "test-basic", tmp_path / "b")) / "recipes.json"
    assert first.read_bytes() == second.read_bytes()


def test_catalogue_only_for_html_builders(rootdir, tmp_path):
    out = build(shutil.copytree(rootdir / "test-basic", tmp_path / "src"), "text")
    assert not (out / "recipes.json").exists()


def test_catalogue_schema_rejects_bad_ids(catalogue):
    schema = json.loads((SCHEMAS / "recipes.schema.json").read_text())
    catalogue["recipes"][0]["items"][0]["id"] = "Not An ID"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(catalogue, schema)


def progress_v2(entry: dict) -> dict:
    return {
        "format": "recipe-progress",
        "version": 2,
        "namespace": "x",
        "name": "Tampere – YM",
        "exported": "2026-11-29",
        "items": {"kakku": {"uuni": {**entry, "changed": "2026-11-29T08:00:00.000Z"}}},
    }


STAMPS = {field: "2026-11-28T10:00:00.000Z" for field in ("done", "who", "due", "note")}


def progress_v3(entry: dict) -> dict:
    return {"format": "recipe-progress", "version": 3, "namespace": "x", "items": {"kakku": {"uuni": entry}}}


@pytest.mark.parametrize(
    ("document", "valid"),
    [
        (
            {
                "format": "recipe-progress",
                "version": 1,
                "namespace": "x",
                "ticks": {"kakku": {"uuni": "2026-11-28"}},
            },
            True,
        ),
        (
            {
                "format": "recipe-progress",
                "version": 1,
                "namespace": "x",
                "ticks": {"kakku": {"uuni": "<img src=x onerror=alert(1)>"}},
            },
            False,
        ),
        (
            {
                "format": "recipe-progress",
                "version": 1,
                "namespace": "x",
                "ticks": {"__proto__": {"uuni": "2026-11-28"}},
            },
            False,
        ),
        ({"format": "other", "version": 1, "namespace": "x", "ticks": {}}, False),
        (progress_v2({"done": "2026-11-28", "who": "Maija", "due": "2027-01-31", "note": "Soita"}), True),
        (progress_v2({}), True),  # cleared: only when it changed
        (progress_v2({"done": "28.11.2026"}), False),
        (progress_v2({"who": "x" * 101}), False),
        ({**progress_v2({}), "items": {"__proto__": {}}}, False),
        ({**progress_v2({}), "version": 1}, False),
        (progress_v3({"done": "2026-11-28", "rev": "0123456789ab", "who": "Maija", "changed": STAMPS}), True),
        (progress_v3({"changed": {"done": "2026-11-28T10:00:00.000Z"}}), True),  # the tick was cleared then
        (
            progress_v3({"done": "2026-11-28", "changed": "2026-11-28T10:00:00.000Z"}),
            False,
        ),  # one time per item
        (progress_v3({"done": "2026-11-28", "rev": "<b>", "changed": STAMPS}), False),
        ({**progress_v3({"changed": STAMPS}), "version": 4}, False),
    ],
)
def test_progress_schema(document, valid):
    schema = json.loads((SCHEMAS / "progress.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid(document) is valid
