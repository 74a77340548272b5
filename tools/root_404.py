"""Write the site's top-level 404.html from tools/root-404.html.

GitHub Pages answers every missing address with the 404.html at the top of the published
folder, whatever the depth of the address, so the page's links are absolute paths under
the published base URL (HANDBOOK_BASE_URL, as in conf.py, else pyproject.toml) and its
styles are inline.

Usage: python tools/root_404.py build/html/404.html
"""

import os
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]


def site_path() -> str:
    """The path part of the published base URL, e.g. ``/reseptikirja/``."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    base = os.environ.get("HANDBOOK_BASE_URL", pyproject["tool"]["handbook"]["base-url"])
    path = urlparse(base).path or "/"
    return path if path.endswith("/") else path + "/"


def render(root: str) -> str:
    return (ROOT / "tools" / "root-404.html").read_text(encoding="utf-8").replace("{root}", root)


def main() -> None:
    Path(sys.argv[1]).write_text(render(site_path()), encoding="utf-8")


if __name__ == "__main__":
    main()
