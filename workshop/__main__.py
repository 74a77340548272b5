"""Build the workshop edition: ``python -m workshop [--language CODE] [--recipes-only]
[--only ID,ID] [--out DIR]``.

Builds the handbook once with Sphinx's singlehtml builder into OUT/html (which also
writes the recipe catalogue ``recipes.json``), composes the print document from that
data and the templates, and renders it with WeasyPrint into OUT/<file>.pdf. The
languages are those of the registry (tools/languages.py); the language defaults to
HANDBOOK_LANGUAGE, as for the site (the source language if unset).
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

from tools import sphinx_command
from tools.languages import LanguageError, registry, source_language

ROOT = Path(__file__).resolve().parents[1]


def fail(message: str) -> None:
    print(f"make workshop: {message}", file=sys.stderr)
    sys.exit(1)


def edition_date() -> datetime.date:
    """The date of the sources (SOURCE_DATE_EPOCH or the last commit), not of the build."""
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    result = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%cs"], capture_output=True, text=True
    )
    stamp = result.stdout.strip()
    return datetime.date.fromisoformat(stamp) if stamp else datetime.date.today()


def build_handbook(out: Path, language: str) -> Path:
    """The handbook as one HTML page (plain markup, `-t workshop`) with its recipes.json."""
    html_dir = out / "html"
    if sphinx_command.run("singlehtml", html_dir, language, tags=["workshop"], quiet=True).returncode:
        fail("the handbook did not build; fix the warnings above")
    return html_dir


def arguments() -> argparse.Namespace:
    languages = registry()
    parser = argparse.ArgumentParser(prog="python -m workshop", description=__doc__.splitlines()[0])
    default = os.environ.get("HANDBOOK_LANGUAGE", source_language(languages).code)
    parser.add_argument("--language", choices=list(languages), default=default)
    parser.add_argument("--recipes-only", action="store_true", help="only the recipe worksheets")
    parser.add_argument(
        "--only",
        type=lambda text: tuple(part.strip() for part in text.split(",") if part.strip()),
        default=(),
        metavar="ID,ID",
        help="only these recipes (with --recipes-only: a preview of changed recipes)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "workshop")
    args = parser.parse_args()
    if args.language not in languages:
        parser.error(f"HANDBOOK_LANGUAGE must be one of {', '.join(languages)}, not {args.language!r}")
    return args


def main() -> None:
    args = arguments()
    try:
        from . import render
    except (ImportError, OSError) as error:
        fail(
            f"the PDF engine WeasyPrint is not usable ({error}). Run `make workshop` again after "
            "`make venv`; on Debian also `apt-get install -y libpango-1.0-0 libpangoft2-1.0-0`."
        )
    from .compose import Composer, Edition
    from .hyphenation import VoikkoMissing, finnish
    from .labels import labels

    try:
        words = labels(args.language)  # before the build: a missing label stops at once
    except LanguageError as error:
        fail(str(error))
    if words["hyphenation"] == "fi":
        try:
            finnish()
        except VoikkoMissing as error:
            fail(str(error))
    html_dir = build_handbook(args.out, args.language)
    catalogue = json.loads((html_dir / "recipes.json").read_text(encoding="utf-8"))
    edition = Edition(args.language, edition_date(), args.recipes_only, args.only)
    try:
        composer = Composer(catalogue, html_dir / "index.html", edition)
    except LookupError as error:
        fail(str(error))
    document = render.settle(composer.compose, composer.rows(), composer.prose_parts(), html_dir)
    target = args.out / edition.filename
    render.write(document, target)
    print(f"Workshop edition: {target}")


if __name__ == "__main__":
    main()
