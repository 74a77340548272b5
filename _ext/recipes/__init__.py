"""Recipe checklists for Sphinx.

A ``recipe`` block (MyST colon fence) declares a recipe with a stable ID and metadata;
its bullets, each starting with ``{item}`id```, become tickable checklist items. The
``{recipe}`` role links to a recipe or item, ``recipe-list`` shows them all with progress,
and every HTML build writes ``recipes.json``. See CONTRIBUTING.md for the syntax.
"""

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

from . import followup, html, nodes, origin, plan, suggest
from .catalogue import write_catalogue
from .directives import (
    RecipeChangelogDirective,
    RecipeChangesDirective,
    RecipeDirective,
    RecipeListDirective,
    item_role,
)
from .domain import RecipeDomain, RecipeRefRole
from .encoding import check_encodings
from .fallback import to_core_nodes
from .fences import close_unclosed_fences
from .i18n import CATALOG, LOCALE_DIR, compile_catalogs
from .ids import ID_RULE, is_valid_id
from .overview import fill_placeholders, pages_to_rewrite
from .warnings import warn

__version__ = "1.0.0"
STATIC = Path(__file__).parent / "static"


def check_config(app: Sphinx, config) -> None:
    namespace = config.recipes_storage_namespace
    if not is_valid_id(namespace):
        raise ConfigError(f"recipes_storage_namespace must be set and use {ID_RULE}; got {namespace!r}")
    for name in ("recipes_chapters", "recipes_process_steps", "recipes_booklet_parts"):
        for key, value in getattr(config, name).items():
            if not (isinstance(key, str) and is_valid_id(key)):
                raise ConfigError(f"{name}: key {key!r} is not a valid ID ({ID_RULE})")
            if not (isinstance(value, str) and value.strip()):
                raise ConfigError(f"{name}[{key!r}] must be a non-empty string")


def check_consistency(app: Sphinx, env) -> None:
    """env-check-consistency: configured chapters exist; recipe IDs and histories agree."""
    for chapter, docname in sorted(app.config.recipes_chapters.items()):
        if docname not in env.found_docs:
            warn(f"recipes_chapters[{chapter!r}] names {docname!r}, which is not a document", None, "chapter")
    domain = env.get_domain("recipe")
    domain.check_duplicates()
    domain.check_changes()


def add_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("recipes.css")
    app.add_js_file("recipes.js", loading_method="defer")


def add_namespace_meta(app: Sphinx, pagename, templatename, context, doctree) -> None:
    namespace = app.config.recipes_storage_namespace
    context["metatags"] = context.get("metatags", "") + (
        f'\n<meta name="recipes-namespace" content="{namespace}">'
    )


def resolve_recipes(app: Sphinx, doctree, docname: str) -> None:
    """doctree-resolved: fill the overviews; writers other than HTML get core nodes
    (gettext writes no nodes, and needs the labels it extracts messages from)."""
    fill_placeholders(app, doctree, docname)
    if app.builder.format != "html" and app.builder.name != "gettext":
        to_core_nodes(doctree, app.builder.format)


def setup(app: Sphinx) -> dict:
    app.add_config_value("recipes_storage_namespace", "", "html", types=[str])
    app.add_config_value("recipes_chapters", {}, "env", types=[dict])
    app.add_config_value("recipes_process_steps", {}, "env", types=[dict])
    app.connect("config-inited", check_config)
    suggest.setup(app)

    compile_catalogs()
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))

    for name, visitors in html.VISITORS.items():
        app.add_node(getattr(nodes, name), html=visitors)
    app.add_node(nodes.recipe_list)
    app.add_node(nodes.recipe_changelog)
    app.add_node(nodes.recipe_version)
    app.add_node(nodes.recipe_item_marker)
    app.add_directive("recipe", RecipeDirective)
    app.add_directive("recipe-list", RecipeListDirective)
    app.add_directive("recipe-changes", RecipeChangesDirective)
    app.add_directive("recipe-changelog", RecipeChangelogDirective)
    app.add_role("item", item_role)
    app.add_role("recipe", RecipeRefRole())
    app.add_domain(RecipeDomain)
    origin.setup(app)

    plan.setup(app)
    followup.setup(app)
    app.connect("builder-inited", add_assets)
    app.connect("env-before-read-docs", check_encodings)
    app.connect("source-read", close_unclosed_fences)
    app.connect("html-page-context", add_namespace_meta)
    app.connect("doctree-resolved", resolve_recipes)
    app.connect("env-updated", pages_to_rewrite)
    app.connect("env-check-consistency", check_consistency)
    app.connect("build-finished", write_catalogue)
    return {
        "version": __version__,
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
