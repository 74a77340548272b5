"""Every QR code of the workshop edition leads to a recipe's checklist on the published
site, in the edition's language: the codes are read off the rendered pages with an
independent decoder (zxing-cpp) and each target is looked up in the built HTML site,
with an HTML parser: no address is rebuilt here with the code's own formula."""

from html.parser import HTMLParser
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader
from workshop_editions import LANGUAGES


class Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}  # id -> tag

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids[value] = tag


def ids_of(page: Path) -> dict[str, str]:
    parser = Ids()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.ids


def decoded(pdf: Path) -> list[str]:
    """The text of every QR code, read off the pages that link to the web (a code's page
    carries its printed address as a link), rendered at 150 dpi by PDFium."""
    linking = [number for number, page in enumerate(PdfReader(pdf).pages) if link_targets_of(page)]
    document = pypdfium2.PdfDocument(pdf)
    codes = []
    for number in linking:
        image = document[number].render(scale=150 / 72).to_pil()
        codes += [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
    document.close()
    return codes


def link_targets_of(page) -> list[str]:
    """The web addresses of a page's link annotations."""
    return [
        uri
        for annotation in page.get("/Annots", [])
        if (uri := annotation.get_object().get("/A", {}).get("/URI", "")).startswith("http")
    ]


def link_targets(pdf: Path) -> list[str]:
    """The addresses of the PDF's link annotations (the tagged links under the codes)."""
    return [uri for page in PdfReader(pdf).pages for uri in link_targets_of(page)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_qr_code_leads_to_a_checklist_of_the_built_site(editions, language):
    edition = editions[language]
    base = edition.catalogue["handbook"]["base_url"]  # the site's own html_baseurl
    assert base.endswith(f"/{edition.language}/")
    codes = decoded(edition.path)
    assert len(codes) == len(edition.catalogue["recipes"]) == len(set(codes))
    for code in codes:
        assert code.startswith(base), code
        page, hashes, anchor = code.removeprefix(base).partition("#")
        assert hashes and "#" not in anchor, code
        ids = ids_of(edition.site / page)
        assert ids.get(anchor) == "section", (code, "no checklist with that id on the page")
        # the anchor holds the recipe's checklist: its tick boxes follow in the block
        section = (edition.site / page).read_text(encoding="utf-8").split(f'id="{anchor}"', 1)[1]
        assert 'class="recipe-check"' in section.split("</section>", 1)[0], code
    # the printed link under each code and the code lead to the same place
    assert sorted(set(link_targets(edition.path)) & set(codes)) == sorted(codes)
