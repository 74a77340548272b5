"""The ``recipe`` domain: collects recipes from every document and resolves references.

Stored data is keyed by docname and holds `model` types, so clearing and merging
(parallel reads) replace a document's entries instead of appending to them. Pages that
show other documents' recipes (overviews, the changelog, versions, link texts) are
written again when what they show changed (`pages_to_rewrite`).
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from . import nodes as rn
from .i18n import _
from .ids import split_list
from .model import Change, History, Item, Recipe, Step, anchor
from .warnings import warn


class RecipeRefRole(XRefRole):
    """``{recipe}`id``` or ``{recipe}`id.item``` links to a recipe or one of its items."""

    def create_xref_node(self):
        self.refdomain, self.reftype, self.classes = "recipe", "recipe", ["xref", "recipe"]
        return super().create_xref_node()


class RecipeDomain(Domain):
    name = "recipe"
    label = "Recipes"
    object_types = {"recipe": ObjType("recipe", "recipe")}
    initial_data: dict[str, Any] = {
        "recipes": {},  # docname -> [Recipe]
        "changes": {},  # docname -> [History]
        "shows": {},  # docname -> sorted recipe IDs whose data the page shows ("*": all of them)
        "digests": {},  # recipe ID -> fingerprint of what pages show of it, at the last write
    }

    # -- collecting -------------------------------------------------------------
    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        recipes, histories, shown = [], [], set()
        for node in document.findall(nodes.Element):  # one pass over the page: it is read often
            if isinstance(node, rn.recipe):
                recipes.append(node)
                shown.add(node["recipe_id"])  # its version may come from a history elsewhere
            elif isinstance(node, rn.recipe_changes):
                histories.append(node)
            elif isinstance(node, rn.shows_all_recipes):
                shown.add("*")
            elif isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "recipe":
                shown.add(node["reftarget"].partition(".")[0])
        if recipes:
            self.data["recipes"][docname] = [_recipe(node) for node in recipes]
        if histories:
            self.data["changes"][docname] = [
                History(recipe=node["recipe"], line=node.line or 0, entries=_changes(node))
                for node in histories
            ]
        if shown:
            # the IDs of recipes whose data the page shows besides its own blocks (link
            # texts, versions whose history may be elsewhere); "*" for overviews: all
            self.data["shows"][docname] = ["*"] if "*" in shown else sorted(shown)

    def clear_doc(self, docname: str) -> None:
        for key in ("recipes", "changes", "shows"):
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames, otherdata: dict) -> None:
        for key in ("recipes", "changes", "shows"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    # -- looking up ---------------------------------------------------------------
    def all_recipes(self) -> Iterator[tuple[str, Recipe]]:
        """Every recipe with its docname, first definition of each ID only, sorted by ID."""
        first: dict[str, tuple[str, Recipe]] = {}
        for docname in sorted(self.data["recipes"]):
            for recipe in self.data["recipes"][docname]:
                first.setdefault(recipe.id, (docname, recipe))
        for recipe_id in sorted(first):
            yield first[recipe_id]

    def ordered_recipes(self) -> list[tuple[str, Recipe]]:
        """Every recipe in the order a reader meets it: pages through the toctrees, then lines."""
        position = {docname: i for i, docname in enumerate(reading_order(self.env))}
        return sorted(
            self.all_recipes(), key=lambda pair: (position.get(pair[0], len(position)), pair[1].line)
        )

    def process_steps(self) -> list[Step]:
        """The configured process steps in order with their sections' titles: the one lookup
        the map, the follow-up view and ``recipes.json`` share."""
        labels = self.env.domains.standard_domain.labels
        steps = []
        for number, (step_id, label) in enumerate(self.env.config.recipes_process_steps.items(), start=1):
            docname, section, title = labels.get(label, (None, "", ""))
            steps.append(Step(step_id, number, docname, section, title or step_id))
        return steps

    def find(self, target: str) -> tuple[str, Recipe, Item | None] | None:
        recipe_id, sep, item_id = target.partition(".")
        if sep and not item_id:  # "kutsu." is a slip, not a link to the recipe
            return None
        for docname, recipe in self.all_recipes():
            if recipe.id != recipe_id:
                continue
            if not item_id:
                return docname, recipe, None
            for item in recipe.items:
                if item.id == item_id:
                    return docname, recipe, item
        return None

    def history_blocks(self) -> Iterator[tuple[str, History]]:
        """Every ``recipe-changes`` block with its docname, in file and line order."""
        for docname in sorted(self.data["changes"]):
            for block in sorted(self.data["changes"][docname], key=lambda b: b.line):
                yield docname, block

    def changes(self, recipe_id: str) -> list[Change]:
        """The change history of a recipe, newest first (empty when it has none). Entries
        of a second history block are kept too, so the version never hides a change."""
        entries = [
            e for _doc, block in self.history_blocks() if block.recipe == recipe_id for e in block.entries
        ]
        return sorted(entries, key=lambda e: e.order, reverse=True)

    def check_changes(self) -> None:
        known = {recipe.id for _docname, recipe in self.all_recipes()}
        first: dict[str, tuple[str, int]] = {}
        for docname, block in self.history_blocks():
            recipe_id, place = block.recipe, (docname, block.line)
            if recipe_id not in known:
                warn(
                    f"change history for unknown recipe {recipe_id!r}; write the ID of a recipe "
                    "after 'recipe-changes'",
                    place,
                    "history",
                )
            if recipe_id in first:
                other = first[recipe_id]
                warn(
                    f"second change history of {recipe_id!r}; the first is at "
                    f"{self.env.doc2path(other[0], False)}:{other[1]}. Both are counted: move "
                    "these entries there and keep one history per recipe",
                    place,
                    "duplicate",
                )
            else:
                first[recipe_id] = place

    def check_duplicates(self) -> None:
        seen: dict[str, tuple[str, int]] = {}
        for docname in sorted(self.data["recipes"]):
            for recipe in self.data["recipes"][docname]:
                place = (docname, recipe.line)
                if recipe.id in seen:
                    other = seen[recipe.id]
                    warn(
                        f"duplicate recipe ID {recipe.id!r}, first defined in "
                        f"{self.env.doc2path(other[0], False)}:{other[1]}; recipe IDs must "
                        "be unique in the handbook",
                        place,
                        "duplicate",
                    )
                else:
                    seen[recipe.id] = place

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        # recipes only: items are found by search as page text, linked with {recipe}`id.item`
        # and listed in recipes.json; ten objects per recipe would multiply the search
        # index and objects.inv that every build writes
        for docname, recipe in self.all_recipes():
            yield recipe.id, recipe.title, "recipe", docname, anchor(recipe.id), 1

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        """The label search results give a recipe, in the build's language ("Resepti"),
        instead of Sphinx's untranslated "<domain label> <type>" ("Recipes recipe")."""
        return _("Recipe")

    # -- resolving ------------------------------------------------------------------
    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        found = self.find(target)
        if found is None:
            slip = "; remove the trailing dot" if target.endswith(".") else ""
            warn(
                f"reference to unknown recipe or item {target!r}{slip}; write {{recipe}}`recipe-id` "
                "or {recipe}`recipe-id.item-id`",
                node,
                "ref",
            )
            return contnode
        docname, recipe, item = found
        title = item.text if item else recipe.title
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title, classes=["recipe-ref"])
        target_anchor = anchor(recipe.id, item.id if item else None)
        return make_refnode(builder, fromdocname, docname, target_anchor, contnode, title)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        if self.find(target) is None:
            return []
        return [
            ("recipe:recipe", self.resolve_xref(env, fromdocname, builder, "recipe", target, node, contnode))
        ]


