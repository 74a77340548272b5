"""Benchmark: Lighthouse scores of the built site, served with gzip on localhost.

Runs Lighthouse (mobile, simulated slow 4G and CPU throttling, its defaults) three times
on each page and prints the median of each category score and of the main metrics. The
front page, a recipe, the search page with a query, and, as a yardstick measured in the
same run on the same server, a page of the bare theme: a one-page Sphinx project with
pydata-sphinx-theme and nothing of ours (``bare/index.html``, built in a temporary folder).
Lighthouse is a Node program and stays out of the test suite; install it once anywhere:

  (cd /tmp/lh && npm install lighthouse)
  .venv/bin/python -m benchmarks.lighthouse --lighthouse /tmp/lh/node_modules/.bin/lighthouse \
      --site build/html [--runs 3] [fi/index.html ...]
"""

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PAGES = ("fi/index.html", "fi/recipes/pyoreat-poydat.html", "fi/search.html?q=sopimus", "bare/index.html")
BARE_CONF = """\
project = "Bare theme"
extensions = ["myst_parser"]
html_theme = "pydata_sphinx_theme"
language = "fi"
"""
BARE_PAGE = """# Bare theme

The same theme as the handbook with nothing added: the yardstick for the handbook's pages.

## A section

A paragraph of ordinary text, about as long as the opening of a handbook page, so that
the page has some content to paint. A second sentence follows the first one.

## Another section

- a list item
- another list item
"""
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "first-contentful-paint": "FCP s",
    "largest-contentful-paint": "LCP s",
    "total-blocking-time": "TBT ms",
    "cumulative-layout-shift": "CLS",
}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzipped when the browser accepts it, as a web host does."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (
            path.suffix in COMPRESSIBLE
            and path.is_file()
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def run_once(lighthouse: str, url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [lighthouse, url, "--quiet", "--output=json", f"--output-path={report}"]
            + ["--chrome-flags=--headless=new --no-sandbox --disable-gpu", "--form-factor=mobile"],
            check=True,
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    result = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    for audit, label in METRICS.items():
        value = data["audits"][audit]["numericValue"]
        result[label] = value / 1000 if label.endswith(" s") else value
    result["KB"] = data["audits"]["total-byte-weight"]["numericValue"] / 1024
    return result


def build_bare(out: Path) -> None:
    """The bare theme's one page, built into ``out``."""
    src = Path(tempfile.mkdtemp())
    (src / "conf.py").write_text(BARE_CONF, encoding="utf-8")
    (src / "index.md").write_text(BARE_PAGE, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)],
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", required=True, help="path of the lighthouse executable")
    parser.add_argument("--site", type=Path, default=Path("build/html"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    served = Path(tempfile.mkdtemp())
    for folder in args.site.iterdir():
        (served / folder.name).symlink_to(folder.resolve())
    build_bare(served / "bare")
    handler = functools.partial(GzipHandler, directory=str(served))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    columns = [*CATEGORIES, *METRICS.values(), "KB"]
    print("page".ljust(34) + "".join(c.rjust(16) for c in columns))
    for page in args.pages:
        runs = [
            run_once(args.lighthouse, f"http://127.0.0.1:{httpd.server_port}/{page}")
            for _ in range(args.runs)
        ]
        medians = [statistics.median(run[c] for run in runs) for c in columns]
        print(page.ljust(34) + "".join(f"{m:16.2f}".rstrip("0").rstrip(".").rjust(16) for m in medians))
    httpd.shutdown()


if __name__ == "__main__":
    main()
