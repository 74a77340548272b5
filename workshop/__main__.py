"""Build the workshop edition: ``python -m workshop [--recipes-only] [--out DIR]``.

Builds the handbook once with Sphinx's singlehtml builder into OUT/html, composes the
print document and renders it with WeasyPrint into OUT/*.pdf. The language is the
handbook's (HANDBOOK_LANGUAGE: fi, sv or en; Finnish by default).
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from .compose import Composer, Edition

ROOT = Path(__file__).resolve().parents[1]
STYLESHEET = Path(__file__).with_name("print.css")
FILENAMES = {
    False: "kumppanuuden-reseptikirja-tyopajaversio.pdf",
    True: "kumppanuuden-reseptikirja-reseptit.pdf",
}


def fail(message: str) -> None:
    print(f"make workshop: {message}", file=sys.stderr)
    sys.exit(1)


def edition_date() -> str:
    """The date of the sources (SOURCE_DATE_EPOCH or the last commit), not of the build."""
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        day = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    else:
        result = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%cs"], capture_output=True, text=True
        )
        stamp = result.stdout.strip()
        day = datetime.date.fromisoformat(stamp) if stamp else datetime.date.today()
    return f"{day.day}.{day.month}.{day.year}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipes-only", action="store_true", help="only the eight recipe worksheets")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "workshop")
    args = parser.parse_args()
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        fail(
            f"the PDF engine WeasyPrint is not usable ({error}). Run `make workshop` again after "
            "`make venv`; on Debian also `apt-get install -y libpango-1.0-0 libpangoft2-1.0-0`."
        )
    from .hyphenation import VoikkoMissing, finnish

    try:
        finnish()
    except VoikkoMissing as error:
        fail(str(error))

    html_dir = args.out / "html"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "singlehtml",
            "-q",
            "-W",
            "--keep-going",
            "-n",
            "-t",
            "workshop",
            "-d",
            str(args.out / "doctrees"),
            str(ROOT),
            str(html_dir),
        ]
    )
    if build.returncode:
        fail("the handbook did not build; fix the warnings above")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    handbook = json.loads((html_dir / "recipes.json").read_text(encoding="utf-8"))["handbook"]
    language = handbook["language"]
    edition = Edition(
        title=handbook["title"],
        version=handbook["version"],
        date=edition_date(),
        base_url=f"{project['tool']['handbook']['base-url']}{language}/",
        language=language,
        recipes_only=args.recipes_only,
    )
    composer = Composer(html_dir / "index.html", html_dir / "recipes.json", edition)
    document = composer.compose(STYLESHEET.read_text(encoding="utf-8"))
    name = FILENAMES[args.recipes_only]
    (html_dir / name.replace(".pdf", ".html")).write_text(document, encoding="utf-8")
    target = args.out / name
    HTML(string=document, base_url=str(html_dir) + "/").write_pdf(target)
    print(f"Workshop edition: {target}")


if __name__ == "__main__":
    main()
