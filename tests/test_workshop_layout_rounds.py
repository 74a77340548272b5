"""The layout rounds of the workshop edition (render.settle) print every page number right:
from the second round on a link prints the number the previous round found, the layout has
settled only when each printed number is where its anchor landed, and a layout that never
settles ends with the PDF engine counting the pages itself."""

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
        return numbered(TEMPLATE.format(filler=PAGE * 2), layout.numbers)

    pdf, html = render.settle(compose, {}, [], render.BASE)
    assert [layout.numbers for layout in rounds] == [None, {"target": 4}]  # placeholder, then found
    assert 'data-number="4"' in html
    assert printed_number(pdf) == target_page(pdf) == 4


def test_a_layout_that_never_settles_ends_with_the_engine_counting(monkeypatch):
    """Each round adds a page before the target, so the number found last round is always
    wrong: past the round limit the engine's own target-counter prints the number."""
    monkeypatch.setattr(render, "ROUNDS", 3)
    calls = []

    def compose(layout: Layout) -> str:
        calls.append(layout)
        return numbered(TEMPLATE.format(filler=PAGE * len(calls)), layout.numbers)

    pdf, html = render.settle(compose, {}, [], render.BASE)
    assert len(calls) == 4 and calls[-1].numbers == {}
    assert "data-number" not in html
    assert printed_number(pdf) == target_page(pdf) == 6


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (None, '<a data-number="00" href="#target">'),
        ({"target": 7}, '<a data-number="7" href="#target">'),
        ({"other": 7}, '<a href="#target">'),
        ({}, '<a href="#target">'),
    ],
)
def test_links_carry_the_number_the_layout_knows(numbers, expected):
    assert numbered('<a href="#target">', numbers) == expected
