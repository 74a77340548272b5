"""Page weight on first load: every page of every language, with everything it fetches
gzipped as a server sends it, stays within the budget; no page loads the icon font, the
icon script or the search index, which only the search page needs."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from benchmarks.page_weight import BUDGET, measure, transferred

SV, EN = (pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en"))
NOT_ON_FIRST_LOAD = ("fontawesome", "fa-solid", "searchindex.js")


@pytest.mark.parametrize("language", ["fi", SV, EN])
def test_every_page_is_within_the_weight_budget(tours, site_root, language):
    """What each page fetched on its visit (page_tour.py), at the size a server sends it."""
    heavy, unwanted = [], []
    for name, visit in tours[language].items():
        loaded = {url: transferred(served_file(site_root, url).read_bytes()) for url in set(visit.loaded)}
        assert f"/{language}/{name}" in " ".join(loaded), name  # the page itself counts
        total = sum(loaded.values())
        if total > BUDGET:
            largest = sorted(loaded.items(), key=lambda pair: -pair[1])[:3]
            heavy.append(f"{name}: {total / 1024:.1f} KB, largest {largest}")
        if name != "search.html":
            unwanted += [f"{name}: {url}" for url in loaded if any(part in url for part in NOT_ON_FIRST_LOAD)]
    assert heavy == []
    assert unwanted == []


def served_file(site_root: Path, url: str) -> Path:
    """The file of the built site that the local server sends for ``url``."""
    return site_root / unquote(urlsplit(url).path).lstrip("/")


@pytest.mark.parametrize("name", ["search.html", "recipes/pyoreat-poydat.html"])
def test_a_visit_lists_what_a_first_load_carries_over_the_network(browser, server, tours, name):
    """The tour's list (the browser's Resource Timing and the page's icon) against the
    responses of a first load in a fresh profile (benchmarks/page_weight.py); the search
    page still loads the index."""
    carried = set(measure(browser, server, f"fi/{name}"))
    listed = set(tours["fi"][name].loaded)
    assert carried - listed == set()
    assert {url.rsplit("/", 1)[-1] for url in listed - carried} <= {"favicon.svg"}
    assert any("searchindex.js" in url for url in carried) == (name == "search.html")


def test_lean_theme_stylesheet_drops_only_the_icon_table():
    from lean_theme_css import lean_stylesheet

    css = '.fa-bars,.fa-navicon{--fa:"\\f0c9"}.bd-header{display:flex}.fa-lg{font-size:1.25em}\n'
    css += "/*# sourceMappingURL=pydata-sphinx-theme.css.map*/"
    assert lean_stylesheet(css) == ".bd-header{display:flex}.fa-lg{font-size:1.25em}\n"
