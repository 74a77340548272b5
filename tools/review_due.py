"""List the handbook pages whose review is due: ``make review-due [FAIL=1]``.

Reads the ``reviewed`` and ``review-by`` front matter of every page (index.md, docs/,
recipes/) without building the site. Exits 0 and prints the list, due pages first, then
pages changed (in git) after their review; with ``--fail`` it exits 1 when a page is due,
changed after its review, or its dates are missing or malformed.
"today" is the real date unless ``--today`` or $HANDBOOK_TODAY says otherwise.
"""

import argparse
import sys
from datetime import date
from pathlib import Path

from review_dates import schedule

from recipes.markdown_reader import front_matter

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("index.md", "docs/**/*.md", "recipes/**/*.md")


def pages(root: Path) -> list[Path]:
    return sorted({path for pattern in PAGES for path in root.glob(pattern)})


def check(root: Path, today: date) -> tuple[list[str], list[str]]:
    """Lines for due pages and for pages whose dates cannot be read."""
    due, _changed, broken = check_all(root, today)
    return due, broken


def check_all(root: Path, today: date) -> tuple[list[str], list[str], list[str]]:
    """Lines for due pages, for pages changed after their review, and for pages whose
    dates cannot be read."""
    due, changed, broken = [], [], []
    for path in pages(root):
        name = path.relative_to(root).as_posix()
        values, numbers = front_matter(path.read_text(encoding="utf-8"))
        try:
            review = schedule.parse(values)
        except schedule.ScheduleError as problem:
            broken.append(f"{name}:{numbers.get(problem.key, 1)}: {problem}")
            continue
        if review.is_due(today):
            line = numbers[schedule.REVIEW_BY]
            due.append(f"{name}:{line}: due {review.review_by} (last reviewed {review.reviewed})")
        last = schedule.last_changed(path)
        if review.changed_after(last):
            line = numbers[schedule.REVIEWED]
            changed.append(f"{name}:{line}: changed {last} after its review on {review.reviewed}")
    return due, changed, broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the handbook's source folder")
    parser.add_argument("--today", type=date.fromisoformat, help="measure against this date (YYYY-MM-DD)")
    parser.add_argument("--fail", action="store_true", help="exit 1 when any page is due or undated")
    args = parser.parse_args(argv)
    try:
        today = args.today or schedule.today()
    except ValueError as error:
        parser.error(str(error))
    due, changed, broken = check_all(args.root.resolve(), today)
    print(f"Review due on {today.isoformat()}: {len(due)} of {len(pages(args.root.resolve()))} pages")
    print("\n".join(f"  {line}" for line in due) or "  (none)")
    print(f"Changed after their review: {len(changed)}")
    print("\n".join(f"  {line}" for line in changed) or "  (none)")
    if broken:
        print(f"Pages without valid review dates: {len(broken)}")
        print("\n".join(f"  {line}" for line in broken))
    return 1 if args.fail and (due or changed or broken) else 0


if __name__ == "__main__":
    sys.exit(main())
