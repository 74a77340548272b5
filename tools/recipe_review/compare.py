"""Per-recipe differences between two recipe catalogues (``recipes.json`` data)."""

from dataclasses import dataclass, field

from recipes.model import SHOWN_OPTIONS as OPTIONS  # the model's; ``retired`` is reported on its own


@dataclass
class RecipeDiff:
    recipe_id: str
    base: dict | None  # the recipe in the base revision, None when it is new
    head: dict | None  # the recipe in the compared revision, None when it was removed
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    reworded: list[tuple[dict, dict]] = field(default_factory=list)  # (before, after)
    retired: list[str] = field(default_factory=list)  # IDs newly listed in :retired:
    options: dict[str, tuple] = field(default_factory=dict)  # name -> (before, after)
    new_history: list[dict] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.base is None:
            return "added"
        if self.head is None:
            return "removed"
        return "changed" if self.content_changed or self.new_history else "unchanged"

    @property
    def content_changed(self) -> bool:
        """Items or options changed: what needs a new version and a history line."""
        return bool(self.added or self.removed or self.reworded or self.retired or self.options)

    @property
    def title(self) -> str:
        return (self.head or self.base)["title"]

    def summary(self) -> str:
        """What changed in a few words: "1 added, 2 reworded, 1 retired, options: title"."""
        parts = [
            f"{len(found)} {word}"
            for found, word in (
                (self.added, "added"),
                (self.reworded, "reworded"),
                (self.removed, "removed"),
                (self.retired, "retired"),
            )
            if found
        ]
        if self.options:
            parts.append("options: " + ", ".join(self.options))
        return ", ".join(parts)

    @property
    def version_before(self) -> str | None:
        return self.base["version"] if self.base else None

    @property
    def version_after(self) -> str | None:
        return self.head["version"] if self.head else None


def by_id(catalogue: dict) -> dict[str, dict]:
    return {recipe["id"]: recipe for recipe in catalogue["recipes"]}


def compare_recipe(base: dict | None, head: dict | None) -> RecipeDiff:
    recipe_id = (head or base)["id"]
    diff = RecipeDiff(recipe_id, base, head)
    if base is None or head is None:
        return diff
    before = {item["id"]: item for item in base["items"]}
    after = {item["id"]: item for item in head["items"]}
    diff.added = [item for item in head["items"] if item["id"] not in before]
    diff.removed = [item for item in base["items"] if item["id"] not in after]
    diff.reworded = [
        (before[item["id"]], item)
        for item in head["items"]
        if item["id"] in before and before[item["id"]]["text"] != item["text"]
    ]
    diff.retired = [item_id for item_id in head["retired"] if item_id not in base["retired"]]
    diff.options = {name: (base[name], head[name]) for name in OPTIONS if base[name] != head[name]}
    known = {(c["version"], c["date"], c["text"]) for c in base["changes"]}
    diff.new_history = [c for c in head["changes"] if (c["version"], c["date"], c["text"]) not in known]
    return diff


def compare(base: dict, head: dict) -> list[RecipeDiff]:
    """Every recipe of either catalogue, in the compared revision's order, removed ones last."""
    before, after = by_id(base), by_id(head)
    order = [*after, *(recipe_id for recipe_id in before if recipe_id not in after)]
    return [compare_recipe(before.get(recipe_id), after.get(recipe_id)) for recipe_id in order]


def changed_ids(diffs: list[RecipeDiff]) -> list[str]:
    """Recipes of the compared revision that are new or changed: the ones to preview."""
    return [d.recipe_id for d in diffs if d.head is not None and d.status != "unchanged"]
