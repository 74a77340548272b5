"""Compose the print document from data: the recipes and the prose parts.

Worksheets, the process canvas, the cover and the contents come from the recipe domain's
model, which the builder (``builder.py``) hands over as plain data; the layout is the
Jinja2 template ``templates/edition.html`` and the stylesheet ``print.css``. What the
layout decided last time round (which worksheets need a
two-page spread, which words must not break across a page) comes in as ``Layout``.
"""

import datetime
import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2
import segno
from babel.dates import format_date
from markupsafe import Markup

from .prose import DEFINITION_PART, PARTS, SOURCES_PART, Prose
from .typesetting import Typesetter, url_html

TEMPLATES = Path(__file__).with_name("templates")
CANVAS = "prosessipohja"  # the print anchor of the process canvas
PLACEHOLDER = "00"  # a page number's width before the first layout
INTERNAL_LINK = re.compile(r'<a ([^>]*?)href="#([^"]+)"')


@dataclass(frozen=True)
class Edition:
    """Which edition to print: its language, the recipes it holds, its date."""

    language: str
    date: datetime.date
    words: dict  # words.words() of the language
    date_format: str  # CLDR pattern of the language registry
    locale: str
    hyphenation: str
    recipes_only: bool = False
    only: tuple[str, ...] = ()  # recipe IDs; empty means every recipe

    @property
    def filename(self) -> str:
        return self.words["files"][self.recipes_only]

    @property
    def variant(self) -> str:
        return self.words["recipes_edition" if self.recipes_only else "edition"]


@dataclass
class Layout:
    """What the previous rendering found: recipes that need a spread (with the number of
    rows that fit on its left page), the words each part keeps whole (by the part's
    anchor), prose parts whose last page held only a few lines (they are set a little
    tighter), the page number of each anchor a link points to (``None``: not known yet)
    and the page count."""

    spreads: dict[str, int] = field(default_factory=dict)
    whole: dict[str, set[str]] = field(default_factory=dict)
    snug: set[str] = field(default_factory=set)
    numbers: dict[str, int] | None = None
    pages: int | None = None  # on the cover


def sheet_anchor(recipe_id: str) -> str:
    """The print anchor of a recipe's worksheet."""
    return f"resepti-{recipe_id}"


def link_targets(html: str) -> set[str]:
    """The anchors the internal links of ``html`` point to."""
    return {match[2] for match in INTERNAL_LINK.finditer(html)}


def numbered(html: str, numbers: dict[str, int], missing: str | None = None) -> str:
    """``html`` with each internal link carrying ``data-number``, its target's page number
    in ``numbers`` or else ``missing`` (a placeholder of the number's width before the
    first layout; ``None``: no number). print.css prints it in place of the engine's
    ``target-counter``, which makes the engine lay out every page that points forward twice."""

    def number(match: re.Match) -> str:
        page = numbers.get(match[2], missing)
        if page is None:
            return match[0]
        return f'<a {match[1]}data-number="{page}" href="#{match[2]}"'

    return INTERNAL_LINK.sub(number, html)


