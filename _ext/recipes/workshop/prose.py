"""The prose parts of the edition: the handbook's own text, written from the doctrees.

Worksheets and the canvas are composed from the recipe domain's model; the prose
(definition, layer-cake figure, chapters in brief, glossary, sources) is each page's
doctree as the builder's HTML writer writes it (``builder.WorkshopBuilder.fragment``).
Which pages they are is configuration (``recipes_workshop_parts`` in conf.py). Web-only
parts are removed, links become text or, where the target is printed too, a
cross-reference with a page number.
"""

import base64
import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from .typesetting import Typesetter, url_html

WEB_ONLY = (
    ".recipe-progress, .recipe-tools, .headerlink, script, .recipe-date, .toctree-wrapper, .sd-card-footer"
)
HEADING = re.compile(r"^h[1-6]$")
SOURCE_CLASSES = ("people", "source")  # CSS classes of the source pages, in their order
# Print anchors of the parts other parts refer to (cross-references with page numbers).
DEFINITION_PART, SOURCES_PART = "maaritelma", "lahteet"
LAYER_CAKE_PART, CHAPTERS_PART, GLOSSARY_PART = "kerroskakku", "luvut", "sanasto"
# the printed prose parts' anchors, in print order
PARTS = (DEFINITION_PART, LAYER_CAKE_PART, CHAPTERS_PART, GLOSSARY_PART, SOURCES_PART)
# Figures draw their text in the edition's own (bundled) family, like the text around them.
FAMILY = "Atkinson Hyperlegible"
SVG_FONT = re.compile(r'font-family="[^"]*"')


@dataclass
class Part:
    """A printed part: its anchor, title (a heading: never hyphenated) and body HTML."""

    anchor: str
    title: str
    body: str
    css: str = "part"


