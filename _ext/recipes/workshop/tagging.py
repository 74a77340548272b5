"""What WeasyPrint's tagged PDF leaves for PDF/UA-1 and for a person with a screen reader,
completed on the written file (pikepdf for the objects, pdfium for the text of each
marked-content sequence):

- header cells name their columns (``/Scope /Column``);
- running heads, page numbers and the contents' leader dots are artifacts, not text
  outside the structure tree or read aloud (a full stop after an inline element is text);
- a part in another language (``lang`` in the print HTML) carries ``/Lang``;
- a line that ends in a hyphen the typesetter inserted reads without it (``/ActualText``),
  so a screen reader and copy-paste get "kuitenkaan", not "kuiten-kaan";
- a line that ends between two words reads with a space after it: the engine leaves the
  space out, so "Kuopion" and "kaupunki" on two lines were read as "Kuopionkaupunki";
- a link's description (``/Contents``) is its text, not an anchor slug.
"""

import ctypes
import io
import re
from collections.abc import Iterator

import pikepdf
import pypdfium2
import pypdfium2.raw as pdfium

# a marked-content tag with its MCID ("/Span << /MCID 3 >> BDC"); the text itself is hex glyphs
MARKED = re.compile(rb"(?<![^\s])/\w+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
LEADER = re.compile(r"^[.\s\u00a0]+$")  # a leader's dots, each its own text run in a link
HYPHENATED = re.compile(r"(\w+)-$")
STARTS = re.compile(r"^(\w+)")


def run_texts(pdf: bytes) -> tuple[list[dict[int, str]], list[dict[int, tuple[float, float]]]]:
    """Each page's text by marked-content ID (pdfium decodes the fonts' ToUnicode maps), and
    the baselines of each ID's first and last text object."""
    document = pypdfium2.PdfDocument(pdf)
    pages, baselines = [], []
    for page in document:
        textpage = page.get_textpage()
        texts: dict[int, str] = {}
        lines: dict[int, tuple[float, float]] = {}
        for item in page.get_objects(max_depth=3):
            if isinstance(item, pypdfium2.PdfTextObj):
                mcid = pdfium.FPDFPageObj_GetMarkedContentID(item.raw)
                texts[mcid] = texts.get(mcid, "") + run_text(item, textpage)
                baseline = item.get_matrix().f
                lines[mcid] = (lines.get(mcid, (baseline,))[0], baseline)
        pages.append(texts)
        baselines.append(lines)
    document.close()
    return pages, baselines


def run_text(item, textpage) -> str:
    size = pdfium.FPDFTextObj_GetText(item.raw, textpage.raw, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pdfium.FPDFTextObj_GetText(
        item.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(pdfium.FPDF_WCHAR)), size
    )
    # pdfium reports a hyphen ending a line as U+0002
    return buffer.raw[: max(size - 2, 0)].decode("utf-16-le").replace("\x02", "-")


def elements(node) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under ``node``, depth first (reading order)."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from elements(kid)


def own_hyphen(text: str, following: str, real_hyphens: set[str]) -> bool:
    """Whether ``text`` ends in a hyphen that the word running on into ``following``
    spells itself ("EU-" + "rahoitus"), not one the typesetter inserted."""
    end, start = HYPHENATED.search(text), STARTS.match(following)
    return bool(end and start) and f"{end[1]}-{start[1]}" in real_hyphens


def in_link(element) -> bool:
    """Whether ``element`` is a link or inside one (a contents entry, a cross-reference):
    where a run of dots is a leader; elsewhere it is a sentence's full stop."""
    while isinstance(element, pikepdf.Dictionary) and "/S" in element:
        if element.S == "/Link":
            return True
        element = element.get("/P")
    return False


def squeezed(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


class Tags:
    def __init__(self, pdf: bytes) -> None:
        self.texts, self.baselines = run_texts(pdf)
        self.pdf = pikepdf.open(io.BytesIO(pdf))
        root = self.pdf.Root.StructTreeRoot
        self.tree = list(elements(root))
        self.reachable = {element.objgen for element in self.tree}
        nums = root.ParentTree.Nums
        self.parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        # structure element -> its marked content (page number, MCID), in order
        self.content: dict[tuple, list[tuple[int, int]]] = {}
        for number in range(len(self.pdf.pages)):
            for mcid, element in enumerate(self.parents.get(number, [])):
                if isinstance(element, pikepdf.Dictionary):
                    self.content.setdefault(element.objgen, []).append((number, mcid))

    def text(self, element) -> str:
        """The text of ``element`` and everything under it."""
        parts = [self.texts[page].get(mcid, "") for page, mcid in self.content.get(element.objgen, [])]
        for kid in elements(element):
            parts += [self.texts[page].get(mcid, "") for page, mcid in self.content.get(kid.objgen, [])]
        return "".join(parts)

    def finish(self, foreign: dict[str, str], real_hyphens: set[str], urls: set[str]) -> bytes:
        """``foreign``: text -> language of the parts in another language; ``real_hyphens``:
        the words the text itself spells with a hyphen ("EU-rahoitus"); ``urls``: the
        printed addresses, which break without a hyphen."""
        self.scope_headers()
        self.artifacts()
        self.languages(foreign)
        self.hyphens(real_hyphens)
        self.line_ends(real_hyphens, urls)
        self.link_descriptions()
        out = io.BytesIO()
        self.pdf.save(out, deterministic_id=True)
        return out.getvalue()

    def scope_headers(self) -> None:
        for element in self.tree:
            if element.S == "/TH":
                attributes = element.get("/A") or pikepdf.Dictionary(O=pikepdf.Name.Table)
                attributes.Scope = pikepdf.Name.Column
                element.A = attributes

    def artifacts(self) -> None:
        """Content outside the tree (margin boxes) and leader dots become artifacts."""
        for number, page in enumerate(self.pdf.pages):
            array = self.parents.get(number)
            if array is None:
                continue
            artifacts = set()
            for mcid, element in enumerate(array):
                if not isinstance(element, pikepdf.Dictionary):
                    continue
                outside = element.objgen not in self.reachable
                leader = LEADER.match(self.texts[number].get(mcid, "x")) and in_link(element)
                if outside or leader:
                    artifacts.add(mcid)
                    if not outside and "/K" in element:
                        element.K = pikepdf.Array([k for k in element.K if k != mcid])
                    array[mcid] = None
            if artifacts:
                self._mark_artifacts(page, artifacts)

    def _mark_artifacts(self, page, artifacts: set[int]) -> None:
        """The marked content ``artifacts`` (MCIDs) of ``page`` becomes ``/Artifact``."""

        def artifact(match: re.Match) -> bytes:
            return b"/Artifact BMC" if int(match[1]) in artifacts else match[0]

        page.contents_coalesce()
        page.Contents = self.pdf.make_stream(MARKED.sub(artifact, page.Contents.read_bytes()))

    def languages(self, foreign: dict[str, str]) -> None:
        wanted = {squeezed(text): language for text, language in foreign.items() if squeezed(text)}
        for element in self.tree:
            if element.S in ("/Span", "/P", "/BlockQuote", "/LBody", "/LI", "/Div", "/NonStruct"):
                language = wanted.get(squeezed(self.text(element)))
                if language:
                    element.Lang = pikepdf.String(language)

    def hyphens(self, real_hyphens: set[str]) -> None:
        """A line's text element ending in an inserted hyphen reads without it."""
        for number, array in self.parents.items():
            if number >= len(self.texts):
                continue
            texts = self.texts[number]
            for mcid, element in enumerate(array):
                text = texts.get(mcid, "").rstrip()
                if not isinstance(element, pikepdf.Dictionary) or element.S == "/Link":
                    continue
                if not (end := HYPHENATED.search(text)):
                    continue
                following = texts.get(mcid + 1, "").lstrip()
                if f"{end[1]}-" in real_hyphens or own_hyphen(text, following, real_hyphens):
                    continue
                element.ActualText = pikepdf.String(text[:-1])

    def line_ends(self, real_hyphens: set[str], urls: set[str]) -> None:
        """A text run that ends a line (the next run is on another baseline) reads with a
        space after it, unless the break is inside a word (a hyphen the typesetter inserted:
        read without it, see ``hyphens``; the word's own: "EU-" + "rahoitus") or inside a
        printed address. "arbets-" + "och" is read with the space."""
        for number, array in self.parents.items():
            if number >= len(self.texts):
                continue
            texts, baselines = self.texts[number], self.baselines[number]
            runs = [mcid for mcid in sorted(texts) if texts[mcid].strip()]
            for mcid, following in zip(runs, runs[1:], strict=False):
                element = array[mcid] if mcid < len(array) else None
                text, next_text = texts[mcid], texts[following]
                if not isinstance(element, pikepdf.Dictionary):
                    continue
                if "/ActualText" in element or len(self.content.get(element.objgen, [])) != 1:
                    continue
                if text[-1].isspace() or next_text[0].isspace():
                    continue
                if own_hyphen(text, next_text, real_hyphens):
                    continue
                if abs(baselines[following][0] - baselines[mcid][1]) < 1:  # the same line
                    continue
                junction = text.split()[-1] + next_text.split()[0]
                if any(junction in url for url in urls):
                    continue
                element.ActualText = pikepdf.String(text + " ")

    def link_descriptions(self) -> None:
        """Each link annotation is described by its link's text (a contents entry with its
        page number), where WeasyPrint wrote the target's anchor."""
        for number, element in self.parents.items():
            if number < len(self.pdf.pages) or not isinstance(element, pikepdf.Dictionary):
                continue
            link = element  # a page number (``::after``) is a link inside the entry's link
            while "/P" in link and link.P.get("/S") == "/Link":
                link = link.P
            if not (text := self.link_text(link)):
                continue
            for kid in element.K:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    kid.Obj.Contents = pikepdf.String(text)

    def link_text(self, element) -> str:
        return squeezed(re.sub(r"(?:\.\s*){2,}", " ", self.text(element))).strip(" .")


def finish(pdf: bytes, foreign: dict[str, str], real_hyphens: set[str], urls: set[str]) -> bytes:
    """The PDF with its tags completed (see the module's description)."""
    return Tags(pdf).finish(foreign, real_hyphens, urls)
