"""``python -m tools.recipe_review [--base REF] [--head REF] [--format text|markdown]``

Prints what the compared revision (the working tree unless --head is given) does to the
recipes of the base revision (the merge base with main unless --base is given), then
checks the ID stability rules. Exit status: 0 when the rules pass, 1 when one fails,
2 when a revision cannot be read. --changed-ids prints only the IDs of new and changed
recipes, comma-separated, for the workshop preview.
"""

import argparse
import sys
from pathlib import Path

from .compare import changed_ids, compare
from .report import markdown_report, text_report
from .revisions import RevisionError, default_base, revision_catalogue, short_name
from .rules import check

REPORTS = {"text": text_report, "markdown": markdown_report}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tools.recipe_review", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--base", help="git ref to compare with (default: the merge base with main)")
    parser.add_argument("--head", help="git ref to compare (default: the working tree)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="the repository (default: here)")
    parser.add_argument("--format", choices=sorted(REPORTS), default="text")
    parser.add_argument("--changed-ids", action="store_true", help="print only new and changed recipe IDs")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        base = args.base or default_base(args.repo)
        base_label = short_name(args.repo, base)
        head_label = short_name(args.repo, args.head) if args.head else "the working tree"
        before, _base_warnings = revision_catalogue(args.repo, base)
        after, warnings = revision_catalogue(args.repo, args.head)
    except RevisionError as error:
        print(f"recipe-diff: {error}", file=sys.stderr)
        return 2
    if warnings:
        print(
            f"recipe-diff: {head_label} has recipe warnings; what they concern is missing below:",
            *warnings,
            sep="\n  ",
            file=sys.stderr,
        )
    diffs = compare(before, after)
    if args.changed_ids:
        print(",".join(changed_ids(diffs)))
        return 0
    violations = check(diffs)
    sys.stdout.write(REPORTS[args.format](diffs, violations, base_label, head_label))
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
