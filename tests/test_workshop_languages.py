"""Each language's edition speaks that language: file name, labels, dates, URLs; and the
documented `make workshop LANG=sv` never hands "sv" to child processes as the locale."""

import subprocess

import pytest
from workshop_editions import squeeze

from conftest import ROOT

EXPECTED = {
    "fi": ("kumppanuuden-reseptikirja-tyopajaversio.pdf", "28.11.2026", ("Vastuuhenkilö", "Määräaika")),
    "sv": (
        "receptbok-for-partnerskap-workshopversion.pdf",
        "28 november 2026",
        ("Ansvarsperson", "Tidsfrist"),
    ),
    "en": ("partnership-cookbook-workshop-edition.pdf", "28 November 2026", ("Responsible", "Deadline")),
}


@pytest.mark.parametrize("language", EXPECTED)
def test_file_name_date_and_labels_in_the_language(editions, language):
    edition = editions[language]
    filename, date, labels = EXPECTED[language]
    assert edition.path.name == filename
    assert edition.catalogue["handbook"]["language"] == language
    assert date in " ".join(edition.texts[0].split())  # the cover
    text = squeeze(" ".join(edition.texts))
    for label in labels:
        assert squeeze(label) in text, label
    assert squeeze(edition.catalogue["handbook"]["base_url"]) in squeeze(edition.texts[0])


@pytest.mark.parametrize("target", ["workshop", "workshop-recipes"])
def test_make_lang_names_the_edition(target):
    result = subprocess.run(["make", "-n", target, "LANG=sv"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "--language sv" in result.stdout and "build/workshop/sv" in result.stdout


def test_make_lang_never_reaches_commands_as_the_locale(tmp_path):
    """A probe target added beside the Makefile shows the environment its commands get."""
    probe = tmp_path / "probe.mk"
    probe.write_text('probe:\n\t@echo "LANG=[$$LANG]"\n', encoding="utf-8")
    result = subprocess.run(
        ["make", "-s", "-f", "Makefile", "-f", str(probe), "probe", "LANG=sv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "LANG=[]"
