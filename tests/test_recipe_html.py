"""HTML output of recipe blocks: real checkboxes with labels, metadata links, progress,
tools, references and the overview; assets only on HTML builds."""

import gzip
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

STATIC = ROOT / "_ext" / "recipes" / "static"


@pytest.fixture
def basic(basic_root):
    return basic_root


def page(outdir, name) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_each_item_is_a_checkbox_with_its_own_label(basic):
    recipe = page(basic, "recipe").select_one("section.recipe[data-recipe=kakku]")
    items = recipe.select("li.recipe-item")
    assert [li["data-item"] for li in items] == ["uuni", "taikina"]
    for li in items:
        box = li.select_one("input[type=checkbox]")
        label = li.select_one(f"label[for={box['id']}]")
        assert label is not None and label.get_text(strip=True)
    assert items[0].label.em.get_text() == "200 asteeseen"  # inline markup survives


def test_metadata_links_chapters_and_steps(basic):
    meta = page(basic, "recipe").select_one(".recipe-meta")
    links = {a.get_text(): a["href"] for a in meta.select("a")}
    assert links == {"Luku": "chapter.html", "Alku": "chapter.html#step-alku"}
    assert "leipuri, maistaja" in meta.get_text()
    assert [dt.get_text().rstrip(":") for dt in meta.select("dt")] == [
        "Luvut",
        "Prosessin vaiheet",
        "Osallistujat",
        "Versio",
    ]
    assert meta.select("dd")[-1].get_text(strip=True) == "1.1 (1.12.2026)"


def test_progress_and_tools_wait_for_javascript(basic):
    recipe = page(basic, "recipe").select_one("section.recipe[data-recipe=kakku]")
    progress = recipe.select_one(".recipe-progress")
    assert progress.has_attr("hidden") and progress.progress["aria-label"]
    tools = recipe.select_one(".recipe-tools")
    assert tools.has_attr("hidden")
    assert tools["data-msg-count"] == "{done} / {total} tehty"
    assert [b.get_text() for b in tools.select("button")] == [
        "Vie edistyminen tiedostoon",
        "Tyhjennä merkinnät",
        "Kumoa",
        "Reseptin määräajat kalenteriin (.ics)",
        "Kaikki määräajat kalenteriin (.ics)",
    ]
    assert tools.select_one("button[data-action=undo]").has_attr("hidden")  # until there is something to undo
    assert tools.select_one("input[type=file][data-action=import]")
    assert tools.select_one("[role=status]")


def test_references_show_titles(basic):
    links = page(basic, "chapter").select("a.reference.internal")
    shown = {a.get_text(): a["href"] for a in links}
    assert shown["Kakun resepti"] == "recipe.html#recipe-kakku"
    assert shown["Lämmitä uuni 200 asteeseen."] == "recipe.html#recipe-kakku--uuni"


def test_overview_lists_every_recipe_with_items_and_total_progress(basic):
    overview = page(basic, "recipe").select_one(".recipe-overview")
    assert overview.select_one(".recipe-progress[data-scope=all]")
    summary = overview.select_one("section[data-recipe=kakku]")
    assert summary.select_one(".recipe-title a")["href"] == "#recipe-kakku"
    assert [li["data-item"] for li in summary.select("li.recipe-item")] == ["uuni", "taikina"]


SCRIPTS = ("progress.js", "recipes.js", "recipe-tools.js", "calendar.js", "followup.js", "recipe-map.js")


def test_script_is_a_module_external_and_small(basic):
    soup = page(basic, "recipe")
    scripts = [s for s in soup.select("script") if "recipes.js" in s.get("src", "")]
    assert len(scripts) == 1 and scripts[0]["type"] == "module"  # a module is deferred
    assert soup.select_one("meta[name=recipes-namespace]")["content"] == "test-handbook"
    served = basic / "_static"
    # on first view a recipe page runs recipes.js and the one module it imports; the tools
    # (recipe-tools.js, calendar.js) load at their first use
    source = (STATIC / "recipes.js").read_text(encoding="utf-8")
    assert re.findall(r'^import .* from "(.+)";$', source, re.MULTILINE) == ["./progress.js"]
    sizes = {
        name: len(gzip.compress((served / name).read_bytes(), 9)) for name in ("recipes.js", "progress.js")
    }
    assert sum(sizes.values()) <= 7 * 1024, sizes
    assert len(gzip.compress((served / "followup.js").read_bytes(), 9)) <= 4 * 1024
    assert not [s for s in soup.select("script") if "followup.js" in s.get("src", "")]


