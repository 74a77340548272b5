"""The checklist HTML of tests/roots/test-basic, compared with a stored copy
(tests/snapshots/checklist.html): any change to the markup shows up as a diff here. After
an intended change, write the new copy with `UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest
-n 0 tests/test_checklist_snapshot.py` and review it in the commit."""

import os

from bs4 import BeautifulSoup

from conftest import ROOT

SNAPSHOT = ROOT / "tests" / "snapshots" / "checklist.html"


def checklist_html(page: str) -> str:
    """Every recipe block of the page as written, one per paragraph."""
    soup = BeautifulSoup(page, "html.parser")
    return "\n\n".join(str(recipe) for recipe in soup.select("section.recipe")) + "\n"


def test_the_checklist_html_is_the_stored_one(basic_root):
    html = checklist_html((basic_root / "recipe.html").read_text(encoding="utf-8"))
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(html, encoding="utf-8")
    assert html == SNAPSHOT.read_text(encoding="utf-8")


def test_the_snapshot_sees_a_changed_attribute():
    stored = SNAPSHOT.read_text(encoding="utf-8")
    assert checklist_html(stored.replace('data-item="uuni"', 'data-item="uuni2"', 1)) != stored