class Prose:
    def __init__(self, parts: dict, chapters: list[dict], fragment: Callable[[str], str], srcdir: Path):
        """``parts``: ``recipes_workshop_parts``; ``chapters``: the configured chapters with
        their titles (``catalogue.chapter_entries``); ``fragment``: docname -> the HTML of its
        resolved doctree; images are read from ``srcdir``."""
        self.parts = parts
        self.chapter_list = chapters
        self.fragment = fragment
        self.srcdir = srcdir
        self.soup = BeautifulSoup("", "html.parser")
        self.sections: dict[str, Tag] = {}

    def typeset(
        self, typesetter: Callable[[str], Typesetter], targets: dict[str, str], page_label: str
    ) -> "Prose":
        """This source set with ``typesetter`` (a part's anchor -> its rules), cross-references
        to ``targets`` (web anchor or docname -> print anchor) with ``page_label`` before the
        page number."""
        self.typesetter = typesetter
        self.targets = targets
        self.page_label = page_label
        return self

    def document(self, docname: str) -> Tag:
        """One page's content without web-only parts, written and cleaned once (each
        layout round sets the same pages again). Shared by the rounds: callers change
        nothing in it, and ``paper`` copies what it prints."""
        if docname not in self.sections:
            section = BeautifulSoup(self.fragment(docname), "html.parser").find("section")
            if section is None:
                raise LookupError(f"the page {docname!r} has no section")
            for element in section.select(WEB_ONLY):
                element.decompose()
            # a section whose text is all web-only (`{only} not workshop`) keeps just its heading
            for sub in section.find_all("section"):
                if all(isinstance(c, Tag) and HEADING.match(c.name) for c in sub.contents if str(c).strip()):
                    sub.decompose()
            self.sections[docname] = section
        return self.sections[docname]

    @staticmethod
    def under_heading(section: Tag) -> tuple[str, list]:
        """The section's title and what follows it: its other children."""
        heading = section.find(HEADING)
        if heading is None or heading.parent is not section:
            raise LookupError(f"the section {section.get('id')!r} does not start with its heading")
        body = [child for child in section.contents if child is not heading]
        return heading.get_text(" ", strip=True), body

    def definition(self) -> Part:
        title, body = self.under_heading(self.document(self.parts["definition"]))
        return Part(DEFINITION_PART, title, self.paper(body, 0, DEFINITION_PART))

    def layer_cake(self, title: str) -> Part:
        figure = self.document(self.parts["layer_cake"]).find("figure")
        return Part(LAYER_CAKE_PART, title, self.paper([figure], 0, LAYER_CAKE_PART), "part figure-page")

    def chapters(self, title: str, lead: str) -> Part:
        html = [f'<p class="lead">{self.typesetter(CHAPTERS_PART).text(lead)}</p>']
        for chapter in self.chapter_list:
            section = self.document(chapter["docname"])
            kept: list = []
            for sub in section.find_all("section", recursive=False):
                if sub.get("id") not in self.parts["chapter_sections"]:
                    continue
                for element in sub.children:
                    if isinstance(element, Tag) and HEADING.match(element.name):
                        heading = self.soup.new_tag("h3")
                        heading.string = element.get_text(" ", strip=True)
                        kept.append(heading)
                    elif not (isinstance(element, Tag) and "haastattelu" in element.get("class", [])):
                        kept.append(element)
            html.append(
                f'<section class="chapter" id="luku-{chapter["id"]}"><h2>{chapter["title"]}</h2>'
                f"{self.paper(kept, 1, CHAPTERS_PART)}</section>"
            )
        return Part(CHAPTERS_PART, title, "".join(html), "part chapters")

    def glossary(self) -> Part:
        """The glossary with each term's Swedish and English equivalents. Terms used in the
        other parts stay plain text: a page number after every term would crowd the text."""
        title, body = self.under_heading(self.document(self.parts["glossary"]))
        return Part(GLOSSARY_PART, title, self.paper(body, 0, GLOSSARY_PART), "part glossary")

    def sources(self, title: str) -> Part:
        html = []
        for docname, css in zip(self.parts["sources"], SOURCE_CLASSES, strict=True):
            heading, body = self.under_heading(self.document(docname))
            html.append(f"<div class='{css}'><h2>{heading}</h2>")
            html.append(self.paper(body, 1, SOURCES_PART) + "</div>")
        return Part(SOURCES_PART, title, "".join(html), "part sources")

    def paper(self, elements: list, shift: int, part: str) -> str:
        """Elements as print HTML: headings moved down ``shift`` levels (the part's title
        is h1; nothing goes below h3), links as text or page references, ids dropped
        (the print document has its own), hyphenated by the rules of the part ``part``."""
        holder = self.soup.new_tag("div")
        for element in list(elements):
            holder.append(copy.copy(element))
        for heading in holder.find_all(HEADING):
            heading.name = f"h{min(int(heading.name[1]) + shift, 3)}"
        for element in holder.find_all(id=True):
            del element["id"]
        for image in holder.select('img[src$=".svg"]'):
            image["src"] = self.svg_in_family(image["src"])
        self.typesetter(part).tree(holder)  # before URLs are added: they are never hyphenated
        for link in holder.select("a[href]"):
            self.link(link)
        return "".join(str(child) for child in holder.contents)

    def svg_in_family(self, src: str) -> str:
        """An SVG figure as a data URI whose text uses the bundled family, not a system font."""
        svg = SVG_FONT.sub(f'font-family="{FAMILY}"', (self.srcdir / src).read_text(encoding="utf-8"))
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")

    def target(self, fragment: str) -> str | None:
        """The print anchor for a singlehtml link ``document-<docname>[#<anchor>]``, if printed."""
        document, _, anchor = fragment.partition("#")
        return self.targets.get(anchor) or self.targets.get(document.removeprefix("document-"))

    def link(self, link: Tag) -> None:
        href = link["href"]
        # a link that closes a bracket gets its address or page after a comma, not in a
        # second pair of brackets: "(see Source and licence, p. 32)"
        bracketed = str(link.next_sibling or "").startswith(")")
        if href.startswith(("http://", "https://")):
            if link.get_text(strip=True).replace("\u00ad", "") != href:
                url = BeautifulSoup(url_html(href), "html.parser")
                link.insert_after(*((", ", url) if bracketed else (" (", url, ")")))
            else:
                link.replace_with(BeautifulSoup(url_html(href), "html.parser"))
                return
        elif href.startswith("#") and (target := self.target(href[1:])):
            link["href"] = f"#{target}"
            link["class"] = ["xref", "xref-bracketed"] if bracketed else ["xref"]
            link["data-page"] = self.page_label
            return
        link.unwrap()
