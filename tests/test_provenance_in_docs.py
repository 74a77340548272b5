"""The docs pages say where their content comes from and when: the source page cites
the booklet as far as the booklet allows, names who maintains the handbook, pages
describing the situation of the booklet's time say so and give that time as an inference
with its evidence, and the boxes of quotations present them as the booklet's material, never
as one interviewee's remark (the booklet does not say whose they are)."""

import re
import tomllib

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

HANDBOOK = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["handbook"]
CHAPTERS = ["suhde", "vuoropuhelu", "tilannekuva", "yhtenainen-toiminta", "lisaarvo", "erilaistuminen"]
DOCS_WITH_INTERVIEWS = ["docs/maaritelma", "docs/prosessi"] + [f"docs/luvut/{c}" for c in CHAPTERS]
# Words that pin an anonymous quotation on interviewees (the booklet's material is
# interviews and workshops, and it never says whose a quotation is).
PINNED = re.compile(r"haastatel|toinen\s+(totesi|kuvasi|toivoi|kysyi)\b")
# The evidence the booklet gives for its time; a year range without it would be a guess.
EVIDENCE = ("kesän 2021 työpaja", "vuoteen 2021", "vuoteen 2022")


def text_of(site, docname: str) -> str:
    html = BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    return " ".join(html.select_one("article.bd-article").get_text(" ").split())


def test_source_page_cites_the_booklet_as_far_as_it_states(site):
    text = text_of(site, "docs/lahde-ja-lisenssi")
    steering_group = "kaupunkipolitiikan yhteistyöryhmän sihteeristö"
    for fact in ["kumppanuuskirja", steering_group, "13 haastattelua", "2021–2022"]:
        assert fact in text, fact
    assert "kesällä 2021" in text and "vuoteen 2021 asti" in text and "vuoteen 2022 asti" in text
    assert "päätelty" in text  # the years are an inference, and the page says so
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
def test_chapter_says_when_its_situation_was_and_why(site, chapter):
    text = text_of(site, f"docs/luvut/{chapter}")
    assert "Kirjanen ei kerro ajankohtaa" in text
    assert all(evidence in text for evidence in EVIDENCE), text
    assert "haastattelujen aikaan 2021–2022" not in text


def test_roles_are_given_as_they_were_then(site):
    assert "silloiset tehtävät" in text_of(site, "docs/haastatellut")
    assert "Lahden silloiselta kaupunginjohtajalta Pekka Timoselta" in text_of(site, "docs/johdanto")


def test_process_marks_the_handbooks_own_proposals(site):
    text = text_of(site, "docs/prosessi")
    assert text.count("Ketkä osallistuvat (käsikirjan ehdotus)") == 5
    assert text.count("Mitä vaihe tuottaa (käsikirjan ehdotus)") == 5


@pytest.mark.parametrize("docname", DOCS_WITH_INTERVIEWS)
def test_quotation_boxes_are_the_booklets_material(site, docname):
    html = BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    boxes = html.select("article.bd-article .admonition.haastattelu")
    assert boxes
    for box in boxes:
        title = box.select_one(".admonition-title")
        assert title.get_text(strip=True) == "Kirjasen aineistosta"
        title.extract()
        text = " ".join(box.get_text(" ").split())
        assert text.startswith("Kirjasen lainauksessa"), text
        assert not PINNED.search(text.lower()), text


@pytest.mark.parametrize("docname", ["docs/maaritelma", "recipes/index", "docs/sanasto"])
def test_no_page_calls_the_definition_agreed(site, docname):
    text = text_of(site, docname).lower()
    assert not re.search(r"\bsovit(tu|un|ussa|tuna)\b.{0,20}määritel|osa sopimusta|kirjasessa sovitun", text)


def test_no_translation_calls_the_definition_agreed():
    for language, words in {"sv": r"överenskom\w* definition", "en": r"agreed (definition|wording)"}.items():
        for catalogue in (ROOT / "locales" / language / "LC_MESSAGES").glob("*.po"):
            assert not re.search(words, catalogue.read_text(encoding="utf-8")), (language, catalogue.name)
