"""The progress module's own tests (tests/progress.test.mjs: merge, migration, refusals,
storage, calendar) run in Node's built-in test runner, without a browser."""

import shutil
import subprocess

import pytest

from conftest import ROOT


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
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
