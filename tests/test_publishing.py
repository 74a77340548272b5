"""Publishing: edit links to the right source files, last-updated dates from Git,
sitemap, 404 page, OpenGraph, licences, and valid GitHub and Read the Docs files."""

import datetime
import json
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from tools import sphinx_command
from tools.languages import registry

from conftest import ROOT

SITEMAP, XHTML = "{http://www.sitemaps.org/schemas/sitemap/0.9}", "{http://www.w3.org/1999/xhtml}"
REPOSITORY = "https://github.com/kumppanuuden-reseptikirja/reseptikirja"


def pages(site: Path) -> list[str]:
    return [
        str(p.relative_to(ROOT).with_suffix(""))
        for p in [
            ROOT / "index.md",
            *sorted((ROOT / "docs").rglob("*.md")),
            *sorted((ROOT / "recipes").glob("*.md")),
        ]
    ]


def soup(site: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def test_edit_links_point_at_the_page_source(site):
    for docname in pages(site):
        link = soup(site, docname).select_one(".editthispage a")
        assert link is not None, docname
        assert link["href"] == f"{REPOSITORY}/edit/main/{docname}.md"
        assert (ROOT / f"{docname}.md").is_file()


def git_date(path: Path) -> str:
    stamp = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct", "--", str(path)], capture_output=True, text=True
    ).stdout.strip()
    if not stamp:
        return ""
    day = datetime.datetime.fromtimestamp(int(stamp), datetime.UTC).date()
    return f"{day.day}.{day.month}.{day.year}"


def test_last_updated_comes_from_git(site):
    checked = 0
    for docname in pages(site):
        expected = git_date(ROOT / f"{docname}.md")
        footer = soup(site, docname).select_one(".footer-item .last-updated, p.last-updated")
        if not expected:  # not committed yet: no date rather than the build date
            continue
        assert footer is not None, docname
        assert f"Päivitetty viimeksi {expected}." in footer.get_text(" ", strip=True)
        checked += 1
    assert checked >= 10


def test_sitemap_404_and_sharing_metadata(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for docname in pages(site):
        assert f"/reseptikirja/fi/{docname}.html</loc>" in sitemap, docname
    assert "Sivua ei löytynyt" in (site / "404.html").read_text(encoding="utf-8")
    page = soup(site, "recipes/pyoreat-poydat")
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert og["og:url"].endswith("/reseptikirja/fi/recipes/pyoreat-poydat.html")
    assert og["og:title"] and og["og:description"] and og["og:locale"] == "fi_FI"


def test_sitemap_alternates_lead_to_each_language(site):
    """Each page's hreflang alternates in the sitemap are the same page in every language
    of the registry (they once all pointed to the Finnish page)."""
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    assert urls
    for url in urls:
        page = url.find(f"{SITEMAP}loc").text.split("/reseptikirja/fi/", 1)[1]
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert list(alternates) == list(registry()), page
        for code, href in alternates.items():
            assert href.endswith(f"/reseptikirja/{code}/{page}"), (page, code, href)


def test_licences_are_stated_in_files_and_footer(site):
    assert "MIT License" in (ROOT / "LICENSES" / "MIT.txt").read_text()
    assert "Attribution 4.0 International" in (ROOT / "LICENSES" / "CC-BY-4.0.txt").read_text()
    footer = soup(site, "index").select_one("footer.bd-footer").get_text(" ")
    assert "CC BY 4.0" in footer and "MIT" in footer


def test_workflow_builds_tests_and_publishes():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text())
    assert set(workflow[True]) >= {"pull_request", "push"}  # YAML reads the key `on` as True
    jobs = workflow["jobs"]
    assert set(jobs) == {"test", "deploy", "recipes"}  # recipes: the recipe diff on pull requests
    commands = " ".join(step.get("run", "") for step in jobs["test"]["steps"])
    for command in (".ci/run", "make html", "make workshop"):
        assert command in commands
    # one way to run: the workflow runs CI's own script, and the recipe job its install step
    assert "apt-get" not in json.dumps(workflow)
    assert any(step.get("run") == ".ci/install" for step in jobs["recipes"]["steps"])
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").split("\n")
    assert [line for line in ci if line and not line.startswith(("#", "set ", "cd "))] == [
        ".ci/install",
        "make lint",
        "make test",
    ]
    uses = [step.get("uses", "") for step in jobs["test"]["steps"] + jobs["deploy"]["steps"]]
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert jobs["deploy"]["needs"] == "test"


@pytest.mark.parametrize("form", ["reseptiehdotus.yml", "virheilmoitus.yml"])
def test_issue_forms_are_valid(form):
    data = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / form).read_text())
    assert data["name"] and data["description"] and data["body"]
    for field in data["body"]:
        assert field["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if field["type"] != "markdown":
            assert field["id"] and field["attributes"]["label"]


def test_pull_request_template_has_a_recipe_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text()
    assert text.count("- [ ]") >= 5 and "tunniste" in text


def test_read_the_docs_and_pre_commit_configs():
    rtd = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())
    assert rtd["version"] == 2 and rtd["sphinx"]["configuration"] == "conf.py"
    # the strict command line of make html (tools/sphinx_command.py adds -W), into RTD's folder
    (html,) = rtd["build"]["jobs"]["build"]["html"]
    assert html.startswith("python tools/sphinx_command.py html ") and "$READTHEDOCS_OUTPUT/html" in html
    assert {"method": "pip", "path": "."} in rtd["python"]["install"]  # the extensions' package
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    ids = {hook["id"] for repo in hooks["repos"] for hook in repo["hooks"]}
    assert {"ruff", "ruff-format", "myst-lint"} <= ids


def test_make_live_runs_the_same_command_line_under_autobuild():
    live = subprocess.run(["make", "-n", "live"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "tools/sphinx_command.py html --live " in live and "sphinx-autobuild" not in live
    line = sphinx_command.command("html", ROOT / "out", ROOT / "doctrees", live=True)
    assert line[1:3] == ["-m", "sphinx_autobuild"]
    assert line[3:] == sphinx_command.command("html", ROOT / "out", ROOT / "doctrees")[3:]
