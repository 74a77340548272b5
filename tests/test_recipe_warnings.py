"""Bad recipe input gives a typed warning at the right file and line, never a traceback,
and the content stays on the page."""

import shutil
import subprocess
import sys
from io import StringIO

import pytest
from sphinx.errors import SphinxError
from sphinx.testing.util import SphinxTestApp

from conftest import CHAPTER, toctree, warnings_of, write_project

pytestmark = pytest.mark.xdist_group("bad-input")  # one worker builds the fixtures below


EXPECTED = [
    ("missing-id.md:3", "recipe.id", "recipe without an ID"),
    ("malformed-id.md:3", "recipe.id", "malformed recipe ID 'Bad_ID'"),
    ("no-title.md:3", "recipe.option", "recipe 'no-title' has no ':title:' option"),
    ("unknown-option.md:3", "recipe.option", "unknown option 'colour'"),
    ("unknown-chapter.md:3", "recipe.chapter", "unknown chapter 'toka'"),
    ("unknown-step.md:3", "recipe.step", "unknown step 'loppu'"),
    ("empty.md:3", "recipe.empty", "recipe 'empty' has no checklist items"),
    ("item-without-id.md:7", "recipe.id", "checklist item without an ID"),
    ("malformed-item.md:7", "recipe.id", "malformed item ID 'Two 2'"),
    ("duplicate-item.md:7", "recipe.duplicate", "duplicate item ID 'one'"),
    ("item-outside.md:5", "recipe.item", "item 'stray' is outside a recipe"),
    ("item-misplaced.md:7", "recipe.item", "the item role 'two' must start a checklist item"),
    ("nested.md:8", "recipe.nested", "recipe 'inner' is inside recipe 'outer'"),
    ("unknown-ref.md:3", "recipe.ref", "unknown recipe or item 'no-such-recipe'"),
    ("unknown-ref.md:3", "recipe.ref", "unknown recipe or item 'outer.no-such-item'"),
    ("retired.md:7", "recipe.retired", "item ID 'old-step' of recipe 'retired' is retired"),
    ("history.md:5", "recipe.history", "change history of 'twin' must list the newest version first"),
    ("history.md:6", "recipe.history", "change history line of 'twin' is not '- VERSION (YYYY-MM-DD): text'"),
    ("history.md:10", "recipe.history", "change history for unknown recipe 'ghost'"),
    ("duplicate-b.md:5", "recipe.duplicate", "duplicate recipe ID 'twin', first defined in duplicate-a.md:3"),
    ("origin-missing.md:6", "recipe.origin", "item 'one' of recipe 'origin-missing' has no origin"),
    ("origin-unknown.md:6", "recipe.origin", "unknown origin 'booklet:toka'"),
    ("origin-unknown.md:7", "recipe.origin", "unknown origin 'somewhere'"),
    ("origin-misplaced.md:6", "recipe.origin", "the origin role in item 'one' of recipe 'origin-misplaced'"),
    ("origin-misplaced.md:6", "recipe.origin", "item 'one' of recipe 'origin-misplaced' has no origin"),
    ("origin-misplaced.md:9", "recipe.origin", "origin 'handbook' is outside a checklist item"),
]


def build(srcdir, parallel=0, **kwargs) -> SphinxTestApp:
    app = SphinxTestApp(
        "html", srcdir=srcdir, status=StringIO(), warning=StringIO(), parallel=parallel, **kwargs
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module", params=[0, 2], ids=["serial", "parallel"])
def bad_build(request, rootdir, tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("bad") / "src"
    shutil.copytree(rootdir / "test-bad-input", srcdir)
    return warnings_of(build(srcdir, parallel=request.param))


@pytest.mark.parametrize(("location", "subtype", "text"), EXPECTED)
def test_bad_input_is_reported_where_it_is(bad_build, location, subtype, text):
    matches = [w for w in bad_build if w.startswith(f"{location}: WARNING: ") and text in w]
    assert matches, f"no warning {text!r} at {location}; got:\n" + "\n".join(bad_build)
    assert all(w.endswith(f"[{subtype}]") for w in matches)


def test_every_warning_is_expected_and_none_is_a_traceback(bad_build):
    assert not any("Traceback" in w or "Exception" in w for w in bad_build)
    unexpected = [
        w for w in bad_build if not any(w.startswith(loc) and text in w for loc, _s, text in EXPECTED)
    ]
    # the misplaced role also leaves its bullet without an ID: one more warning, same line
    assert unexpected == [
        "item-misplaced.md:7: WARNING: checklist item without an ID in recipe "
        "'item-misplaced': start it with {item}`id`; it is shown without a "
        "tick box [recipe.id]"
    ]


def test_content_of_bad_recipes_stays_on_the_page(rootdir, tmp_path):
    srcdir = shutil.copytree(rootdir / "test-bad-input", tmp_path / "src")
    app = build(srcdir)
    out = app.outdir
    assert "Do one." in (out / "missing-id.html").read_text()
    assert "Do two without an ID." in (out / "item-without-id.html").read_text()
    assert "Do one again." in (out / "duplicate-item.html").read_text()
    nested = (out / "nested.html").read_text()
    assert "Do two." in nested and "Do one." in nested
    assert "A stray item." in (out / "item-outside.html").read_text()


def test_warnings_fail_a_strict_build(tmp_path):
    srcdir = write_project(
        tmp_path,
        {"index": toctree("chapter", "r"), "chapter": CHAPTER, "r": "# R\n\n:::{recipe} r\n:title: R\n:::\n"},
    )
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", str(srcdir), str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "r.md:3: WARNING: recipe 'r' has no checklist items" in result.stderr


def test_a_warning_type_can_be_suppressed(tmp_path):
    srcdir = write_project(
        tmp_path,
        {"index": toctree("chapter", "r"), "chapter": CHAPTER, "r": "# R\n\n:::{recipe} r\n:title: R\n:::\n"},
        'suppress_warnings = ["recipe.empty"]\n',
    )
    assert warnings_of(build(srcdir)) == []


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('recipes_storage_namespace = "Bad Name"', "recipes_storage_namespace must be set"),
        ('recipes_chapters = {"Bad": "chapter"}', "key 'Bad' is not a valid ID"),
        ('recipes_process_steps = {"alku": ""}', "must be a non-empty string"),
    ],
)
def test_bad_configuration_is_refused_with_a_message(tmp_path, setting, message):
    srcdir = write_project(tmp_path, {"index": "# Kirja\n"}, setting + "\n")
    with pytest.raises(SphinxError, match=message):
        build(srcdir)


def test_a_chapter_that_is_not_a_document_is_reported(tmp_path):
    srcdir = write_project(
        tmp_path, {"index": toctree("chapter"), "chapter": CHAPTER}, 'recipes_chapters = {"eka": "missing"}\n'
    )
    assert any(
        "recipes_chapters['eka'] names 'missing'" in w and w.endswith("[recipe.chapter]")
        for w in warnings_of(build(srcdir))
    )
