"""Benchmark: recall at 5 of the site search, per language.

Serves a built site (build/html by default) on localhost, runs each reader query of
benchmarks/search_queries.py on the language's search page in headless Chromium, and prints
the share of queries whose page is among the first five results, with the misses.

Usage: .venv/bin/python -m benchmarks.search_recall [--site build/html] [fi sv en]
"""

import argparse
from pathlib import Path

from benchmarks.page_weight import serve
from benchmarks.search_queries import QUERIES
from benchmarks.search_results import recall_at_5
from tools.local_browser import CHROMIUM, CHROMIUM_FLAGS  # the browser the tests drive

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "html")
    parser.add_argument("languages", nargs="*", default=list(QUERIES))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with serve(args.site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_context(base_url=base_url).new_page()
        for language in args.languages:
            recall, misses = recall_at_5(page, language, QUERIES[language])
            total = len(QUERIES[language])
            print(f"{language}: recall@5 {recall:.2f} ({total - len(misses)}/{total})")
            for miss in misses:
                print(f"  miss {miss}")
        browser.close()


if __name__ == "__main__":
    main()
