"""Every page of a language, visited once in a real browser for all the checks that read
every page: sideways scrolling at each screen width, axe-core in light and dark mode,
console errors and failed or foreign requests, and what a first visit downloads.

A pytest plugin (see conftest.py): ``tours[language]`` maps each reader page to its
``Visit``, made when a test first asks for it. The tests of a language share a worker
(xdist group, conftest), so each language is toured once per run. One tab goes from
page to page as a reader does: each page loaded in light mode, checked, then switched to
dark mode as a reader's system switches (the theme follows without a reload; a page
loaded in dark mode is tested in test_browser_screens.py) and checked again. A page's
downloads are read from the browser's own list of what the page fetched (Resource
Timing), its sizes from the files.
"""

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tools.languages import registry

from conftest import COLOUR_RULES, axe_violations

WIDTHS = (320, 390, 768, 1024, 1280, 1920)
AXE_VIEWPORT = {"width": 1280, "height": 720}
# In a translation the colour rules run on these pages (in both schemes): the styles are
# the source language's, whose every page they check.
COLOUR_SAMPLE = ("index.html", "recipes/pyoreat-poydat.html")
LOADED = """() => [
  location.href,
  ...performance.getEntriesByType("resource").map((entry) => entry.name),
  ...[...document.querySelectorAll("link[rel~=icon]")].map((link) => link.href),
]"""
THEME_IS = "scheme => document.documentElement.dataset.theme === scheme"
# the colour transitions a change of theme starts (getAnimations brings the styles up to date)
TRANSITIONS_DONE = """() => Promise.all(
  document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => null))
)"""


@dataclass
class Visit:
    """What one page showed: per scheme the theme it took, axe's violations and what went
    wrong while it loaded; per width how many pixels too wide it was; what it fetched."""

    theme: dict[str, str] = field(default_factory=dict)
    axe: dict[str, list[str]] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)
    overflow: dict[int, int] = field(default_factory=dict)
    loaded: list[str] = field(default_factory=list)


def reader_pages(root: Path) -> list[str]:
    """Every page a reader can reach; 404.html links to the published root, not localhost."""
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*.html")
        if "_static" not in p.relative_to(root).parts and p.name != "404.html"
    )


def rules(source: bool, scheme: str, name: str) -> dict | None:
    """axe's rules for a page (``axe_violations`` options), None for no axe run. The source
    language: every rule in light mode, the colour rules again in dark mode. A translation:
    the rules that read structure and words; the colour rules on the sample pages."""
    sample = name in COLOUR_SAMPLE
    if scheme == "light":
        return {} if source or sample else {"skip": COLOUR_RULES}
    if source:
        return {"only": COLOUR_RULES}
    return {} if sample else None


class Tab:
    """A tab of its own profile, noting what goes wrong on its page."""

    def __init__(self, browser, server: str) -> None:
        self.context = browser.new_context(base_url=server, service_workers="block")
        self.page = self.context.new_page()
        self.problems: list[str] = []
        note = self.problems.append
        self.page.on("console", lambda m: note(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: note(str(e)))
        self.page.on("response", lambda r: note(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
        local = (server, "data:", "blob:")
        self.page.on("request", lambda r: r.url.startswith(local) or note(f"foreign request {r.url}"))

    def open(self, address: str, viewport: dict) -> None:
        """``address`` loaded in light mode."""
        self.problems.clear()
        self.page.emulate_media(color_scheme="light")
        self.page.set_viewport_size(viewport)
        response = self.page.goto(address)
        if not response.ok:
            self.problems.append(f"HTTP {response.status} {address}")

    def switch(self, scheme: str) -> None:
        """The reader's system switched to ``scheme``: the theme follows (or the test of
        the theme says it did not), and its colour transitions are over before axe looks."""
        self.problems.clear()
        self.page.emulate_media(color_scheme=scheme)
        with contextlib.suppress(PlaywrightTimeout):
            self.page.wait_for_function(THEME_IS, arg=scheme, timeout=2000)
        self.page.evaluate(TRANSITIONS_DONE)


def tour(browser, server: str, root: Path, language: str, source: bool) -> dict[str, Visit]:
    visits = {name: Visit() for name in reader_pages(root)}
    tab = Tab(browser, server)
    for name, visit in visits.items():
        tab.open(f"/{language}/{name}", {"width": WIDTHS[0], "height": 800})
        for width in WIDTHS:
            tab.page.set_viewport_size({"width": width, "height": 800})
            visit.overflow[width] = tab.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
        visit.loaded = tab.page.evaluate(LOADED)  # before axe, which fetches stylesheets itself
        tab.page.set_viewport_size(AXE_VIEWPORT)
        for scheme in ("light", "dark"):
            options = rules(source, scheme, name)
            if options is None:
                continue
            if scheme == "dark":
                tab.switch(scheme)
            visit.theme[scheme] = tab.page.evaluate("document.documentElement.dataset.theme")
            visit.axe[scheme] = axe_violations(tab.page, **options)
            visit.problems[scheme] = list(tab.problems)  # axe's own requests included
    tab.context.close()
    return visits


class Tours(dict):
    """language -> {page: Visit}, toured when first asked for."""

    def __init__(self, browser, server: str, sites) -> None:
        super().__init__()
        self.browser, self.server, self.sites = browser, server, sites

    def __missing__(self, language: str) -> dict[str, Visit]:
        source = registry()[language].source
        self[language] = tour(self.browser, self.server, self.sites(language), language, source)
        return self[language]


@pytest.fixture(scope="session")
def tours(browser, server, sites) -> Tours:
    return Tours(browser, server, sites)
