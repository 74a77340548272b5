"""The ``recipe`` domain: collects recipes from every document and resolves references.

Stored data is plain and keyed by docname, so clearing and merging (parallel reads)
replace a document's entries instead of appending to them.
"""

from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from . import nodes as rn
from .directives import version_key
from .ids import split_list
from .markup import line_of
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
        "recipes": {},  # docname -> [recipe dict]
        "changes": {},  # docname -> [{"recipe", "line", "entries": [change dict, newest first]}]
        "shows": {},  # docname -> sorted recipe IDs whose data the page shows ("*": all of them)
        "digests": {},  # recipe ID -> fingerprint of what pages show of it, at the last write
    }
    # -- collecting -------------------------------------------------------------
    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        recipes, histories, markers, shown = [], [], [], set()
        for node in document.findall(nodes.Element):  # one pass over the page: it is read often
            if isinstance(node, rn.recipe):
                recipes.append(node)
            elif isinstance(node, rn.recipe_changes):
                histories.append(node)
            elif isinstance(node, rn.recipe_item_marker):
                markers.append(node)
            elif isinstance(node, rn.shows_all_recipes):
                shown.add("*")
            elif isinstance(node, rn.recipe_version):
                shown.add(node["recipe"])
            elif isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "recipe":
                shown.add(node["reftarget"].partition(".")[0])
        if recipes:
            self.data["recipes"][docname] = [_recipe_data(node) for node in recipes]
            rename_colliding_ids(document, docname, recipes)
        if histories:
            self.data["changes"][docname] = [
                {"recipe": node["recipe"], "line": node.line or 0, "entries": _changes(node)}
                for node in histories
            ]
        if shown:
            # the IDs of recipes whose data the page shows besides its own blocks (link
            # texts, versions whose history may be elsewhere); "*" for overviews: all
            self.data["shows"][docname] = ["*"] if "*" in shown else sorted(shown)
        for marker in markers:
            warn(
                f"item {marker['item_id']!r} is outside a recipe; checklist items belong "
                "inside a ':::{recipe}' block",
                marker,
                "item",
            )
            marker.replace_self(nodes.literal(marker["item_id"], marker["item_id"]))

    def clear_doc(self, docname: str) -> None:
        for key in ("recipes", "changes", "shows"):
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames, otherdata: dict) -> None:
        for key in ("recipes", "changes", "shows"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    # -- looking up ---------------------------------------------------------------
    def all_recipes(self) -> Iterator[tuple[str, dict]]:
        """Every recipe with its docname, first definition of each ID only, sorted by ID."""
        first: dict[str, tuple[str, dict]] = {}
        for docname in sorted(self.data["recipes"]):
            for recipe in self.data["recipes"][docname]:
                first.setdefault(recipe["id"], (docname, recipe))
        for recipe_id in sorted(first):
            yield first[recipe_id]

    def find(self, target: str) -> tuple[str, dict, dict | None] | None:
        recipe_id, sep, item_id = target.partition(".")
        if sep and not item_id:  # "kutsu." is a slip, not a link to the recipe
            return None
        for docname, recipe in self.all_recipes():
            if recipe["id"] != recipe_id:
                continue
            if not item_id:
                return docname, recipe, None
            for item in recipe["items"]:
                if item["id"] == item_id:
                    return docname, recipe, item
        return None

    def history_blocks(self) -> Iterator[tuple[str, dict]]:
        """Every ``recipe-changes`` block with its docname, in file and line order."""
        for docname in sorted(self.data["changes"]):
            for block in sorted(self.data["changes"][docname], key=lambda b: b["line"]):
                yield docname, block

    def changes(self, recipe_id: str) -> list[dict]:
        """The change history of a recipe, newest first (empty when it has none). Entries
        of a second history block are kept too, so the version never hides a change."""
        entries = [
            e
            for _doc, block in self.history_blocks()
            if block["recipe"] == recipe_id
            for e in block["entries"]
        ]
        return sorted(entries, key=lambda e: (version_key(e["version"]), e["date"]), reverse=True)

    def check_changes(self) -> None:
        known = {recipe["id"] for _docname, recipe in self.all_recipes()}
        first: dict[str, tuple[str, int]] = {}
        for docname, block in self.history_blocks():
            recipe_id, place = block["recipe"], (docname, block["line"])
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
                place = (docname, recipe["line"])
                if recipe["id"] in seen:
                    other = seen[recipe["id"]]
                    warn(
                        f"duplicate recipe ID {recipe['id']!r}, first defined in "
                        f"{self.env.doc2path(other[0], False)}:{other[1]}; recipe IDs must "
                        "be unique in the handbook",
                        place,
                        "duplicate",
                    )
                else:
                    seen[recipe["id"]] = place

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        # recipes only: items are found by search as page text, linked with {recipe}`id.item`
        # and listed in recipes.json; ten objects per recipe would multiply the search
        # index and objects.inv that every build writes
        for docname, recipe in self.all_recipes():
            yield recipe["id"], recipe["title"], "recipe", docname, f"recipe-{recipe['id']}", 1

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
        anchor = f"recipe-{recipe['id']}" + (f"--{item['id']}" if item else "")
        title = item["text"] if item else recipe["title"]
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title, classes=["recipe-ref"])
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        if self.find(target) is None:
            return []
        return [
            ("recipe:recipe", self.resolve_xref(env, fromdocname, builder, "recipe", target, node, contnode))
        ]


