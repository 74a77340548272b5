"""The workshop edition on paper: A4, every recipe and item on its worksheet with a tick
box, worksheets on one page or an even-page spread, intact URLs, no hyphen in titles or
across pages, text inside the margins at readable sizes. Text is read per region."""

import re

import pikepdf
import pytest
from pypdf import PdfReader
from workshop_editions import (
    A4,
    LANGUAGES,
    MARGINS,
    MM,
    in_body,
    lines_of,
    squeeze,
    title_of,
    worksheet_pages,
)

from conftest import glossary_entries

TITLES = {"fi": "Sanasto", "en": "Glossary"}  # the glossary page's title
HEADER_LABEL = {"fi": "Vastuuhenkilö", "sv": "Ansvarsperson", "en": "Responsible"}


def tick_boxes(page) -> list:
    """Square outlines of 4-5.5 mm: WeasyPrint draws a rounded box as two curves, the
    inner and outer edge of its border; the inner one is the box a pen fills."""
    shapes = page.rects + page.curves
    return [s for s in shapes if 4 * MM <= s["width"] <= 5.5 * MM and abs(s["width"] - s["height"]) < 0.5]


def item_column(page, language: str) -> tuple[float, float]:
    """Left and right edge of the text in the checklist's item column: the next column's
    header text starts after two cell paddings of 2 mm."""
    words = page.extract_words()
    head = next(w for w in words if w["text"] == HEADER_LABEL[language])
    return MARGINS["left"] + 9 * MM, head["x0"] - 4 * MM


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_a4(editions, language):
    for page in PdfReader(editions[language].path).pages:
        assert abs(float(page.mediabox.width) - A4[0]) < 1 and abs(float(page.mediabox.height) - A4[1]) < 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_worksheet_holds_its_items_with_a_tick_box_each(editions, language):
    edition = editions[language]
    for recipe in edition.catalogue["recipes"]:
        pages = worksheet_pages(edition, recipe)
        texts = []
        for index in pages:
            page = edition.pages[index]
            left, right = item_column(page, language)
            texts.append(page.crop((left, 0, right + 2 * MM, A4[1])).extract_text())
        column = squeeze(" ".join(texts))
        for item in recipe["items"]:
            assert squeeze(item["text"]).replace("-", "") in column.replace("-", ""), item["id"]
        assert sum(len(tick_boxes(edition.pages[i])) for i in pages) == len(recipe["items"]), recipe["id"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_worksheet_is_one_page_or_a_spread_from_an_even_page(editions, language):
    edition = editions[language]
    for recipe in edition.catalogue["recipes"]:
        pages = worksheet_pages(edition, recipe)
        if len(pages) == 2:
            assert (pages[0] + 1) % 2 == 0, (recipe["id"], pages[0] + 1)  # a left-hand page
        else:  # the next page is for notes: no checklist row spills onto it
            assert not tick_boxes(edition.pages[pages[0] + 1]), recipe["id"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_recipe_urls_are_whole_and_unhyphenated(editions, language):
    """The URL under each QR code, read from its own box, is exactly the recipe's checklist
    on its page (the page from the site's recipes.json, the anchor the site's)."""
    edition = editions[language]
    base = edition.catalogue["handbook"]["base_url"]
    assert base.endswith(f"/{language}/")
    for recipe in edition.catalogue["recipes"]:
        page = edition.pages[worksheet_pages(edition, recipe)[0]]
        head = next(w for w in page.extract_words() if w["text"] == HEADER_LABEL[language])
        right = A4[0] - MARGINS["right"]
        box = page.within_bbox((right - 64 * MM, MARGINS["top"], right + 1, head["top"] - 1))
        text = squeeze(box.extract_text())
        url = base + recipe["url"]  # recipes/<id>.html#recipe-<id>
        assert text.endswith(url), (recipe["id"], text)
        lines = [line for line in box.extract_text().splitlines() if line.strip()]
        first = next(i for i, line in enumerate(lines) if "://" in line)
        url_lines = lines[first:]
        assert all(len(re.sub(r"[^a-z0-9]", "", line)) >= 3 for line in url_lines), url_lines
        assert all(line.endswith(("/", ".")) for line in url_lines[:-1]), url_lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_and_headings_are_not_hyphenated(editions, language):
    edition = editions[language]
    for number, words in enumerate(edition.words, 1):
        headings = [w for w in in_body(words) if w["size"] >= 11.4]  # h1-h3, contents, cover
        for line in lines_of(headings):
            assert not line[-1]["text"].endswith("-") or line[-1]["text"] == "-", (number, line[-1]["text"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_is_hyphenated_across_a_page_break(editions, language):
    edition = editions[language]
    for number, words in enumerate(edition.words, 1):
        lines = lines_of(in_body(words))
        if lines:
            assert not lines[-1][-1]["text"].endswith("-"), (number, lines[-1][-1]["text"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_item_cells_use_their_width_before_hyphenating(editions, language):
    """A line ending in a hyphen had no room for the rest of the word (1 pt tolerance)."""
    edition = editions[language]
    for recipe in edition.catalogue["recipes"]:
        for index in worksheet_pages(edition, recipe):
            page = edition.pages[index]
            left, right = item_column(page, language)
            words = [w for w in page.extract_words() if left - 1 < w["x0"] and w["x1"] < right + 1]
            lines = lines_of(words)
            for line, following in zip(lines, lines[1:], strict=False):
                close = following[0]["top"] - line[0]["top"] < 16
                if close and line[-1]["text"].endswith("-") and len(line[-1]["text"]) > 1:
                    room = right - line[-1]["x1"]
                    rest = following[0]["x1"] - following[0]["x0"]
                    assert room < rest + 1, (recipe["id"], line[-1]["text"], following[0]["text"])


def test_paragraphs_do_not_end_in_a_short_fragment(editions):
    edition = editions["fi"]
    for number, words in enumerate(edition.words, 1):
        lines = lines_of(in_body(words))
        for line, following in zip(lines, lines[1:], strict=False):
            if line[-1]["text"].endswith("-") and len(following) == 1:
                assert len(following[0]["text"].strip(".,;:")) > 3, (number, following[0]["text"])


def test_text_stays_inside_the_margins_at_a_readable_size(editions):
    for number, page in enumerate(editions["fi"].pages, 1):
        for char in page.chars:
            assert MARGINS["left"] - 1 <= char["x0"] and char["x1"] <= A4[0] - MARGINS["right"] + 1, number
            in_body = MARGINS["top"] < char["top"] and char["bottom"] < A4[1] - MARGINS["bottom"]
            if in_body and char["text"].strip():
                assert char["size"] >= 9.9, (number, char["text"], char["size"])


def test_the_canvas_gives_the_steps_the_whole_page(editions):
    edition = editions["fi"]
    (index,) = [i for i, words in enumerate(edition.words) if "työpohja" in title_of(words)]
    page = edition.pages[index]
    boxes = sorted((c for c in page.curves if c["width"] > 150 * MM), key=lambda c: c["top"])
    outer = boxes[::2] if len(boxes) == 10 else boxes  # a rounded border is drawn as two curves
    assert len(outer) == 5
    assert A4[1] - MARGINS["bottom"] - outer[-1]["bottom"] < 3 * MM  # the last box reaches the margin
    heights = [box["height"] for box in outer]
    assert max(heights) - min(heights) < 2 * MM  # and the steps share the page equally


def test_parts_a_facilitator_needs_and_no_web_only_text(editions):
    text = squeeze(" ".join(editions["fi"].texts))
    for part in (
        "Sisällys",
        "Kumppanuuden prosessi – työpohja",
        "Kumppanuuden kerroskakku",
        "Luvut lyhyesti",
    ):
        assert squeeze(part) in text, part
    for web in (
        "Vie edistyminen",
        "Siirry pääsisältöön",
        "omaan selaimeen",
        "localStorage",
        "Ehdota parannusta",
    ):
        assert squeeze(web) not in text, web


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_glossary_is_printed_with_every_term_and_its_equivalents(editions, language):
    """The workshop speaks three languages: every glossary term is on paper with its
    equivalents, on a page the contents list names."""
    edition = editions[language]
    entries = glossary_entries().values()
    terms = [term for names, _swedish, _english in entries for term in names]
    equivalents = [(swedish, english) for _names, swedish, english in entries]
    assert len(terms) >= 20 and len(equivalents) >= 20
    title = squeeze(TITLES[language])
    starts = [i for i, words in enumerate(edition.words) if squeeze(title_of(words)) == title]
    assert len(starts) == 1 and title in squeeze(edition.texts[1])  # and in the contents
    text = squeeze(" ".join(edition.texts[starts[0] :]))
    # the Finnish edition names each Finnish term with both equivalents; the English one
    # names each English term (the translation's own entries)
    expected = (
        terms + [w for pair in equivalents for w in pair]
        if language == "fi"
        else [name for _swedish, english in equivalents for name in english.split(", ")]
    )
    assert [name for name in expected if squeeze(name) not in text] == []


def test_cross_references_carry_page_numbers(editions):
    """A reference to a printed part says on which page it is, and that page has it."""
    edition = editions["fi"]
    titles = {recipe["title"]: recipe for recipe in edition.catalogue["recipes"]}
    found = 0
    for text in edition.texts:
        flat = " ".join(text.split())
        for title, page in re.findall(r"(\w[\w ,–-]+?) \(s\. (\d+)\)", flat):
            match = next((t for t in titles if squeeze(t).endswith(squeeze(title)[-25:])), None)
            if match is not None:
                found += 1
                assert squeeze(match) in squeeze(title_of(edition.words[int(page) - 1])), (title, page)
    assert found >= 3


def link_destinations(path) -> list[tuple[int, tuple[float, ...], int]]:
    """Each internal link as (page index, rectangle left-bottom-right-top, index of the page
    it goes to), read with pikepdf from the link annotations and the named destinations."""
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        names = pikepdf.NameTree(pdf.Root.Names.Dests)
        links = []
        for number, page in enumerate(pdf.pages):
            for annotation in page.get("/Annots", []):
                target = annotation.get("/Dest")
                if target is None:
                    continue  # a web address
                destination = names[str(target)] if isinstance(target, pikepdf.String) else target
                if isinstance(destination, pikepdf.Dictionary):
                    destination = destination.D
                x0, y0, x1, y1 = (float(value) for value in annotation.Rect)
                rectangle = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
                links.append((number, rectangle, pages[destination[0].objgen]))
        return links


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_printed_page_number_is_the_page_its_link_goes_to(editions, language):
    """The contents and each cross-reference print the number of the page their link
    leads to (the layout prints numbers it found in its previous round, see render.py)."""
    edition = editions[language]
    checked = 0
    for number, (x0, y0, x1, y1), target in link_destinations(edition.path):
        if x0 == x1 or y0 == y1:
            continue  # the engine's empty box where a link breaks: no text
        page = edition.pages[number]
        text = page.crop((x0, page.height - y1, x1, page.height - y0)).extract_text() or ""
        if printed := re.search(r"(\d+)\)?\s*$", text):
            checked += 1
            assert int(printed[1]) == target + 1, (number + 1, text)
    assert checked >= 15  # the contents' entries and the prose's references


@pytest.mark.parametrize("language", ["fi", "en"])
def test_a_reference_inside_brackets_gets_no_second_pair(editions, language):
    """ "(ks. Lähde ja lisenssi, s. 32)", never "(ks. Lähde ja lisenssi (s. 32))"."""
    flat = " ".join(" ".join(editions[language].texts).split())
    label = {"fi": "s", "en": "p"}[language]
    assert re.findall(rf"\({label}\.\s?\d+\)\)", flat) == []
    assert re.search(rf", {label}\.\s?\d+\)", flat)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_no_prose_part_leaves_a_few_lines_alone_on_a_page(editions, language):
    """A part running onto another page brings more than a few lines with it (the layout
    sets such a part tighter); blank pages before a spread do not count."""
    edition = editions[language]
    worksheets = {squeeze(recipe["title"]) for recipe in edition.catalogue["recipes"]}
    starts = [i for i, words in enumerate(edition.words) if title_of(words)]
    for start, end in zip(starts, [*starts[1:], len(edition.words)], strict=True):
        if squeeze(title_of(edition.words[start])) in worksheets:
            continue
        filled = [i for i in range(start, end) if lines_of(in_body(edition.words[i]))]
        if len(filled) > 1:
            last = len(lines_of(in_body(edition.words[filled[-1]])))
            assert last > 4, (title_of(edition.words[start]), filled[-1] + 1, last)


def test_page_numbers_running_header_and_the_page_count_on_the_cover(editions):
    edition = editions["fi"]
    assert f"· {len(edition.pages)} sivua" in edition.texts[0]
    for number, text in enumerate(edition.texts[1:], 2):
        if text.strip():  # a blank left-hand page before a spread stays blank
            assert text.splitlines()[-1].strip() == str(number)
            assert "Kumppanuuden reseptikirja" in text
