"""The ``workshop`` builder on a small project, in seconds: one PDF from the environment,
recipes from the domain's model, prose from the doctrees, words from the catalogue,
addresses of the published pages. The full handbook's editions: test_workshop_pdf.py."""

from io import StringIO

import pdfplumber
import pypdfium2
import pytest
from sphinx.testing.util import SphinxTestApp
from workshop_editions import A4, MARGINS, MM, in_body

from conftest import warnings_of

pytestmark = pytest.mark.xdist_group("workshop")


def build(srcdir, **overrides) -> SphinxTestApp:
    app = SphinxTestApp(
        "workshop", srcdir=srcdir, confoverrides=overrides, status=StringIO(), warning=StringIO()
    )
    app.build()
    app.cleanup()
    return app


def text_of(pdf) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    pages = [page.get_textpage().get_text_range() for page in document]
    document.close()
    return pages


def test_the_builder_writes_one_edition_from_the_environment(copy_root):
    app = build(copy_root("workshop"))
    assert warnings_of(app) == []
    (pdf,) = app.outdir.glob("*.pdf")
    assert pdf.name == "partnership-cookbook-workshop-edition.pdf"
    assert not list(app.outdir.glob("*.html"))  # no page of the site is written
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


def test_a_page_left_empty_before_a_spread_is_ruled_for_notes(copy_root):
    """A spread opens on a left page. The definition of the small project runs to two
    pages, so the page before the long recipe's spread would stay empty: it is a notes
    page, titled, with writing lines from the top of the text area to its foot."""
    app = build(copy_root("workshop"))
    (path,) = app.outdir.glob("*.pdf")
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
