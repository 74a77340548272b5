"""Bad recipe input gives a typed warning at the right file and line, never a traceback;
the content stays on the page, escaped, and recipes.json stays valid against its schema."""

import json
import re
import shutil
import subprocess
import sys

import jsonschema
import pytest
from bs4 import BeautifulSoup, Comment
from sphinx.errors import SphinxError
from sphinx.testing.util import SphinxTestApp

from tools import sphinx_command

from conftest import CHAPTER, ROOT, built_app, toctree, warnings_of, write_project

pytestmark = pytest.mark.xdist_group("bad-input")  # one worker builds the fixtures below


HTML = "recipes cannot carry HTML"
EXPECTED = [
    ("missing-id.md:3", "recipe.id", "recipe without an ID"),
    ("malformed-id.md:3", "recipe.id", "malformed recipe ID 'Bad_ID' (character 1 is U+0042"),
    ("no-title.md:3", "recipe.option", "recipe 'no-title' has no ':title:' option"),
    ("unknown-option.md:5", "recipe.option", "unknown option 'colour'"),
    ("unknown-chapter.md:5", "recipe.chapter", "unknown chapter 'toka'"),
    ("unknown-step.md:5", "recipe.step", "unknown step 'loppu'"),
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
    ("history.md:9", "recipe.history", "change history for unknown recipe 'ghost'"),
    ("duplicate-b.md:5", "recipe.duplicate", "duplicate recipe ID 'twin', first defined in duplicate-a.md:3"),
    ("origin-missing.md:6", "recipe.origin", "item 'one' of recipe 'origin-missing' has no origin"),
    ("origin-unknown.md:6", "recipe.origin", "unknown origin 'booklet:toka'"),
    ("origin-unknown.md:7", "recipe.origin", "unknown origin 'somewhere'"),
    ("origin-misplaced.md:6", "recipe.origin", "the origin role in item 'one' of recipe 'origin-misplaced'"),
    ("origin-misplaced.md:6", "recipe.origin", "item 'one' of recipe 'origin-misplaced' has no origin"),
    ("origin-misplaced.md:9", "recipe.origin", "origin 'handbook' is outside a checklist item"),
    # 1. dates that do not exist or are far away
    ("impossible-date.md:10", "recipe.history", "2999-01-01 is more than a year ahead"),
    ("impossible-date.md:11", "recipe.history", "2026-02-30 is not a date (no such day)"),
    ("impossible-date.md:12", "recipe.history", "1999-12-31 is before 2000"),
    # 2. raw HTML in titles, items, prose and histories
    ("raw-html.md:4", "recipe.html", f"raw HTML '<b>' in recipe 'raw-html'; {HTML}"),
    ("raw-html.md:4", "recipe.html", f"raw HTML '</b>' in recipe 'raw-html'; {HTML}"),
    ("raw-html.md:6", "recipe.html", f"raw HTML '<script>' in recipe 'raw-html'; {HTML}"),
    ("raw-html.md:6", "recipe.html", f"raw HTML '</script>' in recipe 'raw-html'; {HTML}"),
    ("raw-html.md:7", "recipe.html", f"raw HTML '<img src=x onerror=alert(2)>' in recipe 'raw-html'; {HTML}"),
    ("raw-html.md:8", "recipe.html", f"raw HTML '<!-- hidden note -->' in recipe 'raw-html'; {HTML}"),
    ("raw-html.md:10", "recipe.html", "raw HTML '<div class=\"injected\">A block of HTML.<…' in recipe"),
    (
        "raw-html.md:14",
        "recipe.html",
        "raw HTML '<em onmouseover=alert(3)>' in the change history of 'raw-html'",
    ),
    ("raw-html.md:14", "recipe.html", "raw HTML '</em>' in the change history of 'raw-html'"),
    # 3. list options with repeated or malformed values
    ("duplicate-options.md:5", "recipe.duplicate", "'eka' is listed more than once in ':chapters:'"),
    ("duplicate-options.md:6", "recipe.duplicate", "'alku' is listed more than once in ':steps:'"),
    ("duplicate-options.md:7", "recipe.duplicate", "'baker' is listed more than once in ':participants:'"),
    ("duplicate-options.md:8", "recipe.duplicate", "'old' is listed more than once in ':retired:'"),
    ("duplicate-options.md:8", "recipe.id", "malformed retired item ID 'Bad_Old'"),
    # 4. a second history of one recipe, on the same page and on another
    (
        "two-histories-a.md:13",
        "recipe.duplicate",
        "second change history of 'two-histories'; the first is at two-histories-a.md:9",
    ),
    (
        "two-histories-b.md:3",
        "recipe.duplicate",
        "second change history of 'two-histories'; the first is at two-histories-a.md:9",
    ),
    # 5. unclosed fences
    (
        "unclosed.md:3",
        "recipe.fence",
        "':::{recipe}' is never closed; it is closed before the heading on line 8",
    ),
    ("unclosed-end.md:11", "recipe.fence", "':::{recipe-changes}' is never closed, so it runs to the end"),
    # 6. silent oddities
    ("empty-item.md:7", "recipe.empty", "item 'blank' of recipe 'empty-item' has no text"),
    (
        "anchor-clash.md:9",
        "recipe.duplicate",
        "the id 'recipe-clash' of this section is also a recipe anchor",
    ),
    ("two-lists.md:6", "recipe.duplicate", "recipe-list number 2 on this page"),
    ("trailing-dot.md:3", "recipe.ref", "unknown recipe or item 'twin.'; remove the trailing dot"),
    (
        "lookalike.md:3",
        "recipe.id",
        "malformed recipe ID 'k\u0430tsu' (character 2 is U+0430 CYRILLIC SMALL LETTER A)",
    ),
    ("lookalike.md:12", "recipe.id", "(character 3 is U+200B ZERO WIDTH SPACE)"),
    ("numbered.md:6", "recipe.item", "numbered list in recipe 'numbered': checklist items are '-' bullets"),
    ("nested-no-id.md:8", "recipe.nested", "a recipe without an ID is inside recipe 'ulko'"),
    # 7. a source that is not UTF-8
    (
        "latin1.md:3",
        "recipe.encoding",
        "latin1.md is not UTF-8: byte 0xe4 at byte offset 12 (line 3, column 2)",
    ),
]
# written by the fixture: a committed Latin-1 file would trip every tool that reads the tree
LATIN1 = "# Latin-1\n\nPäivä and more.\n".encode("latin-1")


