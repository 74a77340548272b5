"""Compose the print document from the single-page HTML build of the handbook.

The site is built once with Sphinx's ``singlehtml`` builder; this module picks the
parts a facilitator needs, in workshop order, and turns web features into paper ones:
checkboxes become tick boxes with space for who and by when, links become text, and
each recipe gets a short link and a QR code back to its page online.
"""

import copy
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import segno
from bs4 import BeautifulSoup, NavigableString, Tag

from .hyphenation import finnish
from .labels import LABELS

CHAPTERS = ["suhde", "vuoropuhelu", "tilannekuva", "yhtenainen-toiminta", "lisaarvo", "erilaistuminen"]
WEB_ONLY = (
    ".recipe-progress, .recipe-tools, .headerlink, script, .recipe-date, .toctree-wrapper, .sd-card-footer,"
    " .recipe-suggest, .recipe-suggest-recipe"
)
HEADING = re.compile(r"^h[1-6]$")
# The parts of each chapter the compact edition keeps (section ids come from the Finnish
# headings, so they are the same in every language).
COMPACT_SECTIONS = ("luvun-ydin", "ratkaisut-ja-resepti")


@dataclass
class Edition:
    title: str
    version: str
    date: str  # shown on the cover, d.m.yyyy
    base_url: str  # the published site, for links and QR codes back online
    language: str = "fi"
    recipes_only: bool = False


def docname_of(recipe: dict) -> str:
    return Path(recipe["source"]).with_suffix("").as_posix()


