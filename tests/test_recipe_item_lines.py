"""The item-line shortcut (``recipes.item_lines``) changes nothing but speed: the recipe
page, the overview, recipes.json and every warning come out the same as when each item's
roles are parsed as roles, for plain items and for every unusual form the shortcut must
leave alone."""

from io import StringIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from conftest import CHAPTER, toctree, warnings_of, write_project
from recipes import checklist, item_lines

PLAIN = (
    "- {item}`sovi` Sovi tapaaminen. {origin}`handbook`\n- {item}`kutsu` Kutsu kaikki. {origin}`booklet:eka`"
)
# forms where taking the roles off the line could change the parse, each in a recipe
UNUSUAL = {
    "continued": "- {item}`a` Alku\n  jatkuu. {origin}`handbook`\n- {item}`b` Toinen. {origin}`handbook`",
    "lazy": "- {item}`a` Alku {origin}`handbook`\njatkuu laiskasti.",
    "origin-mid": "- {item}`a` Alku {origin}`handbook` loppu.",
    "two-origins": "- {item}`a` Alku {origin}`booklet:eka` ja {origin}`handbook`",
    "emphasis": "- {item}`a` *Korostus* ensin. {origin}`handbook`",
    "numbered-text": "- {item}`a` 1. kohta on luku. {origin}`handbook`",
    "heading-text": "- {item}`a` # ei otsikko {origin}`handbook`",
    "quote-text": "- {item}`a` > ei lainaus {origin}`handbook`",
    "html-text": "- {item}`a` <b>lihava</b> teksti. {origin}`handbook`",
    "empty": "- {item}`a`\n- {item}`b` {origin}`handbook`",
    "no-origin": "- {item}`a` Ilman alkuperää.",
    "empty-origin": "- {item}`a` Tyhjä alkuperä. {origin}``",
    "in-code": "```\n- {item}`a` Koodia. {origin}`handbook`\n```\n- {item}`b` Oikea. {origin}`handbook`",
    "in-html": "<div>\n- {item}`a` HTML:ää. {origin}`handbook`\n</div>\n\n- {item}`b` Oikea.",
    "sub-bullet": "- {item}`a` Ylä. {origin}`handbook`\n  - {item}`b` Ala. {origin}`handbook`",
    "other-bullets": "* {item}`a` Tähti. {origin}`handbook`\n\n+ {item}`b` Plus. {origin}`handbook`",
    "plain-next": "- {item}`a` Ensin. {origin}`handbook`\n- Ilman tunnistetta.",
    "table": "- {item}`a` solu | toinen {origin}`handbook`\n  --- | ---",
    "rule-after": "- {item}`a` Ennen viivaa. {origin}`handbook`\n---",
    "spaced-id": "- {item}` a ` Välilyönnit. {origin}`handbook`",
    "bad-id": "- {item}`Huono_ID` Huono. {origin}`handbook`\n- {item}`a` Hyvä. {origin}`handbook`",
    "duplicate": "- {item}`a` Eka. {origin}`handbook`\n- {item}`a` Toka. {origin}`handbook`",
    "unknown-origin": "- {item}`a` Outo. {origin}`booklet:tuntematon`",
    "numbered-list": "1. {item}`a` Numeroitu. {origin}`handbook`",
    "backtick-before-origin": "- {item}`a` 1` {origin}`handbook`",
    "label-and-prose": "(merkki)=\nJohdanto.\n\n- {item}`a` Eka. {origin}`handbook`\n  jatkuu.",
    "mixed-bullets": "- {item}`a` Eka. {origin}`handbook`\n* {item}`b` Toka. {origin}`handbook`",
}


def recipe(recipe_id: str, body: str) -> str:
    return f":::{{recipe}} {recipe_id}\n:title: Resepti {recipe_id}\n:chapters: eka\n\n{body}\n:::\n"


def build(path: Path, body_by_id: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Every output file's text and the warnings of one build."""
    page = "# Reseptit\n\n" + "\n".join(recipe(rid, body) for rid, body in body_by_id.items())
    srcdir = write_project(
        path,
        {
            "index": toctree("chapter", "recipes", "overview"),
            "chapter": CHAPTER,
            "recipes": page,
            "overview": "# Kaikki\n\n:::{recipe-list}\n:::\n",
        },
    )
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    out = Path(app.outdir)
    files = {
        name: main_content((out / name).read_text(encoding="utf-8"))
        for name in ("recipes.html", "overview.html", "recipes.json")
    }
    return files, sorted(warnings_of(app))


def main_content(text: str) -> str:
    """The page's article (what the recipe blocks produce), or the whole file for JSON."""
    start, end = text.find('<div class="body"'), text.rfind('<div class="sphinxsidebar"')
    return text[start:end] if start >= 0 else text


def without_shortcut(content, first_line):
    """The general way only: no line is taken."""
    return item_lines.ItemLines(content)


CONFIRMED: list[bool] = []  # what ItemLines.confirmed said in the last both_ways()


def both_ways(tmp_path_factory, monkeypatch, bodies: dict[str, str]):
    """The files and warnings of a build with the shortcut and of one without it. A body
    is parsed twice only when a taken line did not become an item: that never happens,
    because only bodies of plain item lines are taken (CONFIRMED records it)."""
    CONFIRMED.clear()
    confirmed = item_lines.ItemLines.confirmed

    def spy(self, body):
        CONFIRMED.append(confirmed(self, body))
        return CONFIRMED[-1]

    with monkeypatch.context() as patched:
        patched.setattr(item_lines.ItemLines, "confirmed", spy)
        fast = build(tmp_path_factory.mktemp("fast"), bodies)
    with monkeypatch.context() as patched:
        patched.setattr(checklist, "take_item_lines", without_shortcut)
        general = build(tmp_path_factory.mktemp("general"), bodies)
    assert False not in CONFIRMED
    return fast, general


def test_plain_items_take_the_shortcut_and_come_out_the_same(tmp_path_factory, monkeypatch):
    (fast_files, fast_warnings), (files, warnings) = both_ways(
        tmp_path_factory, monkeypatch, {"plain": PLAIN}
    )
    assert CONFIRMED == [True]
    assert fast_warnings == warnings == []
    assert fast_files == files


@pytest.mark.parametrize("case", sorted(UNUSUAL))
def test_unusual_items_come_out_the_same(tmp_path_factory, monkeypatch, case):
    (fast_files, fast_warnings), (files, warnings) = both_ways(
        tmp_path_factory, monkeypatch, {"plain": PLAIN, "outo": UNUSUAL[case]}
    )
    assert fast_warnings == warnings
    assert fast_files == files


item_line = st.builds(
    lambda bullet, item_id, text, origin, tail: f"{bullet}{{item}}`{item_id}` {text}{origin}{tail}",
    st.sampled_from(["- ", "* ", "-  ", "1. ", "  - "]),
    st.sampled_from(["a", "b", "c", "Bad_ID", ""]),
    st.text(alphabet="abö *_`#>|<-1.{}", min_size=0, max_size=12),
    st.sampled_from([" {origin}`handbook`", " {origin}`booklet:eka`", "", " {origin}``"]),
    st.sampled_from(["", "\n  jatko", "\njatko", "\n", "\n```", "\n<div>"]),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(item_line, min_size=1, max_size=5))
def test_random_item_lines_come_out_the_same(tmp_path_factory, monkeypatch, lines):
    (fast_files, fast_warnings), (files, warnings) = both_ways(
        tmp_path_factory, monkeypatch, {"sumea": "\n".join(lines)}
    )
    assert fast_warnings == warnings
    assert fast_files == files
