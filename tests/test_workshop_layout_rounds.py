"""The layout rounds of the workshop edition (render.settle) print every page number right:
a link prints the number its target got earlier in the same round, or else the number the
previous round found; the layout has settled only when each printed number is where its
anchor landed, and a layout that never settles ends with the PDF engine counting the pages
itself. Parts laid out one by one give the pages the whole document gets, and a word
broken badly in one part is kept whole in that part only."""

import io
import re

import pdfplumber
import pytest

from recipes.workshop import render
from recipes.workshop.compose import Layout, numbered

TEMPLATE = """<!DOCTYPE html><html lang="en"><head><title>Rounds</title></head><body>
<nav class="toc"><ol><li><a href="#target">Target</a></li></ol></nav>
{filler}<section class="part" id="target"><h1>Target</h1><p>Text.</p></section></body></html>"""
PAGE = '<section class="part"><h1>Filler</h1><p>Text.</p></section>'  # print.css: a part starts a page


def printed_number(pdf: bytes) -> int:
    """The number the contents line prints after its leader dots."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        contents = document.pages[0].extract_text()
    return int(re.search(r"Target\D*(\d+)\s*$", contents, re.MULTILINE)[1])


def target_page(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return next(
            number
            for number, page in enumerate(document.pages, 1)
            if number > 1 and "Target" in (page.extract_text() or "").splitlines()[:2]
        )


def test_numbers_from_the_previous_round_settle_when_they_are_right():
    rounds: list[Layout] = []

    def compose(layout: Layout) -> str:
        rounds.append(layout)
        return TEMPLATE.format(filler=PAGE * 2)

    pdf, html = render.settle(compose, {}, [], render.BASE)
    assert [layout.numbers for layout in rounds] == [None, {"target": 4}]  # placeholder, then found
    assert 'data-number="4"' in html
    assert printed_number(pdf) == target_page(pdf) == 4


PARTS = """<!DOCTYPE html><html lang="en"><head><title>Parts</title></head><body>
<nav class="toc"><ol><li><a href="#target">Target</a></li></ol></nav>
<!--part--><section class="part" id="target"><h1>Target</h1><p>Text.</p></section>
<!--part--><section class="worksheet spread"><h1>Spread</h1><p>On a left page.</p></section>
<!--part--><section class="part"><h1>Back</h1><p>See <a class="xref" href="#target">it</a>.</p></section>
</body></html>"""


def page_texts(pdf: bytes) -> list[str]:
    """Each page's whole text, running heads and page numbers included."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [page.extract_text() or "" for page in document.pages]


def test_parts_laid_out_one_by_one_give_the_pages_of_the_whole():
    """A part opens on the page and side where the one before it ended: the spread's part
    starts with an empty page to open on the left, and each page shows its number."""
    engine = render.Engine(render.BASE)
    document, pages, printed = engine.render_parts(PARTS, {"target": 2})
    whole = engine.render(printed)
    assert page_texts(document.write_pdf()) == page_texts(whole.write_pdf())
    assert len(document.pages) == 5  # contents, target, an empty right page, spread, back
    assert pages.lines == render.Pages.read(whole.write_pdf()).lines


def test_a_link_back_prints_the_number_of_the_same_round():
    """The contents point forward: before the first layout they hold a placeholder; the
    link after its target prints the page the target got in the same round."""
    document, _pages, printed = render.Engine(render.BASE).render_parts(PARTS, None)
    assert '<a data-number="00" href="#target">' in printed
    assert '<a class="xref" data-number="2" href="#target">' in printed


def test_a_layout_that_never_settles_ends_with_the_engine_counting(monkeypatch):
    """Each round adds a page before the target, so the number found last round is always
    wrong: past the round limit the engine's own target-counter prints the number."""
    monkeypatch.setattr(render, "ROUNDS", 3)
    calls = []

    def compose(layout: Layout) -> str:
        calls.append(layout)
        return TEMPLATE.format(filler=PAGE * len(calls))

    pdf, html = render.settle(compose, {}, [], render.BASE)
    assert len(calls) == 4
    assert "data-number" not in html
    assert printed_number(pdf) == target_page(pdf) == 6


@pytest.mark.parametrize(
    ("numbers", "missing", "expected"),
    [
        ({}, "00", '<a data-number="00" href="#target">'),
        ({"target": 7}, "00", '<a data-number="7" href="#target">'),
        ({"target": 7}, None, '<a data-number="7" href="#target">'),
        ({"other": 7}, None, '<a href="#target">'),
    ],
)
def test_links_carry_the_number_the_layout_knows(numbers, missing, expected):
    assert numbered('<a href="#target">', numbers, missing) == expected


def test_a_part_that_does_not_start_a_page_is_refused():
    """Its start would be laid out on the page before it, which is thrown away."""
    flowing = PARTS.replace('<!--part--><section class="part" id="target">', '<!--part--><p id="target">')
    with pytest.raises(ValueError, match="does not start a page: \\['target'\\]"):
        render.Engine(render.BASE).render_parts(flowing, None)
    with pytest.raises(ValueError, match="does not start a page: '<p>Nothing new.</p>'"):
        render.Engine(render.BASE).render_parts(
            PARTS.replace("</body>", "<!--part--><p>Nothing new.</p></body>"), None
        )


def test_a_line_in_a_column_is_followed_by_the_next_line_of_that_column():
    """The worksheet's head: the facts on the left, the address centred on the right, on
    shared baselines; then the checklist's header cells and its first row."""
    rows = {
        700: [(57, 200, "Participants"), (400, 520, "This recipe online:")],
        688: [
            (57, 300, "mayors, permanent secretaries, directors-gener-"),
            (380, 540, "https://example.org/"),
        ],
        676: [(57, 120, "al, facilitator")],
        600: [(57, 80, "Done"), (95, 200, "Step of the recipe"), (400, 450, "Responsible")],
        588: [(95, 300, "Invite representatives")],
    }
    lines = ["".join(text for _x0, _x1, text in line) for line in render.columns(rows)]
    assert lines[lines.index("mayors, permanent secretaries, directors-gener-") + 1] == "al, facilitator"
    assert lines[lines.index("This recipe online:") + 1] == "https://example.org/"
    assert lines[lines.index("Step of the recipe") + 1] == "Invite representatives"
    assert (lines[0], lines[-1]) == ("Participants", "Invite representatives")  # top and bottom


def test_a_word_broken_in_one_part_is_kept_whole_in_that_part_only():
    """The definition's first page ends in "kumppanuus-" and its second starts with
    "yhteistyö": the next round sets the word whole in the definition; the worksheet, where
    the word broke nowhere, keeps its break points and its layout."""
    box = [(57.0, 300.0, 5.0)]
    pages = render.Pages(
        lines=[["Pitkäjänteinen kumppanuus-"], ["yhteistyö jatkuu."], ["Kumppanuusyhteistyö"]],
        boxes=[box, box, box],
        parts=["maaritelma", "maaritelma", "resepti-foorumit"],
    )
    known = {"sanasto": {"kaupunki"}}
    whole = render.words_to_keep_whole(pages, known)
    assert whole == {"maaritelma": {"kumppanuusyhteistyö", "kumppanuus-yhteistyö"}, "sanasto": {"kaupunki"}}
    assert known == {"sanasto": {"kaupunki"}}  # the previous round's decisions are not changed