def code(text: str) -> str:
    """JavaScript without comments and white space: what must not change when it is served."""
    return re.sub(r"\s+", "", re.sub(r"/\*.*?\*/|^\s*//[^\n]*", "", text, flags=re.S | re.M))


@pytest.mark.parametrize("script", SCRIPTS)
def test_served_scripts_are_the_sources_without_comments(basic, tmp_path, script):
    served = (basic / "_static" / script).read_text(encoding="utf-8")
    source = (STATIC / script).read_text(encoding="utf-8")
    assert "@ts-check" not in served and "@ts-check" in source and len(served) < len(source) * 0.8
    # the served imports name a version (tests/test_script_versions.py)
    assert code(re.sub(r"\?v=\w+", "", served)) == code(source)
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: install it with `apt-get install -y nodejs`")
    module = tmp_path / (script[:-3] + ".mjs")
    module.write_text(served, encoding="utf-8")
    assert subprocess.run([node, "--check", str(module)], capture_output=True).returncode == 0


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_never_inserts_html(script):
    source = (STATIC / script).read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "XMLHttpRequest"):
        assert sink not in source
    # the one request: the handbook's own catalogue, for names at import and calendar export
    fetches = re.findall(r"fetch\((.*?)\)\)", source)
    assert fetches == (['new URL("../recipes.json", import.meta.url'] if script == "recipe-tools.js" else [])


def test_only_the_progress_module_touches_storage():
    for script in SCRIPTS:
        source = (STATIC / script).read_text()
        touches = "localStorage" in source or "sessionStorage" in source
        assert touches == (script == "progress.js"), script


def test_change_history_and_changelog(basic):
    history = page(basic, "recipe").select_one(".recipe-changes")
    assert [" ".join(li.get_text().split()) for li in history.select("li")] == [
        "1.1 (1.12.2026): Uuni lämmitetään nyt ennen taikinaa.",
        "1.0 (28.11.2026): Ensimmäinen versio.",
    ]
    changelog = page(basic, "index").select_one(".recipe-changelog")
    entries = changelog.select("li")
    assert entries[0].get_text(" ", strip=True).startswith("1.12.2026 – Kakun resepti 1.1:")
    assert entries[0].a["href"] == "recipe.html#recipe-kakku"
    assert len(entries) == 2


def test_each_item_carries_the_revision_of_its_text(basic, rootdir):
    """The revision a tick remembers is the digest of the item's Markdown source without
    its item and origin roles, here cut from the source file."""
    import hashlib
    import json

    source = (rootdir / "test-basic" / "recipe.md").read_text(encoding="utf-8")
    texts = dict(re.findall(r"^- \{item\}`([a-z-]+)` (.*?) \{origin\}`[^`]*`$", source, re.MULTILINE))
    assert texts == {"uuni": "Lämmitä uuni *200 asteeseen*.", "taikina": "Sekoita taikina."}
    soup = page(basic, "recipe")
    catalogue = json.loads((basic / "recipes.json").read_text(encoding="utf-8"))
    kakku = next(r for r in catalogue["recipes"] if r["id"] == "kakku")
    for li in soup.select("section[data-recipe=kakku]:not(.recipe-summary) li.recipe-item"):
        text = texts[li["data-item"]]
        assert li["data-rev"] == hashlib.sha256(text.encode()).hexdigest()[:12], text
        assert li["data-rev"] == next(i["revision"] for i in kakku["items"] if i["id"] == li["data-item"])
    assert soup.select_one("section[data-recipe=kakku]")["data-changed"] == "2026-12-01"
