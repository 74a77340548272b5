"""CONTRIBUTING's "where to change what" is enough to add a recipe option: in a scratch
copy of the extension, a new option (``:tools:``) is added by editing only the files the
row names, and a strict build then reads it, shows it, writes it to recipes.json (valid
against the edited schema) and gives it to the follow-up view."""

import json
import re
import shutil
import subprocess

import jsonschema
from bs4 import BeautifulSoup

from tools import sphinx_command

from conftest import ROOT, recipe_doc, toctree, write_project

ROW = "reseptilohkon asetusta"
FILE = re.compile(r"`([\w./*-]+\.(?:py|json|po))`")
LABELS = {"fi": "Välineet", "sv": "Redskap", "en": "Tools"}

# (file, text to find once, what to add after it): the whole change, file by file.
EDITS = [
    ("model.py", '"steps", "participants"', ', "tools"'),
    ("model.py", "    participants: tuple[str, ...] = ()\n", "    tools: tuple[str, ...] = ()\n"),
    (
        "model.py",
        '            "participants": list(self.participants),\n',
        '            "tools": list(self.tools),\n',
    ),
    (
        "checklist.py",
        '        participants = self._listed("participants", recipe_id)\n',
        '        tools = self._listed("tools", recipe_id)\n',
    ),
    (
        "checklist.py",
        "            participants=participants,\n            retired=retired,\n",
        "            tools=tools,\n",
    ),
    (
        "checklist.py",
        "        fields = self._metadata(chapters, steps, participants)\n",
        "        if tools:\n"
        '            label = str(_("Tools"))\n'
        '            value = nodes.field_body("", nodes.paragraph("", ", ".join(tools)))\n'
        '            fields += nodes.field("", nodes.field_name(label, label, translatable=False), value)\n',
    ),
    ("domain.py", "        participants=_participants(node),\n", '        tools=tuple(node["tools"]),\n'),
]


def named_files(extension) -> set:
    """The files CONTRIBUTING's row for recipe options names, found in ``extension``."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    (row,) = [line for line in text.splitlines() if line.startswith(f"| {ROW}")]
    return {path for name in FILE.findall(row.split(" | ")[1]) for path in extension.glob(name)}


def add_option(extension) -> set:
    """Make the change in the scratch copy; the files it touched."""
    touched = set()
    for name, anchor, addition in EDITS:
        path = extension / name
        text = path.read_text(encoding="utf-8")
        assert text.count(anchor) == 1, f"{name}: {anchor!r} is no longer there once; update this test"
        path.write_text(text.replace(anchor, anchor + addition), encoding="utf-8")
        touched.add(path)
    schema_path = extension / "schemas" / "recipes.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    recipe = schema["$defs"]["recipe"]
    recipe["properties"]["tools"] = {"type": "array", "items": {"type": "string", "minLength": 1}}
    recipe["required"].append("tools")
    schema_path.write_text(json.dumps(schema, indent=2), encoding="utf-8")
    touched.add(schema_path)
    for language, label in LABELS.items():
        catalogue = extension / "locale" / language / "LC_MESSAGES" / "recipes-ui.po"
        with catalogue.open("a", encoding="utf-8") as po:
            po.write(f'\nmsgid "Tools"\nmsgstr "{label}"\n')
        touched.add(catalogue)
    return touched


def test_the_files_contributing_names_are_enough_to_add_an_option(tmp_path):
    extension = tmp_path / "ext" / "recipes"
    shutil.copytree(
        ROOT / "_ext" / "recipes", extension, ignore=shutil.ignore_patterns("*.mo", "__pycache__")
    )
    touched = add_option(extension)
    assert touched <= named_files(extension), sorted(str(p) for p in touched - named_files(extension))

    page = recipe_doc("kakku", ["uuni"]).replace(
        ":participants: leipuri", ":participants: leipuri\n:tools: vatkain, kulho"
    )
    conf = f"import sys\nsys.path.insert(0, {str(extension.parent)!r})  # the scratch copy first\n"
    project = write_project(
        tmp_path / "src",
        {
            "index": toctree("chapter", "kakku") + "\n:::{recipe-followup}\n:::\n",
            "chapter": "# Luku\n\n(step-alku)=\n## Alku\n",
            "kakku": page,
        },
        conf,
    )
    out = tmp_path / "out"
    result = subprocess.run(
        sphinx_command.command("html", out, tmp_path / "doctrees", src=project),
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr

    catalogue = json.loads((out / "recipes.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalogue, json.loads((extension / "schemas" / "recipes.schema.json").read_text()))
    assert catalogue["recipes"][0]["tools"] == ["vatkain", "kulho"]
    recipe = BeautifulSoup((out / "kakku.html").read_text(encoding="utf-8"), "html.parser")
    fields = {
        dt.get_text().rstrip(":"): dd.get_text(strip=True)
        for dt, dd in zip(recipe.select(".recipe-meta dt"), recipe.select(".recipe-meta dd"), strict=True)
    }
    assert fields["Välineet"] == "vatkain, kulho"
    front = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    followup = json.loads(front.select_one(".recipe-followup")["data-catalogue"])
    assert followup["recipes"]["kakku"]["tools"] == ["vatkain", "kulho"]
