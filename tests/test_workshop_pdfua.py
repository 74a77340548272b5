"""PDF/UA-1 of the workshop editions, as an independent checker (``pdfua``, PyPI) and a
person with a screen reader would check it: header cells name their columns, heading
levels never skip, the parts in another language say so, running heads, page numbers and
leader dots are artifacts, a line-end hyphen the typesetter inserted is not read, and
the words at the two sides of a line's end are read as two words."""

import re
import subprocess
import sys
from pathlib import Path

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
    for page in edition.pages[1:]:
        margin = [
            c
            for c in page.chars
            if c["bottom"] < MARGINS["top"] - 2 or c["top"] > A4[1] - MARGINS["bottom"] + 2
        ]
        assert margin and all(c.get("tag") == "Artifact" for c in margin), page.page_number
    dots = [c for c in edition.pages[1].chars if c["text"] == "."]  # the contents
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
        # the others end in the space a line's end stands for (test_words_on_two_lines_are_read_apart)
        actual = [
            str(e.ActualText) for e in tree(pdf) if "/ActualText" in e and not str(e.ActualText).endswith(" ")
        ]
    assert len(actual) > 10
    assert not any(text.endswith("-") for text in actual)
    fragments = [re.findall(r"\w+", text)[-1] for text in actual if re.search(r"\w", text)]
    known = [f for f in fragments if any(word.startswith(f) for word in site_words)]
    assert len(known) == len(fragments), set(fragments) - set(known)


BLOCKS = ("/P", "/H1", "/H2", "/H3", "/TD", "/TH", "/DT", "/Caption")
Runs = dict[tuple[int, int], tuple[str, float, float]]  # (page, MCID) -> text, first and last line


def segments(element, runs: Runs, page_numbers: dict) -> list[tuple[str, float, float]]:
    """What a screen reader gets for ``element``: its marked content and kids in structure
    order (an element's /ActualText in place of its content), with the line each starts
    and ends on."""
    page = page_numbers.get(element.Pg.objgen) if "/Pg" in element else None
    kids = element.get("/K")
    found = []
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
        if isinstance(kid, int) and (page, kid) in runs:
            found.append(runs[page, kid])
        elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found += segments(kid, runs, page_numbers)
        elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
            owner = page_numbers.get(kid.Pg.objgen) if "/Pg" in kid else page
            found += [runs[owner, int(kid.MCID)]] if (owner, int(kid.MCID)) in runs else []
    if "/ActualText" in element and found:
        return [(str(element.ActualText), found[0][1], found[-1][2])]
    return found


def read_across_lines(parts: list[tuple[str, float, float]]) -> str:
    """The parts as read, where only a line's end separates them: parts on one line are
    kept apart here (a gap between inline elements is another matter than line ends)."""
    text, last = "", None
    for part, first, end in parts:
        text += (" " if last is not None and abs(first - last) < 2 else "") + part
        last = end
    return text


@pytest.mark.parametrize("language", LANGUAGES)
def test_words_on_two_lines_are_read_apart(editions, site_words, language):
    """The last word of a line and the first of the next are read as two words: no word
    of a block's text read aloud (pdfplumber's characters by marked content, in structure
    order) is two known words run together across a line end."""
    edition = editions[language]
    runs: Runs = {}
    for number, page in enumerate(edition.pages):
        for char in page.chars:
            if char.get("mcid") is not None:
                key = (number, char["mcid"])
                text, first, _end = runs.get(key, ("", char["top"], char["top"]))
                runs[key] = (text + char["text"], first, char["top"])
    # words as set on the pages, joined over the typesetter's hyphens: the edition's own
    # words ("Työvaihe", "analyysi") need not be on the sites
    printed = re.sub(r"-\s*\n\s*", "", "\n".join(edition.texts).replace("\u00ad", ""))
    known = site_words | set(re.findall(r"\w+", printed))
    glued = set()
    with pikepdf.open(edition.path) as pdf:
        page_numbers = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        blocks = [element for element in tree(pdf) if element.S in BLOCKS]
        assert len(blocks) > 200
        for element in blocks:
            for word in re.findall(r"\w+", read_across_lines(segments(element, runs, page_numbers))):
                if word not in known and any(
                    word[:cut] in known and word[cut:] in known for cut in range(2, len(word) - 1)
                ):
                    glued.add(word)
    assert sorted(glued) == [], " ".join(sorted(glued))
