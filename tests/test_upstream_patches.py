"""The small patches over other projects, each checked against the pinned version: the
upstream problem is still there (so the patch is still needed) and the patch closes it.
When an upgrade fixes one upstream, its test here fails and names the patch to drop."""

import os
import re
import subprocess
import sys
from importlib.metadata import version
from io import StringIO
from pathlib import Path
from xml.etree import ElementTree

import pydata_sphinx_theme
import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOT, build_in_own_process

LOCKED = (ROOT / "requirements.lock").read_text(encoding="utf-8").split()
LOCK = dict(line.split("==") for line in LOCKED if "==" in line)
THEME = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"


@pytest.mark.parametrize("package", ["pydata-sphinx-theme", "sphinx-sitemap", "myst-parser", "Sphinx"])
def test_the_patched_packages_are_the_pinned_versions(package):
    assert version(package) == LOCK[package]


# -- sphinx-sitemap: jdillard/sphinx-sitemap#13 (_ext/complete_sitemap.py) ---------------------
SITEMAP_CONF = """\
extensions = ["myst_parser", {}]
html_baseurl = "https://example.org/"
sitemap_url_scheme = "{{link}}"
sitemap_excludes = ["search.html", "genindex.html"]
"""
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_after_an_edit(srcdir: Path, extension: str) -> list[str]:
    (srcdir / "conf.py").write_text(SITEMAP_CONF.format(repr(extension)), encoding="utf-8")
    (srcdir / "index.md").write_text("# Etusivu\n\n```{toctree}\nyksi\nkaksi\n```\n", encoding="utf-8")
    for name in ("yksi", "kaksi"):
        (srcdir / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    outdir = srcdir.with_name(srcdir.name + "-site")
    # Each build in a process of its own: sphinx-sitemap starts a multiprocessing manager for
    # its queue in every build, and a manager left in the test worker kept it from exiting.
    for edit in ("", "Muutettu.\n"):  # a clean build, then an incremental one after an edit
        (srcdir / "kaksi.md").write_text(f"# kaksi\n\n{edit}", encoding="utf-8")
        build_in_own_process(srcdir, outdir)
    urls = ElementTree.parse(outdir / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")
    return sorted(url.text.removeprefix("https://example.org/") for url in urls)


def test_sitemap_upstream_lists_only_the_pages_an_incremental_build_wrote(tmp_path):
    listed = sitemap_after_an_edit(tmp_path, "sphinx_sitemap")
    assert "kaksi.html" in listed and "yksi.html" not in listed  # else drop _ext/complete_sitemap.py


def test_complete_sitemap_lists_every_page_after_an_incremental_build(tmp_path):
    assert sitemap_after_an_edit(tmp_path, "complete_sitemap") == ["index.html", "kaksi.html", "yksi.html"]


# -- pydata-sphinx-theme: #2379 (_ext/lean_theme_css.py) and _templates/layout.html -----------
ICON_RULE = re.compile(r'\.fa-[a-z0-9-]+(?:,\.fa-[a-z0-9-]+)*\{--fa:"[^"]*"\}')


def test_the_pinned_theme_still_bundles_the_icon_table_and_the_lean_copy_drops_only_it():
    from lean_theme_css import lean_stylesheet, theme_stylesheet

    css = theme_stylesheet().read_text(encoding="utf-8")
    icons = ICON_RULE.findall(css)
    assert len(icons) > 1000  # upstream still bundles it: else drop _ext/lean_theme_css.py
    lean = lean_stylesheet(css)
    assert ICON_RULE.search(lean) is None and "sourceMappingURL" not in lean
    map_link = css[css.rindex("/*# sourceMappingURL=") :]
    assert len(lean) == len(css) - sum(map(len, icons)) - len(map_link)
    assert ".fa-lg{" in lean  # icon sizes are not icon names


def test_the_pinned_theme_still_loads_what_layout_html_leaves_out():
    """_templates/layout.html replaces the theme's css and extrahead blocks: still needed
    while the theme loads the icon script and the search index on every page."""
    theme = (THEME / "layout.html").read_text(encoding="utf-8")
    css = theme[theme.index("{%- block css %}") : theme.index("{%- endblock css %}")]
    extrahead = theme[theme.index("{%- block extrahead %}") : theme.index("{%- endblock extrahead %}")]
    assert "_webpack.head_js_preload()" in css
    assert "fontawesome.js" in (THEME / "static" / "webpack-macros.html").read_text(encoding="utf-8")
    assert "searchindex.js" in extrahead
    ours = (ROOT / "_templates" / "layout.html").read_text(encoding="utf-8")
    assert "head_js_preload" not in ours and "searchindex.js" not in ours


# -- myst-parser: executablebooks/MyST-Parser#1175 (_ext/recipes/myst_lines.py) -----------------
PROBE_CONF = """
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

extensions = ["myst_parser"]
myst_enable_extensions = ["colon_fence"]


class Probe(SphinxDirective):
    has_content = True
    option_spec = {"a": str}

    def run(self):
        inline, _ = self.parse_inline("*x*", lineno=7)
        line = inline[0].line
        logging.getLogger("probe").warning(f"{self.lineno} {self.content_offset} {line}")
        return []


def setup(app):
    app.add_directive("probe", Probe)
"""


def test_myst_counts_content_offset_from_the_directive_and_inline_lines_from_0(tmp_path):
    from recipes.myst_lines import content_line, inline_lineno

    (tmp_path / "conf.py").write_text(PROBE_CONF, encoding="utf-8")
    page = "# T\n\nteksti\n\n:::{probe}\n:a: 1\n\nsisältö\n:::\n"
    (tmp_path / "index.md").write_text(page, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=tmp_path, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    lineno, content_offset, inline_line = map(
        int, re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).split("WARNING: ")[1].split()
    )
    assert (lineno, content_offset, inline_line) == (5, 2, 8)  # the content "sisältö" is on line 8

    class Directive:  # what content_line reads of a directive
        pass

    probe = Directive()
    probe.lineno, probe.content_offset = lineno, content_offset
    assert content_line(probe) == 8
    assert inline_lineno(8) == 7


# -- pytest-xdist: pytest-dev/pytest-xdist#1386 (pytest pinned below 9.2 in pyproject.toml) -----
def test_xdist_groups_keep_their_tests_on_one_worker(tmp_path):
    """With pytest 9.2, --dist loadgroup silently stops grouping: the suite's per-language
    groups would then spread over both workers and wait on each other's builds."""
    (tmp_path / "test_grouped.py").write_text(
        "import os, pytest\n\n"
        "@pytest.mark.xdist_group('one')\n"
        "@pytest.mark.parametrize('i', range(6))\n"
        "def test_worker(i):\n"
        "    print('WORKER', os.environ['PYTEST_XDIST_WORKER'])\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "pytest", "-p", "xdist", "-n", "2", "--dist", "loadgroup", "-rA", "-s"]
    command += ["-p", "no:cacheprovider", "-c", "/dev/null", str(tmp_path)]
    # xdist alone: the other installed plugins tripled the run's CPU time (4.1 s against 0.9 s)
    alone = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=alone)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("@one") >= 6, "xdist_group had no effect: see pytest-dev/pytest-xdist#1386"


# -- Sphinx's search page: sphinx-doc/sphinx#13649 (_ext/compound_search/static/search-compounds.js)
# The public Scorer.score(result) gets no query, and nothing public lets a script rewrite a
# query, so the script wraps Search._parseQuery and Search._performSearch. This checks that the
# pinned searchtools.js still has those members with the arguments the script passes on, and
# still calls them through ``Search.`` (so a wrapped member is the one that runs).
SEARCHTOOLS = Path(sys.modules["sphinx"].__file__).parent / "themes" / "basic" / "static" / "searchtools.js"
SEARCH_ARGUMENTS = "query, searchTerms, excludedTerms, highlightTerms, objectTerms"


def test_the_scorer_still_gets_no_query():
    """sphinx-doc/sphinx#13649: when score() gets the query, ranking by title could move there."""
    source = SEARCHTOOLS.read_text(encoding="utf-8")
    assert re.search(r"^\s*score: result => \{", source, re.MULTILINE)


def test_the_search_members_the_script_wraps_are_there():
    source = SEARCHTOOLS.read_text(encoding="utf-8")
    flat = " ".join(source.split())
    assert "_index: null," in flat
    assert "_parseQuery: (query) => {" in flat
    assert f"return [{SEARCH_ARGUMENTS}];" in flat
    assert f"_performSearch: ( {SEARCH_ARGUMENTS}, ) => {{" in flat
    assert "] = Search._parseQuery(query); const results = Search._performSearch(" in flat
    assert '"sphinx_highlight_terms",' in flat  # the key the script hands on only to a followed result
    script = (ROOT / "_ext" / "compound_search" / "static" / "search-compounds.js").read_text(
        encoding="utf-8"
    )
    assert f"Search._performSearch = ({SEARCH_ARGUMENTS}) =>" in script
    assert 'const HIGHLIGHT = "sphinx_highlight_terms";' in script
