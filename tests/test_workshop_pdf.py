"""The workshop edition on paper: A4, every recipe and item, each recipe on its own
page with tick boxes, text inside the margins, readable sizes, embedded fonts and no
web chrome."""

import json
import os
import re
import subprocess
import sys

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import ROOT

pytestmark = pytest.mark.xdist_group("workshop")  # one worker builds the fixtures below


MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
MARGINS = {"top": 20 * MM, "right": 18 * MM, "bottom": 22 * MM, "left": 20 * MM}
BASE_URL = "https://kumppanuuden-reseptikirja.github.io/reseptikirja/"


def squeeze(text: str) -> str:
    """Text without whitespace, hyphens and soft hyphens, so line breaks do not matter."""
    return re.sub(r"[\s\-\u00ad‐]", "", text)


@pytest.fixture(scope="session")
def workshop(tmp_path_factory):
    out = tmp_path_factory.mktemp("workshop")
    for flag in ([], ["--recipes-only"]):
        result = subprocess.run(
            [sys.executable, "-m", "workshop", "--out", str(out), *flag],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    catalogue = json.loads((out / "html" / "recipes.json").read_text(encoding="utf-8"))
    return out, catalogue


@pytest.fixture(scope="session")
def full(workshop):
    out, _ = workshop
    with pdfplumber.open(out / "kumppanuuden-reseptikirja-tyopajaversio.pdf") as pdf:
        yield [(page, page.extract_text() or "") for page in pdf.pages]


def test_both_editions_are_a4(workshop):
    out, _ = workshop
    for name in ("kumppanuuden-reseptikirja-tyopajaversio.pdf", "kumppanuuden-reseptikirja-reseptit.pdf"):
        reader = PdfReader(out / name)
        assert len(reader.pages) > 8
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1


def test_every_recipe_and_item_is_printed(workshop, full):
    _, catalogue = workshop
    text = squeeze(" ".join(t for _p, t in full))
    for recipe in catalogue["recipes"]:
        assert squeeze(recipe["title"]) in text
        for item in recipe["items"]:
            assert squeeze(item["text"]) in text, item["id"]
        page = recipe["source"].removesuffix(".md") + ".html"
        assert squeeze(BASE_URL + "fi/" + page) in text


def test_each_recipe_starts_a_page_with_a_tick_box_for_every_item(workshop, full):
    _, catalogue = workshop
    for recipe in catalogue["recipes"]:
        starts = [
            i for i, (page, _t) in enumerate(full) if squeeze(title_line(page)) == squeeze(recipe["title"])
        ]
        assert len(starts) == 1, recipe["id"]
        pages = [full[starts[0]]]
        if not all(squeeze(item["text"]) in squeeze(pages[0][1]) for item in recipe["items"]):
            pages.append(full[starts[0] + 1])
        boxes = sum(len(tick_boxes(page)) for page, _t in pages)
        assert boxes == len(recipe["items"]), recipe["id"]


def title_line(page) -> str:
    """The first line of the page body, below the running header."""
    body = [w for w in page.extract_words(extra_attrs=["size"]) if w["top"] > MARGINS["top"]]
    if not body:
        return ""
    first = min(w["top"] for w in body)
    return " ".join(w["text"] for w in body if abs(w["top"] - first) < 3)


def tick_boxes(page) -> list:
    """Square outlines of at least 4 mm: WeasyPrint draws a rounded box as two curves,
    the inner and outer edge of its border; the inner one is the box a pen fills."""
    shapes = page.rects + page.curves
    return [s for s in shapes if 4 * MM <= s["width"] <= 5.5 * MM and abs(s["width"] - s["height"]) < 0.5]


def test_no_item_is_split_across_pages(workshop, full):
    _, catalogue = workshop
    pages = [squeeze(t) for _p, t in full]
    for recipe in catalogue["recipes"]:
        for item in recipe["items"]:
            assert any(squeeze(item["text"]) in page for page in pages), item["id"]


def test_text_stays_inside_the_margins(full):
    for number, (page, _t) in enumerate(full, 1):
        for char in page.chars:
            assert char["x0"] >= MARGINS["left"] - 1, (number, char["text"])
            assert char["x1"] <= A4[0] - MARGINS["right"] + 1, (number, char["text"])
            assert 0 <= char["top"] and char["bottom"] <= A4[1]


def test_body_text_is_at_least_10_pt(full):
    for number, (page, _t) in enumerate(full, 1):
        for char in page.chars:
            in_body = MARGINS["top"] < char["top"] and char["bottom"] < A4[1] - MARGINS["bottom"]
            if in_body and char["text"].strip():
                assert char["size"] >= 9.9, (number, char["text"], char["size"])


def test_fonts_are_embedded(workshop):
    out, _ = workshop
    reader = PdfReader(out / "kumppanuuden-reseptikirja-tyopajaversio.pdf")
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            )
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font


def test_no_web_chrome_and_the_parts_a_facilitator_needs(full):
    text = " ".join(t for _p, t in full)
    for web in (
        "Vie edistyminen",
        "Tuo edistyminen",
        "Siirry pääsisältöön",
        "Hae käsikirjasta",
        "Ehdota parannusta",
    ):
        assert web not in text
    flat = squeeze(text)
    for part in (
        "Sisällys",
        "Kumppanuuden prosessi – työpohja",
        "Kumppanuuden kerroskakku",
        "Luvut lyhyesti",
        "Vastuuhenkilö",
        "Määräaika",
        "Muistiinpanot",
    ):
        assert squeeze(part) in flat, part


def test_page_numbers_and_running_header(full):
    for number, (_page, text) in enumerate(full[1:], 2):
        assert f"{number} / {len(full)}" in text
        assert "Kumppanuuden reseptikirja" in text


def test_recipes_only_edition_has_just_the_worksheets(workshop):
    out, catalogue = workshop
    with pdfplumber.open(out / "kumppanuuden-reseptikirja-reseptit.pdf") as pdf:
        text = squeeze(" ".join(page.extract_text() or "" for page in pdf.pages))
    assert squeeze("Luvut lyhyesti") not in text
    assert all(squeeze(recipe["title"]) in text for recipe in catalogue["recipes"])


def test_swedish_edition_is_in_swedish(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "--recipes-only", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "HANDBOOK_LANGUAGE": "sv"},
    )
    assert result.returncode == 0, result.stderr
    catalogue = json.loads((tmp_path / "html" / "recipes.json").read_text(encoding="utf-8"))
    assert catalogue["handbook"]["language"] == "sv"
    with pdfplumber.open(tmp_path / "kumppanuuden-reseptikirja-reseptit.pdf") as pdf:
        text = squeeze(" ".join(page.extract_text() or "" for page in pdf.pages))
    for word in ("Ansvarsperson", "Tidsfrist", "Anteckningar", "Receptbokförpartnerskap"):
        assert squeeze(word) in text, word
    for recipe in catalogue["recipes"]:
        assert all(squeeze(item["text"]) in text for item in recipe["items"]), recipe["id"]
    assert squeeze(BASE_URL + "sv/recipes/") in text
