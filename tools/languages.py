"""The handbook's languages, declared once in pyproject.toml under
``[tool.handbook.languages.<code>]`` and read from here by conf.py, the Makefile, the
root pages, the workshop edition and the tests.

The entries' order is the order of the language switcher; ``source-language`` in
``[tool.handbook]`` names the language the pages are written in (Finnish). The site's own
words are a gettext catalogue with Finnish msgids beside the pages' catalogues
(``locales/<code>/LC_MESSAGES/handbook-ui.po``), so the source language needs none; the
recipe extension's and the workshop edition's words are in ``_ext/recipes/locale/``.

CLI for the Makefile and CI: ``python3 tools/languages.py codes`` prints every code,
``translations`` those of the translations, ``source`` the source language's (standard
library only).
"""

import os
import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
LOCALES = ROOT / "locales"
FIELDS = ("name", "project", "authors", "licence", "locale", "date", "hyphenation")


class LanguageError(ValueError):
    """The registry or a language's catalogue lacks something; the message says what to add."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the switcher and on the root pages, in the language itself
    project: str  # the handbook's title
    authors: str
    licence: str  # the licence line after the copyright
    locale: str  # Babel/CLDR locale of dates, og:locale
    date: str  # CLDR date pattern, e.g. "d.M.y"
    hyphenation: str  # the workshop edition's hyphenation language
    source: bool  # the pages are written in this language; the others are translations


def handbook_settings(pyproject: Path = PYPROJECT) -> dict:
    """The ``[tool.handbook]`` table of pyproject.toml."""
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["handbook"]


def registry(pyproject: Path = PYPROJECT) -> dict[str, Language]:
    """Every language by code, in the order of the switcher."""
    handbook = handbook_settings(pyproject)
    entries = handbook.get("languages", {})
    source = handbook.get("source-language")
    if source not in entries:
        raise LanguageError(
            f"{pyproject.name}: source-language {source!r} has no [tool.handbook.languages] entry"
        )
    languages = {}
    for code, entry in entries.items():
        table = f"{pyproject.name}: [tool.handbook.languages.{code}]"
        if missing := [field for field in FIELDS if not isinstance(entry.get(field), str)]:
            raise LanguageError(f"{table} lacks {', '.join(missing)} (text)")
        if unknown := sorted(set(entry) - set(FIELDS)):
            raise LanguageError(f"{table} has unknown keys {', '.join(unknown)}; known: {', '.join(FIELDS)}")
        languages[code] = Language(code, **{field: entry[field] for field in FIELDS}, source=code == source)
    return languages


def site_url(pyproject: Path = PYPROJECT) -> str:
    """Where the languages are published, each in its <code>/ folder: HANDBOOK_BASE_URL
    (CI sets it from the Pages deployment), else ``base-url`` in pyproject.toml."""
    return os.environ.get("HANDBOOK_BASE_URL", handbook_settings(pyproject)["base-url"])


def source_language(languages: dict[str, Language]) -> Language:
    return next(language for language in languages.values() if language.source)


def translator(language: Language, domain: str, locales: Path = LOCALES) -> Callable[[str], str]:
    """gettext for the handbook's own words (Finnish msgids) from ``<domain>.po``.

    Strict: a missing catalogue or message stops with the file to fix, rather than showing
    Finnish in a translated site."""
    if language.source:
        return str
    from babel.messages.pofile import read_po

    path = locales / language.code / "LC_MESSAGES" / f"{domain}.po"
    if not path.is_file():
        raise LanguageError(
            f"{path} is missing: copy it from another translation and translate it (CONTRIBUTING.md)"
        )
    with path.open("rb") as handle:
        strings = {m.id: m.string for m in read_po(handle) if m.id and m.string and not m.fuzzy}

    def gettext(message: str) -> str:
        if message not in strings:
            raise LanguageError(f"{path}: no translation of {message!r}; add it")
        return strings[message]

    return gettext


# CLDR date fields and the strftime-like codes Sphinx turns back into them (sphinx.util.i18n).
SPHINX_DATE_CODES = {"d": "%-d", "dd": "%d", "M": "%-m", "MM": "%m", "MMM": "%b", "MMMM": "%B"}
SPHINX_DATE_CODES |= {"y": "%Y", "yyyy": "%Y"}
CLDR_TOKEN = re.compile(r"([A-Za-z])\1*|'[^']*'|[^A-Za-z']+")


def sphinx_date_format(pattern: str) -> str:
    """The registry's CLDR pattern as ``today_fmt``/``html_last_updated_fmt``, which Sphinx
    formats field by field with Babel: both ways print the same."""
    parts = []
    for match in CLDR_TOKEN.finditer(pattern):
        token = match.group()
        if token[0].isalpha():
            if token not in SPHINX_DATE_CODES:
                known = ", ".join(SPHINX_DATE_CODES)
                raise LanguageError(f"date pattern {pattern!r}: use {known}, not {token!r}")
            parts.append(SPHINX_DATE_CODES[token])
        else:
            parts.append(token.strip("'").replace("%", "%%"))
    return "".join(parts)


def main(argv: list[str]) -> int:
    languages = registry()
    if argv == ["codes"]:
        print(" ".join(languages))
    elif argv == ["translations"]:
        print(" ".join(code for code, language in languages.items() if not language.source))
    elif argv == ["source"]:
        print(source_language(languages).code)
    else:
        print("usage: python3 tools/languages.py codes|translations|source", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
