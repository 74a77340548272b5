"""Facts from outside the booklet carry their source and the date we checked them: every
`:::{fact}` in the handbook has all five fields and a check within the review cycle, the
page shows a numbered reference and lists the sources, and a missing field or an old check
is a typed warning at the fact's file and line."""

import re
from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, built_app, toctree, warnings_of, write_project

FIELDS = ("title", "publisher", "date", "url", "checked")
FACT = re.compile(r"^:::\{fact\}\n(?P<body>.*?)^:::$", re.M | re.S)
FIELD = re.compile(r"^:(?P<key>[a-z]+):\s*(?P<value>.*)$", re.M)
# The review cycle of sources_review_cycle, counted here without the extension's code.
CYCLE_DAYS = 366
CONF = 'extensions.append("review_dates")\nextensions.append("sourced_facts")\nrecipes_chapters = {}\n'
COMPLETE = (
    ":::{fact}\n:title: Lähde\n:publisher: Ministeriö\n:date: 2026-01-02\n"
    ":url: https://example.org/lahde\n:checked: 2026-11-30\nTosiasia kirjasen ulkopuolelta.\n:::\n"
)


def handbook_facts() -> list[tuple[str, int, dict[str, str]]]:
    """(file, line, fields) of every fact block in the handbook's Markdown sources."""
    found = []
    for path in sorted(ROOT.glob("**/*.md")):
        if any(part in {".venv", "build", "tests", "node_modules"} for part in path.relative_to(ROOT).parts):
            continue
        text = path.read_text(encoding="utf-8")
        for match in FACT.finditer(text):
            fields = {m["key"]: m["value"].strip().strip('"') for m in FIELD.finditer(match["body"])}
            found.append((path.relative_to(ROOT).as_posix(), text[: match.start()].count("\n") + 1, fields))
    return found


def test_the_handbook_has_sourced_facts():
    files = {name for name, _line, _fields in handbook_facts()}
    assert {"docs/muuttunut.md", "recipes/foorumit.md"} <= files


@pytest.mark.parametrize(("name", "line", "fields"), handbook_facts(), ids=lambda v: str(v)[:40])
def test_every_outside_fact_has_its_source_and_a_recent_check(name, line, fields):
    missing = [field for field in FIELDS if not fields.get(field)]
    assert not missing, f"{name}:{line} lacks {missing}"
    assert fields["url"].startswith("https://"), f"{name}:{line}"
    assert fields["date"] == "undated" or date.fromisoformat(fields["date"]) <= date.fromisoformat(
        fields["checked"]
    )
    age = (date.today() - date.fromisoformat(fields["checked"])).days
    assert 0 <= age <= CYCLE_DAYS, f"{name}:{line} checked {fields['checked']}, {age} days ago"


def test_the_what_changed_page_lists_one_source_per_fact(site):
    html = BeautifulSoup((site / "docs/muuttunut.html").read_text(encoding="utf-8"), "html.parser")
    facts = html.select("article .sourced-fact")
    sources = html.select("article .sourced-fact-sources > li")
    written = [f for n, _l, f in handbook_facts() if n == "docs/muuttunut.md"]
    assert len(facts) == len(sources) == len(written) >= 5
    for number, (fact, source, fields) in enumerate(zip(facts, sources, written, strict=True), start=1):
        mark = fact.select_one(".sourced-fact-mark a")
        assert mark.get_text() == f"[{number}]" and mark["href"] == f"#{source['id']}"
        text = " ".join(source.get_text(" ").split())
        assert fields["title"] in text and fields["publisher"] in text and "tarkistettu" in text
        assert source.select_one("a[href]")["href"] == fields["url"]


@pytest.mark.parametrize(
    ("language", "heading"), [("sv", "Källor till uppgifter"), ("en", "Sources of facts")]
)
def test_the_source_list_speaks_the_readers_language(translations, language, heading):
    html = BeautifulSoup(
        (translations[language] / "docs/muuttunut.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert heading in html.select_one(".sourced-fact-list").get_text()
    assert len(html.select(".sourced-fact-sources > li")) >= 5


PAGE = "---\nreviewed: 2026-11-28\nreview-by: 12 months\n---\n# Sivu\n\nJohdanto.\n\n"


@pytest.mark.parametrize(
    ("fact", "subtype", "words"),
    [
        (COMPLETE.replace(":publisher: Ministeriö\n", ""), "source.missing", "no ':publisher:'"),
        (COMPLETE.replace(":checked: 2026-11-30\n", ""), "source.missing", "no ':checked:'"),
        (COMPLETE.replace("2026-01-02", "tammikuussa"), "source.invalid", "':date:' must be a date"),
        (COMPLETE.replace("https://example.org/lahde", "example.org"), "source.invalid", "web address"),
        (COMPLETE.replace("2026-11-30", "2025-06-01"), "source.stale", "longer ago than 12 months"),
    ],
)
def test_a_missing_field_or_an_old_check_is_a_typed_warning_at_the_fact(
    tmp_path, monkeypatch, fact, subtype, words
):
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-03")
    pages = {"index": PAGE.replace("# Sivu", toctree("sivu").rstrip()), "sivu": PAGE + fact}
    warnings = [w for w in warnings_of(built_app(write_project(tmp_path, pages, CONF))) if "[source." in w]
    assert len(warnings) == 1, warnings
    fact_line = PAGE.count("\n") + 1  # the line of ":::{fact}" on the page
    assert warnings[0].startswith(f"sivu.md:{fact_line}: WARNING: ") and words in warnings[0]
    assert warnings[0].endswith(f"[{subtype}]")


def test_a_complete_recent_fact_is_quiet(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-03")
    pages = {"index": PAGE.replace("# Sivu", toctree("sivu").rstrip()), "sivu": PAGE + COMPLETE}
    app = built_app(write_project(tmp_path, pages, CONF))
    assert not [w for w in warnings_of(app) if "[source." in w]
    html = BeautifulSoup((app.outdir / "sivu.html").read_text(encoding="utf-8"), "html.parser")
    assert html.select_one(".sourced-fact-sources li a")["href"] == "https://example.org/lahde"
