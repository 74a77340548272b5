"""Compose the print document from data: ``recipes.json`` plus the prose parts.

Worksheets, the process canvas, the cover and the contents come from the recipe
catalogue the HTML build writes (its schema: ``_ext/recipes/schemas/recipes.schema.json``);
the layout is the Jinja2 template ``templates/edition.html`` and the stylesheet
``print.css``. What the layout decided last time round (which worksheets need a
two-page spread, which words must not break across a page) comes in as ``Layout``.
"""

import datetime
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2
import segno
from babel.dates import format_date
from markupsafe import Markup

from .labels import labels
from .prose import DEFINITION, DEFINITION_PART, PARTS, PROCESS, SOURCES, SOURCES_PART, Prose
from .typesetting import Typesetter, url_html

TEMPLATES = Path(__file__).with_name("templates")
CANVAS = "prosessipohja"  # the print anchor of the process canvas


@dataclass(frozen=True)
class Edition:
    """Which edition to print: its language, the recipes it holds, its date."""

    language: str
    date: datetime.date
    recipes_only: bool = False
    only: tuple[str, ...] = ()  # recipe IDs; empty means every recipe

    @property
    def words(self) -> dict:
        return labels(self.language)

    @property
    def filename(self) -> str:
        return self.words["files"][self.recipes_only]

    @property
    def variant(self) -> str:
        return self.words["recipes_edition" if self.recipes_only else "edition"]


@dataclass
class Layout:
    """What the previous rendering found: recipes that need a spread (with the number of
    rows that fit on its left page), words to keep whole, and prose parts whose last page
    held only a few lines (they are set a little tighter)."""

    spreads: dict[str, int] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)
    snug: set[str] = field(default_factory=set)


def page_url(base_url: str, recipe: dict) -> str:
    """The recipe's page on the published site (the dirhtml-free html layout of `make html`)."""
    return base_url + str(Path(recipe["source"]).with_suffix(".html").as_posix())


def web_anchor(recipe: dict) -> str:
    """The recipe's anchor on the site, as the catalogue gives it (``recipes.model.anchor``
    made it): the print edition reads recipes.json and never rebuilds the site's anchors."""
    return recipe["url"].partition("#")[2]


def selected(recipes: list[dict], only: tuple[str, ...]) -> list[dict]:
    if not only:
        return recipes
    known = {recipe["id"] for recipe in recipes}
    if unknown := [recipe_id for recipe_id in only if recipe_id not in known]:
        raise LookupError(f"no recipe with the ID {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return [recipe for recipe in recipes if recipe["id"] in only]


class Composer:
    def __init__(self, catalogue: dict, singlehtml: Path, edition: Edition) -> None:
        self.handbook = catalogue["handbook"]
        self.recipes = selected(catalogue["recipes"], edition.only)
        self.singlehtml = singlehtml
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
        typesetter = Typesetter(words["hyphenation"], layout.whole)
        sheets = [
            self.worksheet(recipe, typesetter, layout.spreads.get(recipe["id"])) for recipe in self.recipes
        ]
        prose = None
        if not self.edition.recipes_only:
            source = Prose(self.singlehtml, typesetter, self.targets(), words["page"])
            parts = {
                "definition": source.definition(),
                "layer_cake": source.layer_cake(words["layer_cake"]),
                "chapters": source.chapters(
                    self.handbook["chapters"], words["chapters"], words["chapters_lead"]
                ),
                "glossary": source.glossary(),
                "sources": source.sources(words["sources"]),
            }
            prose = {
                name: replace(part, css=f"{part.css} snug") if part.anchor in layout.snug else part
                for name, part in parts.items()
            }
        template = self.environment.get_template("edition.html")
        return template.render(
            language=self.edition.language,
            title=self.title,
            handbook=self.handbook,
            edition=self.edition,
            words=words,
            date=format_date(self.edition.date, words["date"], locale=words["locale"]),
            base_url=url_html(self.handbook["base_url"]),
            prose=prose,
            canvas=self.canvas(typesetter) if prose else None,
            canvas_anchor=CANVAS,
            sheets=sheets,
        )

    def targets(self) -> dict[str, str]:
        """Web anchors and docnames that are printed too: cross-references keep a page number."""
        targets = {PROCESS: CANVAS, DEFINITION: DEFINITION_PART} | dict.fromkeys(SOURCES, SOURCES_PART)
        targets |= {step["anchor"]: CANVAS for step in self.handbook["process_steps"]}
        targets |= {chapter["docname"]: f"luku-{chapter['id']}" for chapter in self.handbook["chapters"]}
        for recipe in self.recipes:
            targets[web_anchor(recipe)] = f"resepti-{recipe['id']}"
            targets[str(Path(recipe["source"]).with_suffix(""))] = f"resepti-{recipe['id']}"
        return targets

    def canvas(self, typesetter: Typesetter) -> list[dict]:
        prompts = self.edition.words["prompts"]
        return [
            {"number": number, "title": step["title"], "prompt": typesetter.text(prompts[step["id"]])}
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
        """The print anchor of a worksheet row (the print edition's own, like ``resepti-<id>``)."""
        return f"{recipe['id']}--{item['id']}"

    def origin(self, origin: dict) -> str:
        """Where a step comes from, in the words the site uses under each item."""
        words = self.edition.words
        if origin["kind"] != "booklet":
            return words["origin_handbook"]
        chapters = {entry["id"]: entry["title"] for entry in self.handbook["chapters"]}
        if origin["chapter"] in chapters:
            return words["origin_chapter"].format(title=chapters[origin["chapter"]])
        parts = {entry["id"]: entry["title"] for entry in self.handbook["booklet_parts"]}
        return words["origin_part"].format(title=parts.get(origin["chapter"], origin["chapter"]))

    def worksheet(self, recipe: dict, typesetter: Typesetter, left_rows: int | None) -> dict:
        words = self.edition.words
        page = page_url(self.handbook["base_url"], recipe)
        target = f"{page}#{web_anchor(recipe)}"  # the QR code leads to the checklist itself
        steps = {step["id"]: step["title"] for step in self.handbook["process_steps"]}
        items = [
            {
                "anchor": self.row_anchor(recipe, item),
                "text": typesetter.text(item["text"]),
                "origin": typesetter.text(self.origin(item["origin"])),
            }
            for item in recipe["items"]
        ]
        return {
            "id": recipe["id"],
            "title": recipe["title"],
            "version": recipe["version"],
            "participants": typesetter.text(", ".join(recipe["participants"])),
            "steps": typesetter.text(", ".join(steps.get(step, step) for step in recipe["steps"])),
            "url": url_html(page),
            "qr": Markup(segno.make(target, error="m").svg_data_uri(scale=3, border=0)),
            "qr_alt": words["qr"].format(url=target),
            "spread": left_rows is not None,
            "left": items[:left_rows] if left_rows else items,
            "right": items[left_rows:] if left_rows else [],
            "continued": words["continued"].format(title=recipe["title"]),
        }
