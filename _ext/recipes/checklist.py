"""The checklist: the ``recipe`` directive, the ``item`` role and the page's progress.

A recipe block becomes a `nodes.recipe` with its title, metadata fields, progress bar,
tick-box items and tools; `checklist_html` renders them and `static/recipes.js` saves
the ticks. The options a recipe takes are `KNOWN_OPTIONS`.
"""

import functools
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from . import checklist_html
from . import nodes as rn
from .i18n import _
from .ids import ID_PATTERN, ID_RULE, id_problem, is_valid_id, split_list
from .item_lines import TakenItem, take_item_lines
from .model import ANCHOR_PREFIX, OPTIONS, anchor, revision
from .myst_lines import content_line, inline_lineno
from .origin import recipe_origin_marker, report_stray_marker, strip_origin, take_origin
from .raw_html import escape_raw_html, line_of
from .warnings import warn

STATIC = Path(__file__).parent / "static"
# The role at the start of an item's source, in MyST or reStructuredText form.
ITEM_PREFIX = re.compile(r"^\s*(?:\{item\}|:item:)`[^`]*`\s*")
KNOWN_OPTIONS = OPTIONS  # the model's
OPEN_KEY = "recipes_open_recipe"
# characters that can start inline Markdown (emphasis, code, links, roles, HTML, escapes)
MARKUP_CHARS = frozenset("*_`[]<>{}&\\$~^")


class _AnyOption(dict):
    """An option spec that lets unknown keys through, so the directive can report them
    itself as a typed warning instead of a parser error."""

    def __missing__(self, key: str) -> Any:
        return directives.unchanged


