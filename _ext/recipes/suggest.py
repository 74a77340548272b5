"""Suggestion links ("Suggest an improvement") on every recipe and checklist item.

Each link opens the repository's recipe-proposal issue form (``recipes_suggest_form``,
for example ``https://github.com/o/r/issues/new?template=reseptiehdotus.yml``) with the
recipe ID, item ID, current text, page address and handbook version filled in. A plain
link: it works without JavaScript and the page itself sends nothing anywhere. The query
keys are the field IDs of the issue form, so the two must change together.
"""

from pathlib import Path
from urllib.parse import quote, urlencode

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

from . import nodes as rn
from .address import published_address
from .i18n import _

STATIC = Path(__file__).parent / "static"
CSS = "recipes-suggest.css"
# The issue form's title prefix; the query keys below are its field IDs
# (.github/ISSUE_TEMPLATE/reseptiehdotus.yml; tests/test_suggestion_links.py checks both).
TITLE_PREFIX = "Resepti: "


def suggestion_url(form: str, title: str, fields: dict[str, str]) -> str:
    """The issue form address with the issue title and the given fields prefilled."""
    query = urlencode({"title": TITLE_PREFIX + title, **fields}, quote_via=quote)
    return f"{form}{'&' if '?' in form else '?'}{query}"


def _page_url(translator, anchor: str) -> str:
    builder = translator.builder
    return published_address(builder.config, builder.current_docname, anchor)


def _link(translator, url: str, text: str) -> str:
    return f'<a class="recipe-suggest" href="{translator.attval(url)}">{translator.encode(text)}</a>'


def _form(translator, recipe: rn.recipe) -> str:
    """The configured form, or "" where no link belongs (overview summaries, no form)."""
    if recipe.get("summary"):
        return ""
    return translator.builder.config.recipes_suggest_form


def item_link(translator, item: rn.recipe_item) -> str:
    """The link after a checklist item's text ("" when links are off)."""
    recipe = item.parent
    while not isinstance(recipe, rn.recipe):
        recipe = recipe.parent
    form = _form(translator, recipe)
    if not form:
        return ""
    recipe_id, item_id = recipe["recipe_id"], item["item_id"]
    fields = {
        "resepti": recipe_id,
        "tyovaihe": item_id,
        "nykyinen": " ".join(item[0].astext().split()),
        "sivu": _page_url(translator, item["ids"][0]),
        "versio": translator.builder.config.release,
    }
    url = suggestion_url(form, f"{recipe_id}.{item_id}", fields)
    return " " + _link(translator, url, _("Suggest an improvement"))


def recipe_link(translator, recipe: rn.recipe) -> str:
    """The link at the end of a recipe block ("" when links are off)."""
    form = _form(translator, recipe)
    if not form:
        return ""
    fields = {
        "resepti": recipe["recipe_id"],
        "nykyinen": recipe[0].astext(),
        "sivu": _page_url(translator, recipe["ids"][0]),
        "versio": translator.builder.config.release,
    }
    url = suggestion_url(form, recipe["recipe_id"], fields)
    link = _link(translator, url, _("Suggest an improvement to this recipe"))
    return f'<p class="recipe-suggest-recipe">{link}</p>\n'


def check_form(app: Sphinx, config) -> None:
    form = config.recipes_suggest_form
    if form and not form.startswith(("https://", "http://")):
        raise ConfigError(f"recipes_suggest_form must be an http(s) address of an issue form, not {form!r}")


def add_stylesheet(app: Sphinx) -> None:
    if app.builder.format == "html" and app.config.recipes_suggest_form:
        app.add_css_file(CSS)


def setup(app: Sphinx) -> None:
    app.add_config_value("recipes_suggest_form", "", "html", types=[str])
    app.connect("config-inited", check_form)
    app.connect("builder-inited", add_stylesheet)
