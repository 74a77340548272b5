"""The docs pages say where their content comes from and when: the source page cites
the booklet as far as the booklet allows, names who maintains the handbook, pages
describing the situation of 2021-2022 say so, and interview boxes report single
remarks as single remarks."""

import re
import tomllib

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

HANDBOOK = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["handbook"]
CHAPTERS = ["suhde", "vuoropuhelu", "tilannekuva", "yhtenainen-toiminta", "lisaarvo", "erilaistuminen"]
DOCS_WITH_INTERVIEWS = ["docs/maaritelma", "docs/prosessi"] + [f"docs/luvut/{c}" for c in CHAPTERS]
# Words that turn one anonymous remark into the view of several or all interviewees.
GENERALISING = re.compile(
    r"\b(useampi|useat|monet|haastatellut|haastatelluille|haastateltujen|haastatteluissa)\b"
)


def text_of(site, docname: str) -> str:
    html = BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    return " ".join(html.select_one("article.bd-article").get_text(" ").split())


def test_source_page_cites_the_booklet_as_far_as_it_states(site):
    text = text_of(site, "docs/lahde-ja-lisenssi")
    steering_group = "kaupunkipolitiikan yhteistyöryhmän sihteeristö"
    for fact in ["kumppanuuskirja", steering_group, "13 haastattelua", "2021–2022"]:
        assert fact in text, fact
    assert "eivät käy ilmi kirjasesta" in text  # publisher and year are unknown, not invented
    assert not re.search(r"ISBN \d|ISSN \d", text)


def test_source_page_names_the_maintainers_and_says_it_is_not_official(site):
    html = BeautifulSoup((site / "docs/lahde-ja-lisenssi.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in html.select("article.bd-article a[href]")]
    assert HANDBOOK["repository"].rstrip("/") + "/issues" in links
    text = text_of(site, "docs/lahde-ja-lisenssi")
    assert "ylläpitäjät" in text
    assert "ei ole ministeriön, kaupungin tai muun viranomaisen virallinen julkaisu" in text
    assert "Käsikirja ehdottaa" in text


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_says_when_its_situation_was(site, chapter):
    assert "haastattelujen aikaan 2021–2022" in text_of(site, f"docs/luvut/{chapter}")


def test_roles_are_given_as_they_were_then(site):
    assert "silloiset tehtävät" in text_of(site, "docs/haastatellut")
    assert "Lahden silloiselta kaupunginjohtajalta Pekka Timoselta" in text_of(site, "docs/johdanto")


def test_process_marks_the_handbooks_own_proposals(site):
    text = text_of(site, "docs/prosessi")
    assert text.count("Ketkä osallistuvat (käsikirjan ehdotus)") == 5
    assert text.count("Mitä vaihe tuottaa (käsikirjan ehdotus)") == 5


@pytest.mark.parametrize("docname", DOCS_WITH_INTERVIEWS)
def test_interview_boxes_keep_one_remark_one_remark(site, docname):
    html = BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    boxes = html.select("article.bd-article .admonition.haastattelu")
    assert boxes
    for box in boxes:
        box.select_one(".admonition-title").extract()
        text = " ".join(box.get_text(" ").split())
        assert text.startswith("Yksi haastateltu"), text
        assert not GENERALISING.search(text.lower()), text
