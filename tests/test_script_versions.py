"""Imports between the checklist scripts name a version: a changed module is fetched anew
(never an old copy from the browser's or the offline cache), and every importer asks for
the same address, so a page has one instance of each module."""

import re
import zlib

import pytest
from bs4 import BeautifulSoup
from sphinx.errors import ExtensionError

from recipes.scripts import SCRIPTS, STATIC, served

IMPORT = re.compile(r'(?:from\s*|import\s*\(\s*)"\./([^"?]+)(\?v=\w+)?"')


def test_every_import_of_a_sibling_names_one_version_of_it(basic_root):
    static = basic_root / "_static"
    addresses: dict[str, set[str]] = {}
    for script in SCRIPTS:
        for target, version in IMPORT.findall((static / script).read_text(encoding="utf-8")):
            assert version, f"{script} imports ./{target} without a version"
            assert (static / target).is_file(), target
            addresses.setdefault(target, set()).add(version)
    assert set(addresses) == {"progress.js", "recipe-tools.js", "calendar.js"}
    assert all(len(versions) == 1 for versions in addresses.values()), addresses


def test_the_page_sums_the_script_as_served(basic_root):
    """Sphinx's ?v= on the page is the CRC-32 of the file it copied: the lean, versioned one."""
    page = BeautifulSoup((basic_root / "recipe.html").read_text(encoding="utf-8"), "html.parser")
    address = next(s["src"] for s in page.select("script[src]") if "recipes.js" in s["src"])
    checksum = format(zlib.crc32((basic_root / "_static" / "recipes.js").read_bytes()), "08x")
    assert address.endswith(f"recipes.js?v={checksum}")


def sources() -> dict[str, str]:
    return {name: (STATIC / name).read_text(encoding="utf-8") for name in SCRIPTS}


@pytest.mark.parametrize(
    ("changed", "reached"),
    [
        ("progress.js", {"progress.js", "recipes.js", "recipe-tools.js", "followup.js", "recipe-map.js"}),
        ("calendar.js", {"calendar.js", "recipe-tools.js", "recipes.js"}),  # two imports deep
        ("followup.js", {"followup.js"}),
    ],
)
def test_a_change_reaches_every_module_that_imports_it(changed, reached):
    before = served(sources())
    edited = sources()
    edited[changed] += "\nexport const added = 1;\n"
    after = served(edited)
    assert {name for name in SCRIPTS if after[name] != before[name]} == reached


def test_a_circle_or_an_unknown_module_is_named():
    circle = {"a.js": 'import * as B from "./b.js";', "b.js": 'import * as A from "./a.js";'}
    with pytest.raises(ExtensionError, match=r"circle: a\.js -> b\.js -> a\.js"):
        served(circle)
    with pytest.raises(ExtensionError, match=r"a\.js imports \./c\.js"):
        served({"a.js": 'const c = await import("./c.js");'})
