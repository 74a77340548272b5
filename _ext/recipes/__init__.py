"""Recipe checklists for Sphinx.

A ``recipe`` block (MyST colon fence) declares a recipe with a stable ID and metadata;
its bullets, each starting with ``{item}`id```, become tickable checklist items. The
``{recipe}`` role links to a recipe or item, ``recipe-list`` shows them all with progress,
and every HTML build writes ``recipes.json``. See CONTRIBUTING.md for the syntax and for
which module holds which feature; each has its own ``setup()``, called here.
"""

from sphinx.application import Sphinx

from . import (
    catalogue,
    checklist,
    config,
    domain,
    encoding,
    fallback,
    fences,
    followup,
    history,
    origin,
    overview,
    page_texts,
    recipe_map,
    scripts,
    suggest,
    workshop,
)
from .i18n import CATALOG, LOCALE_DIR, add_catalogs, catalogue_digest

__version__ = "1.0.0"

# In this order: handlers of one event run in the order they were connected, which
# decides the order of stylesheets and meta tags in every page.
FEATURES = (
    config,
    suggest,
    domain,
    origin,
    page_texts,
    followup,
    checklist,
    encoding,
    fences,
    history,
    overview,
    recipe_map,
)
# after the features: the fallback rewrites what they leave in the doctree
OUTPUTS = (fallback, catalogue, scripts, workshop)


def setup(app: Sphinx) -> dict:
    add_catalogs(app, CATALOG, LOCALE_DIR)
    # derived, not for conf.py: a changed UI string re-writes every page (see catalogue_digest)
    app.add_config_value("recipes_ui_catalogues", catalogue_digest(), "html", types=[str])
    for module in FEATURES + OUTPUTS:
        module.setup(app)
    return {
        "version": __version__,
        "env_version": 9,  # items carry the revision of their text
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
