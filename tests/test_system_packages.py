"""CI installs exactly the system packages README tells a new developer to install."""

import re

from conftest import ROOT


def test_ci_installs_what_readme_names():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = re.findall(r"`apt-get install -y ([^`]+)`", readme)
    ci = (ROOT / ".ci" / "install").read_text(encoding="utf-8")
    (listed,) = re.findall(r"^packages=\(([^)]*)\)", ci, re.MULTILINE)
    assert sorted(listed.split()) == sorted(line.split())
