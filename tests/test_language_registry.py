"""The language registry (tools/languages.py): what it reads from pyproject.toml, the
mistakes it names, the date style it hands to Sphinx and its strict catalogues."""

import subprocess
import sys

import pytest

from tools.languages import (
    FIELDS,
    Language,
    LanguageError,
    registry,
    site_url,
    source_language,
    sphinx_date_format,
    translator,
)

from conftest import ROOT

ENTRY = "\n".join(f'{field} = "{field}-value"' for field in FIELDS)


def pyproject(tmp_path, text: str):
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_handbook_registry_in_switcher_order_with_finnish_as_source():
    languages = registry()
    assert list(languages) == ["fi", "sv", "en"]
    assert source_language(languages).code == "fi"
    assert [code for code, language in languages.items() if language.source] == ["fi"]
    assert languages["en"].locale == "en_GB" and languages["sv"].name == "På svenska"


def test_the_command_line_prints_codes_for_the_makefile():
    def ask(*args):
        return subprocess.run(
            [sys.executable, str(ROOT / "tools" / "languages.py"), *args], capture_output=True, text=True
        )

    assert ask("codes").stdout == "fi sv en\n"
    assert ask("translations").stdout == "sv en\n"
    assert ask("source").stdout == "fi\n"
    assert ask("everything").returncode == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f'[tool.handbook]\nsource-language = "de"\n[tool.handbook.languages.fi]\n{ENTRY}\n', "'de' has no"),
        (
            '[tool.handbook]\nsource-language = "fi"\n[tool.handbook.languages.fi]\nname = "Suomeksi"\n',
            "[tool.handbook.languages.fi] lacks project, authors, licence, locale, date, hyphenation",
        ),
        (
            f'[tool.handbook]\nsource-language = "fi"\n[tool.handbook.languages.fi]\n{ENTRY}\nlocal = "x"\n',
            "[tool.handbook.languages.fi] has unknown keys local",
        ),
    ],
    ids=["source-without-entry", "missing-fields", "misspelt-key"],
)
def test_registry_mistakes_are_named(tmp_path, text, message):
    with pytest.raises(LanguageError) as error:
        registry(pyproject(tmp_path, text))
    assert message in str(error.value)


def test_date_patterns_sphinx_cannot_print_are_refused():
    assert sphinx_date_format("d. MMMM y 'klo'") == "%-d. %B %Y klo"
    with pytest.raises(LanguageError, match="not 'EEEE'"):
        sphinx_date_format("EEEE d.M.y")


def test_translations_are_strict_and_the_source_needs_none(tmp_path):
    def language(code: str, source: bool = False) -> Language:
        return Language(code, *(f"{field}-value" for field in FIELDS), source=source)

    assert translator(language("fi", source=True), "handbook-ui", tmp_path)("Hae") == "Hae"
    with pytest.raises(LanguageError, match="handbook-ui.po is missing"):
        translator(language("de"), "handbook-ui", tmp_path)
    catalogue = tmp_path / "de" / "LC_MESSAGES" / "handbook-ui.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text('msgid "Hae"\nmsgstr "Suchen"\n\nmsgid "Kieli"\nmsgstr ""\n', encoding="utf-8")
    _ = translator(language("de"), "handbook-ui", tmp_path)
    assert _("Hae") == "Suchen"
    with pytest.raises(LanguageError, match="no translation of 'Kieli'"):
        _("Kieli")


def test_the_published_address_follows_the_environment(monkeypatch):
    monkeypatch.delenv("HANDBOOK_BASE_URL", raising=False)
    assert site_url() == "https://kumppanuuden-reseptikirja.github.io/reseptikirja/"
    monkeypatch.setenv("HANDBOOK_BASE_URL", "https://example.org/kirja/")
    assert site_url() == "https://example.org/kirja/"
