"""Scaffold a new recipe page: ``make new-recipe TITLE="Otsikko" [ID=tunniste]``.

Writes recipes/<ID>.md from tools/recipe_template.md with a fresh, valid ID (derived
from the title unless given), and adds the page to the recipes toctree. The new page
builds cleanly; its texts tell the author what to write where.
"""

import argparse
import datetime
import re
import sys
import unicodedata
from pathlib import Path

from recipes import markdown_reader
from recipes.ids import ID_RULE, is_valid_id

ROOT = Path(__file__).resolve().parents[1]

RECIPES = ROOT / "recipes"
TEMPLATE = Path(__file__).with_name("recipe_template.md")


def slug(title: str) -> str:
    """An ID from a title: ASCII letters, digits and hyphens, at most 40 characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    candidate = ""
    for word in words:
        longer = f"{candidate}-{word}" if candidate else word
        if len(longer) > 40:
            break
        candidate = longer
    if candidate and not candidate[0].isalpha():
        candidate = "r-" + candidate
    return candidate[:40].rstrip("-")


def taken_ids() -> set[str]:
    """File names, recipe IDs and retired IDs of the recipe pages, as MyST reads them."""
    ids = {path.stem for path in RECIPES.glob("*.md")}
    for path in RECIPES.glob("*.md"):
        for block in markdown_reader.read(path.read_text(encoding="utf-8")).directives:
            if block.name == "recipe":
                ids.add(block.argument)
                retired = block.options.get("retired", "").split(",")
                ids.update(part.strip() for part in retired if part.strip())
    return ids


def add_to_toctree(recipe_id: str) -> None:
    index = RECIPES / "index.md"
    text = index.read_text(encoding="utf-8")
    start = text.index(":::{toctree}")
    end = text.index("\n:::", start)
    index.write_text(text[:end] + f"\n{recipe_id}" + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("title", help="the recipe's title in Finnish")
    parser.add_argument("--id", help="the recipe ID (default: made from the title)")
    parser.add_argument("--chapters", default="vuoropuhelu", help="comma-separated chapter IDs")
    parser.add_argument("--steps", default="kokonaiskuva", help="comma-separated process step IDs")
    args = parser.parse_args(argv)
    recipe_id = args.id or slug(args.title)
    if not is_valid_id(recipe_id):
        print(
            f"new-recipe: {recipe_id!r} is not a valid ID ({ID_RULE}); give one with ID=...", file=sys.stderr
        )
        return 2
    if recipe_id in taken_ids():
        print(
            f"new-recipe: the ID {recipe_id!r} is already in use; give another with ID=...", file=sys.stderr
        )
        return 2
    chapters = [c.strip() for c in args.chapters.split(",") if c.strip()]
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    page = TEMPLATE.read_text(encoding="utf-8").format(
        id=recipe_id,
        title=args.title.strip(),
        chapters=", ".join(chapters),
        steps=", ".join(steps),
        first_chapter=chapters[0],
        first_step=steps[0],
        today=datetime.date.today().isoformat(),
    )
    target = RECIPES / f"{recipe_id}.md"
    target.write_text(page, encoding="utf-8")
    add_to_toctree(recipe_id)
    print(f"Created {target.relative_to(ROOT)} and added it to recipes/index.md. Preview: make live")
    return 0


if __name__ == "__main__":
    sys.exit(main())
