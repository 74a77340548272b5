"""The recipes overview (``recipe-list``): every recipe with its items and progress.

The directive leaves a placeholder; `FillOverview` replaces it while writing with a
summary of each recipe in reading order, built from the domain's `model.Recipe` data.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import nodes as rn
from .model import Recipe, anchor
from .warnings import warn

LISTS_KEY = "recipes_lists_on_page"


class RecipeListDirective(SphinxDirective):
    """Overview of every recipe with its items and progress."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        # a second overview on a page repeats every anchor; number its ids apart
        number = self.env.temp_data.get(LISTS_KEY, 0) + 1
        self.env.temp_data[LISTS_KEY] = number
        if number > 1:
            warn(
                f"recipe-list number {number} on this page: one overview per page is enough, "
                "and each repeats every tick box; remove the extra one",
                (self.env.docname, self.lineno),
                "duplicate",
            )
        placeholder = rn.recipe_list(number=number)
        self.set_source_info(placeholder)
        return [placeholder]


class FillOverview(rn.FillPlaceholders):
    """Replace each overview placeholder with every recipe and its items."""

    def has_work(self, data: dict, shows: list[str]) -> bool:
        return "*" in shows

    def fill(self, docname: str) -> None:
        placeholders = list(self.document.findall(rn.recipe_list))
        if not placeholders:
            return
        recipes = self.env.get_domain("recipe").ordered_recipes()
        for placeholder in placeholders:
            overview = nodes.container(classes=["recipe-overview"])
            overview += rn.recipe_progress()
            # a second overview on the page (already warned about) numbers its ids apart
            prefix = "overview" if placeholder.get("number", 1) == 1 else f"overview{placeholder['number']}"
            for recipe_doc, recipe in recipes:
                overview += self.summary(docname, recipe_doc, recipe, prefix)
            overview += rn.recipe_tools()
            placeholder.replace_self(overview)

    def summary(self, docname: str, recipe_doc: str, recipe: Recipe, prefix: str) -> rn.recipe:
        uri = self.builder.get_relative_uri(docname, recipe_doc) + "#" + anchor(recipe.id)
        node = rn.recipe(
            "",
            recipe_id=recipe.id,
            chapters=list(recipe.chapters),
            steps=list(recipe.steps),
            participants=list(recipe.participants),
            ids=[anchor(recipe.id, prefix=prefix)],
            classes=["recipe", "recipe-summary"],
            summary=True,
        )
        title = nodes.rubric(
            "", "", ids=[anchor(recipe.id, prefix=prefix) + "-title"], classes=["recipe-title"]
        )
        title += nodes.reference(recipe.title, recipe.title, refuri=uri, internal=True)
        node += title
        node += rn.recipe_progress(recipe=recipe.id)
        checklist = rn.recipe_checklist(classes=["recipe-checklist"])
        for item in recipe.items:
            checklist += rn.recipe_item(
                "",
                nodes.paragraph(item.text, item.text),
                item_id=item.id,
                revision=item.revision,
                ids=[anchor(recipe.id, item.id, prefix=prefix)],
                classes=["recipe-item"],
            )
        node += checklist
        return node


def setup(app: Sphinx) -> None:
    app.add_node(rn.recipe_list)
    app.add_directive("recipe-list", RecipeListDirective)
    FillOverview.connect(app)
