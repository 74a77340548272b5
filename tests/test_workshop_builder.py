"""The ``workshop`` builder on a small project, in seconds: one PDF from the environment,
recipes from the domain's model, prose from the doctrees, words from the catalogue,
addresses of the published pages, the recipes-only variant and a machine without system
fonts. The full handbook's editions (one per language): test_workshop_pdf.py and beside it."""

import os
import shutil
import subprocess
import sys

import pdfplumber
import pypdfium2
import pytest
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp
from workshop_editions import A4, MARGINS, MM, embedded_fonts, in_body, structure_elements

from conftest import built_app, warnings_of

NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def build(srcdir, **overrides) -> SphinxTestApp:
    return built_app(srcdir, "workshop", confoverrides=overrides)


def text_of(pdf) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    pages = [page.get_textpage().get_text_range() for page in document]
    document.close()
    return pages


@pytest.fixture(scope="module")
def edition(rootdir, tmp_path_factory) -> SphinxTestApp:
    """The small project's full edition with the default settings, built once for the
    tests that read it."""
    return build(shutil.copytree(rootdir / "test-workshop", tmp_path_factory.mktemp("edition") / "workshop"))


def test_the_builder_writes_one_edition_from_the_environment(edition):
    assert warnings_of(edition) == []
    (pdf,) = edition.outdir.glob("*.pdf")
    assert pdf.name == "partnership-cookbook-workshop-edition.pdf"
    assert not list(edition.outdir.glob("*.html"))  # no page of the site is written
    pages = text_of(pdf)
    text = "\n".join(pages)
    # prose from the doctrees, a cross-reference to a printed part with its page number
    assert "A partnership is a way of working together" in text
    assert "The core of the chapter" in text and "What works" in text
    assert "The process starts here" not in text  # only the configured sections
    # recipes from the model, origin lines as the site writes them
    assert "Recipe bake" in text and "Recipe knead" in text
    assert "From the booklet: chapter The first chapter" in text and "Handbook proposal" in text
    for word in ("Group", "Date", "Done", "Responsible", "Deadline", "Participants"):
        assert word in text, word


def test_printed_addresses_are_the_published_checklists(copy_root):
    app = build(copy_root("workshop"), recipes_workshop_variant="recipes")
    (pdf,) = app.outdir.glob("*.pdf")
    assert pdf.name == "partnership-cookbook-recipes.pdf"
    text = "".join("".join(text_of(pdf)).split())  # the address is broken over lines
    for recipe in ("bake", "knead"):
        assert f"https://example.org/book/en/recipes/{recipe}.html#recipe-{recipe}" in text


def test_the_words_come_from_the_sites_catalogue(copy_root):
    srcdir = copy_root("workshop")
    app = build(srcdir, language="sv", recipes_workshop_variant="recipes", recipes_workshop_only="bake")
    (pdf,) = app.outdir.glob("*.pdf")
    assert pdf.name == "receptbok-for-partnerskap-recept.pdf"
    text = "\n".join(text_of(pdf))
    assert "Recipe knead" not in text
    for word in ("Grupp", "Datum", "Ansvarsperson", "Tidsfrist", "Handbokens förslag"):
        assert word in text, word


def test_an_unknown_recipe_id_stops_the_build_naming_the_known_ones(copy_root):
    srcdir = copy_root("workshop")
    with pytest.raises(Exception, match="no recipe with the ID nope; known: bake, knead"):
        build(srcdir, recipes_workshop_variant="recipes", recipes_workshop_only="nope")


def test_a_page_left_empty_before_a_spread_is_ruled_for_notes(edition):
    """A spread opens on a left page. The definition of the small project runs to two
    pages, so the page before the long recipe's spread would stay empty: it is a notes
    page, titled, with writing lines from the top of the text area to its foot."""
    (path,) = edition.outdir.glob("*.pdf")
    with pdfplumber.open(path) as pdf:
        empty = [page for page in pdf.pages[1:] if not in_body(page.extract_words())]
        assert len(empty) == 1
        (page,) = empty
        assert "Notes" in page.extract_text()
        assert "Recipe knead" in pdf.pages[page.page_number].extract_text()  # the spread follows
        ruled = [line for line in page.lines if line["x1"] - line["x0"] > 150 * MM and line["height"] < 1]
        assert len(ruled) >= 25
        assert min(line["top"] for line in ruled) > MARGINS["top"]
        assert max(line["bottom"] for line in ruled) < A4[1] - MARGINS["bottom"]


def test_the_recipes_only_edition_is_the_chosen_worksheets_as_tagged_pdf(copy_root):
    """What the pull-request preview builds: only the chosen recipes' worksheets, no prose
    part, A4, titled as the recipes edition, each QR code's figure in worksheet order."""
    app = build(copy_root("workshop"), recipes_workshop_variant="recipes", recipes_workshop_only="knead,bake")
    (path,) = app.outdir.glob("*.pdf")
    text = "\n".join(text_of(path))
    assert "The core of the chapter" not in text and "What works" not in text  # no prose part
    assert "Recipe bake" in text and "Recipe knead" in text
    reader = PdfReader(path)
    assert reader.metadata.title == "Test Cookbook – Recipes for the workshop"
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"
    assert all(abs(float(page.mediabox.width) - A4[0]) < 1 for page in reader.pages)
    elements = structure_elements(reader.trailer["/Root"]["/StructTreeRoot"], [])
    alts = [str(e["/Alt"]) for e in elements if e["/S"] == "/Figure" and str(e["/Alt"]).startswith("QR code")]
    assert [alt.rsplit("#", 1)[1] for alt in alts] == ["recipe-bake", "recipe-knead"]


def test_without_system_fonts_the_pages_are_the_same(edition, copy_root, tmp_path):
    """The edition brings its own fonts: a machine with no system font at all (an empty
    fontconfig, in a process of its own) sets exactly the same words on the same pages as
    this one."""
    config = tmp_path / "no-fonts.conf"
    config.write_text(NO_FONTS.format(cache=tmp_path / "fontconfig-cache"), encoding="utf-8")
    out = tmp_path / "bare"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "workshop", str(copy_root("workshop")), str(out)]
    result = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "FONTCONFIG_FILE": str(config)}
    )
    assert result.returncode == 0, result.stderr
    (bare,) = out.glob("*.pdf")
    (normal,) = edition.outdir.glob("*.pdf")
    pages, fonts = text_of(normal), embedded_fonts(normal)
    assert (text_of(bare), embedded_fonts(bare)) == (pages, fonts)
    assert len(pages) > 3


def test_without_voikko_a_finnish_edition_stops_saying_what_to_install(copy_root, monkeypatch):
    import libvoikko

    from recipes.workshop import hyphenation

    def missing(*_args, **_kwargs):
        raise OSError("libvoikko.so.1: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(libvoikko, "Voikko", missing)
    hyphenation.finnish.cache_clear()  # a Hyphenator opened by an earlier test in this process
    try:
        expected = "Finnish hyphenation needs libvoikko.*apt-get install -y libvoikko1"
        with pytest.raises(Exception, match=expected):
            build(copy_root("workshop"), language="fi", recipes_workshop_hyphenation="fi")
    finally:
        hyphenation.finnish.cache_clear()
