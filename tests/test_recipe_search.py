"""Search: every item stays findable through the page text, while only recipes (not
each of their items) are objects in the search index the theme loads."""

import json
import re
import shutil
from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope="module")
def built(rootdir, tmp_path_factory):
    srcdir = shutil.copytree(rootdir / "test-basic", tmp_path_factory.mktemp("search") / "src")
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    app.build()
    app.cleanup()
    text = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.S)[1])
    return app, index


def test_item_words_lead_to_the_recipe_page(built):
    app, index = built
    page = index["docnames"].index("recipe")
    for word in ("taikina", "lämmitä"):
        docs = index["terms"][app.builder.indexer.lang.stem(word)]
        assert page in (docs if isinstance(docs, list) else [docs]), word


def test_only_recipes_are_search_objects(built):
    _app, index = built
    entries = [entry for entries in index["objects"].values() for entry in entries]
    assert [entry[4] for entry in entries] == ["Kakun resepti"]  # not one per item
