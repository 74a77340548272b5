"""The documented pattern for recipe and item IDs.

IDs are chosen by authors, never derived from text or serial numbers: lowercase ASCII
letters, digits and single hyphens, starting with a letter, at most 40 characters.
"""

import re

ID_PATTERN = r"[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,39}"
ID_RE = re.compile(rf"^{ID_PATTERN}$")
ID_RULE = "lowercase ASCII letters, digits and single hyphens, starting with a letter, at most 40 characters"


def is_valid_id(value: str) -> bool:
    return bool(ID_RE.match(value))


def split_list(value: str | None) -> list[str]:
    """Split a comma-separated option value into its stripped, non-empty parts."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]
