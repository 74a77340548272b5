"""Page weight on first load: every page of every language, with everything it fetches
gzipped as a server sends it, stays within the budget; no page loads the icon font, the
icon script or the search index, which only the search page needs."""

import pytest

from benchmarks.page_weight import BUDGET, measure, measure_all, pages

SV, EN = (pytest.param(code, marks=pytest.mark.xdist_group(code)) for code in ("sv", "en"))
NOT_ON_FIRST_LOAD = ("fontawesome", "fa-solid", "searchindex.js")


@pytest.mark.parametrize("language", ["fi", SV, EN])
def test_every_page_is_within_the_weight_budget(browser, server, sites, site_root, language):
    sites(language)
    heavy, unwanted = [], []
    for path, loaded in measure_all(browser, server, pages(site_root, language)).items():
        total = sum(loaded.values())
        if total > BUDGET:
            largest = sorted(loaded.items(), key=lambda pair: -pair[1])[:3]
            heavy.append(f"{path}: {total / 1024:.1f} KB, largest {largest}")
        if not path.endswith("search.html"):
            unwanted += [f"{path}: {url}" for url in loaded if any(name in url for name in NOT_ON_FIRST_LOAD)]
    assert heavy == []
    assert unwanted == []


def test_the_search_page_still_loads_the_index(browser, server, site):
    loaded = measure(browser, server, "fi/search.html")
    assert any("searchindex.js" in url for url in loaded)


def test_lean_theme_stylesheet_drops_only_the_icon_table():
    from lean_theme_css import lean_stylesheet

    css = '.fa-bars,.fa-navicon{--fa:"\\f0c9"}.bd-header{display:flex}.fa-lg{font-size:1.25em}\n'
    css += "/*# sourceMappingURL=pydata-sphinx-theme.css.map*/"
    assert lean_stylesheet(css) == ".bd-header{display:flex}.fa-lg{font-size:1.25em}\n"