def build(srcdir, parallel=0, **kwargs) -> SphinxTestApp:
    return built_app(srcdir, parallel=parallel, **kwargs)


def copy_bad_input(rootdir, target):
    srcdir = shutil.copytree(rootdir / "test-bad-input", target)
    (srcdir / "latin1.md").write_bytes(LATIN1)
    return srcdir


@pytest.fixture(scope="module", params=[0, 2], ids=["serial", "parallel"])
def bad_app(request, rootdir, tmp_path_factory):
    return build(copy_bad_input(rootdir, tmp_path_factory.mktemp("bad") / "src"), parallel=request.param)


@pytest.fixture(scope="module")
def bad_build(bad_app):
    return warnings_of(bad_app)


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


def test_content_of_bad_recipes_stays_on_the_page(bad_app):
    out = bad_app.outdir
    assert "Do one." in (out / "missing-id.html").read_text()
    assert "Do two without an ID." in (out / "item-without-id.html").read_text()
    assert "Do one again." in (out / "duplicate-item.html").read_text()
    nested = (out / "nested.html").read_text()
    assert "Do two." in nested and "Do one." in nested
    assert "A stray item." in (out / "item-outside.html").read_text()


def soup(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def catalogue(app) -> dict:
    return {
        r["id"]: r for r in json.loads((app.outdir / "recipes.json").read_text(encoding="utf-8"))["recipes"]
    }


def test_raw_html_is_text_on_the_page_in_links_and_in_the_overview(bad_app):
    page = soup(bad_app, "raw-html")
    recipe = page.select_one("section.recipe[data-recipe=raw-html]")
    assert recipe.select("script, img, em, div.injected") == []
    assert not recipe.find_all(string=lambda s: isinstance(s, Comment))
    labels = [label.get_text() for label in recipe.select("li.recipe-item label")]
    assert labels[0].startswith("<script>alert(1)</script>")
    assert "<!-- hidden note -->" in labels[2]
    assert "<b>bold</b>" in recipe.select_one(".recipe-title").get_text()
    assert '<div class="injected">' in recipe.get_text()
    history = page.select_one(".recipe-changes")
    assert history.select("em") == [] and "<em onmouseover=alert(3)>" in history.get_text()
    links = [a.get_text() for a in page.select("a.reference") if "recipe-raw-html--" in a.get("href", "")]
    assert links[0].startswith("<script>") and "<!-- hidden note -->" in links[1]
    overview = soup(bad_app, "two-lists").select_one("#overview-raw-html")
    assert overview.select("script, img, b") == []
    assert "<!-- hidden note -->" in overview.get_text()


def test_catalogue_of_bad_input_is_valid_and_inert(bad_app):
    text = (bad_app.outdir / "recipes.json").read_text(encoding="utf-8")
    assert "<" not in text and ">" not in text  # escaped as \\u003c, \\u003e
    schema = json.loads((ROOT / "_ext/recipes/schemas/recipes.schema.json").read_text())
    jsonschema.validate(json.loads(text), schema)
    recipes = catalogue(bad_app)
    assert recipes["raw-html"]["items"][0]["text"] == "<script>alert(1)</script> Do it."
    assert recipes["raw-html"]["title"] == "Raw <b>bold</b> title"
    options = recipes["duplicate-options"]
    assert (options["chapters"], options["steps"]) == (["eka"], ["alku"])
    assert (options["participants"], options["retired"]) == (["baker"], ["old"])
    assert recipes["title-markup"]["title"] == "A careful title"
    assert [i["text"] for i in recipes["empty-item"]["items"]] == ["Do one.", "blank"]


def test_no_history_entry_is_lost(bad_app):
    recipe = catalogue(bad_app)["two-histories"]
    assert recipe["version"] == "2.0"
    assert [c["version"] for c in recipe["changes"]] == ["2.0", "1.1", "1.0"]
    assert "2.0" in soup(bad_app, "two-histories-a").select_one(".recipe-meta").get_text()
    assert "2026-02-30" in soup(bad_app, "impossible-date").select_one(".recipe-changes").get_text()


def test_an_unclosed_recipe_ends_before_the_next_heading(bad_app):
    page = soup(bad_app, "unclosed")
    recipe = page.select_one("section.recipe[data-recipe=unclosed]")
    assert "Text after the recipe." not in recipe.get_text()
    (heading,) = [h2 for h2 in page.select("h2") if "Later section" in h2.get_text()]
    assert recipe not in heading.parents
    assert "Text after the recipe." in page.get_text()
    assert "First." in soup(bad_app, "unclosed-end").get_text()


def test_every_page_has_unique_ids(bad_app):
    for path in sorted(bad_app.outdir.glob("*.html")):
        ids = [
            tag["id"] for tag in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("[id]")
        ]
        assert len(ids) == len(set(ids)), (path.name, sorted({i for i in ids if ids.count(i) > 1}))


def test_odd_but_readable_input_renders_sensibly(bad_app):
    numbered = soup(bad_app, "numbered").select("section.recipe li.recipe-item input[type=checkbox]")
    assert len(numbered) == 2
    assert soup(bad_app, "title-markup").select_one(".recipe-title em").get_text() == "careful"
    blank = soup(bad_app, "empty-item").select_one("li[data-item=blank] label")
    assert blank.get_text(strip=True) == "blank"
    assert "P\ufffdiv\ufffd and more." in soup(bad_app, "latin1").get_text()


def test_warnings_fail_a_strict_build(tmp_path):
    srcdir = write_project(
        tmp_path,
        {"index": toctree("chapter", "r"), "chapter": CHAPTER, "r": "# R\n\n:::{recipe} r\n:title: R\n:::\n"},
    )
    out = tmp_path / "out"
    result = subprocess.run(
        sphinx_command.command("html", out, out / ".doctrees", src=srcdir, quiet=True),
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


def test_an_unknown_subtype_is_refused_even_under_python_O():
    code = "from recipes.warnings import warn; warn('message', None, 'no-such-subtype')"
    result = subprocess.run(
        [sys.executable, "-O", "-c", code], capture_output=True, text=True, cwd=ROOT / "_ext"
    )
    assert result.returncode != 0
    assert "unknown recipe warning subtype 'no-such-subtype'" in result.stderr


def test_every_subtype_is_documented_with_its_meaning():
    from recipes.warnings import SUBTYPES

    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for subtype in SUBTYPES:
        # one table row each in CONTRIBUTING.md: | `recipe.<subtype>` | meaning |
        assert re.search(rf"^\| `recipe\.{subtype}` \| \S", contributing, re.M), subtype
        assert f"`recipe.{subtype}`" in readme, subtype


def test_a_numbered_list_without_items_stays_prose(tmp_path):
    recipe = (
        "# R\n\n:::{recipe} r\n:title: R\n\n1. Ensin tämä.\n2. Sitten tuo.\n\n"
        "- {item}`a` Tee a. {origin}`handbook`\n:::\n"
    )
    srcdir = write_project(tmp_path, {"index": toctree("chapter", "r"), "chapter": CHAPTER, "r": recipe})
    app = build(srcdir)
    assert warnings_of(app) == []
    section = soup(app, "r").select_one("section.recipe")
    assert [li.get_text(strip=True) for li in section.select("ol > li")] == ["Ensin tämä.", "Sitten tuo."]
    assert len(section.select("input[type=checkbox]")) == 1


def test_every_literal_subtype_is_listed_and_every_listed_one_is_used():
    """Read from the source, so a warning on a path no test takes is checked too."""
    import ast

    from recipes.warnings import SUBTYPES

    called, constants = set(), set()
    for path in (ROOT / "_ext" / "recipes").glob("*.py"):
        if path.name == "warnings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "warn"
                and len(node.args) == 3
            ):
                if isinstance(node.args[2], ast.Constant):
                    called.add(node.args[2].value)
    assert called - set(SUBTYPES) == set()
    assert set(SUBTYPES) - constants == set()
