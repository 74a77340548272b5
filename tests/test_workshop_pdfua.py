"""PDF/UA-1 of the workshop editions, as an independent checker (``pdfua``, PyPI) and a
person with a screen reader would check it: header cells name their columns, heading
levels never skip, the parts in another language say so, running heads, page numbers and
leader dots are artifacts, and a line-end hyphen the typesetter inserted is not read."""

import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from workshop_editions import A4, LANGUAGES, MARGINS

PDFUA = Path(sys.executable).with_name("pdfua")


def tree(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """The structure elements reachable from the root, in reading order."""
    found = []

    def walk(node):
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                found.append(kid)
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdfua_finds_nothing_at_warning_level(editions, language):
    result = subprocess.run(
        [str(PDFUA), "check", "--min-severity", "warning", str(editions[language].path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_heading_levels_never_skip(editions, language):
    with pikepdf.open(editions[language].path) as pdf:
        levels = [int(str(e.S)[2]) for e in tree(pdf) if str(e.S) in {f"/H{n}" for n in range(1, 7)}]
    assert levels[0] == 1
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert skips == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_header_cell_has_a_column_scope_and_a_name(editions, language):
    edition = editions[language]
    with pikepdf.open(edition.path) as pdf:
        headers = [e for e in tree(pdf) if e.S == "/TH"]
        assert len(headers) >= 4 * len(edition.catalogue["recipes"])
        assert all(e.A.Scope == "/Column" for e in headers)
    # the first header cell, above the tick boxes, has a word of its own
    first = {"fi": "Tehty", "sv": "Klart", "en": "Done"}[language]
    assert first in edition.texts[[i for i, t in enumerate(edition.texts) if first in t][0]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_parts_in_another_language_carry_it(editions, language):
    """The glossary gives each term in the other two languages: both are marked."""
    with pikepdf.open(editions[language].path) as pdf:
        marked = {str(e.Lang) for e in tree(pdf) if "/Lang" in e}
    assert marked == set(LANGUAGES) - {language}


@pytest.mark.parametrize("language", LANGUAGES)
def test_running_heads_page_numbers_and_leaders_are_artifacts(editions, language):
    edition = editions[language]
    with pdfplumber.open(edition.path) as pdf:
        for page in pdf.pages[1:]:
            margin = [
                c
                for c in page.chars
                if c["bottom"] < MARGINS["top"] - 2 or c["top"] > A4[1] - MARGINS["bottom"] + 2
            ]
            assert margin and all(c.get("tag") == "Artifact" for c in margin), page.page_number
        contents = pdf.pages[1]
        dots = [c for c in contents.chars if c["text"] == "."]
        assert len(dots) > 100 and all(c.get("tag") == "Artifact" for c in dots)
    with pikepdf.open(edition.path) as pdf:
        reachable = {e.objgen for e in tree(pdf)}
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        for i in range(0, len(nums), 2):
            if isinstance(nums[i + 1], pikepdf.Array):  # a page's marked content
                owners = [e for e in nums[i + 1] if isinstance(e, pikepdf.Dictionary)]
                assert all(e.objgen in reachable for e in owners), int(nums[i])


@pytest.mark.parametrize("language", LANGUAGES)
def test_inserted_hyphens_are_not_in_the_text_read_aloud(editions, site_words, language):
    """Each line ending in an inserted hyphen reads without it, and the fragment with the
    next line's start is a word of the sites (whose text has no line-end hyphens; the
    glossary's equivalents are in the other languages)."""
    edition = editions[language]  # words as \w runs, as the fragments: "GitHub-förrådet" gives "förrådet"
    with pikepdf.open(edition.path) as pdf:
        actual = [str(e.ActualText) for e in tree(pdf) if "/ActualText" in e]
    assert len(actual) > 10
    assert not any(text.endswith("-") for text in actual)
    fragments = [re.findall(r"\w+", text)[-1] for text in actual if re.search(r"\w", text)]
    known = [f for f in fragments if any(word.startswith(f) for word in site_words)]
    assert len(known) == len(fragments), set(fragments) - set(known)
