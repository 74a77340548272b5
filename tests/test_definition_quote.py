"""The definition of urban policy partnership that the booklet proposes is quoted word for word, as a
block quotation with its source, and it is the booklet's own sentence."""

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

# The one sentence the handbook quotes verbatim (../shared/tools/verbatim-check allows it).
DEFINITION = (
    "Kaupunkipolitiikan kumppanuus on kaupunkien ja valtion tiivistä yhteistyötä, jossa molemmat "
    "työskentelevät yhdessä ja yhdensuuntaisesti kaupunkien, yhteiskunnan ja koko maan kehittämiseksi, "
    "ratkaisten yhteisiä haasteita tasavertaisuuden lähtökohdasta."
)
SEED = ROOT.parent / "shared" / "seed"
# Each language's tests share the worker that builds that language's site (as in test_languages).
SV, EN = (pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en"))


def normalised(text: str) -> str:
    return " ".join(text.split())


def quotation(page: Path) -> BeautifulSoup:
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    quotes = html.select("article.bd-article blockquote")
    assert len(quotes) == 1, "the definition page has exactly one block quotation"
    return quotes[0]


def test_definition_is_quoted_word_for_word(site):
    quote = quotation(site / "docs" / "maaritelma.html")
    attribution = quote.select_one(".attribution")
    assert attribution is not None
    attribution.extract()
    assert normalised(quote.get_text(" ")) == DEFINITION


def test_quotation_names_its_source(site):
    attribution = quotation(site / "docs" / "maaritelma.html").select_one(".attribution")
    text = normalised(attribution.get_text(" "))
    assert "Kaupunkipolitiikan kumppanuuden määritelmä" in text
    assert "kumppanuuskirjanen" in text
    assert attribution.select_one("a[href='lahde-ja-lisenssi.html']")


def test_definition_is_the_booklets_sentence():
    booklets = sorted(SEED.glob("*.txt"))
    if not booklets:
        if os.environ.get("CI"):
            pytest.fail(f"{SEED} is missing; CI must have ../shared beside the clone")
        pytest.skip("../shared/seed is not beside this clone")
    text = booklets[0].read_text(encoding="utf-8")
    text = normalised(re.sub(r"-\s*\n\s*", "", text))  # undo the booklet's line-end hyphenation
    assert DEFINITION in text


@pytest.mark.parametrize("language", [SV, EN])
def test_translation_says_it_is_unofficial_and_quotes_the_finnish_original(translations, language):
    quote = quotation(translations[language] / "docs" / "maaritelma.html")
    attribution = normalised(quote.select_one(".attribution").get_text(" "))
    assert "Kaupunkipolitiikan kumppanuuden määritelmä" in attribution
    assert {"sv": "inofficiell", "en": "unofficial translation"}[language] in attribution
    assert DEFINITION in attribution  # a print reader sees the proposed wording too


@pytest.mark.parametrize("language", [SV, EN])
def test_the_finnish_original_is_marked_as_finnish(translations, language):
    """Screen readers read the quoted original as Finnish (WCAG 3.1.2, language of parts)."""
    attribution = quotation(translations[language] / "docs" / "maaritelma.html").select_one(".attribution")
    finnish = [normalised(span.get_text(" ")) for span in attribution.select("span[lang=fi]")]
    assert "Kaupunkipolitiikan kumppanuuden määritelmä" in finnish
    assert any(DEFINITION in text for text in finnish)