def _recipe_data(node: rn.recipe) -> dict:
    return {
        "id": node["recipe_id"],
        "title": node[0].astext(),
        "line": node.line or 0,
        "chapters": list(node["chapters"]),
        "steps": list(node["steps"]),
        "participants": _participants(node),
        "retired": list(node["retired"]),
        "items": [
            {
                "id": item["item_id"],
                "text": _label_text(item),
                "line": item.line or 0,
                "origin": item.get("origin", ""),
            }
            for item in node.findall(rn.recipe_item)
        ],
    }


def rename_colliding_ids(document: nodes.document, docname: str, recipes: list[rn.recipe]) -> None:
    """A heading or label whose id equals a recipe anchor would give the page two elements
    with one id; the recipe keeps its anchor (readers' links use it), the other is renamed.
    Headings and labels register their ids in ``document.ids``; recipe anchors do not."""
    anchors = {}
    for recipe in recipes:
        for node in (recipe, recipe[0], *recipe.findall(rn.recipe_item)):
            anchors.update(dict.fromkeys(node["ids"], node))
    for anchor in sorted(anchors.keys() & document.ids.keys()):
        other = document.ids[anchor]
        if other is anchors[anchor] or anchor not in other["ids"]:
            continue
        n = 2
        while f"{anchor}-{n}" in document.ids or f"{anchor}-{n}" in anchors:
            n += 1
        renamed = f"{anchor}-{n}"
        other["ids"][other["ids"].index(anchor)] = renamed
        document.ids[renamed] = other
        del document.ids[anchor]
        warn(
            f"the id {anchor!r} of this {other.tagname} is also a recipe anchor; it is "
            f"renamed {renamed!r}: reword the heading or rename its label",
            (docname, line_of(other) or 0),
            "duplicate",
        )


def _participants(recipe: rn.recipe) -> list[str]:
    """Who takes part, as the reader sees it (translated where a translation exists)."""
    for paragraph in recipe.findall(nodes.paragraph):
        if "recipe-participants" in paragraph["classes"]:
            return split_list(paragraph.astext())
    return list(recipe["participants"])


def _changes(history: rn.recipe_changes) -> list[dict]:
    """The change entries with their texts as the reader sees them."""
    texts = [p.astext() for p in history.findall(nodes.paragraph) if "recipe-change-text" in p["classes"]]
    return [
        {**entry, "text": " ".join(text.split())}
        for entry, text in zip(history["entries"], texts, strict=True)
    ]


def _label_text(item: rn.recipe_item) -> str:
    label = item[0]
    return " ".join(label.astext().split()) if isinstance(label, rn.recipe_item_label) else ""
