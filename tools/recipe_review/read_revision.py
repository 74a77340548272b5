"""``python -m tools.recipe_review.read_revision SRCDIR``: the recipe catalogue of one Sphinx
project, printed as JSON ``{"catalogue": …, "warnings": […]}``.

Each revision is read in a process of its own. A revision's ``conf.py`` imports modules
from its own tree (``tools.languages`` reads that tree's ``pyproject.toml``); in a shared
process Python would keep those modules, and reading the next revision would use the first
one's, from a folder that is already deleted.
"""

import io
import json
import sys
import tempfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.console import strip_colors

from recipes.catalogue import catalogue

EXTENSIONS = "myst_parser,sphinx_design,recipes"


def read(srcdir: Path) -> dict:
    """The catalogue of the project in ``srcdir`` and the extension's warnings
    (``file:line: WARNING: ... [recipe.x]``): what they concern is not in the catalogue."""
    with tempfile.TemporaryDirectory(prefix="recipe-review-") as out:
        log = io.StringIO()
        app = Sphinx(
            str(srcdir),
            str(srcdir),
            out,
            str(Path(out) / "doctrees"),
            "dummy",
            confoverrides={"extensions": EXTENSIONS},
            status=None,
            warning=log,
            freshenv=True,
        )
        app.build()
        warnings = [
            strip_colors(line).replace(f"{srcdir}/", "")
            for line in log.getvalue().splitlines()
            if "[recipe." in line
        ]
        return {"catalogue": catalogue(app), "warnings": warnings}


def main(argv: list[str]) -> int:
    try:
        result = read(Path(argv[0]))
    except Exception as error:  # any Sphinx failure: a message for the caller, not a traceback
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
