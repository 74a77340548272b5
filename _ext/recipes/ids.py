"""The documented pattern for recipe and item IDs.

IDs are chosen by authors, never derived from text or serial numbers: lowercase ASCII
letters, digits and single hyphens, starting with a letter, at most 40 characters.
"""

import re
import unicodedata

ID_PATTERN = r"[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,39}"
ID_RE = re.compile(rf"^{ID_PATTERN}$")
ID_RULE = "lowercase ASCII letters, digits and single hyphens, starting with a letter, at most 40 characters"
ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


# the same rule without a look-ahead in a counted repeat, which makes ID_RE slow to run
# on every item of every build; ID_PATTERN stays the documented form (and the schema's)
_FAST_ID_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def is_valid_id(value: str) -> bool:
    return len(value) <= 40 and _FAST_ID_RE.fullmatch(value) is not None


def id_problem(value: str) -> str:
    """What exactly breaks the rule, naming a look-alike or invisible character by its
    code point (a Cyrillic 'а' looks like the Latin 'a' in every editor)."""
    for position, char in enumerate(value, start=1):
        if char not in ALLOWED:
            name = unicodedata.name(char, "unnamed character")
            return f"character {position} is U+{ord(char):04X} {name}"
    if len(value) > 40:
        return f"it has {len(value)} characters"
    if not value[:1].isalpha():
        return "it must start with a letter"
    return "hyphens must be single and between letters or digits"


def split_list(value: str | None) -> list[str]:
    """Split a comma-separated option value into its stripped, non-empty parts."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]
