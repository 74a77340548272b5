"""Parallel and incremental builds give the same site as a clean serial build."""

import json
import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import CHAPTER, recipe_doc, toctree, write_project

RECIPES = {
    f"r{n}": recipe_doc(f"resepti-{n}", ["alku", "keskikohta", "loppu"], f"Resepti {n}") for n in range(1, 7)
}
OVERVIEW = "# Kaikki\n\n:::{recipe-list}\n:::\n"
REFERRER = "# Viitteet\n\nKatso {recipe}`resepti-3` ja {recipe}`resepti-3.loppu`.\n"


def project(path: Path) -> Path:
    docs = {
        "index": toctree("chapter", "overview", "refs", *RECIPES),
        "chapter": CHAPTER,
        "overview": OVERVIEW,
        "refs": REFERRER,
        **RECIPES,
    }
    return write_project(path, docs)


WRITTEN: list[str] = []  # docnames written by the last build(), in any order


def build(srcdir: Path, outdir: Path | None = None, parallel: int = 0) -> tuple[Path, list[str]]:
    read: list[str] = []
    WRITTEN.clear()
    app = SphinxTestApp(
        "html", srcdir=srcdir, builddir=outdir, status=StringIO(), warning=StringIO(), parallel=parallel
    )
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    app.connect("doctree-resolved", lambda app, doctree, docname: WRITTEN.append(docname))
    app.build()
    app.cleanup()
    assert app.warning.getvalue() == ""
    return Path(app.outdir), read


def site_files(outdir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(outdir)): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.suffix in (".html", ".json", ".js") and "_static" not in p.parts
    }


def test_parallel_build_equals_serial_build(tmp_path):
    serial, _ = build(project(tmp_path / "serial"))
    parallel, _ = build(project(tmp_path / "parallel"), parallel=2)
    serial_files, parallel_files = site_files(serial), site_files(parallel)
    assert serial_files.keys() == parallel_files.keys()
    different = [name for name in serial_files if serial_files[name] != parallel_files[name]]
    assert different == []


def test_editing_one_recipe_rereads_only_it_and_updates_the_rest(tmp_path):
    srcdir = project(tmp_path / "src")
    outdir, first_read = build(srcdir, tmp_path / "out")
    assert len(first_read) == 10

    # the recipe's title and one item; the page heading stays (neighbours' navigation
    # shows page titles, which Sphinx itself does not refresh on an incremental build)
    edited = (
        RECIPES["r3"].replace(":title: Resepti 3", ":title: Uusi nimi").replace("Tee loppu.", "Viimeistele.")
    )
    (srcdir / "r3.md").write_text(edited, encoding="utf-8")
    outdir, reread = build(srcdir, tmp_path / "out")
    assert reread == ["r3"]
    # Sphinx writes the edited page and its toctree parent ("index"); the extension adds
    # only the pages that show data of resepti-3: the overview and the referrer
    assert sorted(WRITTEN) == ["index", "overview", "r3", "refs"]

    overview = (outdir / "overview.html").read_text()
    assert "Uusi nimi" in overview and "Viimeistele." in overview
    refs = (outdir / "refs.html").read_text()
    assert "Uusi nimi" in refs and "Viimeistele." in refs
    catalogue = json.loads((outdir / "recipes.json").read_text())
    recipe = next(r for r in catalogue["recipes"] if r["id"] == "resepti-3")
    assert recipe["title"] == "Uusi nimi" and recipe["items"][-1]["text"] == "Viimeistele."

    clean_src = shutil.copytree(srcdir, tmp_path / "clean", ignore=shutil.ignore_patterns("_build"))
    clean, _ = build(clean_src, tmp_path / "clean-out")
    assert site_files(outdir) == site_files(clean)


def test_unchanged_rebuild_reads_nothing(tmp_path):
    srcdir = project(tmp_path / "src")
    build(srcdir, tmp_path / "out")
    _, reread = build(srcdir, tmp_path / "out")
    assert reread == []


def test_prose_above_a_recipe_rewrites_only_its_page(tmp_path):
    srcdir = project(tmp_path / "src")
    build(srcdir, tmp_path / "out")
    (srcdir / "r5.md").write_text(
        RECIPES["r5"].replace(":::{recipe}", "Uusi kappale.\n\n:::{recipe}"), encoding="utf-8"
    )
    build(srcdir, tmp_path / "out")
    assert sorted(WRITTEN) == ["index", "r5"]  # the page and its toctree parent, as Sphinx does


def test_a_change_history_rewrites_the_pages_that_show_it(tmp_path):
    srcdir = project(tmp_path / "src")
    build(srcdir, tmp_path / "out")
    with (srcdir / "refs.md").open("a", encoding="utf-8") as refs:
        refs.write("\n:::{recipe-changes} resepti-2\n- 1.0 (2026-11-28): Ensimmäinen versio.\n:::\n")
    outdir, _ = build(srcdir, tmp_path / "out")
    assert sorted(WRITTEN) == ["index", "overview", "r2", "refs"]  # r2 shows its version
    assert "1.0" in (outdir / "r2.html").read_text()


def test_a_changed_interface_string_rewrites_every_page(tmp_path, monkeypatch):
    """The pages hold the extension's UI strings (buttons, labels): when its catalogues
    change, no source changed, yet every page must be written again."""
    import recipes

    srcdir = project(tmp_path / "src")
    build(srcdir, tmp_path / "out")
    build(srcdir, tmp_path / "out")
    assert WRITTEN == []
    monkeypatch.setattr(recipes, "catalogue_digest", lambda: "a catalogue with one string changed")
    build(srcdir, tmp_path / "out")
    assert sorted(WRITTEN) == sorted(["index", "chapter", "overview", "refs", *RECIPES])


def test_the_catalogue_digest_follows_every_message(tmp_path):
    from recipes.i18n import LOCALE_DIR, catalogue_digest

    copy = Path(shutil.copytree(LOCALE_DIR, tmp_path / "locale"))
    assert catalogue_digest(copy) == catalogue_digest(LOCALE_DIR)
    po = copy / "sv" / "LC_MESSAGES" / "recipes-ui.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "x"\nmsgstr "y"\n', encoding="utf-8")
    assert catalogue_digest(copy) != catalogue_digest(LOCALE_DIR)
