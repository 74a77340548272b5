"""Typesetting rules read off the text layer of the fi, sv and en editions: no paragraph
ends in a hyphenated word, no line holds only the first part of a word, at most two
hyphenated lines follow one another, and prose lines hold 50-80 characters.

A line-end hyphen counts as inserted when the two parts joined are a word of the built
sites (their text is never hyphenated; the glossary quotes the other languages), so a
word's own hyphen ("EU-" + "rahoitus") is not counted."""

import re
import statistics

import pytest
from workshop_editions import LANGUAGES, MM, in_body

GAP = 4 * MM  # words further apart on one baseline are in different columns or cells
PROSE_SIZE = (10.8, 11.2)  # the prose parts are set in 11 pt


def segments(words: list[dict]) -> list[list[dict]]:
    """Lines of words: one baseline, no wide gap; top to bottom, left to right."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if (
            rows
            and abs(rows[-1][-1]["bottom"] - word["bottom"]) < 2
            and word["x0"] - rows[-1][-1]["x1"] < GAP
        ):
            rows[-1].append(word)
        else:
            rows.append([word])
    return rows


def columns(words: list[dict]) -> list[list[list[dict]]]:
    """The lines of each column (lines starting at the same x within 1 mm), top to bottom."""
    found: dict[int, list[list[dict]]] = {}
    for line in segments(words):
        key = next((k for k in found if abs(k - line[0]["x0"]) < 12 * MM), round(line[0]["x0"]))
        found.setdefault(key, []).append(line)
    return [sorted(lines, key=lambda line: line[0]["top"]) for lines in found.values()]


def hyphenated(line, following, known: set[str]) -> bool:
    last, first = line[-1]["text"], following[0]["text"]
    if not last.endswith("-") or len(last) < 2:
        return False
    head, tail = re.findall(r"\w+", last)[-1:], re.findall(r"\w+", first)[:1]
    return bool(head and tail) and head[0] + tail[0] in known


def paragraph_ends(lines, number: int) -> bool:
    """The line after ``number`` is the last of its paragraph (a wider gap, or none)."""
    last = number + 1
    if last + 1 >= len(lines):
        return True
    step = lines[last][0]["top"] - lines[number][0]["top"]
    return lines[last + 1][0]["top"] - lines[last][0]["top"] > step * 1.3


@pytest.mark.parametrize("language", LANGUAGES)
def test_hyphenation_rules_over_the_text_layer(editions, site_words, language):
    edition, known = editions[language], site_words
    problems = []
    for page, words in enumerate(edition.words, 1):
        for lines in columns(in_body(words)):
            run = 0
            for number, (line, following) in enumerate(zip(lines, lines[1:], strict=False)):
                close = following[0]["top"] - line[0]["top"] < 2 * line[0]["size"]
                if not (close and hyphenated(line, following, known)):
                    run = 0
                    continue
                run += 1
                text = " ".join(w["text"] for w in line)
                if run > 2:
                    problems.append((page, "third hyphenated line in a row", text))
                if len(line) == 1:
                    problems.append((page, "a line of just a fragment", text))
                if len(following) == 1 and paragraph_ends(lines, number):
                    problems.append(
                        (page, "the last word of a paragraph hyphenated", text, following[0]["text"])
                    )
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_prose_lines_hold_50_to_80_characters(editions, language):
    lengths = []
    for words in editions[language].words:
        prose = [w for w in in_body(words) if PROSE_SIZE[0] <= w["size"] <= PROSE_SIZE[1]]
        for lines in columns(prose):
            for number, line in enumerate(lines[:-1]):
                if lines[number + 1][0]["top"] - line[0]["top"] < 2.2 * line[0]["size"]:  # not a last line
                    lengths.append(len(" ".join(w["text"] for w in line)))
    assert len(lengths) > 200
    assert max(lengths) <= 80, max(lengths)
    assert statistics.median(lengths) >= 50, statistics.median(lengths)
