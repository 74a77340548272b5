"""Property-based: random and malformed recipe blocks only ever give warnings, each
at a file and line; never a traceback, never a failed build, never markup that runs,
and recipes.json always matches its schema."""

import json
from io import StringIO

import jsonschema
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from conftest import CHAPTER, ROOT, toctree, warnings_of, write_project

ids = st.one_of(
    st.from_regex(r"[a-z][a-z0-9-]{0,45}", fullmatch=True),
    st.text(alphabet="abcXYZ_-. 0ä`{}:", max_size=12),
)
SCHEMA = json.loads((ROOT / "_ext/recipes/schemas/recipes.schema.json").read_text(encoding="utf-8"))
# markup a contributor could paste: each must end up as text, never as an element
raw_html = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<!-- kommentti -->",
        "<b>lihava</b>",
        '<a href="javascript:alert(1)">linkki</a>',
        "<iframe src=x></iframe>",
    ]
)
plain = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
text = st.one_of(plain, st.builds(lambda a, h, b: f"{a} {h} {b}", plain, raw_html, plain))
# real, impossible and far-away days, and strings that only look like dates
dates = st.one_of(
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 9999),
        st.integers(0, 19),
        st.integers(0, 39),
    ),
)
history_line = st.builds(
    lambda major, minor, day, t: f"- {major}.{minor} ({day}): {t}",
    st.integers(0, 12),
    st.integers(0, 12),
    dates,
    text,
)
listed = st.lists(st.sampled_from(["eka", "alku", "toka", "vanha", "Bad_ID", "kаtsu"]), max_size=4)
origins = st.one_of(st.sampled_from(["handbook", "booklet:eka", "booklet:toka", "booklet:", ""]), ids)
option = st.one_of(
    st.tuples(
        st.sampled_from(["title", "chapters", "steps", "participants", "retired", "colour", ""]),
        st.one_of(text, st.sampled_from(["eka", "eka, toka", "alku", ",,", "alku,alku"])),
    ),
    # repeated values in list options
    st.tuples(st.sampled_from(["chapters", "steps", "participants", "retired"]), listed.map(", ".join)),
)
line = st.one_of(
    st.builds(lambda i, t: f"- {{item}}`{i}` {t}", ids, text),
    st.builds(lambda i, t, o: f"- {{item}}`{i}` {t} {{origin}}`{o}`", ids, text, origins),
    st.builds(lambda t: f"Joka {{proposal}}`{t}` vuosi.", text),
    st.builds(lambda t: f"- {t}", text),
    st.builds(lambda i: f"  - {{item}}`{i}` nested", ids),
    text,
    st.just(""),
    st.builds(lambda i: f":::{{recipe}} {i}", ids),
    st.just(":::"),
    st.just("::::"),
    st.builds(lambda i: f"See {{recipe}}`{i}`.", ids),
    st.builds(lambda i: f"See {{recipe}}`{i}.`.", ids),
    st.builds(lambda i, t: f"1. {{item}}`{i}` {t}", ids, text),
    st.builds(lambda h: f"- {{item}}`x` {h}", raw_html),
    raw_html,
    st.just("## Otsikko"),
    st.just("```"),
)


@st.composite
def recipe_block(draw) -> str:
    head = f":::{{recipe}} {draw(ids)}" if draw(st.booleans()) else ":::{recipe}"
    options = [f":{k}: {v}".rstrip() for k, v in draw(st.lists(option, max_size=5))]
    body = draw(st.lists(line, max_size=8))
    close = [":::"] if draw(st.booleans()) else []  # unclosed fences too
    return "\n".join([head, *options, "", *body, *close]) + "\n"


@st.composite
def history_block(draw) -> str:
    recipe_id = draw(st.one_of(ids, st.sampled_from(["a", "b"])))
    lines = draw(st.lists(st.one_of(history_line, plain), max_size=4))
    close = [":::"] if draw(st.booleans()) else []
    return "\n".join([f":::{{recipe-changes}} {recipe_id}", *lines, *close]) + "\n"


RECIPE_PARTS = "section.recipe, .recipe-invalid, .recipe-changes, .recipe-overview, .recipe-changelog"


def assert_inert(page: str) -> None:
    """Nothing inside recipe blocks, histories and overviews is an element random input
    could have injected (raw HTML elsewhere on a page is the page author's own)."""
    for part in BeautifulSoup(page, "html.parser").select(RECIPE_PARTS):
        injected = part.select("script, img, iframe, b, a[href^=javascript]")
        assert injected == [], injected


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(blocks=st.lists(st.one_of(recipe_block(), history_block()), min_size=1, max_size=4))
def test_random_blocks_only_warn(tmp_path_factory, blocks):
    srcdir = write_project(
        tmp_path_factory.mktemp("fuzz"),
        {
            "index": toctree("chapter", "fuzz", "overview"),
            "chapter": CHAPTER,
            "fuzz": "# Sumea\n\n" + "\n".join(blocks),
            "overview": "# Kaikki\n\n:::{recipe-list}\n:::\n\n:::{recipe-changelog}\n:::\n",
        },
    )
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()  # raises on any exception inside the extension
    finally:
        app.cleanup()
    for warning in warnings_of(app):
        assert "Traceback" not in warning and "Exception" not in warning, warning
        if warning.endswith("]") and "[recipe." in warning:
            assert warning.startswith("fuzz.md:"), warning
    outdir = app.outdir
    jsonschema.validate(json.loads((outdir / "recipes.json").read_text(encoding="utf-8")), SCHEMA)
    for name in ("fuzz", "overview"):
        assert_inert((outdir / f"{name}.html").read_text(encoding="utf-8"))
