"""Typed warnings: every message has type ``recipe`` and a subtype, so one kind can be
suppressed with ``suppress_warnings = ["recipe.<subtype>"]``. CONTRIBUTING.md lists them."""

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
    "html",
    "fence",
    "encoding",
)


def warn(message: str, location: Any, subtype: str) -> None:
    # a real check, not an assert: `python -O` must not let an untyped warning through
    if subtype not in SUBTYPES:
        raise ValueError(
            f"unknown recipe warning subtype {subtype!r}; add it to SUBTYPES and CONTRIBUTING.md"
        )
    logger.warning(message, location=location, type="recipe", subtype=subtype)
