"""Offline after one visit, in a real browser: one visit to the front page lets the
service worker keep the language's pages; with the network gone (the browser offline and
the server stopped) a page not opened before loads with its styles, ticks are saved and
read back. Online, a changed page is shown at once (network first), and a changed file
gives the worker a new version."""

import functools
import json
import re
import shutil
import threading

import pytest
from bs4 import BeautifulSoup
from offline import fingerprint, precache_list

from conftest import QuietHandler, QuietServer


class Server:
    """A copy of the built Finnish site on its own localhost server, which a test can stop."""

    def __init__(self, root) -> None:
        self.root = root
        self.httpd = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def served(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy / "fi")
    server = Server(copy)
    yield server
    server.stop()


@pytest.fixture
def visit(browser, served):
    context = browser.new_context(base_url=served.url, service_workers="allow")
    page = context.new_page()
    page.goto("/fi/index.html")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    yield context, page
    context.close()


def title_of(site, path: str) -> str:
    soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article h1").get_text(strip=True).removesuffix("#")


def test_a_page_not_opened_before_loads_with_the_network_off(visit, served, site):
    context, page = visit
    context.set_offline(True)
    served.stop()
    response = page.goto("/fi/docs/sanasto.html")
    assert response.from_service_worker
    assert page.locator("article h1").inner_text() == title_of(site, "docs/sanasto.html")
    assert (
        page.locator(".bd-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    )  # the theme's CSS
    page.goto("/fi/search.html?q=sopimus")  # the search index is kept too
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent")
    assert page.locator("#search-results ul.search > li").count() > 0


def test_ticks_are_saved_offline(visit, served):
    context, page = visit
    context.set_offline(True)
    served.stop()
    page.goto("/fi/recipes/pyoreat-poydat.html")
    page.locator("li[data-item=kutsu] input.recipe-check").check()
    page.reload()
    assert page.locator("li[data-item=kutsu] input.recipe-check").is_checked()


def test_online_a_changed_page_is_shown_at_once(visit, served):
    context, page = visit
    page.goto("/fi/docs/johdanto.html")  # now kept by the worker
    johdanto = served.root / "fi" / "docs" / "johdanto.html"
    johdanto.write_text(
        johdanto.read_text(encoding="utf-8").replace("</h1>", " (uusi)</h1>", 1), encoding="utf-8"
    )
    page.goto("/fi/docs/johdanto.html")
    assert page.locator("article h1").inner_text().endswith("(uusi)")
    context.set_offline(True)
    served.stop()
    page.goto("/fi/docs/johdanto.html")  # and the copy kept offline is the new one
    assert page.locator("article h1").inner_text().endswith("(uusi)")


def test_the_worker_keeps_every_page_and_changes_version_with_any_file(served):
    root = served.root / "fi"
    worker = (root / "sw.js").read_text(encoding="utf-8")
    listed = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker, re.S)[1])
    pages = {p.relative_to(root).as_posix() for p in root.rglob("*.html")}
    assert {p for p in pages if not p.startswith("_")} <= set(listed)
    assert "searchindex.js" in listed and "_static/styles/pydata-sphinx-theme.css" in listed
    assert listed == precache_list(root)
    optional = json.loads(re.search(r"const OPTIONAL = (\[.*?\]);", worker)[1])
    assert optional == ["kumppanuuden-reseptikirja-tyopajaversio.pdf"]
    version = re.search(r'const VERSION = "([0-9a-f]+)";', worker)[1]
    assert version == fingerprint(root, listed, optional)
    css = root / "_static" / "basic.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    assert fingerprint(root, listed, optional) != version