class Composer:
    def __init__(self, singlehtml: Path, catalogue: Path, edition: Edition) -> None:
        self.soup = BeautifulSoup(singlehtml.read_text(encoding="utf-8"), "html.parser")
        self.body = self.soup.select_one("div.body")
        self.catalogue = json.loads(catalogue.read_text(encoding="utf-8"))
        self.edition = edition
        self.words = LABELS[edition.language]
        self.out = BeautifulSoup(
            f"<!DOCTYPE html><html lang='{edition.language}'><head><meta charset='utf-8'></head>"
            "<body></body></html>",
            "html.parser",
        )

    # -- helpers ------------------------------------------------------------------
    def tag(self, name: str, text: str = "", **attrs) -> Tag:
        element = self.out.new_tag(name, attrs={k.rstrip("_"): v for k, v in attrs.items()})
        if text:
            element.string = text
        return element

    def document(self, docname: str) -> Tag:
        """A copy of one page's content, without web-only parts."""
        marker = self.body.find(id=f"document-{docname}")
        if marker is None:
            raise LookupError(f"the handbook has no page {docname!r}")
        section = copy.copy(marker.find_next_sibling("section"))
        for element in section.select(WEB_ONLY):
            element.decompose()
        return section

    def title_of(self, section: Tag) -> str:
        return section.find(HEADING).get_text(" ", strip=True)

    # -- parts ----------------------------------------------------------------------
    def cover(self) -> Tag:
        cover = self.tag("section", class_="cover")
        cover.append(self.tag("p", self.words["kicker"], class_="kicker"))
        cover.append(self.tag("h1", self.edition.title, class_="cover-title"))
        variant = self.words["recipes_edition" if self.edition.recipes_only else "edition"]
        cover.append(self.tag("p", variant, class_="cover-variant"))
        meta = self.tag("p", class_="cover-meta")
        meta.append(self.words["meta"].format(date=self.edition.date, version=self.edition.version))
        meta.append(self.tag("br"))
        meta.append(self.words["online"].format(url=self.edition.base_url))
        cover.append(meta)
        cover.append(self.tag("p", self.words["licence"], class_="cover-licence"))
        return cover

    def contents(self, parts: list[tuple[str, str]]) -> Tag:
        toc = self.tag("nav", class_="toc")
        toc.append(self.tag("h1", self.words["contents"], class_="no-running"))
        entries = self.tag("ol")
        for anchor, title in parts:
            entry = self.tag("li")
            entry.append(self.tag("a", title, href=f"#{anchor}"))
            entries.append(entry)
        toc.append(entries)
        return toc

    def part(self, anchor: str, title: str, content: list[Tag], css: str = "part") -> Tag:
        part = self.tag("section", id=anchor, class_=css)
        part.append(self.tag("h1", title))
        for element in content:
            part.append(element)
        return part

    def definition(self) -> Tag:
        section = self.document("docs/maaritelma")
        heading = section.find(HEADING)
        title = heading.get_text(" ", strip=True)
        heading.decompose()
        return self.part("maaritelma", title, list(section.children))

    def canvas(self) -> Tag:
        """The five-step process as a one-page canvas with writing space."""
        process = self.document("docs/prosessi")
        canvas = self.part("prosessipohja", self.words["canvas"], [], "part canvas")
        canvas.append(self.tag("p", self.words["canvas_lead"], class_="lead"))
        for number, (step, prompt) in enumerate(self.words["prompts"].items(), 1):
            section = process.find(id=f"prosessi-{step}")
            box = self.tag("div", class_="canvas-step")
            box.append(self.tag("h2", f"{number}. {self.title_of(section)}"))
            box.append(self.tag("p", prompt, class_="prompt"))
            box.append(self.tag("div", class_="write"))
            canvas.append(box)
        return canvas

    def layer_cake(self) -> Tag:
        figure = copy.copy(self.document("docs/johdanto").find("figure"))
        return self.part("kerroskakku", self.words["layer_cake"], [figure], "part figure-page")

    def worksheet(self, recipe: dict) -> Tag:
        page = self.document(docname_of(recipe))
        sheet = self.tag("section", id=f"resepti-{recipe['id']}", class_="worksheet")
        sheet.append(self.tag("h1", recipe["title"]))
        lead = page.find(HEADING).find_next_sibling("p")
        if lead is not None:
            sheet.append(self.tag("p", lead.get_text(" ", strip=True), class_="lead"))
        facts = self.tag("dl", class_="facts")
        for label, values in (
            (self.words["participants"], recipe["participants"]),
            (self.words["steps"], self.step_titles(recipe["steps"])),
        ):
            facts.append(self.tag("dt", label))
            facts.append(self.tag("dd", ", ".join(values)))
        header = self.tag("div", class_="sheet-head")
        header.append(facts)
        header.append(self.back_online(recipe))
        sheet.append(header)
        sheet.append(self.checklist(page, recipe))
        notes = self.tag("div", class_="notes")
        notes.append(self.tag("h2", self.words["notes"].format(title=recipe["title"])))
        notes.append(self.tag("div", class_="ruled"))
        sheet.append(notes)
        return sheet

    def step_titles(self, steps: list[str]) -> list[str]:
        return [self.process_steps[step] for step in steps]

    @functools.cached_property
    def process_steps(self) -> dict[str, str]:
        """Step ID -> title, read once from the process page rather than once per worksheet."""
        process = self.document("docs/prosessi")
        return {
            section["id"].removeprefix("prosessi-"): self.title_of(section)
            for section in process.find_all(id=re.compile(r"^prosessi-"))
        }

    def checklist(self, page: Tag, recipe: dict) -> Tag:
        block = page.find(id=f"recipe-{recipe['id']}")
        table = self.tag("table", class_="checklist")
        head = self.tag("tr")
        for label in ("", *self.words["columns"]):
            head.append(self.tag("th", label))
        thead = self.tag("thead")
        thead.append(head)
        table.append(thead)
        rows = self.tag("tbody")
        for item in block.select("li.recipe-item"):
            row = self.tag("tr", id=f"{recipe['id']}--{item['data-item']}")
            row.append(self.tag("td", class_="tick"))
            text = self.tag("td", class_="item")
            for child in list(item.label.children):
                text.append(child)
            origin = item.find(class_="recipe-origin")  # where the step comes from, as on the site
            if origin is not None:
                text.append(self.tag("span", origin.get_text(" ", strip=True), class_="origin"))
            row.append(text)
            row.append(self.tag("td", class_="blank"))
            row.append(self.tag("td", class_="blank"))
            rows.append(row)
        table.append(rows)
        return table

    def back_online(self, recipe: dict) -> Tag:
        page = f"{self.edition.base_url.rstrip('/')}/{docname_of(recipe)}.html"
        url = f"{page}#recipe-{recipe['id']}"  # the QR code leads to the checklist itself
        box = self.tag("div", class_="online")
        qr = segno.make(url, error="m")
        box.append(
            self.tag(
                "img",
                src=qr.svg_data_uri(scale=3, border=0),
                alt=self.words["qr"].format(url=url),
                class_="qr",
            )
        )
        text = self.tag("p")
        text.append(self.words["recipe_online"])
        text.append(self.tag("br"))
        text.append(self.tag("span", page, class_="url"))
        box.append(text)
        return box

    def chapters(self) -> Tag:
        content = [self.tag("p", self.words["chapters_lead"], class_="lead")]
        for chapter in CHAPTERS:
            section = self.document(f"docs/luvut/{chapter}")
            compact = self.tag("section", class_="chapter")
            compact.append(self.tag("h2", self.title_of(section)))
            for sub in section.find_all("section", recursive=False):
                heading = sub.find(HEADING).get_text(" ", strip=True)
                if sub.get("id") in COMPACT_SECTIONS:
                    for element in list(sub.children):
                        if isinstance(element, Tag) and HEADING.match(element.name):
                            compact.append(self.tag("h3", heading))
                        elif not (isinstance(element, Tag) and "haastattelu" in element.get("class", [])):
                            compact.append(element)
            content.append(compact)
        return self.part("luvut", self.words["chapters"], content, "part chapters")

    def sources(self) -> Tag:
        people = self.document("docs/haastatellut")
        source = self.document("docs/lahde-ja-lisenssi")
        content = []
        for section in (people, source):
            heading = section.find(HEADING)
            content.append(self.tag("h2", heading.get_text(" ", strip=True)))
            heading.decompose()
            content.extend(list(section.children))
        return self.part("lahteet", self.words["sources"], content, "part sources")

    # -- whole ------------------------------------------------------------------------
    def compose(self, stylesheet: str) -> str:
        head = self.out.head
        head.append(self.tag("title", f"{self.edition.title} – {self.words['edition']}"))
        style = self.tag("style")
        style.string = stylesheet
        head.append(style)
        parts: list[Tag] = []
        if not self.edition.recipes_only:
            parts += [self.definition(), self.canvas(), self.layer_cake()]
        parts += [self.worksheet(recipe) for recipe in self.catalogue["recipes"]]
        if not self.edition.recipes_only:
            parts += [self.chapters(), self.sources()]
        body = self.out.body
        body.append(self.cover())
        body.append(self.contents([(p["id"], p.find("h1").get_text(" ", strip=True)) for p in parts]))
        for part in parts:
            body.append(part)
        self.paperise(body)
        return str(self.out)

    def paperise(self, body: Tag) -> None:
        """Links as text where a reader needs them; Finnish hyphenation from Voikko (other
        languages are hyphenated by the PDF engine's own dictionaries, CSS hyphens: auto)."""
        for link in body.select("a[href]"):
            href = link["href"]
            if href.startswith(("http://", "https://")) and link.get_text(strip=True) != href:
                link.insert_after(f" ({href})")
            if link.find_parent("nav", class_="toc") is None:
                link.unwrap()
        if self.edition.language != "fi":
            return
        hyphenator = finnish()
        for text in body.find_all(string=True):
            if isinstance(text, NavigableString) and text.parent.name not in ("style", "title", "code"):
                if "url" not in (text.parent.get("class") or []):
                    text.replace_with(hyphenator.text(str(text)))
