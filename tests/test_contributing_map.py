"""The "where to change what" map in CONTRIBUTING.md names files that exist, and names
every feature module of the extension, so a newcomer can trust it."""

import re

from conftest import ROOT

EXTENSION = ROOT / "_ext" / "recipes"
FILE = re.compile(r"`([\w./*-]+\.(?:py|js|css|json|html|po))`")


def map_rows() -> list[str]:
    """The file column of each row of the table."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Mistä muutat mitä", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
    return [row.split(" | ")[1] for row in rows]


def test_every_file_the_map_names_exists():
    named = [name for row in map_rows() for name in FILE.findall(row)]
    assert len(named) > 10
    missing = [name for name in named if not (any(EXTENSION.glob(name)) or any(ROOT.glob(name)))]
    assert missing == []


def test_the_map_names_every_module_of_the_extension():
    named = {name for row in map_rows() for name in FILE.findall(row)}
    modules = {path.name for path in EXTENSION.glob("*.py")} - {"__init__.py"}
    assert sorted(modules - named) == []
