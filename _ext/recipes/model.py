"""The recipe model: one shape for a recipe, its items and its changes, and one anchor.

The directive's nodes carry the recipe's attributes; the domain turns each recipe block
into a `Recipe` (with the texts as the reader sees them, after translation) and keeps it
per document; the overview, history, catalogue and map read these types, never dicts.
Each type has one serialisation, ``as_json``: ``recipes.json`` (``catalogue.py``) writes it
with the source lines plus what only the catalogue knows (page address, current version),
the follow-up view's data (``followup.py``) without them, and the rebuild fingerprints
(``domain.py``) hash it; the print edition (``workshop/``) reads the domain's model directly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

ANCHOR_PREFIX = "recipe"
# The options a recipe block takes, in the order its metadata shows them; ``retired`` (item
# IDs no longer used) is not shown. The checklist directive, the serialisation and the recipe
# diff (tools/recipe_review) all read these.
SHOWN_OPTIONS = ("title", "chapters", "steps", "participants")
OPTIONS = (*SHOWN_OPTIONS, "retired")
# An item's origin: ``booklet:<part>`` or ``handbook`` (the ``{origin}`` role).
BOOKLET, HANDBOOK = "booklet", "handbook"


def anchor(recipe_id: str, item_id: str | None = None, prefix: str = ANCHOR_PREFIX) -> str:
    """The HTML id of a recipe (``recipe-kutsu``) or one of its items (``recipe-kutsu--aika``).
    The overview repeats recipes under its own prefix; ``prefix=""`` gives the bare form
    the print edition uses for its rows (``kutsu--aika``)."""
    base = f"{prefix}-{recipe_id}" if prefix else recipe_id
    return f"{base}--{item_id}" if item_id else base


def revision(text: str) -> str:
    """An item's revision: a digest of its Markdown source without the item and origin
    roles, whitespace collapsed. A tick remembers it, so a reader learns when the item's
    text changed after the tick; every language gives the same item the same revision."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:12]


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10"`` sorts after ``"1.9"``."""
    return tuple(int(part) for part in version.split("."))


def _as_constructor_call(self) -> tuple:
    """Pickle a model object as a call of its class with its fields: the state functions
    `dataclass` adds to frozen slotted classes look the fields up again for every object,
    which made pickling the environment slow at thousands of items."""
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


@dataclass(frozen=True, slots=True)
class Change:
    """One line of a recipe's change history: ``- 1.1 (2026-12-01): text``."""

    version: str
    date: str  # ISO 8601 day
    text: str
    line: int = 0

    __reduce__ = _as_constructor_call

    @property
    def order(self) -> tuple[tuple[int, ...], str]:
        """Newer versions, then later days, sort higher."""
        return version_key(self.version), self.date

    def as_json(self) -> dict:
        return {"version": self.version, "date": self.date, "text": self.text}


@dataclass(frozen=True, slots=True)
class Item:
    """One tickable checklist item."""

    id: str
    text: str
    line: int = 0
    origin: str = ""  # "booklet:<part>", "handbook" or "" when missing
    revision: str = ""  # see `revision`

    __reduce__ = _as_constructor_call

    def as_json(self, sources: bool = False) -> dict:
        """ID, text and revision; with ``sources`` also the source line and the origin."""
        data = {"id": self.id, "text": self.text, "revision": self.revision}
        if sources:
            data |= {"line": self.line, "origin": self.origin_json()}
        return data

    def origin_json(self) -> dict | None:
        if self.origin == HANDBOOK:
            return {"kind": HANDBOOK}
        if self.origin.startswith(BOOKLET + ":"):
            return {"kind": BOOKLET, "chapter": self.origin.partition(":")[2]}
        return None


@dataclass(frozen=True, slots=True)
class Recipe:
    """One recipe block as readers see it: title and participants in the build's language."""

    id: str
    title: str
    line: int = 0
    chapters: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()

    __reduce__ = _as_constructor_call

    def as_json(self, sources: bool = False) -> dict:
        """The recipe as data: its options and items; with ``sources`` also the source lines
        (and each item's origin). Spelled out rather than ``asdict``, which copies deeply and
        ran for every recipe every build."""
        data = {
            "id": self.id,
            "title": self.title,
            "chapters": list(self.chapters),
            "steps": list(self.steps),
            "participants": list(self.participants),
            "retired": list(self.retired),
            "items": [item.as_json(sources) for item in self.items],
        }
        if sources:
            data["line"] = self.line
        return data

    def item_ids(self) -> list[str]:
        """The IDs of its items, in order: what the map and the import count ticks against."""
        return [item.id for item in self.items]


@dataclass(frozen=True, slots=True)
class Step:
    """One process step (``recipes_process_steps``): its number in the configured order and
    the section its label names, titled in the language being built. A step whose label is
    missing has no page and is titled with its ID (the build warns about the label)."""

    id: str
    number: int
    docname: str | None
    anchor: str
    title: str

    def as_json(self) -> dict:
        return {"id": self.id, "docname": self.docname, "anchor": self.anchor, "title": self.title}


@dataclass(frozen=True, slots=True)
class History:
    """One ``recipe-changes`` block: the recipe it belongs to and its entries, newest first."""

    recipe: str
    line: int
    entries: tuple[Change, ...]

    __reduce__ = _as_constructor_call
