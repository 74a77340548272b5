"""Swedish compounds are found by their parts in the site's search index; a builder that
writes no search index (an e-book, the workshop edition) does no vocabulary work."""

import json
import re

from conftest import built_app

CONF = """\
extensions = ["myst_parser", "compound_search"]
language = "sv"
project = "Ordbok"
"""
PAGES = {
    "index": "# Början\n\n```{toctree}\nstaden\n```\n\nEtt partnerskap bygger på ett avtal.\n",
    "staden": "# Staden\n\nStaden skrev under ett partnerskapsavtal med staten.\n",
}


def project(path):
    path.mkdir()
    (path / "conf.py").write_text(CONF, encoding="utf-8")
    for name, text in PAGES.items():
        (path / f"{name}.md").write_text(text, encoding="utf-8")
    return path


def test_a_compound_is_indexed_under_its_parts(tmp_path):
    app = built_app(project(tmp_path / "src"))
    script = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.search(r"Search\.setIndex\((.*)\)\s*$", script, re.S)[1])
    pages = index["docnames"]
    terms = {term: docs if isinstance(docs, list) else [docs] for term, docs in index["terms"].items()}
    assert terms["avtal"] == [pages.index("index"), pages.index("staden")]  # "partnerskapsavtal" there
    assert terms["partnerskap"] == terms["avtal"]  # its first part, the linking -s- dropped


def test_a_builder_without_search_index_skips_the_vocabulary(tmp_path):
    app = built_app(project(tmp_path / "src"), builder="epub")
    assert not (app.outdir / "searchindex.js").exists()
    assert not hasattr(app, "compound_vocabulary")  # no page was read for compound parts
