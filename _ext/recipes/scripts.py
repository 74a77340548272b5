"""The checklist scripts as readers get them: lean ES modules whose imports name a version.

The sources in ``static/`` are written for people: JSDoc types (``// @ts-check``) and
explaining comments. Before an HTML build copies its static files, `write_scripts` writes
the lean form of each script into the build's own folder, which comes after ``static/`` in
``html_static_path``, so the lean one is what is copied and what Sphinx's ``?v=`` sums:

- without comments and indentation, which halves what a recipe page loads; the code itself
  is untouched (no renaming), so a browser error still points at readable code;
- each import of a sibling module (``"./progress.js"``) carries ``?v=`` and a digest of
  that module as served, so a changed module is never taken from a browser's or the
  offline copy's cache, and every importer asks for the same address: one instance.
"""

import hashlib
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

STATIC = Path(__file__).parent / "static"
SCRIPTS = ("progress.js", "recipes.js", "recipe-tools.js", "calendar.js", "followup.js", "recipe-map.js")
# a whole-line // comment; a block comment that starts a line; an inline /** ... */ type cast
LINE_COMMENT = re.compile(r"^\s*//.*$\n?", re.MULTILINE)
BLOCK_COMMENT = re.compile(r"^\s*/\*.*?\*/[ \t]*\n?", re.MULTILINE | re.DOTALL)
INLINE_DOC = re.compile(r"/\*\*(?:(?!\*/).)*\*/ ?")
INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
SIBLING = re.compile(r'(\bfrom\s*|\bimport\s*\(\s*)"\./([\w-]+\.js)"')  # static and dynamic imports
FOLDER = "recipes-scripts"  # under the doctree folder: build output, not source


def lean(source: str) -> str:
    """``source`` without its comments and indentation. The sources keep comments out of
    strings and regular expressions (tests/test_recipe_html.py checks that it still parses)."""
    for pattern in (BLOCK_COMMENT, LINE_COMMENT, INLINE_DOC, INDENT):
        source = pattern.sub("", source)
    return source


def served(sources: dict[str, str]) -> dict[str, str]:
    """Script name -> what is served: lean, each sibling import versioned by the digest of
    the sibling as served (so a change reaches every module that imports it, however deep)."""
    done: dict[str, str] = {}

    def serve(name: str, importers: tuple[str, ...]) -> str:
        if name in importers:
            circle = " -> ".join((*importers, name))
            raise ExtensionError(f"the scripts import each other in a circle: {circle}")
        if name not in done:

            def versioned(match: re.Match) -> str:
                if match[2] not in sources:
                    raise ExtensionError(f"{name} imports ./{match[2]}, which is not in scripts.SCRIPTS")
                digest = hashlib.sha256(serve(match[2], (*importers, name)).encode()).hexdigest()[:10]
                return f'{match[1]}"./{match[2]}?v={digest}"'

            done[name] = SIBLING.sub(versioned, lean(sources[name]))
        return done[name]

    return {name: serve(name, ()) for name in sources}


def write_scripts(app: Sphinx) -> None:
    """builder-inited, after the checklist added ``static/``: the served scripts, in a folder
    whose files replace the sources' when Sphinx copies the static files."""
    if app.builder.format != "html":
        return
    folder = Path(app.doctreedir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    sources = {name: (STATIC / name).read_text(encoding="utf-8") for name in SCRIPTS}
    for name, text in served(sources).items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    app.config.html_static_path.append(str(folder))


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", write_scripts, priority=600)  # checklist.add_assets runs at 500
