"""Render the composed document with WeasyPrint, look at the pages, and render again.

A first rendering shows which worksheets overflow one page (they get a two-page
spread), which words were hyphenated across a page break or where a reader stumbles (they
are kept whole in the part where it happened, not in the others) and which prose parts
leave a few lines alone on their last page (they are set tighter).
Each part that starts a page of its own is laid out as a document of its own, from the
page and side where the previous part ended, and the pages are put together; a part
that did not change since the previous round keeps its layout, so the last rounds lay
out only the parts they change. The PDF is tagged PDF/UA-1: structure tree, document
language, title displayed.
"""

import contextlib
import gc
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from .compose import PLACEHOLDER, Layout, link_targets, numbered, sheet_anchor
from .tagging import run_text

BASE = Path(__file__).parent  # relative addresses (fonts, images) start here
STYLESHEET = BASE / "print.css"
PDF_VARIANT = "pdf/ua-1"
ROUNDS = 4  # each round can only add spreads, whole words and snug parts: it settles quickly
PART = "<!--part-->"  # edition.html: a part on pages of its own starts here
FEW_LINES = 4  # a last page with this many lines or fewer is nearly empty
LAST_WORD = re.compile(r"([^\W\d_][\w\u00ad]*)-$")  # a word's start, no quotation mark
FIRST_WORD = re.compile(r"^([\w\-]+)")
PART_ANCHOR = re.compile(r'\bid="([^"]+)"')  # a part's first id names it
Run = tuple[float, float, str]  # a text run's left and right edge (pt) and its text
MM = 72 / 25.4
BODY = (20 * MM, 22 * MM, 190 * MM, 277 * MM)  # the text area of an A4 page (print.css @page), in pt
GAP = 4 * MM  # runs further apart on one baseline stand in different columns


class Engine:
    """WeasyPrint with what every layout round of one edition shares: the bundled
    @font-face fonts (not the system's), the parsed print stylesheet and the decoded
    images (QR codes, figures)."""

    def __init__(self, base_url: Path) -> None:
        self.base_url = str(base_url) + "/"
        self.fonts = FontConfiguration()
        self.stylesheet = CSS(filename=str(STYLESHEET), font_config=self.fonts)
        self.images: dict = {}
        self.laid_out: dict[str, tuple[Document, Pages]] = {}  # a part's source -> its layout, last round

    def render(self, html: str) -> Document:
        return HTML(string=html, base_url=self.base_url).render(
            font_config=self.fonts, stylesheets=[self.stylesheet], pdf_variant=PDF_VARIANT, cache=self.images
        )

    def render_parts(self, html: str, numbers: dict[str, int] | None) -> tuple[Document, "Pages", str]:
        """``html`` laid out part by part (``PART``), each part a document of its own, and
        their pages put together in order: the pages the whole ``html`` gets. A link prints
        its target's page number from this round if the target came earlier, else from
        ``numbers`` (the previous round's; ``None``: none known yet, a placeholder).
        Returns the pages, their text lines and the HTML as printed."""
        start, rest = html.split("<body", 1)
        body, rest = rest.split(">", 1)
        content, end = rest.rsplit("</body>", 1)
        known, missing = dict(numbers or {}), PLACEHOLDER if numbers is None else None
        documents, pages, texts, printed, laid_out = [], [], [], [], {}
        for part in content.split(PART):
            part = numbered(part, known, missing)
            number = len(pages) + 1
            if number == 1:
                source = f"{start}<body{body}>{part}</body>{end}"
            else:  # after a page that is thrown away (see after_page)
                source = f"{after_page(number - 1, start)}<body{body}><div></div>{part}</body>{end}"
            if source not in self.laid_out:
                document = self.render(source)
                if number > 1 and ((stray := sorted(document.pages[0].anchors)) or len(document.pages) < 2):
                    raise ValueError(f"a part of the edition does not start a page: {stray or part[:60]!r}")
                own = document.copy(document.pages[1:] if number > 1 else "all")
                # its text, from a PDF of the part alone (links to other parts are left out;
                # not compressed: it is read once, at once)
                read = Pages.read(own.write_pdf(uncompressed_pdf=True), part_anchor(part))
                self.laid_out[source] = own, read
            document, text = laid_out[source] = self.laid_out[source]
            known |= {anchor: number + index for anchor, index in anchor_pages(document).items()}
            documents.append(document)
            pages += document.pages
            texts.append(text)
            printed.append(part)
        self.laid_out = laid_out
        html = f"{start}<body{body}>{PART.join(printed)}</body>{end}"
        return documents[0].copy(pages), sum(texts, Pages()), html


def part_anchor(part: str) -> str:
    """The anchor a part's HTML starts with ("" for the cover, which has none)."""
    return match[1] if (match := PART_ANCHOR.search(part)) else ""


def after_page(number: int, start: str) -> str:
    """The HTML ``start`` of a part's document whose first page, thrown away, is page
    ``number``: the part's own break from it gives the part's first page, its side and the
    empty page before a left page, as in the whole document."""
    side = "right" if number % 2 else "left"
    style = f"<style>html {{ break-before: {side} }} @page :first {{ counter-set: page {number} }}</style>"
    return start.replace("</head>", style + "</head>", 1)


