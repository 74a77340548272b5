"""The recipe model: one shape for a recipe, its items and its changes, and one anchor.

The directive's nodes carry the recipe's attributes; the domain turns each recipe block
into a `Recipe` (with the texts as the reader sees them, after translation) and keeps it
per document; the overview, history, catalogue and map read these types, never dicts.
``recipes.json`` (``catalogue.py``) writes these fields plus what only the catalogue knows
(page address, current version); the print edition (``workshop/``) reads the domain's
model directly.
"""

from __future__ import annotations

from dataclasses import dataclass

ANCHOR_PREFIX = "recipe"


def anchor(recipe_id: str, item_id: str | None = None, prefix: str = ANCHOR_PREFIX) -> str:
    """The HTML id of a recipe (``recipe-kutsu``) or one of its items (``recipe-kutsu--aika``).
    The overview repeats recipes under its own prefix; ``prefix=""`` gives the bare form
    the print edition uses for its rows (``kutsu--aika``)."""
    base = f"{prefix}-{recipe_id}" if prefix else recipe_id
    return f"{base}--{item_id}" if item_id else base


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

    __reduce__ = _as_constructor_call


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

    def shown(self) -> dict:
        """What other pages show of the recipe: everything but source lines. Spelled out
        rather than ``asdict``, which copies deeply and ran for every recipe every build."""
        return {
            "id": self.id,
            "title": self.title,
            "chapters": list(self.chapters),
            "steps": list(self.steps),
            "participants": list(self.participants),
            "retired": list(self.retired),
            "items": [{"id": item.id, "text": item.text} for item in self.items],
        }


@dataclass(frozen=True, slots=True)
class History:
    """One ``recipe-changes`` block: the recipe it belongs to and its entries, newest first."""

    recipe: str
    line: int
    entries: tuple[Change, ...]

    __reduce__ = _as_constructor_call
