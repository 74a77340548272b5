"""The ID rule and the anchor string are defined once (`recipes.ids`, `recipes.model`):
the schemas and the browser script take the rule from there, never from a copy."""

import json
import re
import shutil
from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOT
from recipes.ids import ID_PATTERN, is_valid_id
from recipes.model import anchor

EXTENSION = ROOT / "_ext" / "recipes"
SAMPLES = ["a", "kutsu", "a1-b2", "x" * 40, "x" * 41, "1a", "-a", "a-", "a--b", "A", "ä", "a_b", ""]


def id_definitions(schema: dict) -> list[str]:
    return [value["pattern"] for key, value in schema["$defs"].items() if key == "id"]


@pytest.mark.parametrize("name", ["recipes.schema.json", "progress.schema.json"])
def test_each_schema_states_the_id_rule_of_the_extension(name):
    schema = json.loads((EXTENSION / "schemas" / name).read_text(encoding="utf-8"))
    assert id_definitions(schema) == [f"^{ID_PATTERN}$"]


def test_the_fast_check_and_the_documented_pattern_agree():
    documented = re.compile(f"^{ID_PATTERN}$")
    for sample in SAMPLES:
        assert is_valid_id(sample) == bool(documented.match(sample)), sample


def test_the_browser_script_takes_the_rule_from_the_page(rootdir, tmp_path):
    for name in ("progress.js", "recipes.js", "followup.js", "recipe-map.js"):
        script = (EXTENSION / "static" / name).read_text(encoding="utf-8")
        assert "{0,39}" not in script
        # the progress module gets the rule from the scripts, which read it from the page
        assert ("recipes-id-pattern" in script) == (name != "progress.js"), name
    srcdir = shutil.copytree(rootdir / "test-basic", tmp_path / "src")
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    app.build()
    app.cleanup()
    page = (app.outdir / "recipe.html").read_text(encoding="utf-8")
    assert f'<meta name="recipes-id-pattern" content="^{ID_PATTERN}$">' in page


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("kutsu",), "recipe-kutsu"),
        (("kutsu", "aika"), "recipe-kutsu--aika"),
        (("kutsu", "aika", "overview2"), "overview2-kutsu--aika"),
        (("kutsu", "aika", ""), "kutsu--aika"),
    ],
)
def test_anchor_forms(arguments, expected):
    assert anchor(*arguments) == expected


def test_no_module_spells_the_anchor_out():
    """Site anchors are built by `model.anchor` only; a re-spelled one would drift from it.
    The print edition has anchors of its own (``kutsu--aika`` rows) and takes the site's
    from ``address.py``."""
    site_anchor = re.compile(r"recipe-\{")
    item_anchor = re.compile(r"\}--\{")
    extension = [
        path for path in [*EXTENSION.glob("*.py"), *(ROOT / "tools").rglob("*.py")] if path.name != "model.py"
    ]
    sources = [
        *((path, pattern) for path in extension for pattern in (site_anchor, item_anchor)),
        *((path, site_anchor) for path in (EXTENSION / "workshop").glob("*.py")),
    ]
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path, spelled in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if spelled.search(line)
    ]
    assert offenders == []