@dataclass
class Pages:
    """The text lines of each page's body as the PDF gives them (running heads excluded):
    read from the written PDF, not from the layout engine's internals. A line is the text
    runs on one baseline, left to right, that stand close together; runs further apart
    are in different columns (the worksheet's head, table cells, the two columns of
    names), and a column's lines follow each other. A hyphen ending a line is kept. Each
    page belongs to a part, named by its anchor."""

    lines: list[list[str]] = field(default_factory=list)
    boxes: list[list[tuple[float, float, float]]] = field(default_factory=list)  # x0, x1, character width
    parts: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, pdf: bytes, part: str = "") -> "Pages":
        document = pypdfium2.PdfDocument(pdf)
        pages = cls()
        left, bottom, right, top = BODY
        for page in document:
            textpage = page.get_textpage()
            rows: dict[int, list[Run]] = {}
            for item in page.get_objects(max_depth=3):
                if not isinstance(item, pypdfium2.PdfTextObj):
                    continue
                x0, y0, x1, y1 = item.get_bounds()
                if left - 1 <= x0 and x1 <= right + 1 and bottom <= y0 and y1 <= top:
                    baseline = round(item.get_matrix().f)  # not the glyphs' box: descenders vary
                    rows.setdefault(baseline, []).append((x0, x1, run_text(item, textpage)))
            lines, boxes = [], []
            for runs in columns(rows):
                if line := "".join(text for _x0, _x1, text in runs).strip():
                    lines.append(line)
                    first = runs[0]
                    width = (first[1] - first[0]) / max(len(first[2].strip()), 1)  # per character
                    boxes.append((first[0], max(x1 for _x0, x1, _t in runs), width))
            pages.lines.append(lines)
            pages.boxes.append(boxes)
            pages.parts.append(part)
        document.close()
        return pages

    def __add__(self, other: "Pages") -> "Pages":
        return Pages(self.lines + other.lines, self.boxes + other.boxes, self.parts + other.parts)

    def by_part(self) -> dict[str, "Pages"]:
        """The pages of each part, in order."""
        parts: dict[str, Pages] = {}
        for lines, boxes, part in zip(self.lines, self.boxes, self.parts, strict=True):
            own = parts.setdefault(part, Pages())
            own.lines.append(lines)
            own.boxes.append(boxes)
            own.parts.append(part)
        return parts

    def __getitem__(self, number: int) -> list[str]:
        return self.lines[number]

    def __len__(self) -> int:
        return len(self.lines)


def columns(rows: dict[int, list[Run]]) -> list[list[Run]]:
    """The runs of each baseline (``rows``: baseline -> runs) as lines in reading order:
    a baseline's runs split where a gap wider than ``GAP`` parts them, and each piece
    follows the nearest line above it that it overlaps (its column), or starts a column.
    Columns come in the order they end, so the page's first and last lines are its top
    and bottom ones."""
    flows: list[tuple[list[list[Run]], list[float]]] = []  # lines, and the last one's baseline, x0, x1
    for baseline, runs in sorted(rows.items(), reverse=True):  # top to bottom
        runs.sort()
        pieces = [[runs[0]]]
        for run in runs[1:]:
            if run[0] - pieces[-1][-1][1] > GAP:
                pieces.append([run])
            else:
                pieces[-1].append(run)
        for piece in pieces:
            x0, x1 = piece[0][0], max(run[1] for run in piece)
            above = [flow for flow in flows if flow[1][1] < x1 and x0 < flow[1][2]]
            if above:
                lines, last = min(above, key=lambda flow: flow[1][0])  # the lowest: nearest above
                lines.append(piece)
                last[:] = [baseline, x0, x1]
            else:
                flows.append(([piece], [baseline, x0, x1]))
    flows.sort(key=lambda flow: -flow[1][0])
    return [line for lines, _last in flows for line in lines]


def words_split_across_pages(pages: Pages) -> set[str]:
    """Words whose first part ends a page with a hyphen and whose rest starts the next."""
    split = set()
    for number in range(len(pages) - 1):
        ending, starting = pages[number], pages[number + 1]
        if not (ending and starting) or not (last := LAST_WORD.search(ending[-1])):
            continue
        if first := FIRST_WORD.match(starting[0]):
            head = last[1].replace("\u00ad", "")
            split |= {head + first[1], f"{head}-{first[1]}"}  # inserted hyphen, or the word's own
    return split


MOST_IN_A_ROW = 2  # hyphenated lines one after another


def room(pages: Pages, number: int, index: int) -> bool:
    """Whether line ``index`` of page ``number`` had room for the rest of its broken word:
    its column's right edge is that of the longest line starting where it starts."""
    boxes, lines = pages.boxes[number], pages[number]
    x0, x1, _width = boxes[index]
    edge = max(right for left, right, _w in boxes if abs(left - x0) < 1)
    rest = FIRST_WORD.match(lines[index + 1])
    return bool(rest) and x1 + len(rest[1]) * boxes[index + 1][2] < edge - 1


