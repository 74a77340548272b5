"""Review dates of a living handbook, after GOV.UK's tech-docs: every page says when it was
last reviewed, and pages past their ``review-by`` date are reported.

Pages declare ``reviewed`` and ``review-by`` in their front matter (see ``schedule``).
HTML pages end with "Tarkistettu 28.11.2026" in the reader's language, who checked what
when the review records it, and a notice when the page changed after its review or the
review is overdue. Missing or malformed dates are warnings (``review.missing``,
``review.invalid``) at the page's file and line. A page that falls due is reported as
``review.due``: a warning by default; with ``review_due_warns = False`` (the handbook's
conf.py, whose builds are all strict) only a message, so that the calendar alone never stops
the handbook from being published. ``make review-due`` lists the due pages without building.
"""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.locale import get_translation
from sphinx.util import logging

from . import schedule
from recipes.i18n import add_catalogs, local_date
from recipes.page_end import add_stylesheet, append_to_page

__version__ = "1.0.0"
CATALOG = "review-dates"
LOCALE_DIR = Path(__file__).parent / "locale"
_ = get_translation(CATALOG)
logger = logging.getLogger("review_dates")


def check_today(app: Sphinx, config) -> None:
    """config-inited: a malformed $HANDBOOK_TODAY stops the build with a message, not a traceback."""
    try:
        schedule.today()
    except ValueError as error:
        raise ConfigError(str(error)) from None


def page_schedules(env) -> dict[str, schedule.Review | schedule.ScheduleError]:
    """Every document's review schedule, or what is wrong with its front matter."""
    found = {}
    for docname in sorted(env.found_docs):
        try:
            found[docname] = schedule.parse(env.metadata.get(docname, {}))
        except schedule.ScheduleError as problem:
            found[docname] = problem
    return found


def report(app: Sphinx, env) -> None:
    """env-check-consistency: runs on every build, so due pages are reported even when unchanged."""
    today = schedule.today()
    for docname, review in page_schedules(env).items():
        path = Path(env.doc2path(docname))
        if isinstance(review, schedule.ScheduleError):
            subtype = "missing" if "has no" in str(review) else "invalid"
            location = (docname, schedule.line_of(path, review.key))
            logger.warning(str(review), location=location, type="review", subtype=subtype)
        elif review.is_due(today):
            message = (
                f"review due since {review.review_by} (last reviewed {review.reviewed}): check the page, "
                f"then set '{schedule.REVIEWED}' to the review date and a new '{schedule.REVIEW_BY}'"
            )
            location = (docname, schedule.line_of(path, schedule.REVIEW_BY))
            if not app.config.review_due_warns:
                logger.info(f"{message} [review.due]", location=location, color="darkred")
            else:
                logger.warning(message, location=location, type="review", subtype="due")


def show_dates(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: end each HTML page with its review date (and a notice when overdue)."""
    if app.builder.format != "html" or app.builder.name == "singlehtml":
        return  # the one-page workshop edition is dated as a whole, not page by page
    try:
        review = schedule.parse(app.env.metadata.get(docname, {}))
    except schedule.ScheduleError:
        return  # already reported; the page is shown without a date rather than a wrong one
    box = nodes.container(classes=["review-dates"])
    text = _("Reviewed {date}. Next review by {due}.").format(
        date=local_date(review.reviewed.isoformat(), app.config),
        due=local_date(review.review_by.isoformat(), app.config),
    )
    box += nodes.paragraph(text, text)
    if review.reviewer or review.scope:
        who = _("Checked by: {role}. What was checked: {scope}.").format(
            role=review.reviewer or "?", scope=review.scope or "?"
        )
        box += nodes.paragraph(who, who, classes=["review-record"])
    changed = schedule.last_changed(Path(app.env.doc2path(docname)))
    if review.changed_after(changed):
        notice = _(
            "This page has changed since its review (last change {date}); the change is not yet reviewed."
        )
        notice = notice.format(date=local_date(changed.isoformat(), app.config))
        box += nodes.paragraph(notice, notice, classes=["review-changed"])
    if review.is_due(schedule.today()):
        notice = _("This page was due for review by {due}. Some of its details may be out of date.").format(
            due=local_date(review.review_by.isoformat(), app.config)
        )
        box += nodes.paragraph(notice, notice, classes=["review-overdue"])
    append_to_page(doctree, box)


def add_assets(app: Sphinx) -> None:
    add_stylesheet(app, Path(__file__).parent / "static", "review-dates.css")


def setup(app: Sphinx) -> dict:
    add_catalogs(app, CATALOG, LOCALE_DIR)
    # Sphinx has no public "is -W on" flag: the project says whether a due page is a warning.
    app.add_config_value("review_due_warns", True, "", types=[bool])
    app.connect("config-inited", check_today)
    app.connect("builder-inited", add_assets)
    app.connect("env-check-consistency", report)
    app.connect("doctree-resolved", show_dates)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
