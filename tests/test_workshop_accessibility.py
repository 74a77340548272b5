"""The edition is a tagged PDF/UA-1 document: identified as such, with a structure tree,
its language, its title shown, and alternative text for every QR code."""

from xml.etree import ElementTree

import pytest
from pypdf import PdfReader
from workshop_editions import LANGUAGES, structure_elements

# the edition's title and the QR codes' alternative text, as a reader sees them (the
# recipes-only variant: test_workshop_builder.py)
VARIANT = {"fi": "Työpajaversio", "sv": "Workshopversion", "en": "Workshop edition"}
QR_ALT = {"fi": "QR-koodi: ", "sv": "QR-kod: ", "en": "QR code: "}
PDFUA = "http://www.aiim.org/pdfua/ns/id/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_ua_identification_language_and_title(editions, language):
    edition = editions[language]
    reader = PdfReader(edition.path)
    catalog = reader.trailer["/Root"]
    assert str(catalog["/Lang"]) == edition.language
    assert catalog["/MarkInfo"]["/Marked"] and catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = ElementTree.fromstring(catalog["/Metadata"].get_object().get_data())
    parts = [element.get(f"{{{PDFUA}}}part") for element in xmp.iter()]
    assert "1" in parts  # PDF/UA-1 identification (ISO 14289-1, 5)
    variant = VARIANT[language]
    title = f"{edition.catalogue['handbook']['title']} – {variant}"
    assert reader.metadata.title == title
    cover = edition.texts[0]
    assert edition.catalogue["handbook"]["title"] in cover and variant in cover  # the title the cover shows


def test_structure_tree_in_reading_order_with_alt_text(editions):
    edition = editions["fi"]
    catalog = PdfReader(edition.path).trailer["/Root"]
    elements = structure_elements(catalog["/StructTreeRoot"], [])
    kinds = [str(element["/S"]) for element in elements]
    assert {"/H1", "/H2", "/P", "/Table", "/TR", "/TD", "/Figure"} <= set(kinds)
    figures = [element for element in elements if str(element["/S"]) == "/Figure"]
    assert all(str(figure.get("/Alt", "")).strip() for figure in figures)
    qr_codes = [f for f in figures if str(f["/Alt"]).startswith(QR_ALT[edition.language])]
    expected = edition.catalogue["recipes"]
    assert len(qr_codes) == len(expected)
    # reading order: each QR code in the order of the worksheets, each pointing to its own recipe
    for figure, recipe in zip(qr_codes, expected, strict=True):
        assert str(figure["/Alt"]).endswith(f"#recipe-{recipe['id']}")
    assert kinds.index("/H1") < kinds.index("/Table")  # the cover and titles come before the checklists


def test_no_soft_hyphens_in_bookmarks(editions):
    reader = PdfReader(editions["fi"].path)

    def titles(outline):
        for entry in outline:
            yield from titles(entry) if isinstance(entry, list) else [entry.title]

    names = list(titles(reader.outline))
    assert len(names) > 10
    assert not any("\u00ad" in name or name.endswith("-") for name in names), names
