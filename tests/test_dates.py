"""One date style per language: the registry's pattern (pyproject.toml) gives the same text
whether the extension prints it (Babel: recipe versions, review dates), Sphinx prints it
(today_fmt, "last updated") or the browser does (Intl, with the options the page carries:
tick and deadline dates). The table is the one place the expected texts are written."""

import datetime
import json
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from sphinx.util.i18n import format_date as sphinx_format_date

from tools.languages import registry, sphinx_date_format

from recipes.i18n import browser_date_style, local_date

DATES = {
    "fi": {
        "2026-01-05": "5.1.2026",
        "2026-11-28": "28.11.2026",
        "2026-12-01": "1.12.2026",
        "2027-11-28": "28.11.2027",
    },
    "sv": {
        "2026-01-05": "5 januari 2026",
        "2026-11-28": "28 november 2026",
        "2026-12-01": "1 december 2026",
        "2027-11-28": "28 november 2027",
    },
    "en": {
        "2026-01-05": "5 January 2026",
        "2026-11-28": "28 November 2026",
        "2026-12-01": "1 December 2026",
        "2027-11-28": "28 November 2027",
    },
}
CASES = [(code, iso, shown) for code, days in DATES.items() for iso, shown in days.items()]


def config_of(code: str) -> SimpleNamespace:
    """The extension's date settings as the handbook's conf.py sets them from the registry."""
    language = registry()[code]
    return SimpleNamespace(language=code, recipes_locale=language.locale, recipes_date_pattern=language.date)


def test_the_table_covers_every_language_of_the_registry():
    assert sorted(DATES) == sorted(registry())


@pytest.mark.parametrize(("code", "iso", "shown"), CASES)
def test_the_extension_writes_the_registry_style(code, iso, shown):
    assert local_date(iso, config_of(code)) == shown


@pytest.mark.parametrize(("code", "iso", "shown"), CASES)
def test_sphinx_writes_the_registry_style(code, iso, shown):
    day = datetime.datetime.fromisoformat(iso).replace(tzinfo=datetime.UTC)
    assert sphinx_format_date(sphinx_date_format(registry()[code].date), date=day, language=code) == shown


@pytest.mark.browser
def test_the_browser_writes_the_registry_style(browser):
    page = browser.new_page()
    write = "([locale, options, day]) => new Intl.DateTimeFormat(locale, {...options, timeZone: 'UTC'})"
    write += ".format(new Date(day + 'T00:00:00Z'))"
    try:
        for code, iso, shown in CASES:
            style = browser_date_style(config_of(code))
            assert page.evaluate(write, [style["locale"], style["options"], iso]) == shown, code
    finally:
        page.close()


def test_every_page_carries_its_date_style(site):
    """recipes.js reads the style from this tag (content: locale, data-options: Intl options)."""
    meta = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(
        'meta[name="recipes-dates"]'
    )
    assert meta["content"] == "fi-FI"
    assert json.loads(meta["data-options"]) == {"day": "numeric", "month": "numeric", "year": "numeric"}
