"""Provenance: where each checklist item comes from, and the handbook's own proposals in prose.

Every checklist item ends with ``{origin}`booklet:<chapter>``` (the booklet chapter, or a
part listed in ``recipes_booklet_parts``, whose proposal the item carries) or
``{origin}`handbook``` (the handbook's own proposal). The directive takes the role off
the item's text and keeps the value on the item; the writers show it as a line of text
under the item (`origin_note`), and ``recipes.json`` carries it per item.
``{proposal}`3–4 tapaamista vuodessa``` marks the handbook's own numbers and frequencies
in prose with a visible word, not colour alone.
"""

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.nodes import clean_astext

from .i18n import _
from .model import BOOKLET, HANDBOOK
from .warnings import warn

# The role at the end of an item's source, in MyST or reStructuredText form; the
# translatable text of an item is written without it.
ORIGIN_SUFFIX = re.compile(r"\s*(?:\{origin\}|:origin:)`[^`]*`\s*$")
SYNTAX = "end the item with {origin}`booklet:<chapter>` or {origin}`handbook`"


class recipe_origin_marker(nodes.Inline, nodes.TextElement):
    """What the ``origin`` role leaves behind; consumed by the recipe directive."""


def origin_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    marker = recipe_origin_marker(rawtext, "", origin=text.strip())
    marker.source, marker.line = inliner.reporter.get_source_and_line(lineno)
    return [marker], []


def proposal_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """The handbook's own number or frequency, followed by a visible "handbook proposal"."""
    shown = " ".join(text.split())
    if not shown:
        source, line = inliner.reporter.get_source_and_line(lineno)
        warn("empty {proposal} role: write the handbook's own figure inside it", (source, line), "origin")
        return [], []
    mark = nodes.inline("", f"({_('handbook proposal')})", classes=["recipe-proposal-mark"])
    return [nodes.inline(rawtext, "", nodes.Text(shown + " "), mark, classes=["recipe-proposal"])], []


def known_parts(config) -> dict[str, tuple[str, str]]:
    """Booklet part ID -> (reference type, target): chapters are documents, other parts labels."""
    parts = {key: ("doc", "/" + docname) for key, docname in config.recipes_chapters.items()}
    parts.update({key: ("ref", label) for key, label in config.recipes_booklet_parts.items()})
    return parts


def strip_origin(rawsource: str) -> str:
    """The item's source without its trailing origin role: what translators see."""
    return ORIGIN_SUFFIX.sub("", rawsource)


def take_origin(
    paragraph: nodes.paragraph, recipe_id: str, item_id: str, where, config, taken: str | None = None
) -> str:
    """Remove the origin role ending the item's first paragraph and return its value
    (``booklet:<part>`` or ``handbook``); warn and return "" when it is missing or unknown.
    ``taken`` is the value when the role was already taken off the source line."""
    # a taken line holds no role unless its text names one (most lines: no walk at all)
    roles = taken is None or "origin" in paragraph.rawsource
    markers = list(paragraph.findall(recipe_origin_marker)) if roles else []
    last = _last_meaningful(paragraph) if taken is None else None
    value = taken or ""
    for marker in markers:
        marker.parent.remove(marker)
        if marker is not last:
            warn(
                f"the origin role in item {item_id!r} of recipe {recipe_id!r} must end the item's first line",
                marker,
                "origin",
            )
            continue
        value = marker["origin"]
    if paragraph.children and isinstance(paragraph[-1], nodes.Text):
        text = paragraph[-1].astext()
        if text[-1:].isspace():
            paragraph[-1] = nodes.Text(text.rstrip())
    if value == HANDBOOK:
        return value
    place = f"item {item_id!r} of recipe {recipe_id!r}"
    if not value:
        warn(f"{place} has no origin: {SYNTAX}", where, "origin")
        return ""
    kind, _sep, part = value.partition(":")
    parts = known_parts(config)
    if kind == BOOKLET and part in parts:
        return value
    warn(
        f"{place} has an unknown origin {value!r}: {SYNTAX}; booklet parts: {', '.join(sorted(parts))}",
        where,
        "origin",
    )
    return ""


def _last_meaningful(paragraph: nodes.paragraph) -> nodes.Node | None:
    for child in reversed(paragraph.children):
        if not (isinstance(child, nodes.Text) and not child.astext().strip()):
            return child
    return None


