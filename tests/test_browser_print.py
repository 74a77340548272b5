"""Printing keeps the whole page: Chromium's own PDF of a long article, the glossary and
the follow-up view's detail table holds their last words, read back with a PDF text
extractor (pypdf), against the text of the built HTML (BeautifulSoup)."""

import io
import re
import unicodedata

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from test_browser_followup import catalogue, files, load  # noqa: F401  (fixtures)


def pdf_text(page) -> str:
    """The printed page's text, whitespace folded (lines break anywhere in a PDF)."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return folded(" ".join(p.extract_text() for p in reader.pages))


def folded(text: str) -> str:
    """Without whitespace and hyphens, ligatures (ﬁ) as their letters (NFKC)."""
    return re.sub(r"[\s\u00ad-]+", "", unicodedata.normalize("NFKC", text))


def article_paragraphs(html_file) -> list[str]:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return [p.get_text(" ", strip=True) for p in soup.select("article.bd-article p")]


@pytest.mark.parametrize("path", ["docs/prosessi.html", "docs/sanasto.html", "docs/tekniikka.html"])
def test_the_last_paragraphs_of_a_long_page_reach_paper(page, site, path):
    *_, before_last, last = article_paragraphs(site / path)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"/fi/{path}")
    printed = pdf_text(page)
    for paragraph in (before_last, last):
        assert folded(paragraph)[-60:] in printed, paragraph


def test_a_follow_up_detail_of_ten_rows_prints_all_ten(page, files, catalogue):  # noqa: F811
    load(page, files)
    page.locator("#followup-recipe").select_option("pyoreat-poydat")
    recipe = next(r for r in catalogue["recipes"] if r["id"] == "pyoreat-poydat")
    assert len(recipe["items"]) == 10
    printed = pdf_text(page)
    shown = page.locator(".followup-detail-table tbody th[scope=row]").all_inner_texts()
    assert len(shown) == 10
    for title in shown:
        assert folded(title)[:40] in printed, title
