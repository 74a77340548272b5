"""Adding a language is one registry entry plus its catalogues: in a copy of the project,
German (with the English catalogues as its text) joins the registry, and `make html` and
the workshop edition include it everywhere a language shows: the site, the switcher,
hreflang, the sitemap, the root index and 404 pages, dates and the PDF.

`make html` builds Finnish and German only (LANGUAGES on the command line), through the
same Makefile, sphinx_command and root_pages code as a full build; the workshop edition is
the one-worksheet preview."""

import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tools.languages import registry

from conftest import ROOT, built_once

pytestmark = pytest.mark.xdist_group("new-language")
IGNORE = shutil.ignore_patterns(".venv", "build", "tests", "benchmarks", ".*cache*", "__pycache__")
GERMAN = """
[tool.handbook.languages.de]
name = "Auf Deutsch"
project = "Das Partnerschaftskochbuch"
authors = "Die Autorinnen und Autoren des Partnerschaftskochbuchs"
licence = "Inhalt CC BY 4.0, Code MIT"
locale = "de_DE"
date = "d. MMMM y"
hyphenation = "de"
"""
MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def add_german(src: Path) -> None:
    """The registry entry and the catalogues, as CONTRIBUTING's "Kielen lisääminen" says."""
    with (src / "pyproject.toml").open("a", encoding="utf-8") as pyproject:
        pyproject.write(GERMAN)
    shutil.copytree(src / "locales" / "en", src / "locales" / "de")
    recipes_locale = src / "_ext" / "recipes" / "locale"
    shutil.copytree(recipes_locale / "en", recipes_locale / "de")


def copy_project(folder: Path) -> Path:
    src = Path(shutil.copytree(ROOT, folder / "src", ignore=IGNORE))
    (src / ".venv").symlink_to(ROOT / ".venv")  # the Makefile's own Python and Sphinx
    add_german(src)
    return src


def make_html(project: Path) -> None:
    result = subprocess.run(
        # -o: the copy uses this checkout's venv as it is (make would install the copy into it)
        ["make", "-o", ".venv/.installed", "html", "LANGUAGES=fi de", "SPHINXOPTS=-q"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def project(shared_root) -> Path:
    """The copy with German added and built, once per run whichever worker asks first."""
    folder = shared_root / "new-language"
    built_once(folder, lambda: make_html(copy_project(folder)))
    return folder / "src"


@pytest.fixture(scope="module")
def built(project) -> Path:
    return project / "build" / "html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_registry_of_the_copy_ends_with_german(project):
    assert list(registry(project / "pyproject.toml")) == ["fi", "sv", "en", "de"]


def test_german_site_with_its_lang_title_and_dates(built):
    page = soup(built / "de" / "recipes" / "pyoreat-poydat.html")
    assert page.html["lang"] == "de"
    assert "Das Partnerschaftskochbuch" in page.title.get_text()
    assert page.find("meta", property="og:locale")["content"] == "de_DE"
    updated = page.select_one("footer .last-updated").get_text(" ", strip=True)
    assert re.search(rf"\b\d{{1,2}}\. ({MONTHS}) \d{{4}}\b", updated), updated


@pytest.mark.parametrize("language", ["fi", "de"])
def test_switcher_and_hreflang_offer_german(built, language):
    page = soup(built / language / "recipes" / "pyoreat-poydat.html")
    links = page.select_one("nav.language-switcher").select("a")  # the header's; the menu repeats it
    switcher = [(a["hreflang"], a["href"], a.get_text()) for a in links]
    assert [code for code, _href, _name in switcher] == ["fi", "sv", "en", "de"]
    assert ("de", "../../de/recipes/pyoreat-poydat.html", "Auf Deutsch") in switcher
    (current,) = (a for a in links if a.get("aria-current") == "page")
    assert current["hreflang"] == language
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}
    assert alternates["de"].endswith("/reseptikirja/de/recipes/pyoreat-poydat.html")


@pytest.mark.parametrize("language", ["fi", "de"])
def test_sitemap_lists_german_alternates(built, language):
    urls = ElementTree.parse(built / language / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    assert urls
    for url in urls:
        page = url.find(f"{SITEMAP}loc").text.split(f"/reseptikirja/{language}/", 1)[1]
        links = url.findall("{http://www.w3.org/1999/xhtml}link")
        german = [link.get("href") for link in links if link.get("hreflang") == "de"]
        assert german == [f"https://kumppanuuden-reseptikirja.github.io/reseptikirja/de/{page}"]


def test_root_index_and_404_offer_german(built):
    index = soup(built / "index.html")
    assert index.find("a", hreflang="de", href="de/index.html").get_text() == "Auf Deutsch"
    not_found = soup(built / "404.html")
    section = not_found.find("section", lang="de")
    assert section.find("a", hreflang="de")["href"] == "/reseptikirja/de/index.html"
    assert section.find("form")["action"] == "/reseptikirja/de/search.html"
    assert section.find("h2").get_text() == "Page not found"  # the copied English catalogue


def test_workshop_edition_in_german(project, built, tmp_path):
    """The builder reads the environment `make html` left in build/doctrees/de. The
    extension has no German catalogue: its words are its English msgids."""
    out = tmp_path / "workshop"
    command = [sys.executable, "tools/sphinx_command.py", "workshop", "--language", "de", "--out", str(out)]
    options = ["--", "-D", "recipes_workshop_variant=recipes", "-D", "recipes_workshop_only=missiot"]
    result = subprocess.run([*command, *options], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    pdf = PdfReader(out / "partnership-cookbook-recipes.pdf")
    assert str(pdf.trailer["/Root"]["/Lang"]) == "de"
    assert pdf.metadata.title == "Das Partnerschaftskochbuch – Recipes for the workshop"
