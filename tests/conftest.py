"""Shared fixtures: Sphinx's testing fixtures, small generated projects and a build
of the real handbook shared by the whole session."""

import contextlib
import functools
import gc
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import axe_playwright_python
import pytest
from filelock import FileLock
from sphinx.testing.util import SphinxTestApp

from tools.local_browser import CHROMIUM, CHROMIUM_FLAGS, QuietHandler, QuietServer
from tools.sphinx_command import build_language

ROOT = Path(__file__).resolve().parents[1]

# workshop_editions: the workshop PDFs, built once per session when a test first asks;
# page_tour: every page of a language visited once for the checks that read every page.
pytest_plugins = ("sphinx.testing.fixtures", "workshop_editions", "page_tour")
# Made once per language and worker: the tests that use them run on that language's worker.
PER_LANGUAGE = ("editions", "tours")


def pytest_configure(config) -> None:
    """Python's cyclic collector runs seldom in every test process: in-process Sphinx
    builds, PDF readers and the browser driver make millions of short-lived objects, and
    each full collection walked all the session keeps (26 of a run's ~700 CPU-seconds,
    measured with gc.callbacks; 3.4 -> 0.9 s on the workshop PDF tests). Builds that
    start processes of their own (sphinx-sitemap's queue manager) run in a process of
    their own (build_in_own_process), so no such garbage waits for a collection."""
    gc.set_threshold(50_000, 20, 100)


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items) -> None:
    """A test of an edition or a language's tour runs on the worker of its language (group
    "fi", "sv" or "en", as the translated sites' tests), the worker that builds the edition
    and makes the tour, so none waits and none is made twice."""
    for item in items:
        uses = set(getattr(item, "fixturenames", ())) & set(PER_LANGUAGE)
        if uses and not item.get_closest_marker("xdist_group"):
            params = getattr(getattr(item, "callspec", None), "params", {})
            item.add_marker(pytest.mark.xdist_group(params.get("language", "fi")))


BASE_CONF = """\
extensions = ["myst_parser", "recipes"]
myst_enable_extensions = ["colon_fence"]
language = "fi"
project = "Testikirja"
release = "1.2.3"
recipes_storage_namespace = "test-handbook"
recipes_chapters = {"eka": "chapter"}
recipes_process_steps = {"alku": "step-alku"}
"""


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOT / "tests" / "roots"


def write_project(path: Path, docs: dict[str, str], extra_conf: str = "") -> Path:
    """Write a small MyST project: ``docs`` maps docnames to Markdown."""
    path.mkdir(parents=True, exist_ok=True)
    (path / "conf.py").write_text(BASE_CONF + extra_conf, encoding="utf-8")
    for docname, text in docs.items():
        target = path / f"{docname}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return path


def toctree(*docnames: str) -> str:
    return "# Kirja\n\n```{toctree}\n" + "\n".join(docnames) + "\n```\n"


CHAPTER = "# Luku\n\n(step-alku)=\n## Alku\n\nTeksti.\n"


def recipe_doc(recipe_id: str, items: list[str], title: str = "Resepti") -> str:
    lines = [
        f"# {title}",
        "",
        f":::{{recipe}} {recipe_id}",
        f":title: {title}",
        ":chapters: eka",
        ":steps: alku",
        ":participants: leipuri",
        "",
    ]
    lines += [f"- {{item}}`{item}` Tee {item}. {{origin}}`handbook`" for item in items]
    return "\n".join(lines + [":::", ""])


