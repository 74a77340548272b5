"""The Swedish and English handbooks show the figures in their own language: Sphinx
picks docs/kuvat/<name>.<language>.svg (figure_language_filename) when it exists. Each
translation keeps the Finnish figure's elements and font sizes, leaves no Finnish word
behind, has its own title and description, and names the same parts as the translated
alt text of the page that shows it."""

import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

FIGURES = ROOT / "docs" / "kuvat"
SVG = "{http://www.w3.org/2000/svg}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ("sv", "en")
PAGES = {"ainesosat": "docs/maaritelma.html", "kerroskakku": "docs/johdanto.html"}
# The glossary gives win-win as the Swedish and English term too.
SHARED = {"win-win"}
# Finnish words spelt like a word of the translation: Finnish "alla" (under), Swedish "alla" (all).
HOMOGRAPHS = {"sv": {"alla"}, "en": set()}
# Articles the alt texts use and the figures' short labels leave out.
ARTICLES = {"a", "an", "the", "en", "ett", "den", "det"}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

CASES = [(name, language) for name in PAGES for language in LANGUAGES]


def parse(name: str, language: str | None = None) -> ET.Element:
    suffix = f".{language}.svg" if language else ".svg"
    return ET.parse(FIGURES / f"{name}{suffix}").getroot()


def visible_texts(root: ET.Element) -> list[str]:
    return ["".join(text.itertext()) for text in root.iter(f"{SVG}text")]


def accessible_texts(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in (root.find(f"{SVG}title"), root.find(f"{SVG}desc"))]


def words(strings: list[str]) -> set[str]:
    return {word.lower() for string in strings for word in WORD.findall(string) if len(word) > 1}


def finnish_words(name: str) -> set[str]:
    """Every word of the Finnish figure, seen or read aloud, but the shared terms."""
    root = parse(name)
    return words(visible_texts(root) + accessible_texts(root)) - SHARED


def normal(text: str) -> str:
    return " ".join(word for word in WORD.findall(text.lower()) if word not in ARTICLES)


def labels(name: str, language: str) -> list[str]:
    """What the alt text must name: the ingredient boxes (each box's lines joined, without
    the win-win gloss) or the cake's layer headings."""
    root = parse(name, language)
    if name == "ainesosat":
        boxes: dict[str, list[str]] = {}
        for text in root.iter(f"{SVG}text"):
            if text.get("fill") != "#ffffff":  # the centre circle is white on blue
                boxes.setdefault(text.get("x"), []).append(text.text)
        return [" ".join(lines).split(":")[0] for lines in boxes.values()]
    return [text.text for text in root.iter(f"{SVG}text") if text.get("font-size") == "22"]


@pytest.mark.parametrize(("name", "language"), CASES)
def test_translation_keeps_the_finnish_layout(name, language):
    finnish, translated = parse(name), parse(name, language)
    assert translated.get(XML_LANG) == language
    assert translated.get("viewBox") == finnish.get("viewBox")
    assert [element.tag for element in translated.iter()] == [element.tag for element in finnish.iter()]
    for original, text in zip(finnish.iter(f"{SVG}text"), translated.iter(f"{SVG}text"), strict=True):
        # Print needs the labels at least as large as the Finnish ones (10 pt on paper).
        assert float(text.get("font-size")) >= float(original.get("font-size")), text.text
        assert text.text and text.text.strip()


@pytest.mark.parametrize(("name", "language"), CASES)
def test_translation_has_its_own_title_and_description(name, language):
    root = parse(name, language)
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and title.text.strip()
    assert desc is not None and desc.text and len(desc.text) > 100
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert accessible_texts(root) != accessible_texts(parse(name))


@pytest.mark.parametrize(("name", "language"), CASES)
def test_translation_leaves_no_finnish_word(name, language):
    root = parse(name, language)
    finnish = finnish_words(name) - HOMOGRAPHS[language]
    assert len(finnish) > 30  # the list really is the figure's vocabulary
    assert not words(visible_texts(root)) & finnish
    assert not words(accessible_texts(root)) & finnish


@pytest.mark.parametrize(("name", "language"), CASES)
def test_built_page_shows_the_translation_and_its_alt_text_agrees(translations, name, language):
    site = translations[language]
    page = BeautifulSoup((site / PAGES[name]).read_text(encoding="utf-8"), "html.parser")
    (image,) = [img for img in page.find_all("img") if name in img["src"]]
    assert image["src"].endswith(f"/{name}.{language}.svg"), image["src"]
    assert (site / PAGES[name]).parent.joinpath(image["src"]).resolve().is_file()
    alt = normal(image["alt"])
    for label in labels(name, language):
        assert normal(label) in alt, label
