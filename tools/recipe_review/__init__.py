"""What a change does to the recipes: ``python -m tools.recipe_review`` (``make recipe-diff``).

Builds the recipe catalogue (the data of ``recipes.json``) of two revisions with the
extension's own parser, each in a process of its own (``read_revision``), lists per recipe
what changed, and checks the ID stability rules that keep readers' saved ticks attached to
the right task. See CONTRIBUTING.md.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
