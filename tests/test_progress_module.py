"""The progress module's own tests (tests/progress.test.mjs: merge, migration, refusals,
storage, calendar) run in Node's built-in test runner, without a browser."""

import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from recipes.limits import PROGRESS_LIMITS


def test_progress_module_passes_its_node_tests():
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "Node.js is missing: install it with `apt-get install -y nodejs` (.ci/run does this in CI)"
        )
    result = subprocess.run(
        [node, "--test", str(ROOT / "tests" / "progress.test.mjs")],
        capture_output=True,
        text=True,
        timeout=120,
        # what a page's recipes-limits meta tag gives the module in the browser
        env={**os.environ, "RECIPES_LIMITS": json.dumps(PROGRESS_LIMITS)},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
