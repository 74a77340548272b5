"""The edition brings its own fonts: it embeds only the bundled family, and a machine
without any system font sets exactly the same pages."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT

pytestmark = pytest.mark.xdist_group("workshop")
FONTS = ROOT / "_ext" / "recipes" / "workshop" / "fonts"
FAMILY = "AtkinsonHyperlegible"


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


def test_the_bundled_family_has_its_licence_beside_it():
    assert {path.name for path in FONTS.glob("*.woff2")} == {
        f"{FAMILY}-{style}.woff2" for style in ("Regular", "Bold", "Italic", "BoldItalic")
    }
    assert "SIL Open Font License" in (FONTS / "OFL.txt").read_text(encoding="utf-8")
    for named_in in ("LICENSE", "README.md"):
        assert "Atkinson Hyperlegible" in (ROOT / named_in).read_text(encoding="utf-8"), named_in


@pytest.mark.parametrize("kind", ["fi", "sv", "en", "en-preview"])
def test_only_the_bundled_family_is_embedded(editions, kind):
    fonts = embedded_fonts(editions[kind].path)
    assert fonts and all(name.replace("-", "").startswith(FAMILY) for name in fonts), fonts


def test_without_system_fonts_the_pages_are_the_same(editions):
    normal, bare = editions["fi"], editions["fi-no-system-fonts"]
    assert len(bare.pages) == len(normal.pages)
    assert embedded_fonts(bare.path) == embedded_fonts(normal.path)
    assert bare.texts == normal.texts  # the same words on the same pages
