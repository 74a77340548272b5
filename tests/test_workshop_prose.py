"""The prose of the workshop edition (recipes/workshop/prose.py): a page is read and cleaned
once, every layout round prints it the same, and a page whose title is not its section's
own heading is refused with its section named."""

from pathlib import Path

import pytest

from recipes.workshop.prose import Prose
from recipes.workshop.typesetting import Typesetter

DEFINITION = (
    '<section id="definition"><h1>Partnership<a class="headerlink" href="#definition">#</a></h1>'
    "<p>A long-term partnership between the cities and the state.</p>"
    '<section id="more"><h2>More</h2><p>Shared goals, shared work.</p></section></section>'
)


def prose(pages: dict[str, str]) -> tuple[Prose, list[str]]:
    read: list[str] = []

    def fragment(docname: str) -> str:
        read.append(docname)
        return pages[docname]

    source = Prose({"definition": "definition"}, [], fragment, Path("."))
    return source.typeset(lambda _part: Typesetter("en"), {}, "p."), read


def test_each_round_prints_the_same_part_from_one_reading():
    source, read = prose({"definition": DEFINITION})
    first, second = source.definition(), source.definition()
    assert first == second
    assert first.title == "Partnership"
    assert "Partnership" not in first.body  # the title is the part's heading, not its text
    assert "<h2>More</h2>" in first.body
    assert read == ["definition"]


def test_a_title_that_is_not_the_sections_own_heading_is_refused():
    nested = '<section id="definition"><div><h1>Partnership</h1></div><p>Text.</p></section>'
    source, _read = prose({"definition": nested})
    with pytest.raises(LookupError, match="'definition' does not start with its heading"):
        source.definition()
