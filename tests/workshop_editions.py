"""Workshop PDFs for the tests: each edition is built once per session, when first asked for.

A pytest plugin (see conftest.py) with the ``editions`` fixture and helpers to read the
pages by region. Each edition is built by the ``workshop`` builder from the environment
the session's site build of its language left (conftest's ``site``/``translations``), so
an edition costs its layout only, and its QR codes can be checked against that site.
Whichever test worker asks first builds an edition; the others wait for it (``built_once``);
the tests of an edition run on its language's worker (conftest's xdist groups).
"""

import datetime
import json
import re
import subprocess
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from tools import sphinx_command

from conftest import ROOT, built_once

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
MARGINS = {"top": 20 * MM, "right": 18 * MM, "bottom": 22 * MM, "left": 20 * MM}
DAY = datetime.date(2026, 11, 28)
EPOCH = int(datetime.datetime(2026, 11, 28, 12, tzinfo=datetime.UTC).timestamp())
LANGUAGES = ("fi", "sv", "en")  # one full edition each; variants are tested on tests/roots/test-workshop


def squeeze(text: str) -> str:
    """Text without whitespace and invisible break marks, so line breaks do not matter."""
    return re.sub(r"[\s\u00ad\u200b]", "", text)


@dataclass
class Edition:
    path: Path
    language: str
    out: Path
    site: Path  # the HTML site of the same language, built from the same environment

    @cached_property
    def pages(self) -> list:
        return list(pdfplumber.open(self.path).pages)  # open for the session, like the fixture

    @cached_property
    def words(self) -> list[list[dict]]:
        """Each page's words with their font size and name."""
        return [page.extract_words(extra_attrs=["size", "fontname"]) for page in self.pages]

    @cached_property
    def texts(self) -> list[str]:
        return [page.extract_text() or "" for page in self.pages]

    @cached_property
    def catalogue(self) -> dict:
        """The site's recipes.json: what the edition must hold, read from the other output."""
        return json.loads((self.site / "recipes.json").read_text(encoding="utf-8"))


class Editions(dict):
    """language -> its full edition, built once per run by the first worker to ask."""

    def __init__(self, root: Path, sites) -> None:
        super().__init__()
        self.root = root
        self.sites = sites  # language -> the built site (its doctrees beside it)

    def __missing__(self, language: str) -> Edition:
        site = self.sites(language)
        out = self.root / language
        built_once(out, lambda: build(language, site, out))
        (pdf,) = out.glob("*.pdf")
        self[language] = Edition(pdf, language, out, site)
        return self[language]


def build(language: str, site: Path, out: Path) -> None:
    env = {**sphinx_command.environment(language), "SOURCE_DATE_EPOCH": str(EPOCH)}
    doctrees = site.parent / "doctrees" / language  # where sphinx_command.run left them
    line = sphinx_command.command("workshop", out, doctrees, quiet=True)
    result = subprocess.run(line, cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def editions(shared_root, sites) -> Editions:
    return Editions(shared_root / "workshop", sites)


@pytest.fixture(scope="session")
def site_words(sites) -> set[str]:
    """The words of the three built sites, whose text is never hyphenated: a line-end
    fragment joined with the next line's start is a word from here if the hyphen was
    inserted (the glossary quotes the other languages). Only the sites are read, so no
    worker waits for another language's edition."""
    text = " ".join(
        re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        for language in LANGUAGES
        for page in sites(language).rglob("*.html")
    )
    return set(re.findall(r"\w+", text.replace("\u00ad", "")))


def in_body(words: list[dict]) -> list[dict]:
    """Words inside the page's text area: no running header, no page number."""
    return [w for w in words if w["top"] > MARGINS["top"] and w["bottom"] < A4[1] - MARGINS["bottom"]]


def title_of(words: list[dict]) -> str:
    """The page's part or worksheet title: the 20 pt words at the top of its text area."""
    return " ".join(w["text"] for w in in_body(words) if 19 < w["size"] < 21 and w["top"] < 70 * MM)


def worksheet_pages(edition: "Edition", recipe: dict) -> list[int]:
    """Indexes of the pages a recipe's worksheet fills (1 or 2), found by its title."""
    starts = [
        i for i, words in enumerate(edition.words) if squeeze(title_of(words)) == squeeze(recipe["title"])
    ]
    assert len(starts) == 1, (recipe["id"], starts)
    start = starts[0]
    following = squeeze(edition.texts[start + 1]) if start + 1 < len(edition.texts) else ""
    return [start, start + 1] if squeeze(recipe["title"]) + "(" in following else [start]


def lines_of(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines (same baseline within 2 pt), top to bottom."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def structure_elements(node, found: list) -> list:
    """Every element of the structure tree under ``node``, depth first (reading order)."""
    node = node.get_object()
    if isinstance(node, dict):
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                structure_elements(kid, found)
    return found


def embedded_fonts(path: Path) -> set[str]:
    """Base names of the embedded fonts, without the subset prefix ("ABCDEF+")."""
    names = set()
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    return names
