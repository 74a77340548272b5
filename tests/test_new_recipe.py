"""`make new-recipe` scaffolds a recipe page that builds cleanly with a fresh ID."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tools import sphinx_command

from conftest import ROOT

IGNORE = shutil.ignore_patterns(".venv", "build", ".git", "__pycache__", ".*cache*")


def scaffold(src: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(src / "tools" / "new_recipe.py"), *args], capture_output=True, text=True
    )


def test_scaffolded_recipe_builds_cleanly(tmp_path):
    src = Path(shutil.copytree(ROOT, tmp_path / "src", ignore=IGNORE))
    result = scaffold(src, "Yhteinen tiedolla johtaminen", "--chapters", "tilannekuva", "--steps", "seuranta")
    assert result.returncode == 0, result.stderr
    page = src / "recipes" / "yhteinen-tiedolla-johtaminen.md"
    assert page.exists()
    assert "yhteinen-tiedolla-johtaminen" in (src / "recipes" / "index.md").read_text()
    build = sphinx_command.run("html", tmp_path / "out", "fi", src=src, quiet=True, capture=True)
    assert build.returncode == 0, build.stderr
    catalogue = json.loads((tmp_path / "out" / "recipes.json").read_text())
    new = next(r for r in catalogue["recipes"] if r["id"] == "yhteinen-tiedolla-johtaminen")
    assert new["chapters"] == ["tilannekuva"] and new["steps"] == ["seuranta"]
    assert new["version"] == "1.0" and len(new["items"]) == 2


def test_ids_in_use_or_malformed_are_refused(tmp_path):
    src = Path(shutil.copytree(ROOT, tmp_path / "src", ignore=IGNORE))
    taken = scaffold(src, "Mikä tahansa", "--id", "pyoreat-poydat")
    assert taken.returncode == 2 and "already in use" in taken.stderr
    bad = scaffold(src, "Mikä tahansa", "--id", "Huono ID")
    assert bad.returncode == 2 and "not a valid ID" in bad.stderr
    assert not (src / "recipes" / "Huono ID.md").exists()
