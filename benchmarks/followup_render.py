"""Benchmark: how fast the follow-up view renders many partnerships, and how small the
extension's browser code is.

Builds the Finnish handbook (unless --site points at a built language folder), serves
it on localhost, writes --files progress files that each plan every item of every
recipe (ticks, responsible people, deadlines, notes) and loads them all at once into
seuranta.html in headless Chromium. Timed inside the page: from the file picker's
change event to the table being in the document, best and median of --repeat runs.
Also prints the gzipped size of each script and stylesheet of the extension.

Usage: .venv/bin/python -m benchmarks.followup_render [--files 50] [--repeat 5] [--site build/html/fi]
"""

import argparse
import functools
import gzip
import http.server
import json
import random
import statistics
import tempfile
import threading
from pathlib import Path

from tools.local_browser import CHROMIUM, CHROMIUM_FLAGS, QuietHandler
from tools.sphinx_command import build_language

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "_ext" / "recipes" / "static"

# Started before the view's own listener sees the change; stopped when the table appears.
TIMER = """
window.renderTimes = [];
document.addEventListener("change", () => {
  const start = performance.now(), area = document.querySelector(".followup-table");
  const watch = new MutationObserver(() => {
    if (!area.querySelector("table")) return;
    watch.disconnect();
    window.renderTimes.push(performance.now() - start);
  });
  watch.observe(area, {childList: true, subtree: true});
}, true);
"""


def progress_files(folder: Path, site: Path, count: int) -> list[Path]:
    catalogue = json.loads((site / "recipes.json").read_text(encoding="utf-8"))
    namespace = catalogue["handbook"]["storage_namespace"]
    pick = random.Random(14)
    paths = []
    for n in range(count):
        items = {}
        for recipe in catalogue["recipes"]:
            items[recipe["id"]] = {
                item["id"]: {
                    **(
                        {"done": f"2026-{pick.randint(1, 11):02d}-{pick.randint(1, 28):02d}"}
                        if pick.random() < 0.5
                        else {}
                    ),
                    "who": f"Vastuuhenkilö {pick.randint(1, 40)}",
                    "due": f"20{pick.randint(25, 28)}-{pick.randint(1, 12):02d}-{pick.randint(1, 28):02d}",
                    "note": "Sovittu yhteisessä tapaamisessa. " * pick.randint(0, 3),
                    "changed": "2026-11-28T12:00:00.000Z",
                }
                for item in recipe["items"]
            }
        data = {
            "format": "recipe-progress",
            "version": 2,
            "namespace": namespace,
            "name": f"Kumppanuus {n + 1}",
            "items": items,
        }
        path = folder / f"kumppanuus-{n + 1:02d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def gzipped_sizes() -> dict[str, int]:
    return {path.name: len(gzip.compress(path.read_bytes(), 9)) for path in sorted(STATIC.glob("*.[jc]s*"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--site", type=Path, help="an already built language folder, e.g. build/html/fi")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        site = args.site or build_language(scratch / "site", "fi")
        paths = progress_files(scratch, site, args.files)
        recipes = len(json.loads((site / "recipes.json").read_text(encoding="utf-8"))["recipes"])
        handler = functools.partial(QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        times = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            version = browser.version
            for _ in range(args.repeat):
                page = browser.new_page()
                page.add_init_script(TIMER)
                page.goto(f"http://127.0.0.1:{server.server_port}/seuranta.html")
                page.locator("input[data-followup=load]").set_input_files([str(p) for p in paths])
                page.wait_for_function("window.renderTimes.length > 0")
                cells = page.locator(".followup-table td").count()
                times.append(page.evaluate("window.renderTimes[0]"))
                page.close()
            browser.close()
        server.shutdown()

    print(f"Chromium {version}; {args.files} files x {recipes} recipes; {cells} table cells")
    print(f"render: best {min(times):.0f} ms, median {statistics.median(times):.0f} ms ({args.repeat} runs)")
    for name, size in gzipped_sizes().items():
        print(f"{name}: {size} bytes gzipped")


if __name__ == "__main__":
    main()
