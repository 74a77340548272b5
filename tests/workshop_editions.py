"""Workshop PDFs for the tests: each edition is built once per session, when first asked for.

A pytest plugin (see conftest.py) with the ``editions`` fixture and helpers to read the
pages by region. Each edition is built by the ``workshop`` builder from the environment
the session's site build of its language left (conftest's ``site``/``translations``), so
an edition costs its layout only, and its QR codes can be checked against that site.
Mark a module using it ``xdist_group("workshop")`` so one worker builds them all.
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

from tools import sphinx_command

from conftest import ROOT

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
MARGINS = {"top": 20 * MM, "right": 18 * MM, "bottom": 22 * MM, "left": 20 * MM}
DAY = datetime.date(2026, 11, 28)
EPOCH = int(datetime.datetime(2026, 11, 28, 12, tzinfo=datetime.UTC).timestamp())
# The fixtures' preview edition: what the pull-request workflow builds for changed recipes.
PREVIEW = ("missiot", "foorumit")
NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""
RECIPES_ONLY = ["-D", "recipes_workshop_variant=recipes"]
# kind -> (language, sphinx-build options, without system fonts)
KINDS = {
    "fi": ("fi", [], False),
    "sv": ("sv", [], False),
    "en": ("en", [], False),
    "fi-recipes": ("fi", RECIPES_ONLY, False),
    "sv-recipes": ("sv", RECIPES_ONLY, False),
    "en-recipes": ("en", RECIPES_ONLY, False),
    "en-preview": ("en", [*RECIPES_ONLY, "-D", "recipes_workshop_only=" + ",".join(PREVIEW)], False),
    "fi-no-system-fonts": ("fi", [], True),
}


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
    def __init__(self, root: Path, sites) -> None:
        super().__init__()
        self.root = root
        self.sites = sites  # language -> the built site (its doctrees beside it)

    def __missing__(self, kind: str) -> Edition:
        language, options, without_fonts = KINDS[kind]
        site = self.sites(language)
        out = self.root / kind
        env = {**sphinx_command.environment(language), "SOURCE_DATE_EPOCH": str(EPOCH)}
        if without_fonts:
            config = self.root / "no-fonts.conf"
            config.write_text(NO_FONTS.format(cache=self.root / "fontconfig-cache"), encoding="utf-8")
            env["FONTCONFIG_FILE"] = str(config)
        doctrees = site.parent / "doctrees" / language  # where sphinx_command.run left them
        line = sphinx_command.command("workshop", out, doctrees, quiet=True, options=options)
        result = subprocess.run(line, cwd=ROOT, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        (pdf,) = out.glob("*.pdf")
        self[kind] = Edition(pdf, language, out, site)
        return self[kind]


@pytest.fixture(scope="session")
def editions(tmp_path_factory, site, translations) -> Editions:
    def built(language: str) -> Path:
        return site if language == "fi" else translations[language]

    return Editions(tmp_path_factory.mktemp("workshop"), built)


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
