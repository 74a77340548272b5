"""Property-based: random and malformed recipe blocks only ever give warnings, each
at a file and line; never a traceback, never a failed build."""

from io import StringIO

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from conftest import CHAPTER, toctree, warnings_of, write_project

ids = st.one_of(
    st.from_regex(r"[a-z][a-z0-9-]{0,45}", fullmatch=True),
    st.text(alphabet="abcXYZ_-. 0ä`{}:", max_size=12),
)
origins = st.one_of(st.sampled_from(["handbook", "booklet:eka", "booklet:toka", "booklet:", ""]), ids)
text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
option = st.one_of(
    st.tuples(
        st.sampled_from(["title", "chapters", "steps", "participants", "colour", ""]),
        st.one_of(text, st.sampled_from(["eka", "eka, toka", "alku", ",,", "alku,alku"])),
    ),
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
)


@st.composite
def recipe_block(draw) -> str:
    head = f":::{{recipe}} {draw(ids)}" if draw(st.booleans()) else ":::{recipe}"
    options = [f":{k}: {v}".rstrip() for k, v in draw(st.lists(option, max_size=5))]
    body = draw(st.lists(line, max_size=8))
    close = [":::"] if draw(st.booleans()) else []
    return "\n".join([head, *options, "", *body, *close]) + "\n"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(blocks=st.lists(recipe_block(), min_size=1, max_size=3))
def test_random_blocks_only_warn(tmp_path_factory, blocks):
    srcdir = write_project(
        tmp_path_factory.mktemp("fuzz"),
        {"index": toctree("chapter", "fuzz"), "chapter": CHAPTER, "fuzz": "# Sumea\n\n" + "\n".join(blocks)},
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