def selected(recipes: list[dict], only: tuple[str, ...]) -> list[dict]:
    if not only:
        return recipes
    known = {recipe["id"] for recipe in recipes}
    if unknown := [recipe_id for recipe_id in only if recipe_id not in known]:
        raise LookupError(f"no recipe with the ID {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return [recipe for recipe in recipes if recipe["id"] in only]


@functools.cache  # the same in every layout round
def qr_code(address: str) -> Markup:
    """``address`` as a QR code (error correction M), an SVG data URI."""
    return Markup(segno.make(address, error="m").svg_data_uri(scale=3, border=0))


class Composer:
    def __init__(self, handbook: dict, recipes: list[dict], prose: Prose | None, edition: Edition) -> None:
        """``handbook`` and ``recipes``: see ``builder.WorkshopBuilder.handbook`` and ``.recipes``."""
        self.handbook = handbook
        self.recipes = selected(recipes, edition.only)
        self.prose = prose
        self.edition = edition
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
        )

    @property
    def title(self) -> str:
        """The document title: the same words as on the cover."""
        return f"{self.handbook['title']} – {self.edition.variant}"

    def compose(self, layout: Layout) -> str:
        words = self.edition.words

        def typesetter(part: str) -> Typesetter:
            """The rules for the part with the anchor ``part``, with the words it keeps whole."""
            return Typesetter(self.edition.hyphenation, layout.whole.get(part, ()))

        sheets = [
            self.worksheet(recipe, typesetter(sheet_anchor(recipe["id"])), layout.spreads.get(recipe["id"]))
            for recipe in self.recipes
        ]
        prose = None
        if not self.edition.recipes_only:
            source = self.prose.typeset(typesetter, self.targets(), words["page"])
            parts = {
                "definition": source.definition(),
                "layer_cake": source.layer_cake(words["layer_cake"]),
                "chapters": source.chapters(words["chapters"], words["chapters_lead"]),
                "glossary": source.glossary(),
                "sources": source.sources(words["sources"]),
            }
            prose = {
                name: replace(part, css=f"{part.css} snug") if part.anchor in layout.snug else part
                for name, part in parts.items()
            }
        template = self.environment.get_template("edition.html")
        html = template.render(
            language=self.edition.language,
            title=self.title,
            handbook=self.handbook,
            edition=self.edition,
            words=words,
            date=format_date(self.edition.date, self.edition.date_format, locale=self.edition.locale),
            base_url=url_html(self.handbook["base_url"]),
            pages=layout.pages or PLACEHOLDER,
            prose=prose,
            canvas=self.canvas(typesetter(CANVAS)) if prose else None,
            canvas_anchor=CANVAS,
            sheets=sheets,
        )
        return html

    def targets(self) -> dict[str, str]:
        """Web anchors and docnames that are printed too: cross-references keep a page number."""
        parts = self.handbook["parts"]
        targets = {parts["process"]: CANVAS, parts["definition"]: DEFINITION_PART}
        targets |= dict.fromkeys(parts["sources"], SOURCES_PART)
        targets |= {step["anchor"]: CANVAS for step in self.handbook["process_steps"]}
        targets |= {chapter["docname"]: f"luku-{chapter['id']}" for chapter in self.handbook["chapters"]}
        for recipe in self.recipes:
            targets[recipe["anchor"]] = targets[recipe["docname"]] = sheet_anchor(recipe["id"])
        return targets

    def canvas(self, typesetter: Typesetter) -> list[dict]:
        prompts = self.edition.words["prompts"]
        return [
            {"number": number, "title": step["title"], "prompt": typesetter.text(prompts.get(step["id"], ""))}
            for number, step in enumerate(self.handbook["process_steps"], 1)
        ]

    def prose_parts(self) -> list[str]:
        """The anchors of the printed prose parts (none in the recipes-only edition)."""
        return [] if self.edition.recipes_only else list(PARTS)

    def rows(self) -> dict[str, list[str]]:
        """Each worksheet's checklist rows by anchor: the layout checks where they land."""
        return {
            recipe["id"]: [self.row_anchor(recipe, item) for item in recipe["items"]]
            for recipe in self.recipes
        }

    @staticmethod
    def row_anchor(recipe: dict, item: dict) -> str:
        """The print anchor of a worksheet row (the print edition's own, like ``sheet_anchor``)."""
        return f"{recipe['id']}--{item['id']}"

    def worksheet(self, recipe: dict, typesetter: Typesetter, left_rows: int | None) -> dict:
        words = self.edition.words
        target = recipe["address"]  # address.checklist_address: the checklist on the published page
        steps = {step["id"]: step["title"] for step in self.handbook["process_steps"]}
        items = [
            {
                "anchor": self.row_anchor(recipe, item),
                "text": typesetter.text(item["text"]),
                "origin": typesetter.text(item["origin"]),
            }
            for item in recipe["items"]
        ]
        return {
            "id": recipe["id"],
            "anchor": sheet_anchor(recipe["id"]),
            "title": recipe["title"],
            "version": recipe["version"],
            "participants": typesetter.text(", ".join(recipe["participants"])),
            "steps": typesetter.text(", ".join(steps.get(step, step) for step in recipe["steps"])),
            "url": url_html(target),
            "link": target,
            "qr": qr_code(target),
            "qr_alt": words["qr"].format(url=target),
            "spread": left_rows is not None,
            "left": items[:left_rows] if left_rows else items,
            "right": items[left_rows:] if left_rows else [],
            "continued": words["continued"].format(title=recipe["title"]),
        }