def reading_order(env: BuildEnvironment) -> list[str]:
    """Docnames in the order a reader meets them through the toctrees, then the rest."""
    order: dict[str, None] = {}  # insertion-ordered, with constant-time membership
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in order:
            continue
        order[docname] = None
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    return [*order, *sorted(set(env.found_docs) - order.keys())]


def _recipe(node: rn.recipe) -> Recipe:
    return Recipe(
        id=node["recipe_id"],
        title=node[0].astext(),
        line=node.line or 0,
        chapters=tuple(node["chapters"]),
        steps=tuple(node["steps"]),
        participants=_participants(node),
        retired=tuple(node["retired"]),
        items=tuple(
            Item(
                id=item["item_id"],
                text=_label_text(item),
                line=item.line or 0,
                origin=item.get("origin", ""),
                revision=item.get("revision", ""),
            )
            for checklist in node.children
            if isinstance(checklist, rn.recipe_checklist)
            for item in checklist.children  # items are the checklist's children, never deeper
            if isinstance(item, rn.recipe_item)
        ),
    )


def _participants(recipe: rn.recipe) -> tuple[str, ...]:
    """Who takes part, as the reader sees it (translated where a translation exists)."""
    if not recipe["participants"]:
        return ()
    for paragraph in rn.fact_paragraphs(recipe, rn.PARTICIPANTS):
        return tuple(split_list(paragraph.astext()))
    return tuple(recipe["participants"])


def _changes(history: rn.recipe_changes) -> tuple[Change, ...]:
    """The change entries with their texts as the reader sees them."""
    texts = [p.astext() for p in rn.fact_paragraphs(history, rn.CHANGE_TEXT)]
    return tuple(
        replace(entry, text=" ".join(text.split()))
        for entry, text in zip(history["entries"], texts, strict=True)
    )


def _label_text(item: rn.recipe_item) -> str:
    return " ".join(item[0].astext().split())


# -- rewriting the pages that show other documents' recipes -------------------------


def recipe_digests(env: BuildEnvironment) -> dict[str, str]:
    """A fingerprint of what other pages show of each recipe: its page, title, metadata,
    items and history, without line numbers (a line added above a recipe changes no page).
    Under "*" the reading order of all recipes, which overviews and the changelog follow."""
    domain = env.get_domain("recipe")
    digests = {}
    for docname, recipe in domain.all_recipes():
        shown = recipe.as_json()
        shown["changes"] = [change.as_json() for change in domain.changes(recipe.id)]
        digests[recipe.id] = _fingerprint([docname, shown])
    digests["*"] = _fingerprint([recipe.id for _doc, recipe in domain.ordered_recipes()])
    return digests


def _fingerprint(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated: pages showing data of a recipe that changed, besides the re-read ones.
    Only overviews, the changelog, versions and references show data of other documents,
    so an edit to one recipe re-writes its page and the pages that show it, not all."""
    domain = env.get_domain("recipe")
    now, before = recipe_digests(env), domain.data["digests"]
    changed = {
        recipe_id for recipe_id in now.keys() | before.keys() if now.get(recipe_id) != before.get(recipe_id)
    }
    domain.data["digests"] = now
    if not changed:
        return []
    return sorted(
        docname
        for docname, shown in domain.data["shows"].items()
        if ("*" in shown or changed.intersection(shown)) and docname in env.found_docs
    )


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """env-check-consistency: recipe IDs are unique; histories name known recipes, once."""
    domain = env.get_domain("recipe")
    domain.check_duplicates()
    domain.check_changes()


def setup(app: Sphinx) -> None:
    app.add_domain(RecipeDomain)
    app.add_role("recipe", RecipeRefRole())
    app.connect("env-updated", pages_to_rewrite)
    app.connect("env-check-consistency", check_consistency)
