"""Run a query on a built site's search page in a real browser and read back the pages
it lists, in order, as the reader sees them (shared by the search test and benchmark)."""

from urllib.parse import quote, urlsplit

# The next query in the loaded search page, as its own code runs the one in the address
# (searchtools.js ``Search.performSearch``), with the previous list cleared.
SEARCH_AGAIN = """query => {
  document.getElementById("search-results").replaceChildren();
  Search.performSearch(query);
}"""


def listed_pages(page, language: str, query: str) -> list[str]:
    """The docnames the search page lists for ``query``, top first, once the list is complete.
    The first query opens the search page with it in the address, as the search box does;
    later ones run in that page, which keeps its loaded index (the same lists, twice as fast)."""
    search_page = f"/{language}/search.html"
    if urlsplit(page.url).path == search_page:
        page.evaluate(SEARCH_AGAIN, query)
    else:
        page.goto(f"{search_page}?q={quote(query)}")
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent")
    hrefs = page.locator("#search-results ul.search > li > a").evaluate_all("links => links.map(a => a.href)")
    prefix = f"/{language}/"
    return [urlsplit(href).path.split(prefix, 1)[1].removesuffix(".html") for href in hrefs]


def recall_at_5(page, language: str, queries: list[tuple[str, str]]) -> tuple[float, list[str]]:
    """The share of queries whose page is among the first five results, and the misses."""
    misses = []
    for query, wanted in queries:
        found = listed_pages(page, language, query)
        if wanted not in found[:5]:
            misses.append(f"{query!r}: wanted {wanted}, got {found[:5]}")
    return 1 - len(misses) / len(queries), misses
