"""A page a ministry can cite: every page of every language ends with "Viittaa tähän
sivuun" giving the page title, the handbook, the release version and date and an address
under /v/<version>/<language>/ that the release workflow keeps published; the footer shows
the version; CITATION.cff is valid CFF 1.2.0 and names the same release."""

import tomllib
from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
RELEASED = date.fromisoformat(PYPROJECT["tool"]["handbook"]["release-date"])
BASE = PYPROJECT["tool"]["handbook"]["base-url"]
HEADINGS = {"fi": "Viittaa tähän sivuun", "sv": "Hänvisa till den här sidan", "en": "Cite this page"}
SKIPPED = {"search", "genindex", "404"}
# The CFF 1.2.0 keys a citation file must have (https://citation-file-format.github.io).
CFF_REQUIRED = {"cff-version", "message", "title", "authors"}


def pages(site):
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).with_suffix("").as_posix()
        if name not in SKIPPED and not name.startswith("_"):
            yield name, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def check_every_page(site, language):
    checked = 0
    for name, html in pages(site):
        blocks = html.select("article.bd-article .cite-page")
        assert len(blocks) == 1, name
        block = blocks[0]
        assert block.select_one(".rubric").get_text(strip=True) == HEADINGS[language], name
        text = " ".join(block.get_text(" ").split())
        title = html.select_one("article.bd-article h1").get_text(strip=True).rstrip("#")
        assert title in text and f" {VERSION} " in text, (name, text)
        address = block.select_one("a.cite-page-address")["href"]
        assert address == f"{BASE}v/{VERSION}/{language}/{name}.html", (name, address)
        # the citation is the last block of the page's content
        assert html.select("article.bd-article .docutils.container")[-1] is block, name
        footer = html.select_one(".handbook-version")
        assert footer is not None and footer.get_text(" ", strip=True).endswith(VERSION), name
        checked += 1
    assert checked > 20
    return checked


@pytest.mark.parametrize(
    "language", ["fi", *(pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en"))]
)
def test_every_page_ends_with_its_citation(sites, language):
    check_every_page(sites(language), language)


def test_citation_gives_the_release_date(site):
    html = BeautifulSoup((site / "docs/maaritelma.html").read_text(encoding="utf-8"), "html.parser")
    text = html.select_one(".cite-page").get_text(" ")
    assert f"{RELEASED.day}.{RELEASED.month}.{RELEASED.year}" in text
    assert "Kumppanuuden reseptikirja -projekti" in text  # the publisher


def test_citation_file_is_valid_cff_and_names_this_release():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert CFF_REQUIRED <= cff.keys()
    assert cff["cff-version"] == "1.2.0"
    assert cff["authors"] and all("name" in a or "family-names" in a for a in cff["authors"])
    assert str(cff["version"]) == VERSION
    released = cff["date-released"]
    assert (released if isinstance(released, date) else date.fromisoformat(released)) == RELEASED
    assert set(cff["license"]) == {"CC-BY-4.0", "MIT"}
    assert cff["url"] == f"{BASE}v/{VERSION}/fi/index.html"


def test_release_workflow_keeps_each_version_reachable():
    release = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8"))
    triggers = release.get("on", release.get(True))  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["tags"] == ["v*"]
    steps = "\n".join(str(step.get("run", "")) for step in release["jobs"]["release"]["steps"])
    assert "archive/v/$VERSION/" in steps and "pdf" in steps and "git push origin HEAD:versions" in steps
    assert "make html" in steps and "make workshop" in steps and "gh release create" in steps
    assert 'test "v$version" = "${GITHUB_REF_NAME}"' in steps  # the tag is the pyproject version
    site = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    deploy = "\n".join(str(step.get("run", "")) for step in site["jobs"]["test"]["steps"])
    assert "git archive FETCH_HEAD v | tar -x -C build/html" in deploy
