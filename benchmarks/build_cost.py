"""Benchmark: full-build time of recipe blocks against the same content as MyST task lists.

Generates synthetic handbooks of 8, 100 and 1000 recipes (one page each, 10 items) in two
forms and times a clean `sphinx-build -b html` of each, best of --repeat runs:

  recipes    ':::{recipe}' blocks with '- {item}`id` text' items (our extension)
  tasklists  '- [ ] text' items (myst-parser's tasklist extension), no extension

Usage: .venv/bin/python benchmarks/build_cost.py [--sizes 8 100 1000] [--repeat 3]
Prints one row per size: seconds for each form and their ratio (target <= 1.10).
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ITEMS = 10
CONF = f"""\
import sys
sys.path.insert(0, {str(ROOT / "_ext")!r})
project = "Benchmark"
language = "fi"
extensions = ["myst_parser"{{extra}}]
myst_enable_extensions = ["colon_fence", "tasklist"]
recipes_storage_namespace = "benchmark"
recipes_chapters = {{}}
recipes_process_steps = {{}}
"""


def item_text(n: int, i: int) -> str:
    return f"Sovi vaiheen {i} vastuuhenkilö ja aikataulu reseptille {n} *yhdessä* kumppanin kanssa."


def recipe_page(n: int) -> str:
    items = "\n".join(f"- {{item}}`vaihe-{chr(97 + i)}` {item_text(n, i)}" for i in range(ITEMS))
    return f"# Resepti {n}\n\nJohdanto.\n\n:::{{recipe}} resepti-{n}\n:title: Resepti {n}\n\n{items}\n:::\n"


def tasklist_page(n: int) -> str:
    items = "\n".join(f"- [ ] {item_text(n, i)}" for i in range(ITEMS))
    return f"# Resepti {n}\n\nJohdanto.\n\n{items}\n"


def write(path: Path, size: int, form: str) -> None:
    path.mkdir(parents=True)
    extra = ', "recipes"' if form == "recipes" else ""
    (path / "conf.py").write_text(CONF.replace("{extra}", extra), encoding="utf-8")
    page = recipe_page if form == "recipes" else tasklist_page
    names = [f"r{n:04d}" for n in range(size)]
    toctree = "\n".join(names)
    (path / "index.md").write_text(f"# Kirja\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
    for n, name in enumerate(names):
        (path / f"{name}.md").write_text(page(n), encoding="utf-8")


def timed_build(src: Path) -> float:
    out = src.parent / f"{src.name}-out"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(src), str(out)], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'recipes':>8} {'blocks s':>9} {'tasklist s':>10} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            seconds = {}
            for form in ("recipes", "tasklists"):
                src = Path(tmp) / f"{form}-{size}"
                write(src, size, form)
                seconds[form] = min(timed_build(src) for _ in range(args.repeat))
            ratio = seconds["recipes"] / seconds["tasklists"]
            print(
                f"{size:>8} {seconds['recipes']:>9.2f} {seconds['tasklists']:>10.2f} {ratio:>6.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
