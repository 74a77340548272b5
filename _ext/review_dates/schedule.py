"""When a page was last reviewed and when it is due again, from its front matter.

Every page starts with::

    ---
    reviewed: 2026-11-28
    review-by: 12 months
    ---

``review-by`` is a date (``2027-11-28``) or an interval counted from ``reviewed``
(``6 months``, ``1 year``, ``8 weeks``, ``90 days``). A review also records who checked
the page, as a role (``reviewed-by: toimitus``), and what was checked (``review-scope:``).
A page whose file changed in git after its review date is "changed after review" until it
is reviewed again. Both the Sphinx extension and ``tools/review_due.py`` read pages
through this module, so they always agree.
"""

import calendar
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from recipes.markdown_reader import front_matter

REVIEWED, REVIEW_BY = "reviewed", "review-by"
REVIEWER, SCOPE = "reviewed-by", "review-scope"
# Builds and tests can pin "today" so that output and warnings never depend on the clock.
TODAY_VARIABLE = "HANDBOOK_TODAY"
INTERVAL = re.compile(r"^(?P<count>[1-9]\d{0,2})\s+(?P<unit>day|week|month|year)s?$")


class ScheduleError(ValueError):
    """Front matter that does not say when the page was reviewed or is due; ``key`` names the field."""

    def __init__(self, message: str, key: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Review:
    reviewed: date
    review_by: date
    reviewer: str = ""  # a role, such as "toimitus"
    scope: str = ""  # what was checked

    def is_due(self, today: date) -> bool:
        return self.review_by <= today

    def changed_after(self, changed: date | None) -> bool:
        """Whether the page changed after this review (``changed``: see `last_changed`)."""
        return changed is not None and changed > self.reviewed


def today() -> date:
    """The date reviews are measured against: $HANDBOOK_TODAY (YYYY-MM-DD) or the real date."""
    pinned = os.environ.get(TODAY_VARIABLE, "").strip()
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError as error:
        raise ValueError(f"{TODAY_VARIABLE} must be a date YYYY-MM-DD, not {pinned!r}") from error


def parse(metadata: dict) -> Review:
    """The review schedule a page's front matter declares; ScheduleError says what is wrong."""
    for key in (REVIEWED, REVIEW_BY):
        if key not in metadata or str(metadata[key]).strip() in ("", "None"):
            raise ScheduleError(
                f"front matter has no '{key}'; start the page with '---', "
                f"'{REVIEWED}: YYYY-MM-DD', '{REVIEW_BY}: YYYY-MM-DD or 12 months', '---'",
                key,
            )
    reviewed = _date(metadata[REVIEWED], REVIEWED)
    due = str(metadata[REVIEW_BY]).strip()
    interval = INTERVAL.match(due)
    review_by = (
        _add(reviewed, int(interval["count"]), interval["unit"]) if interval else _date(due, REVIEW_BY)
    )
    if review_by <= reviewed:
        raise ScheduleError(
            f"'{REVIEW_BY}' ({review_by}) must come after '{REVIEWED}' ({reviewed})", REVIEW_BY
        )
    text = {key: str(metadata.get(key) or "").strip() for key in (REVIEWER, SCOPE)}
    return Review(reviewed, review_by, text[REVIEWER], text[SCOPE])


def last_changed(path: Path) -> date | None:
    """The day the file last changed: today when it has uncommitted changes, else its last
    commit's date; None outside a git checkout or for a file git does not track."""

    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", *args, "--", path.name], cwd=path.parent, capture_output=True, text=True, check=False
        )
        return result.stdout.strip() if result.returncode == 0 else ""

    if git("status", "--porcelain"):
        return today() if git("ls-files") else None
    committed = git("log", "-1", "--format=%cs")
    return date.fromisoformat(committed) if committed else None


def _date(value, key: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        hint = " or an interval such as '12 months'" if key == REVIEW_BY else ""
        raise ScheduleError(f"'{key}' must be a date YYYY-MM-DD{hint}, not {str(value)!r}", key) from None


def _add(start: date, count: int, unit: str) -> date:
    if unit in ("day", "week"):
        return start + timedelta(days=count * (7 if unit == "week" else 1))
    months = start.month - 1 + count * (12 if unit == "year" else 1)
    year, month = start.year + months // 12, months % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))  # 31.1. + 1 month = 28.2.


def line_of(path: Path, key: str) -> int:
    """The line of ``key`` in the page's front matter, or 1 (where it belongs) when it is missing."""
    try:
        _values, numbers = front_matter(path.read_text(encoding="utf-8"))
    except OSError:
        return 1
    return numbers.get(key, 1)
