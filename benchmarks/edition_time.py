"""Benchmark: how long one workshop edition takes to build, in each language.

Builds each language's site once into a temporary folder (not timed), then the edition
from the environment that build left, as `make workshop` does after `make html`: the
command line of tools/sphinx_command.py with the builder ``workshop``. Each language is
built --repeat times after one unrecorded warm-up build, the languages taking turns run
by run, so a busy moment of the machine does not fall on one language only. Prints per
language the median, fastest and slowest wall time, the median CPU time (user + system)
and the pages of the PDF; the target is TARGET seconds for one edition on two cores.

Usage: .venv/bin/python -m benchmarks.edition_time [--languages fi sv en] [--repeat 5]
"""

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import pypdfium2

from benchmarks.build_cost import python_as_installed
from tools import sphinx_command
from tools.languages import registry

ROOT = Path(__file__).resolve().parents[1]
TARGET = 15.0  # seconds for one edition (the issue that made the edition a Sphinx builder)


def build(language: str, root: Path) -> tuple[float, float, int]:
    """One edition; its wall and CPU seconds and its page count."""
    out = root / "workshop" / language
    # the edition's date is the last commit's (builder.edition_date): the same in every run
    env = {**python_as_installed(root), "HANDBOOK_LANGUAGE": language}
    line = sphinx_command.command("workshop", out, root / "doctrees" / language, quiet=True)
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = subprocess.run(line, cwd=ROOT, env=env, capture_output=True, text=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"the {language} edition failed:\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    (pdf,) = out.glob("*.pdf")
    document = pypdfium2.PdfDocument(pdf)
    pages = len(document)
    document.close()
    return wall, cpu, pages


def measure(languages: list[str], repeat: int, root: Path) -> dict[str, list[tuple[float, float, int]]]:
    for language in languages:
        sphinx_command.build_language(root, language)
    runs: dict[str, list[tuple[float, float, int]]] = {language: [] for language in languages}
    for run in range(-1, repeat):
        for language in languages:
            figures = build(language, root)
            if run >= 0:
                runs[language].append(figures)
    return runs


def report(runs: dict[str, list[tuple[float, float, int]]]) -> list[str]:
    rows = [f"{'language':<9} {'median s':>9} {'fastest':>8} {'slowest':>8} {'CPU s':>7} {'pages':>6}"]
    for language, figures in runs.items():
        walls = [wall for wall, _cpu, _pages in figures]
        cpu = statistics.median(cpu for _wall, cpu, _pages in figures)
        rows.append(
            f"{language:<9} {statistics.median(walls):>9.1f} {min(walls):>8.1f} {max(walls):>8.1f}"
            f" {cpu:>7.1f} {figures[-1][2]:>6}"
        )
    slowest = max(statistics.median(wall for wall, _c, _p in figures) for figures in runs.values())
    rows.append(f"target: at most {TARGET:g} s; slowest median {slowest:.1f} s on {os.cpu_count()} cores")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", nargs="+", default=list(registry()))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="edition-time-") as tmp:
        print("\n".join(report(measure(args.languages, args.repeat, Path(tmp)))))


if __name__ == "__main__":
    main()
