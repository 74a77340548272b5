"""The top-level 404.html that GitHub Pages shows for any missing address: served from the
Pages sub-path at any depth, it offers each language's front page and search, and its
styles work there."""

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tools.languages import registry
from tools.root_pages import not_found_page, site_path

from conftest import QuietServer, axe_violations

SUB_PATH = site_path()  # /reseptikirja/ unless HANDBOOK_BASE_URL says otherwise
LANGUAGES = tuple(registry())
TRANSLATIONS = [code for code, language in registry().items() if not language.source]


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: the site under SUB_PATH, and the top 404.html for anything missing."""

    def log_message(self, *args):
        pass

    def translate_path(self, path: str) -> str:
        inside = urlparse(path).path.removeprefix(SUB_PATH.rstrip("/"))
        return super().translate_path(inside or "/")

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def pages_server(site, translations, site_root):
    for language in TRANSLATIONS:
        assert translations[language].is_dir()
    (site_root / "404.html").write_text(not_found_page(registry(), SUB_PATH), encoding="utf-8")
    handler = functools.partial(PagesHandler, directory=str(site_root))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.mark.xdist_group("sv")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_missing_address_offers_front_pages_and_search_with_styles(browser, pages_server, scheme):
    context = browser.new_context(base_url=pages_server, color_scheme=scheme)
    tab = context.new_page()
    response = tab.goto(f"{SUB_PATH}fi/ei/ole/olemassa.html")
    assert response.status == 404
    assert tab.locator("h1").inner_text() == "Sivua ei löytynyt"
    assert tab.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"
    for language in LANGUAGES:
        section = tab.locator(f"section[lang={language}]")
        front = section.locator(f"a[hreflang={language}]").get_attribute("href")
        assert front == f"{SUB_PATH}{language}/index.html"
        assert context.request.get(pages_server + front).status == 200
        assert (
            section.locator("form[role=search]").get_attribute("action")
            == f"{SUB_PATH}{language}/search.html"
        )
    assert axe_violations(tab) == []
    tab.locator("#q-fi").fill("kumppanuuskulttuuria")
    tab.locator("section[lang=fi] button").click()
    tab.wait_for_url(f"**{SUB_PATH}fi/search.html?q=*")
    tab.wait_for_selector("#search-results li a", timeout=15000)
    context.close()