def origin_note(value: str, env) -> nodes.paragraph | None:
    """The line readers see under an item ("Kirjasesta: luku 3, ”<booklet's title>”",
    or the handbook's chapter title when the booklet's is not configured, or
    "Käsikirjan ehdotus"), made while writing the page from the item's origin: no node
    per item to carry through every transform and pickle. Both the HTML writer and the
    other formats' fallback write this paragraph. The title is the one the build's
    language uses; whether each used part exists is checked once per build."""
    if not value:
        return None
    kind = value.partition(":")[0]
    note = nodes.paragraph(classes=["recipe-origin", f"recipe-origin-{kind}"])
    if value == HANDBOOK:
        note += nodes.Text(_("Handbook proposal"))
        return note
    part = value.partition(":")[2]
    booklet_chapter = env.config.recipes_booklet_chapters.get(part)
    if booklet_chapter:
        return _booklets_own_chapter(note, booklet_chapter["number"], booklet_chapter["title"], env.config)
    reftype, target = known_parts(env.config)[part]
    template = _("From the booklet: chapter {chapter}") if reftype == "doc" else _("From the booklet: {part}")
    before, _sep, after = re.split(r"(\{chapter\}|\{part\})", str(template), maxsplit=1)
    title = part_title(env, reftype, target) or part
    note += [nodes.Text(before), nodes.inline(title, title, classes=["recipe-origin-part"])]
    if after:
        note += nodes.Text(after)
    return note


def _booklets_own_chapter(note: nodes.paragraph, number, title: str, config) -> nodes.paragraph:
    """ "Kirjasesta: luku 3, ”<the booklet's own title>”": the title a reader finds in the
    booklet (``recipes_booklet_chapters``), marked as the booklet's language."""
    template = str(_("From the booklet: chapter {number}, “{title}”")).replace("{number}", str(number))
    before, _sep, after = template.partition("{title}")
    language = config.recipes_booklet_language
    classes = ["recipe-origin-part"] + ([f"language-{language}"] if language != config.language else [])
    note += [nodes.Text(before), nodes.inline(title, title, classes=classes)]
    if after:
        note += nodes.Text(after)
    return note


def part_title(env, reftype: str, target: str) -> str | None:
    """The title of a chapter (``doc``) or labelled section (``ref``), None when missing."""
    if reftype == "doc":
        title = env.titles.get(target.lstrip("/"))
        return clean_astext(title) if title is not None else None
    label = env.get_domain("std").labels.get(target)
    return label[2] if label else None


def check_parts(app: Sphinx, env) -> None:
    """env-check-consistency: every booklet part an item names (``recipes_booklet_parts``)
    leads to a labelled section, reported once per part at the first item naming it.
    Chapters are checked as configuration (`config.check_chapters`)."""
    labels = env.config.recipes_booklet_parts
    first: dict[str, tuple] = {}
    for docname, recipe in env.get_domain("recipe").all_recipes():
        for item in recipe.items:
            kind, _sep, part = item.origin.partition(":")
            if kind == BOOKLET and part in labels:
                first.setdefault(part, (docname, item.line, recipe.id, item.id))
    for part, (docname, line, recipe_id, item_id) in sorted(first.items()):
        if part_title(env, "ref", labels[part]) is None:
            warn(
                f"item {item_id!r} of recipe {recipe_id!r} comes from booklet part {part!r}, whose "
                f"label {labels[part]!r} (recipes_booklet_parts in conf.py) does not exist; "
                "fix recipes_booklet_parts or add the label",
                (docname, line),
                "origin",
            )


def report_stray_marker(marker: recipe_origin_marker) -> None:
    """An origin role outside a checklist item is reported and shown as code (called by
    the checklist's `SettlePage`, which walks the page once for every kind of stray)."""
    warn(
        f"origin {marker['origin']!r} is outside a checklist item; the origin role ends a "
        "'- {item}`id` text' line inside a recipe",
        marker,
        "origin",
    )
    marker.replace_self(nodes.literal(marker["origin"], marker["origin"]))


def setup(app: Sphinx) -> None:
    app.add_config_value("recipes_booklet_parts", {}, "env", types=[dict])
    # chapter ID -> (the booklet's chapter number, its own title), shown in origin lines
    app.add_config_value("recipes_booklet_chapters", {}, "env", types=[dict])
    app.add_config_value("recipes_booklet_language", "fi", "env", types=[str])
    app.add_node(recipe_origin_marker)
    app.add_role("origin", origin_role)
    app.add_role("proposal", proposal_role)
    app.connect("env-check-consistency", check_parts)