def item_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{item}`id``` marks the start of a checklist item; the recipe directive consumes it."""
    marker = rn.recipe_item_marker(rawtext, "", item_id=text.strip())
    marker.source, marker.line = inliner.reporter.get_source_and_line(lineno)
    return [marker], []


def _strip_markers(tree: nodes.Node) -> None:
    markers = (rn.recipe_item_marker, recipe_origin_marker)
    for marker in list(tree.findall(lambda node: isinstance(node, markers))):
        marker.parent.remove(marker)


class RecipeDirective(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = _AnyOption({name: directives.unchanged for name in KNOWN_OPTIONS})

    def run(self) -> list[nodes.Node]:
        here = (self.env.docname, self.lineno)
        recipe_id = self.arguments[0].strip() if self.arguments else ""
        nested = self.env.temp_data.get(OPEN_KEY)
        problem = None
        if nested:
            inner = f"recipe {recipe_id!r}" if recipe_id else "a recipe without an ID"
            outer = f"recipe {nested!r}" if nested != "?" else "a recipe without an ID"
            problem = (
                "nested",
                f"{inner} is inside {outer}; recipes cannot be nested: close the outer recipe first",
            )
        elif not recipe_id:
            problem = ("id", f"recipe without an ID: write ':::{{recipe}} my-id' ({ID_RULE})")
        elif not is_valid_id(recipe_id):
            problem = (
                "id",
                f"malformed recipe ID {recipe_id!r} ({id_problem(recipe_id)}): use {ID_RULE}",
            )

        self.env.temp_data[OPEN_KEY] = recipe_id or "?"
        try:
            body, taken = self._parse_body(fast=problem is None)
        finally:
            self.env.temp_data[OPEN_KEY] = nested

        if problem:
            warn(problem[1] + "; its content is shown as plain text", here, problem[0])
            _strip_markers(body)
            escape_raw_html(body, "a recipe block", here)
            body["classes"].append("recipe-invalid")
            return [body]
        return [self._build(recipe_id, body, here, taken)]

    def _parse_body(self, fast: bool) -> tuple[nodes.container, dict[int, TakenItem]]:
        """The block's content as nodes, and the items whose roles were taken off their
        lines beforehand (``item_lines``); the content is parsed again with its roles
        when a taken line did not become a checklist item."""
        if fast:
            lines = take_item_lines(self.content, content_line(self))
            if lines.items:
                body = self._detached()
                self.state.nested_parse(lines.content, self.content_offset, body)
                if lines.confirmed(body):
                    return body, lines.items
        body = self._detached()
        self.state.nested_parse(self.content, self.content_offset, body)
        return body, {}

    def _detached(self) -> nodes.container:
        """A container to parse into before it joins the page. It knows its document:
        otherwise every node added below it searches up the whole new subtree for one."""
        body = nodes.container()
        body.document = self.state.document
        return body

    def option_line(self, key: str) -> int:
        """The source line of option ``key``: options follow the directive's first line."""
        for offset, text in enumerate(self.block_text.splitlines()):
            if text.strip().startswith(f":{key}:"):
                return self.lineno + offset
        return self.lineno

    def _listed(self, option: str, recipe_id: str) -> list[str]:
        """A comma-separated option's values, each once; a repeated value is reported."""
        values = split_list(self.options.get(option))
        unique = list(dict.fromkeys(values))
        for value in sorted({v for v in values if values.count(v) > 1}):
            warn(
                f"{value!r} is listed more than once in ':{option}:' of recipe {recipe_id!r}; "
                "list each value once",
                (self.env.docname, self.option_line(option)),
                "duplicate",
            )
        return unique

    def _build(
        self, recipe_id: str, body: nodes.container, here: tuple, taken: dict[int, TakenItem]
    ) -> rn.recipe:
        for key in sorted(set(self.options) - set(KNOWN_OPTIONS)):
            warn(
                f"unknown option {key!r} in recipe {recipe_id!r}; known options: {', '.join(KNOWN_OPTIONS)}",
                (self.env.docname, self.option_line(key)),
                "option",
            )
        config = self.config
        chapters = self._known("chapters", recipe_id, config.recipes_chapters, "chapter")
        steps = self._known("steps", recipe_id, config.recipes_process_steps, "step")
        participants = self._listed("participants", recipe_id)
        retired = []
        for item_id in self._listed("retired", recipe_id):
            if is_valid_id(item_id):
                retired.append(item_id)
            else:
                warn(
                    f"malformed retired item ID {item_id!r} ({id_problem(item_id)}) in recipe "
                    f"{recipe_id!r}: use {ID_RULE}; it is left out",
                    (self.env.docname, self.option_line("retired")),
                    "id",
                )

        node = rn.recipe(
            "",
            recipe_id=recipe_id,
            chapters=chapters,
            steps=steps,
            participants=participants,
            retired=retired,
            ids=[anchor(recipe_id)],
            classes=["recipe"],
        )
        node.source, node.line = self.get_source_info()
        node.document = self.state.document  # see _detached
        node += self._title(recipe_id, here)
        fields = self._metadata(chapters, steps, participants)
        if fields.children:
            node += fields
        node += rn.recipe_progress(recipe=recipe_id)

        seen: set[str] = set()
        for child in body.children:
            # a numbered list of items is meant as the checklist: said so, and kept as one
            first = isinstance(child, nodes.enumerated_list) and next(
                child.findall(rn.recipe_item_marker), None
            )
            if first:
                warn(
                    f"numbered list in recipe {recipe_id!r}: checklist items are '-' bullets; "
                    "write '- {item}`id` text'",
                    first,
                    "item",
                )
            if isinstance(child, nodes.bullet_list) or first:
                node += self._checklist(recipe_id, child, seen, set(retired), taken)
            else:
                node += child
        # one walk for what is left to report: item roles not starting an item, raw HTML
        strays = list(node.findall(lambda n: isinstance(n, (rn.recipe_item_marker, nodes.raw))))
        for marker in strays:
            if isinstance(marker, nodes.raw):
                continue
            warn(
                f"the item role {marker['item_id']!r} must start a checklist item "
                f"(a bullet directly inside recipe {recipe_id!r})",
                marker,
                "item",
            )
            marker.replace_self(nodes.literal(marker["item_id"], marker["item_id"]))
        if not seen:
            warn(
                f"recipe {recipe_id!r} has no checklist items; add a bullet list of "
                "'- {item}`id` text' lines",
                here,
                "empty",
            )
        node += rn.recipe_tools()
        raws = [raw for raw in strays if isinstance(raw, nodes.raw)]
        escape_raw_html(node, f"recipe {recipe_id!r}", here, raws)
        return node

    def _title(self, recipe_id: str, here: tuple) -> nodes.rubric:
        """The title with its inline Markdown rendered (the overview and links show its text)."""
        title = (self.options.get("title") or "").strip()
        line = self.option_line("title")
        if not title:
            warn(f"recipe {recipe_id!r} has no ':title:' option; its ID is shown instead", here, "option")
            title, line = recipe_id, self.lineno
        if MARKUP_CHARS.intersection(title):
            inline, _messages = self.parse_inline(title, lineno=inline_lineno(line))
        else:  # plain text needs no Markdown parser (most titles; it runs once per recipe)
            inline = [nodes.Text(title)]
        heading = nodes.rubric(
            title, "", *inline, ids=[anchor(recipe_id) + "-title"], classes=["recipe-title"]
        )
        heading.source, heading.line = self.get_source_info()[0], line
        if not heading.astext().strip():  # markup alone, such as an HTML comment
            heading += nodes.Text(recipe_id)
        return heading

    def _known(self, option: str, recipe_id: str, known: dict, subtype: str) -> list[str]:
        values = []
        for value in self._listed(option, recipe_id):
            if value in known:
                values.append(value)
            else:
                warn(
                    f"recipe {recipe_id!r} names unknown {subtype} {value!r} in ':{option}:'; "
                    f"known: {', '.join(sorted(known))}",
                    (self.env.docname, self.option_line(option)),
                    subtype,
                )
        return values

    def _metadata(self, chapters, steps, participants) -> nodes.field_list:
        fields = nodes.field_list(classes=["recipe-meta"])

        def field(name: str, values: list[nodes.Node], body: nodes.paragraph | None = None) -> None:
            if not values:
                return
            if body is None:
                body = nodes.paragraph()
                for i, value in enumerate(values):
                    if i:
                        body += nodes.Text(", ")
                    body += value
            label = nodes.field_name(name, name, translatable=False)
            fields.append(nodes.field("", label, nodes.field_body("", body)))

        def xref(reftype: str, target: str) -> addnodes.pending_xref:
            return rn.titled_xref(reftype, target, self.env.docname)

        config = self.config
        labels = _field_labels(config.language)
        field(labels["chapters"], [xref("doc", "/" + config.recipes_chapters[c]) for c in chapters])
        field(labels["steps"], [xref("ref", config.recipes_process_steps[s]) for s in steps])
        if participants:
            # who takes part is prose: a paragraph of its own, so translators get it as a message
            who = ", ".join(participants)
            people = rn.fact_paragraph(rn.PARTICIPANTS, who, nodes.Text(who), classes=["recipe-participants"])
            people.source, people.line = self.get_source_info()
            field(labels["participants"], participants, people)
        # the "Version" field is added while writing, when the recipe has a history (`history`)
        return fields

    def _checklist(
        self,
        recipe_id: str,
        bullets: nodes.Sequential,
        seen: set[str],
        retired: set[str],
        taken: dict[int, TakenItem],
    ):
        checklist = rn.recipe_checklist(classes=["recipe-checklist"])
        for entry in bullets.children:
            checklist += self._item(recipe_id, entry, seen, retired, taken)
        return checklist

    def _item(
        self,
        recipe_id: str,
        entry: nodes.list_item,
        seen: set[str],
        retired: set[str],
        taken: dict[int, TakenItem],
    ) -> nodes.Element:
        first = entry.children[0] if entry.children else None
        item_id = known = None
        if isinstance(first, nodes.paragraph) and first.children:
            if isinstance(first[0], rn.recipe_item_marker):
                marker = first[0]
                first.remove(marker)
                item_id, where = marker["item_id"], marker
            elif first.line in taken:
                # the role was taken off the source line (item_lines); it stood where the text starts
                known = taken[first.line]
                item_id, where = known.item_id, first
        if item_id is None:
            warn(
                f"checklist item without an ID in recipe {recipe_id!r}: start it with "
                "{item}`id`; it is shown without a tick box",
                first or entry,
                "id",
            )
            return entry
        if first.children and isinstance(first[0], nodes.Text) and first[0][:1].isspace():
            first[0] = nodes.Text(first[0].astext().lstrip())
        origin = take_origin(first, recipe_id, item_id, where, self.config, known.origin if known else None)
        problem = None
        if not is_valid_id(item_id):
            problem = (
                "id",
                f"malformed item ID {item_id!r} ({id_problem(item_id)}) in recipe {recipe_id!r}: "
                f"use {ID_RULE}",
            )
        elif item_id in retired:
            problem = (
                "retired",
                f"item ID {item_id!r} of recipe {recipe_id!r} is retired; readers may "
                "hold ticks for the old step, so give the new step a new ID",
            )
        elif item_id in seen:
            problem = (
                "duplicate",
                f"duplicate item ID {item_id!r} in recipe {recipe_id!r}; every item needs its own ID",
            )
        if problem:
            warn(problem[1] + "; the item is shown without a tick box", where, problem[0])
            return entry
        seen.add(item_id)
        if not any(not isinstance(child, nodes.Text) or child.strip() for child in first.children):
            warn(
                f"item {item_id!r} of recipe {recipe_id!r} has no text; write what to do after "
                "the ID; its ID is shown as the text",
                where,
                "empty",
            )
            first += nodes.literal(item_id, item_id)
        if known is None or known.origin is None:
            # what translators see: the item's source without its roles (gone from a taken line)
            first.rawsource = strip_origin(ITEM_PREFIX.sub("", first.rawsource))
        item = rn.recipe_item(
            "",
            *entry.children,
            item_id=item_id,
            origin=origin,
            revision=revision(first.rawsource or first.astext()),
            ids=[anchor(recipe_id, item_id)],
            classes=["recipe-item"],
        )
        item.source, item.line = where.source, where.line
        return item


