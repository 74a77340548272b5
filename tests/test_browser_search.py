"""Search in a real browser, in every language: each reader query of
benchmarks/search_queries.py lists its page among the first five results (but the known misses
listed there), no page is listed twice, and recipes found as objects are labelled in the
site's language. The compound splitting itself: Voikko's parts, the vocabulary split with
the Swedish linking -s-, a build without Voikko that warns and goes on, and a builder that
writes no search index (an e-book, the workshop edition) gathering no vocabulary."""

import json
import re

import pytest
from compound_search import parts
from sphinx.search.fi import SearchFinnish

from benchmarks.search_queries import KNOWN_MISSES, QUERIES
from benchmarks.search_results import listed_pages

from conftest import built_app, toctree, write_project


def search_index(site) -> dict:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.S)[1])


@pytest.fixture
def built(sites, language):
    return sites(language)


@pytest.mark.parametrize("language", QUERIES)
def test_each_query_lists_its_page_in_the_first_five(page, built, language):
    misses = {}
    for query, wanted in QUERIES[language]:
        found = listed_pages(page, language, query)
        assert len(found) == len(set(found)), f"{query!r} lists a page twice: {found}"
        if wanted not in found[:5]:
            misses[query] = found[:5]
    assert set(misses) == KNOWN_MISSES.get(language, set()), misses


def test_a_query_lists_the_same_from_the_address_and_in_the_loaded_page(page, site):
    """listed_pages runs later queries in the loaded search page: the lists are those
    of the same queries opened from the address."""
    queries = [query for query, _wanted in QUERIES["fi"][:4]]
    again = [listed_pages(page, "fi", query) for query in queries]  # the first by address
    for query, listed in zip(queries[1:], again[1:], strict=True):
        page.goto("/fi/index.html")
        assert listed_pages(page, "fi", query) == listed, query


@pytest.mark.parametrize(("language", "label"), [("fi", "Resepti"), ("sv", "Recept"), ("en", "Recipe")])
def test_recipe_objects_carry_the_label_of_the_language(built, language, label):
    index = search_index(built)
    assert [name[2] for name in index["objnames"].values()] == [label]


def test_the_fi_index_has_base_forms_and_compound_parts(site):
    index = search_index(site)

    def pages(stem: str) -> set[str]:
        found = [index[kind].get(stem, []) for kind in ("terms", "titleterms")]
        return {
            index["docnames"][i] for files in found for i in ([files] if isinstance(files, int) else files)
        }

    # "elinvoimakeskuksille" is the only form on the EU funding page; "pöydät" the plural
    assert "recipes/eu-rahoitus" in pages("elinvoimakeskus")
    assert "recipes/pyoreat-poydat" in pages("pöytä")


def test_voikko_gives_base_forms_and_parts():
    voikko = parts.VoikkoParts()
    assert voikko("yhteiskuntasopimuksen") == ["kunta", "sopimus", "yhteis", "yhteiskuntasopimus"]
    assert voikko("pöydät") == ["pöytä"]


def test_vocabulary_split_drops_the_swedish_linking_s():
    split = parts.VocabularyParts(str.lower, linking="s")
    split.learn(["partnerskap", "avtal", "runda", "bord", "samhälle"])
    assert split("partnerskapsavtal") == ["partnerskap", "avtal"]
    assert split("rundabord") == ["runda", "bord"]
    assert split("avtalen") == []  # no known piece at the end: left whole
    assert parts.VocabularyParts(str.lower)("partnerskapsavtal") == []  # nothing learnt, nothing split


@pytest.fixture
def without_voikko(monkeypatch):
    """A machine without the libvoikko1 system library: opening Voikko fails as it does there."""
    import libvoikko

    def missing(*_args, **_kwargs):
        raise OSError("libvoikko.so.1: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(libvoikko, "Voikko", missing)


def test_without_voikko_the_build_warns_and_goes_on(tmp_path, without_voikko):
    src = write_project(
        tmp_path / "src",
        {"index": toctree("sivu") + "\nTeema ja sopimus.\n", "sivu": "# Sivu\n\nTeemasopimus.\n"},
        'extensions.append("compound_search")\n',
    )
    app = built_app(src)
    warnings = app.warning.getvalue()
    assert "[search.voikko]" in warnings and "apt-get install -y libvoikko1 voikko-fi" in warnings
    assert "Finnish search needs libvoikko, which is not installed" in warnings
    index = search_index(app.outdir)
    stem = SearchFinnish({}).stem("sopimus").lower()
    assert sorted(index["docnames"][i] for i in index["terms"][stem]) == ["index", "sivu"]


def test_the_handbook_only_reports_missing_voikko(tmp_path, without_voikko):
    """conf.py sets compound_search_voikko_warns = False: its strict builds go on and say so."""
    src = write_project(
        tmp_path / "src",
        {"index": "# Kirja\n\nTeemasopimus.\n"},
        'extensions.append("compound_search")\ncompound_search_voikko_warns = False\n',
    )
    app = built_app(src)
    assert "[search.voikko]" not in app.warning.getvalue()
    assert "[search.voikko]" in app.status.getvalue()


def test_a_builder_without_search_index_gathers_no_vocabulary(tmp_path):
    src = write_project(
        tmp_path / "src",
        {"index": toctree("sivu") + "\nTeema ja sopimus.\n", "sivu": "# Sivu\n\nTeemasopimus.\n"},
        'extensions.append("compound_search")\n',
    )
    app = built_app(src, builder="epub")
    assert not (app.outdir / "searchindex.js").exists()
    assert not hasattr(app, "compound_vocabulary")  # no page was read for compound parts