def broken_words(pages: Pages) -> set[str]:
    """Words broken where a reader stumbles: the third hyphenated line in a row, a line
    that holds nothing but the first part of a word, and a break where the rest of the
    word had room; they are set whole next time."""
    whole = set()
    for number in range(len(pages)):
        lines = pages[number]
        run = 0
        for index, (line, following) in enumerate(zip(lines, lines[1:], strict=False)):
            last, first = LAST_WORD.search(line), FIRST_WORD.match(following)
            run = run + 1 if last else 0
            if (
                last
                and first
                and (run > MOST_IN_A_ROW or len(line.split()) == 1 or room(pages, number, index))
            ):
                head = last[1].replace("\u00ad", "")
                whole |= {head + first[1], f"{head}-{first[1]}"}
                run = 0
    return whole


def words_to_keep_whole(pages: Pages, known: dict[str, set[str]]) -> dict[str, set[str]]:
    """``known`` (part anchor -> its words to set whole) with the words each part broke
    across its pages or where a reader stumbles (``broken_words``) this time. A word is
    kept whole only in the part that broke it: elsewhere it may still break, and the
    other parts' layout stays as it was."""
    whole = {part: set(words) for part, words in known.items()}
    for part, own in pages.by_part().items():
        if found := words_split_across_pages(own) | broken_words(own):
            whole[part] = whole.get(part, set()) | found
    return whole


def anchor_pages(document: Document) -> dict[str, int]:
    """Anchor -> index of the first page it is on (a box split across pages has its
    anchor on each)."""
    page_of: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            page_of.setdefault(anchor, number)
    return page_of


def overflowing(page_of: dict[str, int], sheets: dict[str, list[str]]) -> dict[str, int]:
    """Worksheets whose checklist runs past their first page, with the number of rows
    that fit on it (``page_of``: see ``anchor_pages``; ``sheets``: recipe ID -> anchors
    of its rows)."""
    spreads = {}
    for recipe, rows in sheets.items():
        start = page_of.get(sheet_anchor(recipe))
        if rows and page_of.get(rows[-1]) != start:
            spreads[recipe] = max(1, sum(page_of.get(row) == start for row in rows))
    return spreads


def nearly_empty_endings(pages: Pages, page_of: dict[str, int], parts: list[str]) -> set[str]:
    """Prose parts (anchors) running onto a last page that holds only a few lines; the
    template ends each part with an empty ``<anchor>-end`` element."""
    snug = set()
    for part in parts:
        start, end = page_of.get(part), page_of.get(f"{part}-end")
        if start is not None and end is not None and end > start:
            if len(pages[end]) <= FEW_LINES:
                snug.add(part)
    return snug


def decided(layout: Layout) -> tuple:
    """What a round decides for the next one, page numbers apart."""
    return layout.spreads, layout.whole, layout.snug, layout.pages


def settle(
    compose: Callable[[Layout], str], sheets: dict[str, list[str]], parts: list[str], base_url: Path
) -> tuple[bytes, str]:
    """Render until the layout needs no more spreads, no word is split across pages, no
    prose part leaves a few lines alone on a page (``parts``: their anchors), the cover
    gives the page count and every page number printed as text is the one its anchor
    landed on; the PDF of the last round and its HTML as printed."""
    with collecting_seldom():
        return rounds(compose, sheets, parts, Engine(base_url))


@contextlib.contextmanager
def collecting_seldom() -> Iterator[None]:
    """Python's cyclic garbage collector run seldom: a layout makes millions of
    short-lived boxes, and the collector walking the Sphinx environment again and again
    for them took 2 of the edition's 18 seconds (1 with this, measured on the fi
    edition). Nothing is frozen out of collection (``gc.freeze``): garbage waiting at that
    moment, such as another build's multiprocessing manager in the same process, would
    then never be collected, and its process would outlive the build."""
    threshold = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def rounds(
    compose: Callable[[Layout], str], sheets: dict[str, list[str]], parts: list[str], engine: Engine
) -> tuple[bytes, str]:
    """The layout rounds of ``settle``."""
    layout = Layout()
    for _round in range(ROUNDS):
        html = compose(layout)
        document, pages, printed = engine.render_parts(html, layout.numbers)
        page_of = anchor_pages(document)
        unsettled = {recipe: rows for recipe, rows in sheets.items() if recipe not in layout.spreads}
        found = Layout(
            spreads=layout.spreads | overflowing(page_of, unsettled),
            whole=words_to_keep_whole(pages, layout.whole),
            snug=layout.snug | nearly_empty_endings(pages, page_of, parts),
            numbers={anchor: page_of[anchor] + 1 for anchor in link_targets(html) if anchor in page_of},
            pages=len(document.pages),
        )
        if decided(found) == decided(layout) and numbered(html, found.numbers) == printed:
            return document.write_pdf(pdf_variant=PDF_VARIANT), printed
        layout = found
    # not settled: the last layout as one document, the engine counting the pages itself
    html = compose(layout)
    return engine.render(html).write_pdf(pdf_variant=PDF_VARIANT), html


def write(pdf: bytes, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
