"""Where print may break lines: URLs only after "/" or "." and never leaving one or two
letters alone; no hyphenation in headings; words found split across pages kept whole."""

import pytest
from bs4 import BeautifulSoup

from recipes.workshop.hyphenation import SOFT_HYPHEN
from recipes.workshop.typesetting import Typesetter, url_html, url_pieces


@pytest.mark.parametrize(
    ("url", "pieces"),
    [
        (
            "https://kumppanuuden-reseptikirja.github.io/reseptikirja/fi/recipes/foorumit.html",
            [
                "https://",
                "kumppanuuden-reseptikirja.",
                "github.io/",
                "reseptikirja/fi/",
                "recipes/",
                "foorumit.",
                "html",
            ],
        ),
        ("https://www.example.fi/a/index.htm", ["https://", "www.", "example.fi/a/", "index.", "htm"]),
    ],
)
def test_urls_break_after_slash_or_dot_and_keep_short_pieces_together(url, pieces):
    assert url_pieces(url) == pieces
    assert "".join(url_pieces(url)) == url


def test_url_markup_has_break_points_only_between_unbreakable_pieces():
    html = BeautifulSoup(url_html("https://a.example.org/kirja/"), "html.parser")
    pieces = [piece.get_text() for piece in html.select(".nobr")]
    assert pieces == ["https://a.", "example.", "org/", "kirja/"]  # "a." does not stand alone
    assert len(html.select("wbr")) == len(pieces) - 1 and SOFT_HYPHEN not in html.get_text()


def typeset(markup: str, language: str, whole: frozenset[str] = frozenset()) -> BeautifulSoup:
    """``markup`` in a <div>, typeset as the edition's prose is for ``language``."""
    root = BeautifulSoup(f"<div>{markup}</div>", "html.parser")
    Typesetter(language, whole).tree(root.div)
    return root


def test_prose_is_hyphenated_but_headings_and_urls_are_not():
    root = typeset(
        "<h2>Kumppanuusyhteistyö</h2><p>Kumppanuusyhteistyö on tärkeää ministeriöille.</p>"
        "<p><span class='url'>https://esimerkki.fi/kumppanuusyhteistyo</span></p>",
        "fi",
    )
    heading, paragraph, url = root.find_all(["h2", "p"])
    assert SOFT_HYPHEN not in heading.get_text() and SOFT_HYPHEN not in url.get_text()
    assert paragraph.get_text().startswith("Kump" + SOFT_HYPHEN)
    assert paragraph.get_text().endswith(" ministeriöille.")  # the paragraph's last word stays whole


def test_words_split_across_a_page_are_set_whole():
    text = Typesetter("fi", whole={"kumppanuusyhteistyö"}).text("Tämä kumppanuusyhteistyö kestää vuosia.")
    assert '<span class="whole">kumppanuusyhteistyö</span>' in text
    assert Typesetter("en", whole={"partnership"}).text("A partnership.") == (
        'A <span class="whole">partnership</span>.'
    )


def test_a_part_of_a_hyphenated_compound_is_set_whole_and_the_hyphen_may_still_end_a_line():
    """The layout finds "gener-" + "al" in "directors-general" and asks for "general" whole."""
    text = Typesetter("en", whole={"general"}).text("the directors-general meet")
    assert text.replace(SOFT_HYPHEN, "") == 'the directors-<span class="whole">general</span> meet'
    root = typeset("<p>The directors-general meet.</p>", "en", whole=frozenset({"general"}))
    assert (
        str(root.p).replace(SOFT_HYPHEN, "")
        == '<p>The directors-<span class="whole">general</span> meet.</p>'
    )
    text = Typesetter("fi", whole={"EU-rahoitus"}).text("EU-rahoitus")
    assert text == '<span class="whole">EU-rahoitus</span>'  # a compound found broken stays whole


def test_finnish_quoted_in_another_edition_gets_finnish_breaks():
    root = typeset(
        '<p>The original reads: <span lang="fi">kumppanuusyhteistyö kestää vuosia</span>'
        " and the partnership continues.</p>",
        "en",
    )
    quoted = root.select_one("span[lang=fi]").get_text()
    assert f"kump{SOFT_HYPHEN}pa{SOFT_HYPHEN}nuus" in quoted  # Voikko's breaks, not English ones
    english = root.p.get_text().replace(quoted, "")
    assert f"part{SOFT_HYPHEN}ner{SOFT_HYPHEN}ship" in english  # the English text: English patterns
