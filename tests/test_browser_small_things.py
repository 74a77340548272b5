"""The small things readers noticed: linked cards look and act like links; the front page
links to the workshop PDF of its language (published beside the pages by the workflow);
switching language keeps the place; the site's root page picks the browser's language;
/favicon.ico exists; search words are highlighted only on a followed result; without
JavaScript the sections, the languages and the search are still reachable."""

import functools
import re
import struct
import threading

import pytest

from tools import root_pages

from conftest import ROOT, QuietHandler, QuietServer, ui_word


def test_a_start_card_looks_and_acts_like_a_link(page):
    page.goto("/fi/index.html")
    card = page.locator(".sd-card").first
    title = card.locator(".sd-card-title")
    assert title.evaluate("t => getComputedStyle(t).textDecorationLine") == "underline"
    link_colour = page.evaluate("getComputedStyle(document.querySelector('article p a')).color")
    assert title.evaluate("t => getComputedStyle(t).color") == link_colour
    box = card.locator(".sd-card-text").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # anywhere on the card
    page.wait_for_url("**/fi/docs/prosessi.html")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_front_page_links_to_the_workshop_pdf_of_its_language(page, translations, language):
    translations["sv"], translations["en"]  # noqa: B018  (built beside the Finnish site)
    page.goto(f"/{language}/index.html")
    link = page.locator("a.workshop-pdf")
    assert link.count() == 1 and link.is_visible()
    assert link.get_attribute("href") == ui_word(language, "partnership-cookbook-workshop-edition.pdf")
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    assert "cp build/workshop/$lang/*.pdf build/html/$lang/" in workflow  # published beside the pages


def test_switching_language_keeps_the_anchor(page, translations):
    translations["sv"]  # noqa: B018
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/fi/docs/prosessi.html#prosessi-tilannekuva")
    page.locator(".bd-header nav.language-switcher a[hreflang=sv]").click()
    page.wait_for_url("**/sv/docs/prosessi.html#prosessi-tilannekuva")
    heading = page.locator("#prosessi-tilannekuva")
    assert 0 <= heading.bounding_box()["y"] < 400


def test_switching_language_keeps_the_scroll_position(page, translations):
    translations["sv"]  # noqa: B018
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/fi/docs/prosessi.html")
    page.evaluate("scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)")
    page.locator(".bd-header nav.language-switcher a[hreflang=sv]").click()
    page.wait_for_url("**/sv/docs/prosessi.html")
    page.wait_for_function("scrollY > 0")
    share = page.evaluate("scrollY / (document.documentElement.scrollHeight - innerHeight)")
    assert 0.4 < share < 0.6


@pytest.fixture
def root_site(tmp_path):
    """The root pages beside one stub page per language, on their own server."""
    root_pages.write(tmp_path)
    for code in ("fi", "sv", "en"):
        (tmp_path / code).mkdir()
        (tmp_path / code / "index.html").write_text(f"<title>{code}</title>", encoding="utf-8")
    httpd = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.mark.parametrize(
    ("locale", "landing"), [("sv-SE", "sv"), ("en-GB", "en"), ("fi-FI", "fi"), ("de-DE", "fi")]
)
def test_the_root_page_picks_the_browsers_language(browser, root_site, locale, landing):
    _folder, url = root_site
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(url + "/")
    page.wait_for_url(f"**/{landing}/index.html")
    context.close()


def test_the_site_has_a_favicon_ico(root_site):
    folder, _url = root_site
    data = (folder / "favicon.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 2
    sizes = set()
    for n in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * n : 22 + 16 * n])
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"  # each image a PNG
        sizes.add(width or 256)
    assert {16, 32} <= sizes


def test_search_words_are_highlighted_only_on_a_followed_result(page):
    page.goto("/fi/search.html?q=pöytä")
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent")
    page.goto("/fi/docs/johdanto.html")  # left the results another way
    page.wait_for_timeout(100)
    assert page.locator("span.highlighted").count() == 0
    page.goto("/fi/search.html?q=pöytä")
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent")
    page.locator("#search-results ul.search > li > a").first.click()
    page.wait_for_selector("article span.highlighted")
    page.goto("/fi/docs/johdanto.html")  # and only that once
    page.wait_for_timeout(100)
    assert page.locator("span.highlighted").count() == 0


def test_without_javascript_sections_languages_and_search_are_reachable(browser, server, site):
    context = browser.new_context(
        base_url=server, java_script_enabled=False, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto("/fi/index.html")
    bar = page.locator("nav.nojs-nav")
    assert bar.is_visible()
    bar.locator("summary").click()  # <details> opens without script
    sections = bar.locator("details a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    index = (site / "index.html").read_text(encoding="utf-8")
    toctree = re.findall(r'<li class="toctree-l1"><a class="reference internal" href="([^"#]+)"', index)
    assert set(sections) == set(toctree)
    languages = bar.locator("nav.language-switcher a").evaluate_all("links => links.map(a => a.hreflang)")
    assert languages == ["fi", "sv", "en"]
    bar.locator("input[name=q]").fill("sopimus")
    bar.locator("button[type=submit]").click()
    page.wait_for_url("**/fi/search.html?q=sopimus")
    context.close()
