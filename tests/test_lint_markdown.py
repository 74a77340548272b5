"""The page lint (`make lint`, tools/lint_markdown.py) reads pages as MyST does and names
each problem at its file and line; the handbook's own pages pass it."""

import subprocess
import sys

import pytest

from tools.lint_markdown import RECIPE_SECTIONS, problems

from conftest import ROOT

GOOD = "# Sivu\n\n## Osa\n\n::::{recipe} r\n:title: T\n\n:::{tip}\nVinkki.\n:::\n::::\n"
BAD = {
    "unclosed": ("# Sivu\n\n:::{note}\nTeksti.\n", [":3: directive {note} is never closed"]),
    "stray closer": ("# Sivu\n\nTeksti.\n\n:::\n", [":5: closing fence matches no open directive"]),
    "inner closes outer": (
        "# Sivu\n\n:::{recipe} r\n:::{tip}\nVinkki.\n:::\n:::\n",
        [":4: directive {tip} is never closed", ":7: closing fence matches no open directive"],
    ),
    "skipped level": ("# Sivu\n\n### Syvä\n", [":3: heading 'Syvä' skips a level"]),
    "two titles": ("# Yksi\n\n# Kaksi\n", [": a page needs exactly one level-1 heading"]),
    "trailing space": ("# Sivu \n", [":1: trailing whitespace"]),
    "tab": ("# Sivu\n\n\tTeksti.\n", [":3: tab character; indent with spaces"]),
}


def lint(tmp_path, text: str, name: str = "sivu.md") -> list[str]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [problem.removeprefix(str(path)) for problem in problems(path)]


def test_a_well_formed_page_with_nested_directives_passes(tmp_path):
    assert lint(tmp_path, GOOD) == []


@pytest.mark.parametrize(("text", "expected"), BAD.values(), ids=BAD.keys())
def test_each_problem_is_named_at_its_line(tmp_path, text, expected):
    assert lint(tmp_path, text) == expected


def test_headings_in_code_and_in_directives_are_read_as_myst_reads_them(tmp_path):
    text = "# Sivu\n\n```text\n# ei otsikko\n```\n\n:::{note}\n## Osa huomautuksessa\n:::\n"
    assert lint(tmp_path, text) == []


def test_recipe_pages_keep_their_sections_in_order(tmp_path):
    sections = "".join(f"## {title}\n\n" for title in reversed(RECIPE_SECTIONS))
    (found,) = lint(tmp_path, "# Resepti\n\n" + sections, "recipes/r.md")
    assert found.startswith(": recipe sections must be")


def test_the_handbook_passes_and_a_problem_fails_the_command(tmp_path):
    pages = [str(p) for folder in ("docs", "recipes") for p in (ROOT / folder).rglob("*.md")]
    command = [sys.executable, "-m", "tools.lint_markdown"]
    assert subprocess.run([*command, *pages], cwd=ROOT, capture_output=True, text=True).returncode == 0
    bad = tmp_path / "huono.md"
    bad.write_text("# Sivu\n\n:::{note}\n", encoding="utf-8")
    result = subprocess.run([*command, str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and f"{bad}:3: directive {{note}} is never closed" in result.stdout
