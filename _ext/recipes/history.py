"""The change history: ``recipe-changes`` (one recipe's history), ``recipe-changelog``
(every change in the handbook, newest first) and the "Version" field of each recipe.

The history directive parses its lines into `model.Change` entries; the domain keeps them
per document; the version fields and the changelog are filled from all documents while
writing (`FillHistory`), before `fallback` turns recipes into core nodes.
"""

import re
from dataclasses import replace
from datetime import date

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import nodes as rn
from .i18n import _, local_date
from .model import Change, anchor
from .myst_lines import content_line, inline_lineno
from .raw_html import escape_raw_html
from .warnings import warn

# A change history line: "- 1.1 (2026-12-01): What changed."
CHANGE = re.compile(r"^-\s+(?P<version>\d+\.\d+)\s+\((?P<date>\d{4}-\d{2}-\d{2})\):\s+(?P<text>\S.*)$")
# History dates outside this span are typing slips (a year of 1026 or 2206).
EARLIEST_CHANGE = date(2000, 1, 1)
LATEST_CHANGE_AHEAD_DAYS = 366


class RecipeChangesDirective(SphinxDirective):
    """The change history of one recipe, newest first: ``- 1.1 (2026-12-01): text``."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        recipe_id = self.arguments[0]
        entries: list[Change] = []
        listing = nodes.bullet_list()
        for offset, line in enumerate(self.content):
            if not line.strip():
                continue
            lineno = content_line(self, offset)
            match = CHANGE.match(line.strip())
            if match is None:
                warn(
                    f"change history line of {recipe_id!r} is not '- VERSION (YYYY-MM-DD): text': "
                    f"{line.strip()!r}; it is shown as it is",
                    (self.env.docname, lineno),
                    "history",
                )
                listing += nodes.list_item("", nodes.paragraph(line, line))
                continue
            impossible, problem = _date_problem(match["date"])
            if problem:
                shown_as_is = "; the line is shown as it is" if impossible else ""
                warn(
                    f"change history of {recipe_id!r}: {problem}{shown_as_is}",
                    (self.env.docname, lineno),
                    "history",
                )
            if impossible:
                listing += nodes.list_item("", nodes.paragraph(line, line))
                continue
            entry = Change(line=lineno, **match.groupdict())
            if entries and entry.order >= entries[-1].order:
                warn(
                    f"change history of {recipe_id!r} must list the newest version first",
                    (self.env.docname, lineno),
                    "history",
                )
            text_nodes, _messages = self.parse_inline(entry.text, lineno=inline_lineno(lineno))
            # the text is a paragraph of its own so that translators get it as a message
            text = rn.fact_paragraph(
                rn.CHANGE_TEXT, match["text"], *text_nodes, classes=["recipe-change-text"]
            )
            text.source, text.line = self.env.doc2path(self.env.docname), lineno
            escape_raw_html(text, f"the change history of {recipe_id!r}", (self.env.docname, lineno))
            entry = replace(entry, text=text.astext())
            entries.append(entry)
            shown = local_date(entry.date, self.config)
            stamp = nodes.paragraph(
                "",
                "",
                nodes.strong(entry.version, entry.version),
                nodes.Text(f" ({shown}): "),
                classes=["recipe-change-stamp"],
            )
            listing += nodes.list_item("", stamp, text)
        if not entries:
            warn(
                f"change history of {recipe_id!r} is empty; add a line '- 1.0 (YYYY-MM-DD): what changed'",
                (self.env.docname, self.lineno),
                "history",
            )
        node = rn.recipe_changes("", listing, recipe=recipe_id, entries=entries, classes=["recipe-changes"])
        self.set_source_info(node)
        return [node]


class RecipeChangelogDirective(SphinxDirective):
    """Every recipe change of the handbook, newest first."""

    def run(self) -> list[nodes.Node]:
        placeholder = rn.recipe_changelog()
        self.set_source_info(placeholder)
        return [placeholder]


def _date_problem(iso: str) -> tuple[bool, str | None]:
    """Whether a history date is impossible, and what is wrong with it (a day that does
    not exist, or one so far away that it is a typing slip)."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return True, f"{iso} is not a date (no such day); write YYYY-MM-DD"
    if day < EARLIEST_CHANGE:
        return False, f"{iso} is before {EARLIEST_CHANGE.year}; check the year"
    if (day - date.today()).days > LATEST_CHANGE_AHEAD_DAYS:
        return False, f"{iso} is more than a year ahead; write the day the change was made"
    return False, None


class FillHistory(rn.FillPlaceholders):
    """Fill each recipe's version field and the changelogs from all documents."""

    def has_work(self, data: dict, shows: list[str]) -> bool:
        # versions exist only where some page holds a history
        return "*" in shows or bool(shows and data["changes"])

    def fill(self, docname: str) -> None:
        found = list(self.document.findall(lambda n: isinstance(n, (rn.recipe, rn.recipe_changelog))))
        for node in found:
            if isinstance(node, rn.recipe):
                self.add_version(node)
            else:
                node.replace_self(self.changelog(docname))

    def add_version(self, recipe: rn.recipe) -> None:
        """A recipe with a history gets a "Version" field at the end of its metadata; the
        field list is added when the recipe has no other metadata."""
        changes = self.env.get_domain("recipe").changes(recipe["recipe_id"])
        if recipe.get("summary") or not changes:
            return
        latest = changes[0]
        shown = f"{latest.version} ({local_date(latest.date, self.config)})"
        fields = recipe[1] if len(recipe) > 1 and isinstance(recipe[1], nodes.field_list) else None
        if fields is None:
            fields = nodes.field_list(classes=["recipe-meta"])
            recipe.insert(1, fields)  # after the title
        label = str(_("Version"))
        fields += nodes.field(
            "",
            nodes.field_name(label, label, translatable=False),
            nodes.field_body("", nodes.paragraph(shown, shown)),
        )

    def changelog(self, docname: str) -> nodes.Node:
        domain = self.env.get_domain("recipe")
        entries = []
        for position, (recipe_doc, recipe) in enumerate(domain.ordered_recipes()):
            for change in domain.changes(recipe.id):
                entries.append((change.date, -position, recipe_doc, recipe, change))
        listing = nodes.bullet_list(classes=["recipe-changelog"])
        for day, _position, recipe_doc, recipe, change in sorted(entries, key=lambda e: e[:2], reverse=True):
            uri = self.builder.get_relative_uri(docname, recipe_doc) + "#" + anchor(recipe.id)
            paragraph = nodes.paragraph()
            paragraph += nodes.strong("", local_date(day, self.config))
            paragraph += nodes.Text(" – ")
            paragraph += nodes.reference("", recipe.title, refuri=uri, internal=True)
            paragraph += nodes.Text(f" {change.version}: {change.text}")
            listing += nodes.list_item("", paragraph)
        return listing


def setup(app: Sphinx) -> None:
    app.add_node(rn.recipe_changelog)
    app.add_directive("recipe-changes", RecipeChangesDirective)
    app.add_directive("recipe-changelog", RecipeChangelogDirective)
    FillHistory.connect(app)
