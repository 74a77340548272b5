"""Every core builder handles recipes: no unknown-node errors, tick boxes on paper."""

import shutil
from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp

BUILDERS = ["html", "dirhtml", "singlehtml", "latex", "text", "gettext", "man", "texinfo"]


@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_writes_recipes_without_warnings(builder, rootdir, tmp_path):
    srcdir = shutil.copytree(rootdir / "test-basic", tmp_path / "src")
    app = SphinxTestApp(builder, srcdir=srcdir, status=StringIO(), warning=StringIO())
    app.build()
    app.cleanup()
    assert app.warning.getvalue() == ""
    out = app.outdir
    if builder == "text":
        text = (out / "recipe.txt").read_text()
        assert "[ ] Lämmitä uuni *200 asteeseen*." in text
        assert "[ ] Sekoita taikina." in text
    if builder == "latex":
        tex = next(out.glob("*.tex")).read_text()
        assert tex.count(r"\item[\(\square\)]") == 4  # the recipe and the overview
    if builder == "gettext":
        pot = (out / "recipe.pot").read_text()
        assert 'msgid "Kakun resepti"' in pot
        assert "Sekoita taikina." in pot
        assert 'msgid "leipuri, maistaja"' in pot  # who takes part is translatable prose
        assert 'msgid "Ensimmäinen versio."' in pot  # so is the change history
    if builder in ("dirhtml", "singlehtml"):
        assert (out / "recipes.json").exists()
