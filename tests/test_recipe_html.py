"""HTML output of recipe blocks: real checkboxes with labels, metadata links, progress,
tools, references and the overview; assets only on HTML builds."""

import gzip

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
    ]
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


def test_script_is_deferred_external_and_small(basic):
    soup = page(basic, "recipe")
    scripts = [s for s in soup.select("script") if "recipes.js" in s.get("src", "")]
    assert len(scripts) == 1 and scripts[0].has_attr("defer")
    assert soup.select_one("meta[name=recipes-namespace]")["content"] == "test-handbook"
    assert (basic / "_static" / "recipes.js").exists()
    # the checklist with its plan fields, merge and migration; the follow-up view is separate
    assert len(gzip.compress((STATIC / "recipes.js").read_bytes(), 9)) <= 6 * 1024
    assert len(gzip.compress((STATIC / "followup.js").read_bytes(), 9)) <= 4 * 1024
    assert not [s for s in soup.select("script") if "followup.js" in s.get("src", "")]


@pytest.mark.parametrize("script", ["recipes.js", "followup.js"])
def test_script_never_inserts_html(script):
    source = (STATIC / script).read_text()
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "fetch(",
        "XMLHttpRequest",
    ):
        assert sink not in source


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
