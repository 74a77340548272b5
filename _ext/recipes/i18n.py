"""Translatable UI strings of the extension (message catalog ``recipes``) and dates
written the way readers of the build's language write them."""

import hashlib
import os
from datetime import date
from pathlib import Path

from babel.dates import format_date
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


def compile_catalogs(locale_dir: Path = LOCALE_DIR) -> None:
    """Compile each ``.po`` file next to it when its ``.mo`` is missing or older."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_path in locale_dir.glob("*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        # write aside, then rename: a build running at the same time never sees half a file
        partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}")
        with partial.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        os.replace(partial, mo_path)


def date_locale(config) -> str:
    """The Babel locale dates are written in: ``recipes_locale`` (conf.py sets it from the
    handbook's language registry), else one derived from the build language."""
    language = config.language or "en"
    return config.recipes_locale or {"en": "en_GB"}.get(language, language)


def local_date(iso: str, locale: str) -> str:
    """An ISO date as readers of ``locale`` write it (28.11.2026 in Finnish)."""
    return format_date(date.fromisoformat(iso), format="medium", locale=locale)
