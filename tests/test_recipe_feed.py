"""Follow changes: each language has an Atom feed (RFC 4287) with one entry per line of a
recipe's change history, each with a stable id, its day as `updated` and a link to the
history on the recipe's page; every page's head links the feed."""

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

NS = {"a": "http://www.w3.org/2005/Atom"}
HISTORY_BLOCK = re.compile(r"^:::\{recipe-changes\} (?P<recipe>\S+)\n(?P<lines>.*?)^:::$", re.M | re.S)
HISTORY_LINE = re.compile(r"^- (?P<version>\d+\.\d+) \((?P<day>\d{4}-\d{2}-\d{2})\): ", re.M)


def history_lines() -> set[tuple[str, str, str]]:
    """(recipe, version, day) of every history line in the recipe sources."""
    found = set()
    for path in (ROOT / "recipes").glob("*.md"):
        for block in HISTORY_BLOCK.finditer(path.read_text(encoding="utf-8")):
            for line in HISTORY_LINE.finditer(block["lines"]):
                found.add((block["recipe"], line["version"], line["day"]))
    return found


def rfc3339(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def check_feed(site: Path, language: str) -> None:
    feed = ET.parse(site / "atom.xml").getroot()  # a real XML parser: malformed XML raises
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, an author (here at feed
    # level, so entries need none), and should have a self link
    for name in ("id", "title", "updated", "author"):
        assert len(feed.findall(f"a:{name}", NS)) == 1, name
    assert feed.find("a:author/a:name", NS).text
    rfc3339(feed.find("a:updated", NS).text)
    base = f"https://kumppanuuden-reseptikirja.github.io/reseptikirja/{language}/"
    assert feed.find("a:link[@rel='self']", NS).get("href") == base + "atom.xml"
    entries = feed.findall("a:entry", NS)
    ids = [entry.find("a:id", NS).text for entry in entries]
    assert len(ids) == len(set(ids))
    shown = set()
    for entry in entries:
        for name in ("id", "title", "updated"):  # RFC 4287 4.1.2
            assert len(entry.findall(f"a:{name}", NS)) == 1, name
        entry_id = entry.find("a:id", NS).text
        match = re.fullmatch(
            rf"tag:[a-z0-9.-]+,2026:{language}/recipe/(?P<recipe>[a-z0-9-]+)/(?P<v>\d+\.\d+)", entry_id
        )
        assert match, entry_id
        day = rfc3339(entry.find("a:updated", NS).text).date().isoformat()
        shown.add((match["recipe"], match["v"], day))
        href = entry.find("a:link[@rel='alternate']", NS).get("href")
        assert href.startswith(base)
        address = urlparse(href)
        page = site / address.path.removeprefix(urlparse(base).path)
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        fragment = address.fragment
        section = html.find(id=fragment)
        assert section is not None and section.select_one(".recipe-changes"), href  # the history itself
        assert entry.find("a:summary", NS).text.strip()
    assert shown == history_lines()  # one entry per history line, none more


def test_the_handbook_has_history_lines_to_feed():
    assert len(history_lines()) >= 16


@pytest.mark.parametrize(
    "language", ["fi", *(pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en"))]
)
def test_feed_is_valid_atom_with_one_entry_per_history_line(sites, language):
    check_feed(sites(language), language)


def test_every_page_head_links_the_feed(site):
    checked = 0
    for path in site.rglob("*.html"):
        if path.name in {"404.html"} or "_static" in path.parts:
            continue
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        link = head.select_one('link[rel="alternate"][type="application/atom+xml"]')
        assert link is not None, path
        assert (path.parent / link["href"]).resolve() == (site / "atom.xml").resolve(), path
        checked += 1
    assert checked > 20
