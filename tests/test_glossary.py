"""The glossary (docs/sanasto.md): every term resolves in all three languages, its
equivalents in the other languages are marked with their language, and wherever a
glossary term occurs in a Finnish message, the Swedish and English translations use the
glossary's equivalent."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import ROOT, glossary_entries

SV, EN = (pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en"))

# How each glossary term is recognised in inflected text: a Finnish pattern and the
# Swedish and English patterns its translation must contain. Checked against the
# equivalents written on the glossary page, so the two cannot drift apart.
TERMS: dict[str, tuple[str, str, str]] = {
    "kaupunkipolitiikka": (r"kaupunkipolitiik", r"stadspoliti", r"urban policy"),
    "kumppanuus": (r"kumppanuu", r"partnerskap", r"partnership"),
    "kokonaiskuva": (r"kokonaiskuv", r"helhetsbild", r"big picture"),
    "tilannekuva": (r"tilannekuv", r"lägesbild", r"situational picture"),
    "tahtotila": (r"tahtotil", r"vilja", r"\bwill\b"),
    "missio": (r"missio", r"mission", r"mission"),
    "ilmiölähtöisyys": (r"ilmiölähtöi|ilmiöpohjai", r"fenomenbaser", r"phenomenon-based"),
    "missiolähtöisyys": (r"missiolähtöi|missiopohjai", r"missionsbaser", r"mission-based"),
    "kaupunkiverkostot": (
        r"kaupunkiverkost|kaupunkiryhm",
        r"stadsnätverk|stadsgrupp",
        r"city (network|group)",
    ),
    "C21": (r"C21", r"C21", r"C21"),
    "kuutoskaupungit": (r"kuutoskaupun", r"Sexstäderna", r"Six Cities"),
    "erilaistuminen": (r"erilaist", r"differentier", r"differentiat"),
    "eriytyminen": (r"eriyty", r"segregation", r"segregation"),
    "yhteiskuntasopimus": (r"yhteiskuntasopimu", r"samhällsavtal", r"urban policy framework agreement"),
    "tiedolla ohjaaminen": (r"tiedolla ohjaa", r"kunskapsbaserad\w* styrning", r"knowledge-based steering"),
    "normiohjaus": (r"normiohjau", r"normstyrning", r"regulatory steering"),
    "informaatio-ohjaus": (r"informaatio-ohjau", r"informationsstyrning", r"information steering"),
    "sopimusohjaus": (r"sopimusohjau", r"avtalsstyrning", r"contract-based steering"),
    "vapaakaupunkimalli": (r"vapaakaupunki", r"fristadsmodell", r"free city model"),
    "kansliapäällikkökokous": (
        r"kansliapäällikkökokou|kansliapäälliköiden kokou",
        r"kanslichef\w* ?möte",
        r"meetings? of (the )?permanent secretaries",
    ),
    "neuvottelukunta": (r"neuvottelukun", r"delegation", r"advisory board"),
    "win-win": (r"win-win", r"win-win", r"win-win"),
    "vaikuttavuusseuranta": (r"vaikuttavuusseurant|vaikuttavuuden seurant", r"effekt", r"impact"),
    "kaupunkipolitiikan yhteistyöryhmä": (
        r"kaupunkipolitiikan yhteistyöryhm",
        r"stadspolitisk\w* samarbetsgrupp",
        r"Urban Policy Committee",
    ),
}
LANGUAGES = {"sv": 1, "en": 2}
# A role's target ({doc}`/docs/luvut/erilaistuminen`, `text <target>`) and a link's URL
# are names, not text: only the words a reader sees are compared.
ROLE = re.compile(r"\{(\w+)\}`([^`]*)`")
LINK_URL = re.compile(r"\]\([^)]*\)")


def visible_words(message: str) -> str:
    def shown(role: re.Match) -> str:
        name, content = role[1], role[2]
        if "<" in content:
            return content.split("<", 1)[0]
        return content if name == "term" else " "

    return ROLE.sub(shown, LINK_URL.sub("]", message))


def test_every_glossary_term_has_a_recognition_rule():
    assert sorted(glossary_entries()) == sorted(TERMS)


@pytest.mark.parametrize("term", sorted(TERMS))
def test_rule_agrees_with_the_glossary_page(term):
    terms, swedish, english = glossary_entries()[term]
    finnish, sv_pattern, en_pattern = TERMS[term]
    assert all(re.search(finnish, name, re.I) for name in terms), terms
    assert re.search(sv_pattern, swedish, re.I), swedish
    assert re.search(en_pattern, english, re.I), english


CATALOGS = sorted((ROOT / "locales").glob("[se][vn]/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_translations_use_the_glossary_equivalents(catalog):
    language = catalog.parts[-3]
    with catalog.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id and m.string]
    mismatches = []
    for message in messages:
        finnish, translated = visible_words(message.id), visible_words(message.string)
        for term in mismatched_terms(finnish, translated, language):
            mismatches.append(f"{term}: {message.id[:70]!r} -> {message.string[:70]!r}")
    assert mismatches == []


def mismatched_terms(finnish: str, translated: str, language: str) -> list[str]:
    """Glossary terms in the Finnish text whose equivalent the translation lacks."""
    return [
        term
        for term, patterns in TERMS.items()
        if re.search(patterns[0], finnish, re.I)
        and not re.search(patterns[LANGUAGES[language]], translated, re.I)
    ]


def term_links(root: Path) -> list[tuple[str, str]]:
    """(page, target id) of every link into the glossary on the built site."""
    links = []
    for page in sorted(root.rglob("*.html")):
        if "_static" in page.parts:
            continue
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in html.select("article.bd-article a[href*='sanasto.html#term-']"):
            links.append((str(page.relative_to(root)), a["href"].split("#", 1)[1]))
    return links


def check_glossary_resolves(root: Path, language: str) -> None:
    page = BeautifulSoup((root / "docs" / "sanasto.html").read_text(encoding="utf-8"), "html.parser")
    shown = {dt.get_text(strip=True).rstrip("#") for dt in page.select("dl.glossary > dt")}
    ids = {dt["id"] for dt in page.select("dl.glossary > dt[id]")}
    for term, (terms, swedish, english) in glossary_entries().items():
        expected = {"fi": terms[0], "sv": swedish.split(", ")[0], "en": english.split(", ")[0]}[language]
        assert expected in shown, (language, term)
    links = term_links(root)
    assert len({target for _, target in links}) >= 15, "the text links to the glossary"
    assert [(name, target) for name, target in links if target not in ids] == []


def test_glossary_terms_resolve_in_finnish(site):
    check_glossary_resolves(site, "fi")


@pytest.mark.parametrize("language", [SV, EN])
def test_glossary_terms_resolve_in_translation(translations, language):
    check_glossary_resolves(translations[language], language)


# The two other languages whose equivalents each language's glossary page lists.
OTHERS = {"fi": ("sv", "en"), "sv": ("fi", "en"), "en": ("fi", "sv")}


def check_equivalents_marked(root: Path, language: str) -> None:
    """Each entry names its equivalents inside an element with their ``lang`` (WCAG 3.1.2),
    so a screen reader says "stadspolitik" in Swedish on the Finnish page."""
    page = BeautifulSoup((root / "docs" / "sanasto.html").read_text(encoding="utf-8"), "html.parser")
    entries = page.select("dl.glossary > dd")
    assert len(entries) == len(glossary_entries())
    for entry, (terms, swedish, english) in zip(entries, glossary_entries().values(), strict=True):
        shown = {"fi": terms[0], "sv": swedish, "en": english}  # the Finnish may name both terms
        marked = {span["lang"]: span.get_text(" ", strip=True) for span in entry.select("span[lang]")}
        assert set(marked) == set(OTHERS[language]), (terms[0], marked)
        for code in OTHERS[language]:
            assert shown[code] in marked[code], (terms[0], code, marked[code])


def test_equivalents_on_the_finnish_page_are_marked_with_their_language(site):
    check_equivalents_marked(site, "fi")


@pytest.mark.parametrize("language", [SV, EN])
def test_equivalents_on_translated_pages_are_marked_with_their_language(translations, language):
    check_equivalents_marked(translations[language], language)
