"""Two clean builds of the handbook give byte-identical pages and catalogue; an
incremental build after editing one recipe equals a clean build."""

import shutil
from pathlib import Path

from tools import sphinx_command

from conftest import ROOT

# .git comes along: pages show their last-updated date from the Git history
IGNORE = shutil.ignore_patterns(".venv", "build", "tests", "benchmarks", ".*cache*")


def build(src: Path, out: Path) -> None:
    doctrees = out / "doctrees"
    sphinx_command.run("html", out / "html", "fi", doctrees=doctrees, src=src, quiet=True).check_returncode()


def output(out: Path) -> dict[str, bytes]:
    html = out / "html"
    return {
        str(p.relative_to(html)): p.read_bytes()
        for p in sorted(html.rglob("*"))
        if p.is_file() and p.name != ".buildinfo"
    }


def test_clean_builds_are_identical_and_incremental_equals_clean(site, tmp_path):
    src = Path(shutil.copytree(ROOT, tmp_path / "src", ignore=IGNORE))
    build(src, tmp_path / "incremental")
    first = output(tmp_path / "incremental")
    assert first == {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.name != ".buildinfo"
    }

    recipe = src / "recipes" / "foorumit.md"
    text = recipe.read_text(encoding="utf-8")
    # the recipe block's own title (a fact block above it has a :title: too)
    edited = text.replace(":::{recipe} foorumit\n:title: ", ":::{recipe} foorumit\n:title: Muokattu: ", 1)
    assert edited != text
    recipe.write_text(edited, encoding="utf-8")
    build(src, tmp_path / "incremental")
    shutil.rmtree(tmp_path / "clean", ignore_errors=True)
    build(src, tmp_path / "clean")
    incremental, clean = output(tmp_path / "incremental"), output(tmp_path / "clean")
    assert incremental.keys() == clean.keys()
    assert [name for name in clean if incremental[name] != clean[name]] == []
    assert b"Muokattu: " in incremental["recipes.json"]
