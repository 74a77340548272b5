"""Typed warnings: every message has type ``recipe`` and a subtype, so one kind can be
suppressed with ``suppress_warnings = ["recipe.<subtype>"]``."""

from typing import Any

from sphinx.util import logging

logger = logging.getLogger("recipes")

SUBTYPES = (
    "id",
    "duplicate",
    "empty",
    "option",
    "item",
    "nested",
    "ref",
    "chapter",
    "step",
    "retired",
    "history",
    "origin",
)


def warn(message: str, location: Any, subtype: str) -> None:
    assert subtype in SUBTYPES, subtype
    logger.warning(message, location=location, type="recipe", subtype=subtype)
