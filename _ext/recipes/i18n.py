"""Translatable UI strings of the extension (message catalog ``recipes``) and dates
written the way readers of the build's language write them."""

import hashlib
import os
import re
from datetime import date
from pathlib import Path

from babel.dates import format_date
from sphinx.application import Sphinx
from sphinx.locale import get_translation

CATALOG = "recipes-ui"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)


def catalogue_digest(locale_dir: Path = LOCALE_DIR) -> str:
    """A fingerprint of the UI catalogues. Registered as an html-rebuild config value, it
    makes Sphinx re-write every page when a UI string changes: the pages hold those
    strings, but no source file of theirs changed."""
    digest = hashlib.sha256()
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        digest.update(po_path.relative_to(locale_dir).as_posix().encode() + b"\0" + po_path.read_bytes())
    return digest.hexdigest()


def add_catalogs(app: Sphinx, catalog: str, locale_dir: Path) -> None:
    """Register an extension's message catalogue: its ``.po`` files are compiled into the
    build's doctree folder (``locale/<package>``), never into the source tree, each when
    its ``.mo`` there is missing or older."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled = Path(app.doctreedir) / "locale" / locale_dir.parent.name
    for po_path in locale_dir.glob("*/LC_MESSAGES/*.po"):
        mo_path = compiled / po_path.relative_to(locale_dir).with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            messages = read_po(po_file)
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        # write aside, then rename: a build running at the same time never sees half a file
        partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}")
        with partial.open("wb") as mo_file:
            write_mo(mo_file, messages)
        os.replace(partial, mo_path)
    app.add_message_catalog(catalog, str(compiled))


def date_locale(config) -> str:
    """The Babel locale dates are written in: ``recipes_locale`` (conf.py sets it from the
    handbook's language registry), else one derived from the build language."""
    language = config.language or "en"
    return config.recipes_locale or {"en": "en_GB"}.get(language, language)


def local_date(iso: str, config) -> str:
    """An ISO date in the build's one date style: ``recipes_date_pattern`` in
    ``date_locale`` (28.11.2026 in Finnish, 28 november 2026 in Swedish)."""
    return format_date(
        date.fromisoformat(iso), format=config.recipes_date_pattern, locale=date_locale(config)
    )


# CLDR date fields and the Intl.DateTimeFormat options that print them in the same locale.
INTL_FIELDS = {
    "d": ("day", "numeric"),
    "dd": ("day", "2-digit"),
    "M": ("month", "numeric"),
    "MM": ("month", "2-digit"),
    "MMM": ("month", "short"),
    "MMMM": ("month", "long"),
    "y": ("year", "numeric"),
    "yyyy": ("year", "numeric"),
}
STYLES = ("short", "medium", "long", "full")


def browser_date_style(config) -> dict[str, str]:
    """The page's date style for the browser (``data-*`` of the ``recipes-dates`` meta tag):
    the locale as a browser names it (en_GB -> en-GB) and the Intl.DateTimeFormat options of
    ``recipes_date_pattern``; the browser lays the fields out as the locale does, as Babel does.
    tests/test_dates.py checks that both print the same in every language of the registry."""
    pattern = config.recipes_date_pattern
    if pattern in STYLES:
        options = {"dateStyle": pattern}
    else:
        unquoted = re.sub(r"'[^']*'", "", pattern)  # quoted text is literal, not fields
        fields = [match.group() for match in re.finditer(r"([A-Za-z])\1*", unquoted)]
        unknown = [field for field in fields if field not in INTL_FIELDS]
        if unknown:
            raise ValueError(
                f"recipes_date_pattern {pattern!r}: use {', '.join(INTL_FIELDS)}, not {unknown[0]!r}"
            )
        options = dict(INTL_FIELDS[field] for field in fields)
    return {"locale": date_locale(config).replace("_", "-"), "options": options}
