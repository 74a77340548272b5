"""Offline after one visit: a service worker per language.

After the HTML build, ``sw.js`` is written at the root of the language's output (its
scope is that language's pages only, /fi/, /sv/ ...) with the list of what it keeps: every
page of the language and every file those pages load (stylesheets, scripts, images, the
search index), plus the workshop PDF of the language when the publishing workflow has
put it beside the pages (``workshop_link.pdf_name``, and any ``offline_optional``: a local
build has no PDF, and a missing optional file never stops the rest from being kept).

The list's fingerprint is the worker's version: a published change to any listed file
changes ``sw.js``, so browsers install the new worker, which fetches everything again
and drops the old copy. Pages are network first (a reader online always gets the
published page, and the copy is refreshed); the other files are cache first. Progress is
in localStorage, which needs no network. ``static/offline.js`` registers the worker.
"""

import hashlib
import json
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from sphinx.application import Sphinx
from sphinx.util import logging
from workshop_link import pdf_name

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
WORKER = "sw.js"
REFERENCE = re.compile(r'<(?:link|script|img|source)\b[^>]*?\b(?:href|src)="([^"]+)"')


def local_references(page: Path, html: str, root: Path) -> set[str]:
    """The files under ``root`` that ``page`` loads, as paths relative to ``root`` (with
    their ?v= query, which is part of the address the page asks for)."""
    found = set()
    for address in REFERENCE.findall(html):
        parts = urlsplit(address.replace("&amp;", "&"))
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = (page.parent / unquote(parts.path)).resolve()
        if target.is_file() and target.is_relative_to(root):
            relative = target.relative_to(root).as_posix()
            found.add(relative + (f"?{parts.query}" if parts.query else ""))
    return found


def precache_list(outdir: Path) -> list[str]:
    """Every page of the build and every local file the pages load, sorted."""
    root = outdir.resolve()
    listed = {"./"}
    for page in sorted(root.rglob("*.html")):
        relative = page.relative_to(root)
        if relative.parts[0].startswith(("_", ".")):
            continue
        listed.add(relative.as_posix())
        listed |= local_references(page, page.read_text(encoding="utf-8"), root)
    return sorted(listed)


def fingerprint(outdir: Path, listed: list[str], optional: list[str]) -> str:
    digest = hashlib.sha256()
    for address in listed:
        path = PurePosixPath(address.split("?")[0])
        file = outdir / ("index.html" if address == "./" else path)
        digest.update(address.encode() + b"\0" + file.read_bytes())
    digest.update(json.dumps(optional).encode())
    return digest.hexdigest()[:16]


def write_worker(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: sw.js at the root of the language's pages."""
    if exception or app.builder.name != "html":
        return
    outdir = Path(app.outdir)
    listed = precache_list(outdir)
    optional = [pdf_name(), *app.config.offline_optional]  # the edition, where it is published
    template = (HERE / "sw.js.template").read_text(encoding="utf-8")
    worker = (
        template.replace("__VERSION__", fingerprint(outdir, listed, optional))
        .replace("__PRECACHE__", json.dumps(listed, indent=0))
        .replace("__OPTIONAL__", json.dumps(optional))
    )
    (outdir / WORKER).write_text(worker, encoding="utf-8")
    logger.info(f"offline: {WORKER} keeps {len(listed)} files")


def add_static(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(HERE / "static"))
        app.add_js_file("offline.js", defer="defer")


def setup(app: Sphinx) -> dict:
    app.add_config_value("offline_optional", [], "html", list)
    app.connect("builder-inited", add_static)
    app.connect("build-finished", write_worker, priority=900)  # after the theme rewrites pygments.css
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
