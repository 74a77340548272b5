"""Search: every item stays findable through the page text, while only recipes (not
each of their items) are objects in the search index the theme loads."""

import json
import re

import pytest
import snowballstemmer


@pytest.fixture
def built(basic_root):
    text = (basic_root / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.S)[1])


def test_item_words_lead_to_the_recipe_page(built):
    index = built
    page = index["docnames"].index("recipe")
    stem = snowballstemmer.stemmer("finnish").stemWord  # what Sphinx's Finnish search uses
    for word in ("taikina", "lämmitä"):
        docs = index["terms"][stem(word)]
        assert page in (docs if isinstance(docs, list) else [docs]), word


def test_only_recipes_are_search_objects(built):
    index = built
    entries = [entry for entries in index["objects"].values() for entry in entries]
    assert [entry[4] for entry in entries] == ["Kakun resepti"]  # not one per item
