"""The browser profile the page tests share (conftest's ``warm_context``): what one test
stores on the site never reaches the next, and what the browser cached does."""

import pytest

from conftest import blank_tab

RECIPE = "/fi/recipes/pyoreat-poydat.html"
STORE_EVERYTHING = """async () => {
  localStorage.setItem("probe", "1");
  sessionStorage.setItem("probe", "1");
  document.cookie = "probe=1";
  await new Promise((done) => { indexedDB.open("probe").onsuccess = done; });
  await caches.open("probe");
}"""
STORED = """async () => ({
  local: Object.keys(localStorage).sort(), session: sessionStorage.length, cookie: document.cookie,
  databases: (await indexedDB.databases()).length, caches: (await caches.keys()).length,
})"""


@pytest.mark.browser
def test_a_blank_tab_finds_nothing_stored_and_the_cache_warm(browser, warm_context, server):
    # what a first visit stores (the theme's colour mode), in a profile of its own
    fresh = browser.new_context(base_url=server, service_workers="block")
    tab = fresh.new_page()
    tab.goto(RECIPE)
    first_visit = tab.evaluate(STORED)
    fresh.close()

    tab = blank_tab(warm_context, server)
    tab.goto(RECIPE)
    tab.locator("section.recipe input.recipe-check").first.check()
    tab.evaluate(STORE_EVERYTHING)
    assert len(tab.evaluate(STORED)["local"]) >= len(first_visit["local"]) + 2  # the tick and the probe

    tab = blank_tab(warm_context, server)
    session = warm_context.new_cdp_session(tab)
    session.send("Network.enable")
    from_cache: list[str] = []
    session.on("Network.requestServedFromCache", lambda event: from_cache.append(event["requestId"]))
    tab.goto(RECIPE)
    assert tab.evaluate(STORED) == first_visit
    assert first_visit["session"] == first_visit["databases"] == first_visit["caches"] == 0
    assert not tab.locator("section.recipe input.recipe-check").first.is_checked()
    assert from_cache, "the theme's files were fetched again"
