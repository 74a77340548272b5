"""The recipe catalogue of a git revision or of the working tree.

Each revision is read by Sphinx's ``dummy`` builder with only the extensions recipe pages
need, and the catalogue comes from the extension's own ``catalogue()``: the recipe syntax
is parsed in one place only. The current checkout's extension reads both revisions, so
the two catalogues always have the same shape.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from . import ROOT


class RevisionError(Exception):
    """A revision could not be found or read; the message says which and why."""


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if result.returncode:
        raise RevisionError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout.strip()


def default_base(repo: Path) -> str:
    """The merge base of HEAD with ``main`` (or ``origin/main`` in a CI checkout)."""
    for branch in ("main", "origin/main"):
        try:
            return git(repo, "merge-base", "HEAD", branch)
        except RevisionError:
            continue
    raise RevisionError("no 'main' or 'origin/main' to compare with; give the base as BASE=<git ref>")


def short_name(repo: Path, ref: str) -> str:
    return git(repo, "rev-parse", "--short", f"{ref}^{{commit}}")


def export(repo: Path, ref: str, target: Path) -> Path:
    """The files of ``ref`` in ``target``, without touching the repository's worktrees."""
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", ref], capture_output=True)
    if archive.returncode:
        raise RevisionError(f"cannot read revision {ref!r}: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target


def read_catalogue(srcdir: Path) -> tuple[dict, list[str]]:
    """The recipe catalogue of the Sphinx project in ``srcdir``, and the extension's
    warnings (``file:line: WARNING: ... [recipe.x]``): what they concern is not in the
    catalogue, so the diff may show it as removed. Read in a process of its own
    (``read_revision``), with this checkout's extension."""
    result = subprocess.run(
        [sys.executable, "-m", "tools.recipe_review.read_revision", str(srcdir)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "_ext"), str(ROOT)])},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        reason = result.stderr.strip().splitlines()[-1:] or [f"exit status {result.returncode}"]
        raise RevisionError(f"Sphinx could not read {srcdir}: {reason[0]}")
    data = json.loads(result.stdout)
    return data["catalogue"], data["warnings"]


def revision_catalogue(repo: Path, ref: str | None) -> tuple[dict, list[str]]:
    """The catalogue of ``ref``, or of the working tree when ``ref`` is None."""
    if ref is None:
        return read_catalogue(repo)
    with tempfile.TemporaryDirectory(prefix="recipe-review-src-") as src:
        return read_catalogue(export(repo, ref, Path(src)))
