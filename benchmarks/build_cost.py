"""Benchmark: build cost of recipe blocks against the same content as MyST task lists.

Generates synthetic handbooks of 8, 100 and 1000 recipes (10 items each, four recipes a
page, so 1000 recipes fill 250 pages) in two forms:

  recipes    ':::{recipe}' blocks with '- {item}`id` text' items (our extension)
  tasklists  '- [ ] text' items (myst-parser's tasklist extension), no extension

and measures for each form, as the median of --repeat runs (the forms take turns):

  clean        CPU seconds of a full `sphinx-build -b html` into an empty output directory
  incremental  CPU seconds of a rebuild after editing one item's text on one page
  rewritten    pages the incremental rebuild wrote
  index KB     size of searchindex.js (the theme loads it for every search)
  env KB       size of the pickled environment

Usage: .venv/bin/python -m benchmarks.build_cost [--sizes 8 100 1000] [--repeat 3]
       [--jobs 1] [--theme pydata_sphinx_theme] [--profile 1000]
Prints one row per size and form and the ratios recipes / tasklists (targets: clean
<= 1.05, incremental <= 1.2, index <= 2). --profile N prints where a clean build of N
recipes spends its time (cProfile, cumulative), instead of the table.
"""

import argparse
import os
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from tools import sphinx_command  # the handbook's one sphinx-build command line

ROOT = Path(__file__).resolve().parents[1]

ITEMS = 10
PER_PAGE = 4
CONF = """\
project = "Benchmark"
language = "fi"
extensions = ["myst_parser"{extra}]
myst_enable_extensions = ["colon_fence", "tasklist"]
html_theme = "{theme}"
recipes_storage_namespace = "benchmark"
recipes_chapters = {{}}
recipes_process_steps = {{}}
"""
FORMS = ("recipes", "tasklists")


def item_text(n: int, i: int) -> str:
    return f"Sovi vaiheen {i} vastuuhenkilö ja aikataulu reseptille {n} *yhdessä* kumppanin kanssa."


def recipe_block(n: int) -> str:
    items = "\n".join(
        f"- {{item}}`vaihe-{chr(97 + i)}` {item_text(n, i)} {{origin}}`handbook`" for i in range(ITEMS)
    )
    return f"## Resepti {n}\n\nJohdanto.\n\n:::{{recipe}} resepti-{n}\n:title: Resepti {n}\n\n{items}\n:::\n"


def tasklist_block(n: int) -> str:
    items = "\n".join(f"- [ ] {item_text(n, i)}" for i in range(ITEMS))
    return f"## Resepti {n}\n\nJohdanto.\n\n{items}\n"


def write(path: Path, size: int, form: str, theme: str) -> list[Path]:
    """The handbook's source; returns its pages."""
    path.mkdir(parents=True)
    extra = ', "recipes"' if form == "recipes" else ""
    (path / "conf.py").write_text(CONF.format(extra=extra, theme=theme), encoding="utf-8")
    block = recipe_block if form == "recipes" else tasklist_block
    starts = range(0, size, PER_PAGE)
    names = [f"s{start // PER_PAGE:04d}" for start in starts]
    toctree = "\n".join(names)
    (path / "index.md").write_text(f"# Kirja\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
    pages = []
    for name, start in zip(names, starts, strict=True):
        blocks = "\n".join(block(n) for n in range(start, min(start + PER_PAGE, size)))
        page = path / f"{name}.md"
        page.write_text(f"# Sivu {name}\n\n{blocks}", encoding="utf-8")
        pages.append(page)
    return pages


def sphinx(src: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Build; return the CPU seconds it took (user + system, all its processes) and the
    number of pages written. CPU time, not wall time: the machine is shared, and waiting
    for a core is not the build's cost."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        sphinx_command.command("html", out, out / ".doctrees", src=src, options=["-j", str(jobs)]),
        check=True,
        capture_output=True,
        text=True,
        env=python_as_installed(src.parent),
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    written = len(re.findall(r"^writing output\.\.\. \[\s*\d+%\] ", result.stdout, re.M))
    return seconds, written


def python_as_installed(tmp: Path) -> dict[str, str]:
    """The environment of a build, with Python keeping compiled bytecode as it does by
    default (in a cache beside the sources, not in the repository). A machine that sets
    PYTHONDONTWRITEBYTECODE would otherwise compile the extension's modules for every
    build, while the installed packages both forms use come compiled."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(tmp / "pycache")}


def measure(sources: dict[str, tuple[Path, list[Path]]], repeat: int, jobs: int) -> dict[str, dict]:
    """Median figures per form. The forms take turns run by run, after one unrecorded
    warm-up build each, so a busy moment or a cold disk cache does not favour one form."""
    runs: dict[str, dict[str, list[float]]] = {form: {} for form in sources}
    for run in range(-1, repeat):
        for form, (src, pages) in sources.items():
            out = src.parent / f"{src.name}-out"
            shutil.rmtree(out, ignore_errors=True)
            clean = sphinx(src, out, jobs)[0]
            # edit one item's text on one page: the same edit in both forms
            page = pages[len(pages) // 2]
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace("kumppanin kanssa", f"kumppanin kanssa {run}", 1), encoding="utf-8")
            incremental, written = sphinx(src, out, jobs)
            if run < 0:
                continue
            figures = {
                "clean": clean,
                "incremental": incremental,
                "rewritten": written,
                "index": (out / "searchindex.js").stat().st_size / 1024,
                "env": (out / ".doctrees" / "environment.pickle").stat().st_size / 1024,
            }
            for key, value in figures.items():
                runs[form].setdefault(key, []).append(value)
    return {
        form: {key: statistics.median(values) for key, values in figures.items()}
        for form, figures in runs.items()
    }


def profile(size: int, theme: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "recipes"
        write(src, size, "recipes", theme)
        stats = Path(tmp) / "build.prof"
        out = Path(tmp) / "out"
        line = sphinx_command.command("html", out, out / ".doctrees", src=src, quiet=True)
        subprocess.run([line[0], "-m", "cProfile", "-o", str(stats), *line[1:]], check=True)
        pstats.Stats(str(stats)).sort_stats("cumulative").print_stats(r"recipes|myst_parser|markdown_it", 30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--theme", default="pydata_sphinx_theme")
    parser.add_argument("--profile", type=int, metavar="N")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile, args.theme)
        return
    print(
        f"{'recipes':>7} {'form':>9} {'clean s':>8} {'incr s':>7} {'written':>7}"
        f" {'index KB':>8} {'env KB':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            sources = {}
            for form in FORMS:
                src = Path(tmp) / f"{form}-{size}"
                sources[form] = (src, write(src, size, form, args.theme))
            rows = measure(sources, args.repeat, args.jobs)
            for form, r in rows.items():
                print(
                    f"{size:>7} {form:>9} {r['clean']:>8.2f} {r['incremental']:>7.2f} {r['rewritten']:>7.0f}"
                    f" {r['index']:>8.1f} {r['env']:>7.1f}",
                    flush=True,
                )
            ratio = {
                key: rows["recipes"][key] / rows["tasklists"][key]
                for key in ("clean", "incremental", "index")
            }
            print(
                f"{size:>7} {'ratio':>9} {ratio['clean']:>8.2f} {ratio['incremental']:>7.2f} {'':>7}"
                f" {ratio['index']:>8.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
