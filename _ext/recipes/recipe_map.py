"""The front page's map of the process and the overview's recipe cards.

``recipe-map`` lists the process steps in order (``recipes_process_steps``) with the
recipes that serve each step; ``recipe-cards`` gives one card per recipe with its steps.
Both are plain lists, so a screen reader reads them in order, and both are built from
the recipes of every document while writing (`FillMaps`). Each recipe carries its item IDs:
`static/recipe-map.js` counts the reader's ticks that `recipes.js` saved for those items.
Without JavaScript the lists show how many items each recipe has.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import nodes as rn
from .i18n import _
from .model import Recipe, anchor

STATIC_FILES = ("recipe-map.css", "recipe-map.js")


class recipe_map(rn.shows_all_recipes, nodes.General, nodes.Element):
    """Placeholder for the map (``kind="map"``) or the cards (``kind="cards"``)."""


class recipe_map_progress(nodes.Inline, nodes.TextElement):
    """A recipe's item count, which the script turns into the reader's progress."""


class RecipeMapDirective(SphinxDirective):
    """``recipe-map`` and ``recipe-cards``: no options, no content."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        placeholder = recipe_map(kind="cards" if self.name == "recipe-cards" else "map")
        self.set_source_info(placeholder)
        return [placeholder]


def process_steps(app: Sphinx, docname: str) -> list[dict]:
    """Each configured step (`domain.process_steps`) with a link from ``docname``."""
    steps = []
    for step in app.env.get_domain("recipe").process_steps():
        uri = app.builder.get_relative_uri(docname, step.docname) + f"#{step.anchor}" if step.docname else ""
        steps.append({"id": step.id, "number": step.number, "title": step.title, "uri": uri})
    return steps


def _link(text: str, uri: str) -> nodes.Node:
    if not uri:
        return nodes.Text(text)
    return nodes.reference("", text, refuri=uri, internal=True)


def _progress(recipe: Recipe, html: bool) -> nodes.Node:
    total = len(recipe.items)
    text = _("Items: {total}").format(total=total)
    if not html:
        return nodes.inline(text, text, classes=["recipe-map-progress"])
    return recipe_map_progress(text, text, recipe=recipe.id, items=recipe.item_ids())


def _recipe_line(app: Sphinx, docname: str, recipe_doc: str, recipe: Recipe, html: bool) -> nodes.paragraph:
    uri = app.builder.get_relative_uri(docname, recipe_doc) + "#" + anchor(recipe.id)
    line = nodes.paragraph(classes=["recipe-map-recipe"])
    line += _link(recipe.title, uri)
    line += nodes.Text(" ")
    line += _progress(recipe, html)
    return line


def _map(app: Sphinx, docname: str, html: bool) -> nodes.Node:
    recipes = app.env.get_domain("recipe").ordered_recipes()
    steps = nodes.enumerated_list(classes=["recipe-map"])
    for step in process_steps(app, docname):
        item = nodes.list_item(classes=["recipe-map-step"])
        heading = nodes.paragraph(classes=["recipe-map-step-title"])
        heading += _link(step["title"], step["uri"])
        item += heading
        serving = nodes.bullet_list(classes=["recipe-map-recipes"])
        for recipe_doc, recipe in recipes:
            if step["id"] in recipe.steps:
                serving += nodes.list_item("", _recipe_line(app, docname, recipe_doc, recipe, html))
        item += serving
        steps += item
    return steps


def _cards(app: Sphinx, docname: str, html: bool) -> nodes.Node:
    titles = {step["id"]: step for step in process_steps(app, docname)}
    cards = nodes.bullet_list(classes=["recipe-cards"])
    for recipe_doc, recipe in app.env.get_domain("recipe").ordered_recipes():
        card = nodes.list_item(classes=["recipe-card"])
        card += _recipe_line(app, docname, recipe_doc, recipe, html)
        served = nodes.paragraph(classes=["recipe-card-steps"])
        served += nodes.Text(_("Process steps") + ": ")
        for position, step_id in enumerate(recipe.steps):
            step = titles.get(step_id, {"number": "", "title": step_id, "uri": ""})
            served += nodes.Text(", " if position else "")
            served += _link(f"{step['number']}. {step['title']}", step["uri"])
        card += served
        cards += card
    return cards


class FillMaps(rn.FillPlaceholders):
    """Build every map and card list from all recipes. The message catalogue gets nothing:
    titles come from the translated recipes and sections."""

    def has_work(self, data: dict, shows: list[str]) -> bool:
        return "*" in shows

    def fill(self, docname: str) -> None:
        html = self.builder.format == "html"
        for placeholder in list(self.document.findall(recipe_map)):
            if self.builder.name == "gettext":
                placeholder.parent.remove(placeholder)
                continue
            build = _cards if placeholder["kind"] == "cards" else _map
            placeholder.replace_self(build(self.app, docname, html))


def visit_progress(self, node: recipe_map_progress) -> None:
    total = len(node["items"])
    attributes = {
        "data-recipe": node["recipe"],
        "data-items": " ".join(node["items"]),
        "data-msg-progress": _("{done} / {total} done"),
    }
    self.body.append(self.starttag(node, "span", "", CLASS="recipe-map-progress", **attributes))
    self.body.append(
        f'<span class="recipe-map-count">{self.encode(node.astext())}</span>'
        f'<progress max="{total}" value="0" aria-hidden="true"></progress></span>'
    )
    raise nodes.SkipNode


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Only pages with a map or cards load its stylesheet and script."""
    if "*" not in app.env.get_domain("recipe").data["shows"].get(pagename, ()):
        return  # a map shows every recipe, so only such pages can hold one: no walk elsewhere
    if doctree is not None and any(doctree.findall(recipe_map_progress)):
        app.add_css_file("recipe-map.css")
        app.add_js_file("recipe-map.js", type="module")


def setup(app: Sphinx) -> None:
    app.add_node(recipe_map)
    app.add_node(recipe_map_progress, html=(visit_progress, None))
    app.add_directive("recipe-map", RecipeMapDirective)
    app.add_directive("recipe-cards", RecipeMapDirective)
    FillMaps.connect(app)
    app.connect("html-page-context", add_page_assets)