@functools.cache
def _field_labels(language: str | None) -> dict[str, str]:
    """The metadata field names in ``language``, looked up once per build language
    instead of four catalogue look-ups for every recipe."""
    return {
        "chapters": str(_("Chapters")),
        "steps": str(_("Process steps")),
        "participants": str(_("Participants")),
    }


class SettlePage(SphinxTransform):
    """Before the domain collects the page (`SphinxDomains`, priority 850), the page's
    anchors are settled and stray item and origin roles reported, in one walk, so
    collecting never rewrites the doctree."""

    default_priority = 840

    def apply(self, **kwargs) -> None:
        docname = self.env.current_document.docname
        kinds = (rn.recipe, rn.recipe_item_marker, recipe_origin_marker)
        found = list(self.document.findall(lambda n: isinstance(n, kinds)))
        recipes = [node for node in found if isinstance(node, rn.recipe)]
        if recipes:
            rename_colliding_ids(self.document, docname, recipes)
        for marker in found:
            if isinstance(marker, rn.recipe):
                continue
            if isinstance(marker, recipe_origin_marker):
                report_stray_marker(marker)
                continue
            warn(
                f"item {marker['item_id']!r} is outside a recipe; checklist items belong "
                "inside a ':::{recipe}' block",
                marker,
                "item",
            )
            marker.replace_self(nodes.literal(marker["item_id"], marker["item_id"]))


