"""``recipes.json``: the machine-readable catalogue of every recipe and item.

Written after each HTML build from the environment alone; deterministic (sorted keys,
no timestamps). Its JSON Schema is ``schemas/recipes.schema.json``.
"""

import json
from pathlib import Path

from sphinx.application import Sphinx

from .model import anchor

SCHEMA_PATH = Path(__file__).parent / "schemas" / "recipes.schema.json"
FILENAME = "recipes.json"


def chapter_entries(env, config) -> list[dict]:
    """The configured chapters with their titles in the language being built (print needs them)."""
    return [
        {"id": chapter, "docname": docname, "title": env.titles[docname].astext()}
        for chapter, docname in config.recipes_chapters.items()
        if docname in env.titles
    ]


def section_entries(env, sections: dict[str, str]) -> list[dict]:
    """Configured IDs with the labelled sections they name, titled in the language being built."""
    labels = env.get_domain("std").labels
    return [
        {"id": key, "docname": labels[label][0], "anchor": labels[label][1], "title": labels[label][2]}
        for key, label in sections.items()
        if label in labels
    ]


def catalogue(app: Sphinx) -> dict:
    env, builder, config = app.env, app.builder, app.config
    domain = env.get_domain("recipe")
    recipes = []
    for docname, recipe in domain.ordered_recipes():
        page = builder.get_target_uri(docname)
        changes = domain.changes(recipe.id)
        recipes.append(
            recipe.as_json(sources=True)
            | {
                "source": env.doc2path(docname, False).as_posix(),
                "url": f"{page}#{anchor(recipe.id)}",
                "version": changes[0].version if changes else None,
                "changes": [change.as_json() for change in changes],
            }
        )
    return {
        "schema_version": 3,
        "handbook": {
            "title": config.project,
            "version": config.release,
            "language": config.language,
            "storage_namespace": config.recipes_storage_namespace,
            # the published address and the titles of chapters, steps and parts
            "base_url": getattr(config, "html_baseurl", "") or "",
            "chapters": chapter_entries(env, config),
            "process_steps": [step.as_json() for step in domain.process_steps() if step.docname],
            "booklet_parts": section_entries(env, config.recipes_booklet_parts),
        },
        "recipes": recipes,
    }


def html_safe(text: str) -> str:
    """Escape <, > and & inside the JSON strings (the only place JSON can hold them), so the
    file stays inert even where it is pasted into a page; parsers read the same text."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def write_catalogue(app: Sphinx, exception: Exception | None) -> None:
    # the site's builds only: the workshop edition writes HTML for print, not for readers
    if exception is not None or app.builder.format != "html" or app.builder.name == "workshop":
        return
    # compact: the indenting encoder is pure Python, five times slower at 1000 recipes
    text = json.dumps(catalogue(app), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = html_safe(text) + "\n"
    (Path(app.outdir) / FILENAME).write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", write_catalogue)
