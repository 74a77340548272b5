"""Provenance: where each checklist item comes from, and the handbook's own proposals in prose.

Every checklist item ends with ``{origin}`booklet:<chapter>``` (the booklet chapter, or a
part listed in ``recipes_booklet_parts``, whose proposal the item carries) or
``{origin}`handbook``` (the handbook's own proposal). The directive takes the role off
the item's text, keeps the value on the item and shows it as a line of text under it;
``recipes.json`` carries it per item. ``{proposal}`3–4 tapaamista vuodessa``` marks the
handbook's own numbers and frequencies in prose with a visible word, not colour alone.
"""

import re

from docutils import nodes
from sphinx.application import Sphinx

from . import nodes as rn
from .i18n import _
from .warnings import warn

BOOKLET, HANDBOOK = "booklet", "handbook"
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
    markers = list(paragraph.findall(recipe_origin_marker))
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
        paragraph[-1] = nodes.Text(paragraph[-1].astext().rstrip())
    place = f"item {item_id!r} of recipe {recipe_id!r}"
    if not value:
        warn(f"{place} has no origin: {SYNTAX}", where, "origin")
        return ""
    kind, _sep, part = value.partition(":")
    parts = known_parts(config)
    if value == HANDBOOK or (kind == BOOKLET and part in parts):
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


def origin_note(value: str, config, docname: str) -> nodes.paragraph | None:
    """The line readers see under an item: "Kirjasesta: luku …" or "Käsikirjan ehdotus".
    The chapter is a cross-reference, so its title is the one the reader's language uses
    and a renamed or missing target is reported; it is shown as text (`unlink_origins`)."""
    if not value:
        return None
    note = rn.fact_paragraph(
        rn.ORIGIN, "", classes=["recipe-origin", f"recipe-origin-{value.partition(':')[0]}"]
    )
    note["translatable"] = False  # built from the extension's own catalogue, not a message
    if value == HANDBOOK:
        note += nodes.Text(_("Handbook proposal"))
        return note
    part = value.partition(":")[2]
    reftype, target = known_parts(config)[part]
    template = _("From the booklet: chapter {chapter}") if reftype == "doc" else _("From the booklet: {part}")
    before, _sep, after = re.split(r"(\{chapter\}|\{part\})", template, maxsplit=1)
    link = rn.titled_xref(reftype, target, docname)
    note.extend([nodes.Text(before), link, nodes.Text(after)])
    return note


def as_json(value: str) -> dict | None:
    """The origin as ``recipes.json`` carries it."""
    if value == HANDBOOK:
        return {"kind": HANDBOOK}
    if value.startswith(BOOKLET + ":"):
        return {"kind": BOOKLET, "chapter": value.partition(":")[2]}
    return None


def report_stray_markers(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: an origin role outside a checklist item is reported and shown as code."""
    for marker in list(doctree.findall(recipe_origin_marker)):
        warn(
            f"origin {marker['origin']!r} is outside a checklist item; the origin role ends a "
            "'- {item}`id` text' line inside a recipe",
            marker,
            "origin",
        )
        marker.replace_self(nodes.literal(marker["origin"], marker["origin"]))


def unlink_origins(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: the chapter's title stays, its link goes. The recipe's metadata
    already links its chapters; a link under every item would add a tab stop per item
    between the tick boxes of a keyboard user."""
    for note in rn.fact_paragraphs(doctree, rn.ORIGIN):
        for link in list(note.findall(nodes.reference)):
            link.replace_self(nodes.inline("", link.astext(), classes=["recipe-origin-part"]))


def setup(app: Sphinx) -> None:
    app.add_config_value("recipes_booklet_parts", {}, "env", types=[dict])
    app.add_node(recipe_origin_marker)
    app.add_role("origin", origin_role)
    app.add_role("proposal", proposal_role)
    app.connect("doctree-read", report_stray_markers)
    app.connect("doctree-resolved", unlink_origins)
