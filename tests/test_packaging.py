"""The extensions and tools are one installed package: every module under _ext/ and tools/
is declared in pyproject.toml, the venv imports them from this checkout, and no module but
conf.py touches sys.path."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import lean_theme_css
import review_dates

import tools

import recipes
from conftest import ROOT, ui_word

SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_extension_module_and_tool_package_is_declared():
    ext = ROOT / "_ext"
    assert sorted(SETUPTOOLS["py-modules"]) == sorted(p.stem for p in ext.glob("*.py"))
    found = {p.parent.name for p in ext.glob("*/__init__.py")}
    found |= {f"{p.parent.parent.name}.{p.parent.name}" for p in ext.glob("*/*/__init__.py")}
    found |= {"tools"} | {f"tools.{p.parent.name}" for p in (ROOT / "tools").glob("*/__init__.py")}
    assert sorted(SETUPTOOLS["packages"]) == sorted(found)


def test_the_venv_imports_this_checkout():
    """A venv shared by two checkouts imports the last one `make venv` installed: reinstall."""
    for module in (recipes, review_dates, lean_theme_css, tools):
        assert ROOT in Path(module.__file__).resolve().parents, (
            f"{module.__name__} comes from {module.__file__}: run `make venv` (pip install -e .) here"
        )


def touches_sys_path(source: str) -> bool:
    """Code (not text in a string, such as a test project's conf.py) that reads sys.path."""
    return any(
        isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", "") == "sys"
        for node in ast.walk(ast.parse(source))
    )


def test_no_module_but_conf_py_touches_sys_path():
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    touching = [path for path in tracked if touches_sys_path((ROOT / path).read_text(encoding="utf-8"))]
    assert touching == ["conf.py"]
    assert touches_sys_path("import sys\nsys.path.insert(0, 'x')\n")


def test_make_installs_the_package_when_pyproject_changes():
    rule = subprocess.run(
        ["make", "-n", "-B", ".venv/.installed"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "pip install" in rule and "-r requirements.lock" in rule
    assert "--no-deps --config-settings editable_mode=compat -e ." in rule
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(STAMP): requirements.lock pyproject.toml\n" in makefile


def test_an_environment_named_on_the_command_line_is_used_as_it_is():
    """make -C <clone> ... VENV=<this venv>: the clone never installs itself into it."""
    line = ["make", "-n", "-B", "recipe-diff", f"VENV={ROOT / '.venv'}"]
    rule = subprocess.run(line, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "pip install" not in rule and "-m tools.recipe_review" in rule


def test_message_catalogues_are_compiled_into_the_build_not_the_source(copy_root, tmp_path):
    """An installed extension's folder may be read-only: its .po files are compiled into
    the build's doctree folder, and the build speaks the catalogue's language."""
    srcdir = copy_root("basic")
    out, doctrees = tmp_path / "out", tmp_path / "doctrees"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", "language=sv", "-d", str(doctrees)]
    result = subprocess.run([*command, str(srcdir), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(ROOT.joinpath("_ext").rglob("*.mo")) == []
    locale = doctrees / "locale"
    assert "recipes" in {path.relative_to(locale).parts[0] for path in locale.rglob("*.mo")}
    pages = "".join(path.read_text(encoding="utf-8") for path in out.rglob("*.html"))
    assert ui_word("sv", "Export progress") in pages