def rename_colliding_ids(document: nodes.document, docname: str, recipes: list[rn.recipe]) -> None:
    """A heading or label whose id equals a recipe anchor would give the page two elements
    with one id; the recipe keeps its anchor (readers' links use it), the other is renamed.
    Headings and labels register their ids in ``document.ids``; recipe anchors do not."""
    if not any(key.startswith(ANCHOR_PREFIX + "-") for key in document.ids):
        return  # no heading or label looks like a recipe anchor: nothing can collide
    anchors = {}
    for recipe in recipes:
        for node in (recipe, recipe[0], *recipe.findall(rn.recipe_item)):
            anchors.update(dict.fromkeys(node["ids"], node))
    for taken in sorted(anchors.keys() & document.ids.keys()):
        other = document.ids[taken]
        if other is anchors[taken] or taken not in other["ids"]:
            continue
        n = 2
        while f"{taken}-{n}" in document.ids or f"{taken}-{n}" in anchors:
            n += 1
        renamed = f"{taken}-{n}"
        other["ids"][other["ids"].index(taken)] = renamed
        document.ids[renamed] = other
        del document.ids[taken]
        warn(
            f"the id {taken!r} of this {other.tagname} is also a recipe anchor; it is "
            f"renamed {renamed!r}: reword the heading or rename its label",
            (docname, line_of(other) or 0),
            "duplicate",
        )


def add_assets(app: Sphinx) -> None:
    """builder-inited: the checklist's style and script, for HTML builders only."""
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("recipes.css")
    app.add_js_file("recipes.js", type="module")  # imports progress.js


def add_page_meta(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: where the script keeps ticks, and the ID rule it checks stored
    and imported data against (`ids.ID_PATTERN`, so the script holds no copy of it)."""
    namespace = app.config.recipes_storage_namespace
    context["metatags"] = context.get("metatags", "") + (
        f'\n<meta name="recipes-namespace" content="{namespace}">'
        f'\n<meta name="recipes-id-pattern" content="^{ID_PATTERN}$">'
    )


def setup(app: Sphinx) -> None:
    app.add_config_value("recipes_storage_namespace", "", "html", types=[str])
    for name, visitors in checklist_html.VISITORS.items():
        app.add_node(getattr(rn, name), html=visitors)
    app.add_node(rn.recipe_item_marker)
    app.add_directive("recipe", RecipeDirective)
    app.add_role("item", item_role)
    app.add_transform(SettlePage)
    app.connect("builder-inited", add_assets)
    app.connect("html-page-context", add_page_meta)
