"""``_static/recipes-known.js``: every recipe's item IDs, which `static/recipes.js` loads
only when a reader imports a progress file, to count the items this handbook does not
have. As a page attribute they grew every checklist page by the size of the whole handbook.
"""

import json
from pathlib import Path

from sphinx.application import Sphinx

KNOWN_IDS = "recipes-known.js"


def write_known_ids(app: Sphinx, exception) -> None:
    """build-finished: every recipe's item IDs, for imports to count the unknown ones."""
    if exception is not None or app.builder.format != "html":
        return
    known = {recipe.id: recipe.item_ids() for _doc, recipe in app.env.get_domain("recipe").all_recipes()}
    text = f"window.RecipeKnownIds = {json.dumps(known, sort_keys=True, separators=(',', ':'))};\n"
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / KNOWN_IDS).write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", write_known_ids)
