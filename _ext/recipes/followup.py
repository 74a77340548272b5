"""The follow-up view (``recipe-followup``): several partnerships' progress side by side.

The directive leaves a placeholder that HTML renders as the file picker and an empty
table area, with the handbook's recipes grouped by process step in a ``data-`` attribute.
`static/followup.js` reads the progress files the reader picks, entirely in the browser,
and builds the tables; it and its print stylesheet load only on pages with the view.
Other builders leave the view out: it has no meaning on paper before files are loaded.
"""

import json

from babel.numbers import get_decimal_symbol
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import nodes as rn
from . import page_texts
from .i18n import _, date_locale
from .model import anchor


class recipe_followup(rn.shows_all_recipes, nodes.General, nodes.Element):
    """Where the follow-up view goes."""


class RecipeFollowupDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        node = recipe_followup()
        self.set_source_info(node)
        return [node]


def catalogue(builder, docname: str) -> dict:
    """Process steps in order, each with the recipes that serve it; recipes with items."""
    domain = builder.env.get_domain("recipe")
    recipes = domain.ordered_recipes()
    steps = [
        {
            "id": step.id,
            "title": step.title,
            "recipes": [recipe.id for _doc, recipe in recipes if step.id in recipe.steps],
        }
        for step in domain.process_steps()
    ]
    return {
        "steps": steps,
        "recipes": {
            recipe.id: recipe.as_json()
            | {"url": builder.get_relative_uri(docname, recipe_doc) + "#" + anchor(recipe.id)}
            for recipe_doc, recipe in recipes
        },
    }


SHARED_WITH_PLAN = ("data-msg-plan", "data-msg-overdue", "data-msg-countoverdue")


def messages() -> dict[str, str]:
    return {
        "data-msg-caption": _("Progress of each partnership, recipe by recipe"),
        "data-msg-recipe": _("Recipe"),
        "data-msg-step": _("Step {number}: {title}"),
        "data-msg-stepsum": _("All recipes of step {number}"),
        "data-msg-cell": _("{done} / {total}"),
        "data-msg-detail": _("{recipe}: who does what and by when"),
        "data-msg-item": _("Step of the recipe"),
        "data-msg-notdone": _("not done"),
        "data-msg-date": _("done {date}"),
        "data-msg-loaded": _("Files in the table: {count}."),
        "data-msg-unknown": _(
            "Items of recipes or steps this handbook does not have: {count}. They are not shown."
        ),
        "data-msg-refused": _("{file} was not loaded: {reason}"),
        "data-msg-empty": _("No progress files loaded yet."),
        "data-msg-csvdone": _("{name}: done"),
        "data-msg-csvtotal": _("{name}: items"),
        "data-msg-csvoverdue": _("{name}: overdue"),
        "data-msg-csvall": _("All recipes"),
        "data-msg-csvexported": _("{name}: exported"),
        "data-msg-exported": _("exported {date}, {age}"),
        "data-msg-noexported": _("export date not in the file"),
        "data-msg-revised": _("changed after the tick"),
        "data-msg-retired": _("{id} (retired step, no longer in the recipe)"),
        # the plan's own texts for what both views show: a plan line and an overdue count
        **{key: value for key, value in page_texts.messages().items() if key.startswith(SHARED_WITH_PLAN)},
        **page_texts.refusals(),
    }


def csv_separator(config) -> str:
    """Where a comma is the decimal sign (Finnish, Swedish), spreadsheets split CSV on ';'."""
    return ";" if get_decimal_symbol(date_locale(config)) == "," else ","


def visit_followup(self, node) -> None:
    data = json.dumps(catalogue(self.builder, self.builder.current_docname), ensure_ascii=False)
    attributes = {
        "data-catalogue": data,
        "data-csv-separator": csv_separator(self.builder.config),
        **messages(),
    }
    text, attr = self.encode, self.attval
    nojs = _("The follow-up view needs JavaScript, which is off in this browser.")
    drop = _("or drop them here. Nothing is uploaded: the files are read in this browser.")

    def button(action: str, label: str) -> str:
        return f'<button type="button" class="recipe-button" data-followup="{action}">{text(label)}</button> '

    def region(css_class: str, label: str, extra: str = "") -> str:
        return f'<div class="{css_class}" role="region" tabindex="0" aria-label="{attr(label)}"{extra}></div>'

    self.body.append(self.starttag(node, "div", "", CLASS="recipe-followup", **attributes))
    self.body += [
        f'<p class="recipe-nojs">{text(nojs)}</p>',
        '<div class="followup-controls" hidden><div class="followup-drop">',
        f'<label class="recipe-button recipe-import">{text(_("Choose progress files"))}',
        '<input type="file" multiple accept=".json,application/json" data-followup="load"></label> ',
        f"<span>{text(drop)}</span>",
        "</div>",
        button("csv", _("Export the table as CSV")),
        button("print", _("Print")),
        button("clear", _("Remove the files")),
        '<p class="followup-status" role="status"></p></div>',
        region("followup-table", _("Follow-up table"), " hidden"),
        '<div class="followup-detail" hidden>',
        f'<label for="followup-recipe">{text(_("Recipe to look at closely"))}</label> ',
        '<select id="followup-recipe"></select>',
        region("followup-detail-table", _("Recipe in detail")),
        "</div></div>\n",
    ]
    raise nodes.SkipNode


def skip(self, node) -> None:
    raise nodes.SkipNode


def add_page_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: the view's script and print style only where the view is."""
    if "*" not in app.env.get_domain("recipe").data["shows"].get(pagename, ()):
        return  # the view shows every recipe, so only such pages can hold it: no walk elsewhere
    if doctree is not None and next(doctree.findall(recipe_followup), None) is not None:
        app.add_css_file("followup.css")
        app.add_js_file("followup.js", type="module")


def setup(app: Sphinx) -> None:
    others = {name: (skip, None) for name in ("latex", "text", "man", "texinfo")}
    app.add_node(recipe_followup, html=(visit_followup, None), **others)
    app.add_directive("recipe-followup", RecipeFollowupDirective)
    app.connect("html-page-context", add_page_assets)