def built_app(srcdir: Path, builder: str = "html", **kwargs) -> SphinxTestApp:
    """``srcdir`` built by Sphinx's testing app (``kwargs`` go to it), its messages in
    ``app.status`` and ``app.warning``; cleaned up also when the build raises."""
    app = SphinxTestApp(builder, srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def warnings_of(app) -> list[str]:
    """Warning lines without colour codes, paths relative to the source dir."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line.replace(str(app.srcdir) + "/", "") for line in text.splitlines() if line]


@pytest.fixture(scope="session")
def shared_root(tmp_path_factory, worker_id) -> Path:
    """A folder every test worker of this run shares: the run's base folder under xdist."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


def built_once(target: Path, build: Callable[[], object]) -> Path:
    """``target`` as ``build`` makes it, made by the first worker to ask; the others wait
    for it and reuse it. A failed build leaves no mark, so the next one to ask tries again."""
    target.parent.mkdir(parents=True, exist_ok=True)
    done = target.with_name(target.name + ".built")
    with FileLock(target.with_name(target.name + ".lock")):
        if not done.exists():
            build()
            done.touch()
    return target


@pytest.fixture(scope="session")
def site_root(shared_root) -> Path:
    """Where the languages are built side by side: site_root/fi, site_root/sv, ..."""
    return shared_root / "site"


@pytest.fixture(scope="session")
def site(site_root) -> Path:
    """The Finnish handbook, built once per run with the strict options of `make html`."""
    return built_once(site_root / "fi", lambda: build_language(site_root, "fi"))


class Translations(dict):
    """The Swedish and English handbooks, each built beside the Finnish one when first asked for."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def __missing__(self, language: str) -> Path:
        self[language] = built_once(self.root / language, lambda: build_language(self.root, language))
        return self[language]


@pytest.fixture(scope="session")
def translations(site, site_root) -> Translations:
    return Translations(site_root)


@pytest.fixture(scope="session")
def sites(site, translations) -> Callable[[str], Path]:
    """language -> its built site, the Finnish one or a translation."""
    return lambda language: site if language == "fi" else translations[language]


@pytest.fixture(scope="session")
def basic_root(rootdir, sphinx_test_tempdir) -> Path:
    """tests/roots/test-basic built once per session with Sphinx's testing app, in the
    testing fixtures' own folder; the HTML, search and snapshot tests read it."""
    srcdir = shutil.copytree(rootdir / "test-basic", sphinx_test_tempdir / "basic-shared")
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    return app.outdir


@pytest.fixture
def copy_root(tmp_path, rootdir):
    def copy(name: str) -> Path:
        return Path(shutil.copytree(rootdir / f"test-{name}", tmp_path / name))

    return copy


# -- real browser ----------------------------------------------------------------
@pytest.fixture(scope="session")
def server(site, site_root):
    """The built site over HTTP on localhost, as a reader's browser would get it: the
    Finnish pages at /fi/, and other languages beside it once they are built."""
    handler = functools.partial(QuietHandler, directory=str(site_root))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def build_in_own_process(srcdir: Path, outdir: Path) -> None:
    """An HTML build of a small project in a process of its own: Sphinx keeps the UI
    catalogue of the first language it loaded for the rest of a process."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(outdir)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@contextlib.contextmanager
def serving(directory: Path):
    """``directory`` over HTTP on localhost while the block runs; yields its address."""
    httpd = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            "Chromium is missing: install it with `apt-get install -y chromium` (.ci/run does this in CI)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


# The rules whose result depends on colours alone; a page's other rules give the same
# result in either colour scheme.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def axe_violations(tab, *, only: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, as "rule: targets"
    lines (``only``/``skip``: a subset of those rules); the script (axe-playwright-python's
    copy) is added once per loaded document."""
    if not tab.evaluate("() => typeof window.axe === 'object'"):
        tab.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    options = {**WCAG, "rules": {rule: {"enabled": False} for rule in skip}}
    if only:
        options["runOnly"] = {"type": "rule", "values": list(only)}
    violations = tab.evaluate("options => axe.run(document, options).then(r => r.violations)", options)
    return [f"{v['id']}: " + "; ".join(str(n["target"][0]) for n in v["nodes"][:5]) for v in violations]


# What the site can keep in a reader's browser; the HTTP cache is not among them.
SITE_DATA = "cookies,local_storage,indexeddb,service_workers,cache_storage,file_systems,websql"


@pytest.fixture(scope="session")
def warm_context(browser, server):
    """One browser profile for a worker's page tests. A fresh profile per test fetched and
    compiled the theme's scripts, styles and fonts again, which cost more than most tests;
    instead each test gets a tab with the site's stored data cleared (``blank_tab``)."""
    # the offline worker would fetch every page of the language into the profile;
    # tests/test_browser_offline.py allows it where it is the subject
    context = browser.new_context(accept_downloads=True, base_url=server, service_workers="block")
    # An empty tab that stays open: when a profile's last tab closed, Chromium spent about
    # 0.5 CPU-seconds more on the next tab's first page (1.2 instead of 0.7, measured).
    context.keeper = context.new_page()
    yield context
    context.close()


def close_tabs(context) -> None:
    """Close every tab of ``context`` but its empty keeper (``warm_context``)."""
    for tab in context.pages:
        if tab is not context.keeper:
            tab.close()


def blank_tab(context, origin: str):
    """A new tab in ``context``, the only one beside the empty keeper, after everything
    ``origin`` stored there (progress, plans, loaded files) is cleared; what the browser
    cached stays."""
    close_tabs(context)
    tab = context.new_page()
    session = context.new_cdp_session(tab)
    session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": SITE_DATA})
    session.detach()
    return tab


@pytest.fixture
def page(warm_context, server):
    """A tab on a site that has stored nothing in the browser; fails the test on any
    console error or foreign request."""
    tab = blank_tab(warm_context, server)
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    foreign: list[str] = []
    tab.on(
        "request", lambda r: None if r.url.startswith((server, "data:", "blob:")) else foreign.append(r.url)
    )
    tab.errors, tab.foreign = errors, foreign
    yield tab
    close_tabs(warm_context)  # the test's tabs, so none writes into the next test
    assert errors == [], errors
    assert foreign == [], foreign


# -- the glossary page ---------------------------------------------------------------
GLOSSARY = ROOT / "docs" / "sanasto.md"


def glossary_entries() -> dict[str, tuple[list[str], str, str]]:
    """Each entry of the glossary page: its first term -> (all terms, Swedish, English)."""
    block = GLOSSARY.read_text(encoding="utf-8").split("```{glossary}\n", 1)[1].split("\n```", 1)[0]
    entries: dict[str, tuple[list[str], str, str]] = {}
    terms: list[str] = []
    definition: list[str] = []

    def close() -> None:
        text = " ".join(" ".join(definition).split())
        text = re.sub(r"\{lang-\w+\}`([^`]*)`", r"\1", text)  # the equivalents' language roles
        found = re.search(r"\*Ruotsiksi:\* (.+?)\. \*Englanniksi:\* (.+?)\.$", text)
        assert found, f"glossary entry {terms[0]!r} lacks its Swedish and English equivalents"
        entries[terms[0]] = (list(terms), found[1], found[2])

    for line in block.splitlines():
        if line and not line[0].isspace():
            if definition:
                close()
                terms, definition = [], []
            terms.append(line.strip())
        elif line.strip():
            definition.append(line.strip())
    close()
    return entries


def ui_word(language: str, msgid: str) -> str:
    """A word of the extension's ``recipes-ui`` catalogue in ``language``, read from the .po
    file with Babel (not through the extension): its English msgid where none is given."""
    from babel.messages.pofile import read_po

    po = ROOT / "_ext" / "recipes" / "locale" / language / "LC_MESSAGES" / "recipes-ui.po"
    if not po.exists():
        return msgid
    with po.open("rb") as file:
        message = read_po(file).get(msgid)
    return message.string if message is not None and message.string else msgid
