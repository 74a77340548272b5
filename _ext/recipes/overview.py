"""The recipes overview (``recipe-list``) and the handbook order of recipes."""

import hashlib
import json

from docutils import nodes
from sphinx.environment import BuildEnvironment

from . import nodes as rn
from .directives import local_date


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


def ordered_recipes(env: BuildEnvironment) -> list[tuple[str, dict]]:
    position = {docname: i for i, docname in enumerate(reading_order(env))}
    recipes = env.get_domain("recipe").all_recipes()
    return sorted(recipes, key=lambda pair: (position.get(pair[0], len(position)), pair[1]["line"]))


PAGE_BUILDERS = ("html", "dirhtml")  # one doctree per page; singlehtml and LaTeX join them


def fill_placeholders(app, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: fill overviews, changelogs and versions from all documents."""
    if app.builder.name in PAGE_BUILDERS and docname not in app.env.get_domain("recipe").data["shows"]:
        return  # most pages hold no placeholder: spare three walks through their doctree
    fill_versions(app, doctree)
    for placeholder in list(doctree.findall(rn.recipe_changelog)):
        placeholder.replace_self(_changelog(app, docname))
    fill_lists(app, doctree, docname)


def fill_versions(app, doctree: nodes.document) -> None:
    domain = app.env.get_domain("recipe")
    for placeholder in list(doctree.findall(rn.recipe_version)):
        changes = domain.changes(placeholder["recipe"])
        if changes:
            latest = changes[0]
            shown = f"{latest['version']} ({local_date(latest['date'], app.config.language)})"
            placeholder.replace_self(nodes.Text(shown))
        else:
            field = placeholder.parent
            while not isinstance(field, nodes.field):  # no history: drop the whole "Version" field
                field = field.parent
            field.parent.remove(field)


def _changelog(app, docname: str) -> nodes.Node:
    domain = app.env.get_domain("recipe")
    entries = []
    for position, (recipe_doc, recipe) in enumerate(ordered_recipes(app.env)):
        for change in domain.changes(recipe["id"]):
            entries.append((change["date"], -position, recipe_doc, recipe, change))
    listing = nodes.bullet_list(classes=["recipe-changelog"])
    for day, _position, recipe_doc, recipe, change in sorted(entries, key=lambda e: e[:2], reverse=True):
        uri = app.builder.get_relative_uri(docname, recipe_doc) + f"#recipe-{recipe['id']}"
        paragraph = nodes.paragraph()
        paragraph += nodes.strong("", local_date(day, app.config.language))
        paragraph += nodes.Text(" – ")
        paragraph += nodes.reference("", recipe["title"], refuri=uri, internal=True)
        paragraph += nodes.Text(f" {change['version']}: {change['text']}")
        listing += nodes.list_item("", paragraph)
    return listing


def fill_lists(app, doctree: nodes.document, docname: str) -> None:
    """Replace each overview placeholder with every recipe and its items."""
    placeholders = list(doctree.findall(rn.recipe_list))
    if not placeholders:
        return
    builder = app.builder
    for placeholder in placeholders:
        overview = nodes.container(classes=["recipe-overview"])
        overview += rn.recipe_progress()
        # a second overview on the page (already warned about) numbers its ids apart
        prefix = "overview" if placeholder.get("number", 1) == 1 else f"overview{placeholder['number']}"
        for recipe_doc, recipe in ordered_recipes(app.env):
            overview += _summary(builder, docname, recipe_doc, recipe, prefix)
        overview += rn.recipe_tools()
        placeholder.replace_self(overview)


def _summary(builder, docname: str, recipe_doc: str, recipe: dict, prefix: str) -> rn.recipe:
    recipe_id = recipe["id"]
    uri = builder.get_relative_uri(docname, recipe_doc) + f"#recipe-{recipe_id}"
    node = rn.recipe(
        "",
        recipe_id=recipe_id,
        chapters=recipe["chapters"],
        steps=recipe["steps"],
        participants=recipe["participants"],
        ids=[f"{prefix}-{recipe_id}"],
        classes=["recipe", "recipe-summary"],
    )
    title = nodes.rubric("", "", ids=[f"{prefix}-{recipe_id}-title"], classes=["recipe-title"])
    title += nodes.reference(recipe["title"], recipe["title"], refuri=uri, internal=True)
    node += title
    node += rn.recipe_progress(recipe=recipe_id)
    checklist = rn.recipe_checklist(classes=["recipe-checklist"])
    for item in recipe["items"]:
        label = rn.recipe_item_label(item["text"], item["text"])
        checklist += rn.recipe_item(
            "",
            label,
            item_id=item["id"],
            ids=[f"{prefix}-{recipe_id}--{item['id']}"],
            classes=["recipe-item"],
        )
    node += checklist
    return node


def recipe_digests(env: BuildEnvironment) -> dict[str, str]:
    """A fingerprint of what other pages show of each recipe: its page, title, metadata,
    items and history, without line numbers (a line added above a recipe changes no page).
    Under "*" the reading order of all recipes, which overviews and the changelog follow."""
    domain = env.get_domain("recipe")
    digests = {}
    for docname, recipe in domain.all_recipes():
        shown = {key: value for key, value in recipe.items() if key != "line"}
        shown["items"] = [{"id": item["id"], "text": item["text"]} for item in recipe["items"]]
        shown["changes"] = [{k: v for k, v in c.items() if k != "line"} for c in domain.changes(recipe["id"])]
        digests[recipe["id"]] = _fingerprint([docname, shown])
    digests["*"] = _fingerprint([recipe["id"] for _doc, recipe in ordered_recipes(env)])
    return digests


def _fingerprint(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def pages_to_rewrite(app, env: BuildEnvironment) -> list[str]:
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
