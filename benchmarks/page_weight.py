"""Benchmark: what a reader's browser downloads on the first visit to each page.

Builds the site (every language, as `make html` does) unless --site names a built one,
serves it on localhost, opens each page in headless Chromium with an empty cache and
sums every response the page loads, gzipped as a web server would send it (files that
are already compressed, such as images and fonts, count at their own size). Prints one
row per page and the largest resources; the budget is BUDGET bytes per page.

Usage: .venv/bin/python -m benchmarks.page_weight [--site build/html] [--top 10]
"""

import argparse
import functools
import gzip
import http.server
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tools import sphinx_command
from tools.languages import registry
from tools.local_browser import CHROMIUM, CHROMIUM_FLAGS  # the browser the tests drive

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 170 * 1024

LANGUAGES = tuple(registry())


@functools.lru_cache(maxsize=256)
def transferred(body: bytes) -> int:
    """Bytes on the wire: gzip when it helps, as servers do for text, else the file itself.
    Remembered per body: every page fetches the same theme files, compressed once."""
    return min(len(body), len(gzip.compress(body, compresslevel=6)))


def pages(site: Path, language: str) -> list[str]:
    """Every reader page of one language; the 404 page is left out, as its links and
    assets point at the published sub-path, which a localhost server does not have."""
    folder = site / language
    return sorted(
        str(p.relative_to(site))
        for p in folder.rglob("*.html")
        if "_static" not in p.relative_to(folder).parts and p.name != "404.html"
    )


def measure(browser, base_url: str, path: str) -> dict[str, int]:
    """URL -> transferred bytes of everything one first load of ``path`` fetches."""
    return measure_all(browser, base_url, [path])[path]


def measure_all(browser, base_url: str, paths: list[str], together: int = 8) -> dict[str, dict[str, int]]:
    """``measure`` for many pages, ``together`` of them loading at once in tabs whose cache
    is switched off, so every load fetches everything, as a first visit does. The tabs are
    reused (a new browser context per page costs the browser more than the page itself),
    and the waits for a quiet network overlap. Each address is one file of the served
    site, so its body is read from the browser only once."""
    context = browser.new_context(base_url=base_url)
    tabs = []
    for _ in range(min(together, len(paths))):
        tab = context.new_page()
        context.new_cdp_session(tab).send("Network.setCacheDisabled", {"cacheDisabled": True})
        tabs.append(tab)
    measured: dict[str, dict[str, int]] = {}
    sizes: dict[str, int] = {}  # address -> transferred bytes
    for start in range(0, len(paths), together):
        loading = []
        for tab, path in zip(tabs, paths[start : start + together], strict=False):
            responses: list = []

            def listener(response, seen=responses) -> None:
                seen.append(response)

            tab.on("response", listener)
            tab.goto(f"/{path}", wait_until="commit")
            loading.append((path, tab, responses, listener))
        for path, tab, responses, listener in loading:
            tab.wait_for_load_state("networkidle")
            tab.remove_listener("response", listener)
            fetched = [response for response in responses if not 300 <= response.status < 400]
            for response in fetched:
                if response.url not in sizes:
                    sizes[response.url] = transferred(response.body())
            measured[path] = {response.url: sizes[response.url] for response in fetched}
    context.close()
    return measured


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()


def build(out: Path) -> None:
    for language in LANGUAGES:
        doctrees = out / ".doctrees" / language
        sphinx_command.run("html", out / language, language, doctrees=doctrees, quiet=True).check_returncode()


def report(site: Path, top: int) -> int:
    from playwright.sync_api import sync_playwright

    largest: dict[str, int] = {}
    over = 0
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        print(f"{'page':<44} {'requests':>8} {'KB (gzip)':>10}")
        for language in LANGUAGES:
            for path, loaded in measure_all(browser, base_url, pages(site, language)).items():
                total = sum(loaded.values())
                over += total > BUDGET
                flag = "  over budget" if total > BUDGET else ""
                print(f"{path:<44} {len(loaded):>8} {total / 1024:>10.1f}{flag}")
                for url, size in loaded.items():
                    name = url.removeprefix(base_url).split("?")[0]
                    largest[name] = max(size, largest.get(name, 0))
        browser.close()
    print(f"\nlargest resources (KB gzip), budget {BUDGET // 1024} KB per page:")
    for name, size in sorted(largest.items(), key=lambda pair: -pair[1])[:top]:
        print(f"  {size / 1024:>7.1f}  {name}")
    return over


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one in a temporary folder)")
    parser.add_argument("--top", type=int, default=10, help="how many of the largest resources to list")
    args = parser.parse_args()
    if args.site:
        sys.exit(1 if report(args.site, args.top) else 0)
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        sys.exit(1 if report(Path(tmp), args.top) else 0)


if __name__ == "__main__":
    main()
