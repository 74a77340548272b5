"""The edition brings its own fonts: it embeds only the bundled family (a machine without
any system font: test_workshop_builder.py)."""

import pytest
from workshop_editions import LANGUAGES, embedded_fonts

from conftest import ROOT

FONTS = ROOT / "_ext" / "recipes" / "workshop" / "fonts"
FAMILY = "AtkinsonHyperlegible"


def test_the_bundled_family_has_its_licence_beside_it():
    assert {path.name for path in FONTS.glob("*.woff2")} == {
        f"{FAMILY}-{style}.woff2" for style in ("Regular", "Bold", "Italic", "BoldItalic")
    }
    assert "SIL Open Font License" in (FONTS / "OFL.txt").read_text(encoding="utf-8")
    for named_in in ("LICENSE", "README.md"):
        assert "Atkinson Hyperlegible" in (ROOT / named_in).read_text(encoding="utf-8"), named_in


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_bundled_family_is_embedded(editions, language):
    fonts = embedded_fonts(editions[language].path)
    assert fonts and all(name.replace("-", "").startswith(FAMILY) for name in fonts), fonts
