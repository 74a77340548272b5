"""Write the site's top-level index.html and 404.html for every language of the registry.

build/html/index.html sends readers to the first of their browser's languages the handbook
has (else to the source language) and lists every language; build/html/favicon.ico is the
site's icon for browsers that ask for it at the top of the site.
GitHub Pages answers every missing address with the 404.html at the top of the published
folder, whatever the depth of the address, so that page's links are absolute paths under
the published base URL (tools.languages.site_url, as in conf.py) and its
styles are inline. Its words are those of each language's handbook-ui.po.

Usage: python tools/root_pages.py build/html
"""

import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

import jinja2

from tools.languages import Language, registry, site_url, source_language, translator

TEMPLATES = Path(__file__).parent
FAVICON = TEMPLATES.parent / "_static" / "favicon.ico"


def site_path() -> str:
    """The path part of the published base URL, e.g. ``/reseptikirja/``."""
    path = urlparse(site_url()).path or "/"
    return path if path.endswith("/") else path + "/"


def not_found_section(language: Language) -> dict[str, str]:
    _ = translator(language, "handbook-ui")
    return {
        "code": language.code,
        "heading": "h1" if language.source else "h2",
        "title": _("Sivua ei löytynyt"),
        "text": _("Tässä osoitteessa ei ole sivua. Se on ehkä siirretty tai nimetty uudelleen."),
        "home": _("Kumppanuuden reseptikirjan etusivulle"),
        "label": _("Hae käsikirjasta"),
        "button": _("Hae"),
    }


def render(template: str, languages: dict[str, Language], root: str) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True
    )
    # The source language's section comes first and is the page's main heading.
    ordered = sorted(languages.values(), key=lambda language: not language.source)
    return environment.get_template(template).render(
        source=source_language(languages),
        languages=list(languages.values()),
        sections=[not_found_section(language) for language in ordered],
        root=root,
    )


def index_page(languages: dict[str, Language]) -> str:
    return render("root-index.html.j2", languages, root="")


def not_found_page(languages: dict[str, Language], root: str) -> str:
    """The 404 page for a site published under the path ``root`` (e.g. ``/reseptikirja/``)."""
    return render("root-404.html.j2", languages, root=root)


def write(html_dir: Path, languages: dict[str, Language] | None = None) -> None:
    """index.html and 404.html into ``html_dir``, the folder holding one folder per language."""
    languages = languages or registry()
    (html_dir / "index.html").write_text(index_page(languages), encoding="utf-8")
    (html_dir / "404.html").write_text(not_found_page(languages, site_path()), encoding="utf-8")
    shutil.copyfile(FAVICON, html_dir / "favicon.ico")


if __name__ == "__main__":
    write(Path(sys.argv[1]))
