"""Facts from outside the booklet, each with its source and the date it was checked.

A fact is written as a block::

    :::{fact}
    :title: Kaupunkipolitiikan yhteistyöryhmä
    :publisher: Työ- ja elinkeinoministeriö
    :date: 2025-12-19        (or "undated" when the page carries no date)
    :url: https://tem.fi/kaupunkipolitiikan-yhteistyoryhma
    :checked: 2026-12-03
    The fact, in our own words.
    :::

The fact's text is shown as written, followed by a numbered reference; the page ends with
its sources in the same order (title, publisher, date, address, date checked). A missing
or malformed field is a ``source.missing`` / ``source.invalid`` warning, and a check older
than the review cycle (``sources_review_cycle``, default "12 months") is ``source.stale``,
each at the fact's file and line. Staleness is measured every build against the same
"today" as page reviews ($HANDBOOK_TODAY or the real date).
"""

from datetime import date
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from review_dates import schedule
from sphinx.application import Sphinx
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from recipes.i18n import add_catalogs, local_date
from recipes.page_end import add_stylesheet, append_to_page

__version__ = "1.0.0"
CATALOG = "sourced-facts"
LOCALE_DIR = Path(__file__).parent / "locale"
FIELDS = ("title", "publisher", "date", "url", "checked")
UNDATED = "undated"
_ = get_translation(CATALOG)
logger = logging.getLogger("sourced_facts")


class sourced_fact(nodes.General, nodes.Element):
    """A fact and its source fields; numbered and given its reference when the page is written."""


class FactDirective(SphinxDirective):
    has_content = True
    option_spec = {field: directives.unchanged for field in FIELDS}

    def run(self) -> list[nodes.Node]:
        source = {field: self.options.get(field, "").strip() for field in FIELDS}
        node = sourced_fact(classes=["sourced-fact"], **source)
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        facts = self.env.__dict__.setdefault("sourced_facts", {})
        facts.setdefault(self.env.docname, []).append((self.lineno, source))
        return [node]


def problems(source: dict[str, str], today: date, cycle: str) -> list[tuple[str, str]]:
    """(subtype, message) for each thing wrong with one fact's source."""
    found = [
        ("missing", f"fact has no ':{field}:' (its source needs {', '.join(FIELDS)})")
        for field in FIELDS
        if not source.get(field)
    ]
    if source.get("url") and not source["url"].startswith(("https://", "http://")):
        found.append(("invalid", f"':url:' must be a web address, not {source['url']!r}"))
    for field in ("date", "checked"):
        value = source.get(field)
        if not value or (field == "date" and value == UNDATED):
            continue
        try:
            date.fromisoformat(value)
        except ValueError:
            hint = f" or '{UNDATED}'" if field == "date" else ""
            found.append(("invalid", f"':{field}:' must be a date YYYY-MM-DD{hint}, not {value!r}"))
            continue
        if field == "checked":
            due = schedule.parse({schedule.REVIEWED: value, schedule.REVIEW_BY: cycle}).review_by
            if due <= today:
                found.append(
                    (
                        "stale",
                        f"source checked {value}, longer ago than {cycle}: check it again and "
                        "update ':checked:' (or the fact)",
                    )
                )
    return found


def report(app: Sphinx, env) -> None:
    """env-check-consistency: every build reports each fact's missing fields and stale checks."""
    today = schedule.today()
    for docname, facts in sorted(getattr(env, "sourced_facts", {}).items()):
        for line, source in facts:
            for subtype, message in problems(source, today, app.config.sources_review_cycle):
                logger.warning(message, location=(docname, line), type="source", subtype=subtype)


def purge(app: Sphinx, env, docname: str) -> None:
    getattr(env, "sourced_facts", {}).pop(docname, None)


def merge(app: Sphinx, env, docnames, other) -> None:
    mine = env.__dict__.setdefault("sourced_facts", {})
    for docname in docnames:
        if docname in getattr(other, "sourced_facts", {}):
            mine[docname] = other.sourced_facts[docname]


def shown_date(value: str, config) -> str:
    """A source's date as readers write it; an unreadable one (already warned) as written."""
    if value in ("", UNDATED):
        return _("undated") if value else "?"
    try:
        return local_date(value, config)
    except ValueError:
        return value


def reference_text(source: dict[str, str], config) -> str:
    """The source line with ``{url}`` where the address goes."""
    parts = [source["title"] or "?", source["publisher"] or "?", shown_date(source["date"], config)]
    checked = shown_date(source["checked"], config)
    return ". ".join(parts) + ". {url} " + _("(checked {date})").format(date=checked)


def number_facts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: number the page's facts and list their sources at its end."""
    facts = list(doctree.findall(sourced_fact))
    if not facts:
        return
    listing = nodes.enumerated_list(classes=["sourced-fact-sources"])
    for number, fact in enumerate(facts, start=1):
        anchor = f"source-{number}"
        mark = nodes.superscript("", "", classes=["sourced-fact-mark"])
        mark += nodes.reference("", f"[{number}]", refid=anchor)
        target = (
            fact.children[-1] if fact.children and isinstance(fact.children[-1], nodes.paragraph) else fact
        )
        target += nodes.Text("\u00a0")  # the mark never wraps onto a line of its own
        target += mark
        source = {field: fact.get(field, "") for field in FIELDS}
        before, _sep, after = reference_text(source, app.config).partition("{url}")
        item = nodes.list_item(ids=[anchor])
        paragraph = nodes.paragraph()
        paragraph += nodes.Text(before)
        paragraph += nodes.reference(source["url"], source["url"], refuri=source["url"])
        paragraph += nodes.Text(after)
        item += paragraph
        listing += item
    heading = _("Sources of facts outside the booklet")
    block = nodes.container(classes=["sourced-fact-list"])
    block += nodes.rubric(heading, heading)
    block += listing
    append_to_page(doctree, block)


def add_assets(app: Sphinx) -> None:
    add_stylesheet(app, Path(__file__).parent / "static", "sourced-facts.css")


def visit_fact(self, node: sourced_fact) -> None:
    self.body.append(self.starttag(node, "div", CLASS="sourced-fact"))


def depart_fact(self, node: sourced_fact) -> None:
    self.body.append("</div>\n")


def pass_through(self, node: nodes.Node) -> None:
    pass


def setup(app: Sphinx) -> dict:
    add_catalogs(app, CATALOG, LOCALE_DIR)
    app.add_config_value("sources_review_cycle", "12 months", "env", types=[str])
    app.add_node(
        sourced_fact,
        html=(visit_fact, depart_fact),
        latex=(pass_through, pass_through),
        text=(pass_through, pass_through),
        man=(pass_through, pass_through),
        texinfo=(pass_through, pass_through),
    )
    app.add_directive("fact", FactDirective)
    app.connect("builder-inited", add_assets)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-check-consistency", report)
    app.connect("doctree-resolved", number_facts, priority=450)  # before the review date
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
