"""Every internal link and anchor of the built site resolves; recipes.json agrees
with the pages. External links are left to `make linkcheck` (online)."""

import json
import tomllib
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import jsonschema
from bs4 import BeautifulSoup

from conftest import ROOT, ui_word

BASE_URL = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["handbook"]["base-url"]
SCHEMA = ROOT / "_ext" / "recipes" / "schemas" / "recipes.schema.json"


def parsed_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {
        str(p.relative_to(site)): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in sorted(site.rglob("*.html"))
        if "_static" not in p.parts
    }


# the Finnish workshop PDF, which a site build does not make
PUBLISHED_PDF = ui_word("fi", "partnership-cookbook-workshop-edition.pdf")


def test_internal_links_and_anchors_resolve(site):
    """The Finnish site as served at <root>/fi/; links into the other languages' folders
    are checked by test_languages. 404.html is served at any missing address, so its links
    are absolute from the published root."""
    root = {"404.html": urlparse(BASE_URL).path}
    pages = parsed_pages(site)
    ids = {name: {tag["id"] for tag in page.select("[id]")} for name, page in pages.items()}
    broken = []
    for name, page in pages.items():
        home = root.get(name, "/")
        base = f"http://site{home}fi/{name}"
        for tag in page.select("a[href], link[href], script[src], img[src]"):
            ref = tag.get("href") or tag.get("src")
            url = urlparse(urljoin(base, ref))
            if url.scheme in ("mailto", "data") or url.netloc not in ("site", ""):
                continue
            if url.path.startswith((f"{home}sv/", f"{home}en/")):
                continue
            if not url.path.startswith(f"{home}fi/"):
                broken.append(f"{name}: {ref} (outside the site)")
                continue
            target = unquote(url.path.removeprefix(f"{home}fi/")) or "index.html"
            if target.endswith("/"):
                target += "index.html"
            if target == PUBLISHED_PDF:
                continue  # put beside the pages by the publishing workflow (test_browser_small_things)
            if not (site / target).is_file():
                broken.append(f"{name}: {ref}")
            elif url.fragment and target.endswith(".html") and url.fragment not in ids[target]:
                broken.append(f"{name}: {ref} (no such anchor)")
    assert broken == []


def test_ids_are_unique_on_every_page(site):
    for name, page in parsed_pages(site).items():
        seen = [tag["id"] for tag in page.select("[id]")]
        assert len(seen) == len(set(seen)), name


def test_catalogue_validates_and_agrees_with_the_pages(site):
    catalogue = json.loads((site / "recipes.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalogue, json.loads(SCHEMA.read_text()))
    assert catalogue["handbook"]["language"] == "fi"
    for recipe in catalogue["recipes"]:
        page_name, anchor = recipe["url"].split("#")
        page = BeautifulSoup((site / page_name).read_text(encoding="utf-8"), "html.parser")
        section = page.find(id=anchor)
        assert section["data-recipe"] == recipe["id"]
        assert section.select_one(".recipe-title").get_text(strip=True) == recipe["title"]
        shown = [
            (li["data-item"], " ".join(li.label.get_text().split()))
            for li in section.select("li.recipe-item")
        ]
        assert shown == [(item["id"], item["text"]) for item in recipe["items"]]
        assert (ROOT / recipe["source"]).is_file()
