"""The ID stability rules: readers' ticks are stored under recipe and item IDs, so an ID
must keep naming the same task for good.

Item IDs are unique within their recipe; recipe IDs within the handbook. Each failing
rule says which recipe and item it concerns and what to do.
"""

from dataclasses import dataclass

from .compare import RecipeDiff
from recipes.model import version_key

REWORD_RULE = (
    "A reworded item keeps its ID only when the task stays the same; a changed task gets a "
    'new ID and the old one is retired (CONTRIBUTING.md, "Tunnisteiden säännöt").'
)


@dataclass(frozen=True)
class Violation:
    rule: str
    location: str  # "recipes/x.md:12" in the compared revision
    recipe: str
    item: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def location(recipe: dict) -> str:
    return f"{recipe['source']}:{recipe['line']}"


def next_version(version: str | None) -> str:
    if version is None:
        return "1.0"
    major, minor = version_key(version)[:2]
    return f"{major}.{minor + 1}"


def check_items(diff: RecipeDiff) -> list[Violation]:
    """Removed items are retired; retired IDs stay retired and never come back."""
    base, head = diff.base, diff.head
    if base is None or head is None:
        return []
    where, recipe_id = location(head), diff.recipe_id
    found = []
    for item in diff.removed:
        if item["id"] not in head["retired"]:
            found.append(
                Violation(
                    "removed-not-retired",
                    where,
                    recipe_id,
                    item["id"],
                    f"recipe {recipe_id!r}, item {item['id']!r} was removed but its ID is not retired. "
                    f"Add {item['id']!r} to the ':retired:' option of recipe {recipe_id!r}, so that no "
                    "later item takes over readers' ticks for it. If you only reworded the item, put "
                    "it back under the same ID.",
                )
            )
    current = {item["id"] for item in head["items"]}
    for item_id in base["retired"]:
        if item_id in current:
            message = (
                f"recipe {recipe_id!r}, item {item_id!r}: this ID was retired and is back in the "
                f"checklist. A retired ID never returns: give the item a new ID and keep {item_id!r} "
                "in ':retired:'."
            )
            found.append(Violation("retired-returned", where, recipe_id, item_id, message))
        elif item_id not in head["retired"]:
            message = (
                f"recipe {recipe_id!r}, item {item_id!r} is no longer in ':retired:'. Put it back: "
                "readers may still hold ticks for the retired item."
            )
            found.append(Violation("retired-dropped", where, recipe_id, item_id, message))
    return found


def check_recipe_ids(diffs: list[RecipeDiff]) -> list[Violation]:
    """A recipe ID keeps naming one recipe: it does not move to the page of another
    recipe, and a page's recipe does not get a new ID."""
    base_on_page = {d.base["source"]: d.recipe_id for d in diffs if d.base is not None}
    head_on_page = {d.head["source"]: d.recipe_id for d in diffs if d.head is not None}
    found = []
    for diff in diffs:
        base, head = diff.base, diff.head
        if base and head and base["source"] != head["source"]:
            other = base_on_page.get(head["source"])
            if other is not None and other != diff.recipe_id:
                found.append(
                    Violation(
                        "recipe-id-moved",
                        location(head),
                        diff.recipe_id,
                        None,
                        f"recipe ID {diff.recipe_id!r} moved from {base['source']} to {head['source']}, "
                        f"the page of recipe {other!r}. A recipe ID names one recipe for good: keep "
                        f"{diff.recipe_id!r} with its own recipe and give a different recipe a new ID.",
                    )
                )
        if base and head is None:
            successor = head_on_page.get(base["source"])
            new = next((d for d in diffs if d.recipe_id == successor and d.base is None), None)
            if new is not None:
                found.append(
                    Violation(
                        "recipe-id-changed",
                        location(new.head),
                        diff.recipe_id,
                        None,
                        f"recipe {diff.recipe_id!r} is gone and its page {base['source']} now holds the "
                        f"new recipe {successor!r}. Readers' ticks are stored under {diff.recipe_id!r}: "
                        "if this is the same recipe, keep its ID; if it is a new recipe, give it a page "
                        "of its own.",
                    )
                )
    return found


def check_version(diff: RecipeDiff) -> list[Violation]:
    """Changed items or options need a higher version, and so a new history line."""
    head = diff.head
    if head is None or not (diff.content_changed or diff.base is None):
        return []
    before, after = diff.version_before, diff.version_after
    if after is not None and (before is None or version_key(after) > version_key(before)):
        return []
    wanted = next_version(before)
    history = f"the top of its ':::{{recipe-changes}} {diff.recipe_id}' history"
    if diff.base is None:
        what = f"new recipe {diff.recipe_id!r} has no change history"
    elif after is None:
        what = f"recipe {diff.recipe_id!r} changed ({diff.summary()}) but has no change history"
    else:
        what = f"recipe {diff.recipe_id!r} changed ({diff.summary()}) but its version is still {after}"
        if version_key(after) < version_key(before):
            what = (
                f"recipe {diff.recipe_id!r} changed ({diff.summary()}) but its version went down to {after}"
            )
    message = f"{what}. Add the line '- {wanted} (YYYY-MM-DD): what changed' at {history}."
    return [Violation("version-not-raised", location(head), diff.recipe_id, None, message)]


def check(diffs: list[RecipeDiff]) -> list[Violation]:
    """Every rule on every recipe. A recipe ID that moved to another recipe is reported
    alone: comparing the items of two different recipes would only add noise."""
    found = check_recipe_ids(diffs)
    moved = {violation.recipe for violation in found if violation.rule == "recipe-id-moved"}
    for diff in diffs:
        if diff.recipe_id not in moved:
            found += check_items(diff) + check_version(diff)
    return found
