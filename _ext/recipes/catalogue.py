"""``recipes.json``: the machine-readable catalogue of every recipe and item.

Written after each HTML build from the environment alone; deterministic (sorted keys,
no timestamps). Its JSON Schema is ``schemas/recipes.schema.json``.
"""

import json
from pathlib import Path

from .overview import ordered_recipes

SCHEMA_PATH = Path(__file__).parent / "schemas" / "recipes.schema.json"
FILENAME = "recipes.json"


def catalogue(app) -> dict:
    env, builder, config = app.env, app.builder, app.config
    domain = env.get_domain("recipe")
    recipes = []
    for docname, recipe in ordered_recipes(env):
        page = builder.get_target_uri(docname)
        recipes.append(
            {
                "id": recipe["id"],
                "title": recipe["title"],
                "source": env.doc2path(docname, False).as_posix(),
                "line": recipe["line"],
                "url": f"{page}#recipe-{recipe['id']}",
                "chapters": recipe["chapters"],
                "steps": recipe["steps"],
                "participants": recipe["participants"],
                "retired": recipe["retired"],
                "version": changes[0]["version"] if (changes := domain.changes(recipe["id"])) else None,
                "changes": [{"version": c["version"], "date": c["date"], "text": c["text"]} for c in changes],
                "items": [
                    {"id": item["id"], "text": item["text"], "line": item["line"]} for item in recipe["items"]
                ],
            }
        )
    return {
        "schema_version": 1,
        "handbook": {
            "title": config.project,
            "version": config.release,
            "language": config.language,
            "storage_namespace": config.recipes_storage_namespace,
        },
        "recipes": recipes,
    }


def html_safe(text: str) -> str:
    """Escape <, > and & inside the JSON strings (the only place JSON can hold them), so the
    file stays inert even where it is pasted into a page; parsers read the same text."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def write_catalogue(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    text = html_safe(json.dumps(catalogue(app), ensure_ascii=False, indent=2, sort_keys=True)) + "\n"
    (Path(app.outdir) / FILENAME).write_text(text, encoding="utf-8")
