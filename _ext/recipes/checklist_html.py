"""HTML rendering: real checkboxes with labels, progress bars and the progress tools.

The page is complete without JavaScript; `static/recipes.js` reveals the progress and
tools (rendered ``hidden``) and reads its messages from ``data-msg-*`` attributes.
"""

import weakref

from docutils import nodes

from . import page_texts, suggest
from .i18n import _
from .origin import origin_note

# builder -> HTML that is the same wherever it appears in one build (the tools block, the
# line of one origin), written once; forgotten with the builder
_WRITTEN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _once(self, key, write) -> str:
    written = _WRITTEN.setdefault(self.builder, {})
    if key not in written:
        written[key] = write()
    return written[key]


def _check_id(item) -> str:
    return "check-" + item["ids"][0]


def visit_recipe(self, node) -> None:
    # the day of the recipe's latest change: a tick given before it may need a look
    changes = self.builder.env.get_domain("recipe").changes(node["recipe_id"])
    changed = {"data-changed": changes[0].date} if changes else {}
    self.body.append(
        self.starttag(
            node,
            "section",
            "",
            **{
                "data-recipe": node["recipe_id"],
                **changed,
                "aria-labelledby": node[0]["ids"][0],
            },
        )
    )


def depart_recipe(self, node) -> None:
    self.body.append(suggest.recipe_link(self, node) + "</section>\n")


def visit_checklist(self, node) -> None:
    self.body.append(self.starttag(node, "ul", ""))


def depart_checklist(self, node) -> None:
    self.body.append("</ul>\n")


def visit_item(self, node) -> None:
    """The tick box, the item's text as its label, any further content of the item (a
    nested list), then its origin line and suggestion link, folded."""
    if len(node["ids"]) == 1:  # every item: the tag `starttag` would write, without its generic work
        classes = self.attval(" ".join(node["classes"]))
        item_id, anchor = self.attval(node["item_id"]), node["ids"][0]
        rev = self.attval(node.get("revision", ""))
        self.body.append(f'<li class="{classes}" data-item="{item_id}" data-rev="{rev}" id="{anchor}">')
    else:
        self.body.append(
            self.starttag(
                node, "li", "", **{"data-item": node["item_id"], "data-rev": node.get("revision", "")}
            )
        )
    check = _check_id(node)
    self.body.append(f'<input type="checkbox" class="recipe-check" id="{check}"><label for="{check}">')
    text, *rest = node.children
    for child in text.children:  # the paragraph's content only: a label holds no <p>
        child.walkabout(self)
    self.body.append('</label> <span class="recipe-date"></span>')
    for child in rest:
        child.walkabout(self)
    self.body.append(_details(self, node) + "</li>\n")
    raise nodes.SkipNode


def _details(self, node) -> str:
    """The item's origin and suggestion link folded away: one tap on the fold's button at
    the end of the item's first line opens them, with the plan fields that recipes.js adds
    after the fold (recipes.css hides those while the fold is closed). Print shows the
    fold's content, as before. Nothing to fold (the overview's summaries): no fold."""
    origin = node.get("origin", "")
    note = ""
    if origin:
        note = _once(self, ("origin", origin), lambda: _written(self, origin_note(origin, self.builder.env)))
    label = _("Details and plan")
    summary = f'<summary><span class="visually-hidden">{self.encode(label)}</span></summary>'
    inside = note + suggest.item_link(self, node)
    return f'<details class="recipe-more">{summary}{inside}</details>' if inside else ""


def _written(self, node: nodes.Node) -> str:
    """``node`` as this writer writes it, returned instead of added to the page."""
    start = len(self.body)
    node.walkabout(self)
    written = "".join(self.body[start:])
    del self.body[start:]
    return written


def visit_progress(self, node) -> None:
    recipe_id = node.get("recipe")
    label = _("Progress of this recipe") if recipe_id else _("Progress of all recipes")
    scope = {"data-recipe": recipe_id} if recipe_id else {"data-scope": "all"}
    self.body.append(self.starttag(node, "div", "", CLASS="recipe-progress", hidden="hidden", **scope))
    self.body.append(
        f'<span class="recipe-progress-label">{self.encode(label)}</span> '
        f'<progress max="1" value="0" aria-label="{self.attval(label)}"></progress> '
        '<span class="recipe-progress-count"></span></div>\n'
    )
    raise nodes.SkipNode


def visit_tools(self, node) -> None:
    self.body.append(_once(self, "tools", lambda: _tools(self, node)))
    raise nodes.SkipNode


def _tools(self, node) -> str:
    messages = {
        "data-msg-count": _("{done} / {total} done"),
        "data-msg-date": _("done {date}"),
        "data-msg-nostorage": _(
            "This browser does not let the page save ticks; they are kept only until you leave the page."
        ),
        "data-msg-corrupt": _(
            "Saved progress could not be read. It was set aside unchanged "
            "under the key {key} and a new record was started."
        ),
        "data-msg-confirm": _(
            "Clear every tick of this handbook in this browser? Export your "
            "progress first if you want to keep it."
        ),
        "data-msg-cleared": _("All ticks cleared."),
        **page_texts.messages(),
    }
    return (
        page_texts.nojs_note()
        + self.starttag(node, "div", "", CLASS="recipe-tools", hidden="hidden", **messages)
        + f'<button type="button" class="recipe-button" data-action="export">'
        f"{self.encode(_('Export progress'))}</button> "
        f'<label class="recipe-button recipe-import">'
        f"{self.encode(_('Import progress'))}"
        '<input type="file" accept=".json,application/json" data-action="import"></label> '
        f'<button type="button" class="recipe-button" data-action="reset">'
        f"{self.encode(_('Clear ticks'))}</button> "
        f'<button type="button" class="recipe-button" data-action="undo" hidden>'
        f"{self.encode(_('Undo'))}</button> "
        f'<button type="button" class="recipe-button" data-action="calendar">'
        f"{self.encode(_('Deadlines of this recipe to a calendar (.ics)'))}</button> "
        f'<button type="button" class="recipe-button" data-action="calendarall">'
        f"{self.encode(_('All deadlines to a calendar (.ics)'))}</button>"
        '<p class="recipe-status" role="status"></p></div>\n'
    )


def ignore(self, node) -> None:
    pass


VISITORS = {
    "recipe": (visit_recipe, depart_recipe),
    "recipe_checklist": (visit_checklist, depart_checklist),
    "recipe_item": (visit_item, ignore),
    "recipe_progress": (visit_progress, ignore),
    "recipe_tools": (visit_tools, ignore),
}
