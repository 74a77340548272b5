"""The recipe diff and the rule check as readable text (terminal) or Markdown (the job
summary of a pull request)."""

import re

from .compare import RecipeDiff
from .rules import REWORD_RULE, Violation

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def md(text: str) -> str:
    """Reader text as literal Markdown: no markup, no HTML."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def joined(value) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def version_line(diff: RecipeDiff) -> str:
    before, after = diff.version_before or "none", diff.version_after or "none"
    return f"version {before} → {after}" if before != after else f"version {after} (unchanged)"


def totals(diffs: list[RecipeDiff]) -> str:
    counts = {status: 0 for status in ("changed", "added", "removed", "unchanged")}
    for diff in diffs:
        counts[diff.status] += 1
    if counts["unchanged"] == len(diffs):
        return f"No recipe changed ({len(diffs)} recipes)."
    return ", ".join(f"{count} {status}" for status, count in counts.items() if count) + "."


def headline(diff: RecipeDiff) -> str:
    details = diff.summary()
    return f"{diff.status}" + (f": {details}" if details else "") + f"; {version_line(diff)}"


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


# -- text --------------------------------------------------------------------------
def text_report(diffs: list[RecipeDiff], violations: list[Violation], base: str, head: str) -> str:
    lines = [f"Recipe changes from {base} to {head}", ""]
    for diff in diffs:
        if diff.status == "unchanged":
            continue
        lines.append(f"{diff.recipe_id} ({diff.title}): {headline(diff)}")
        lines += [f"  + {item['id']}: {item['text']}" for item in diff.added]
        for before, after in diff.reworded:
            lines += [
                f"  ~ {after['id']}",
                f"      before: {before['text']}",
                f"      after:  {after['text']}",
            ]
        lines += [f"  - {item['id']}: {item['text']}" for item in diff.removed]
        if diff.retired:
            lines.append(f"  retired: {', '.join(diff.retired)}")
        for name, (before, after) in diff.options.items():
            lines.append(f"  {name}: {joined(before)} → {joined(after)}")
        lines += [f"  history: {c['version']} ({c['date']}): {c['text']}" for c in diff.new_history]
        lines.append("")
    lines.append(totals(diffs))
    lines.append("")
    if not violations:
        lines.append("ID checks passed.")
    else:
        lines.append(f"ID checks failed ({len(violations)}):")
        lines += [f"  {violation}" for violation in violations]
        lines.append(REWORD_RULE)
    return "\n".join(lines) + "\n"


# -- Markdown ----------------------------------------------------------------------
def markdown_report(diffs: list[RecipeDiff], violations: list[Violation], base: str, head: str) -> str:
    lines = ["## Recipe changes", "", f"From {md(base)} to {md(head)}.", ""]
    for diff in diffs:
        if diff.status == "unchanged":
            continue
        lines += [f"### {md(diff.title)} (`{diff.recipe_id}`)", "", md(sentence(headline(diff))), ""]
        entries = [f"- **added** `{item['id']}`: {md(item['text'])}" for item in diff.added]
        for before, after in diff.reworded:
            entries += [
                f"- **reworded** `{after['id']}`",
                f"  - before: {md(before['text'])}",
                f"  - after: {md(after['text'])}",
            ]
        entries += [f"- **removed** `{item['id']}`: {md(item['text'])}" for item in diff.removed]
        entries += [f"- **retired** `{item_id}`" for item_id in diff.retired]
        entries += [
            f"- **{name}**: {md(joined(before))} → {md(joined(after))}"
            for name, (before, after) in diff.options.items()
        ]
        entries += [f"- **history** {c['version']} ({c['date']}): {md(c['text'])}" for c in diff.new_history]
        lines += entries + ([""] if entries else [])
    lines += [totals(diffs), ""]
    if not violations:
        lines.append("**ID checks passed.**")
    else:
        lines += [f"### ID checks failed ({len(violations)})", ""]
        lines += [f"- `{violation.location}`: {md(violation.message)}" for violation in violations]
        lines += ["", f"> {md(REWORD_RULE)}"]
    return "\n".join(lines) + "\n"
