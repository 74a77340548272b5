"""Finnish words break at syllable and compound boundaries only."""

import pytest

from recipes.workshop.hyphenation import SOFT_HYPHEN, finnish

EXPECTED = {
    "kumppanuusyhteistyö": "kump-pa-nuus-yh-teis-työ",
    "kaupunkipolitiikka": "kau-pun-ki-po-li-tiik-ka",
    "yhteiskuntasopimus": "yh-teis-kun-ta-so-pi-mus",
    "kansliapäällikkökokous": "kans-li-a-pääl-lik-kö-ko-kous",
    "vuoropuhelu": "vuo-ro-pu-he-lu",
    "tilannekuva": "ti-lan-ne-ku-va",
}


@pytest.mark.parametrize(("word", "broken"), EXPECTED.items())
def test_words_break_at_allowed_points(word, broken):
    assert finnish().word(word).replace(SOFT_HYPHEN, "-") == broken


def test_text_keeps_short_words_punctuation_and_existing_hyphens():
    text = "EU-rahoitus ja kumppanuusyhteistyö, 2026."
    hyphenated = finnish().text(text)
    assert hyphenated.replace(SOFT_HYPHEN, "") == text
    assert hyphenated.startswith("EU-ra" + SOFT_HYPHEN + "hoi" + SOFT_HYPHEN + "tus ja ")


def test_no_single_letter_is_left_alone():
    assert finnish().word("osapuolet").replace(SOFT_HYPHEN, "-") == "osa-puo-let"


def test_the_last_word_of_a_paragraph_is_not_broken():
    """So a paragraph never ends in a two- or three-letter fragment ("ministeri-ön.")."""
    text = finnish().text("Vie ehdotus ministeriöön.", ends_paragraph=True)
    assert text.endswith(" ministeriöön.")
    assert SOFT_HYPHEN in finnish().text("Vie ehdotus ministeriöön.")
