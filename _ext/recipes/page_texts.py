"""The texts, the date style and the limits the browser scripts read from the page.

`static/recipes.js` adds a responsible person, a deadline and a note beside every tick
(the working plan), names the reader's progress and merges imported files. It builds those
controls itself (without JavaScript nothing could be saved), so the page only carries their
translated texts (``data-msg-*``), the handbook's own date style and the progress file's
limits (meta tags). The IDs and titles an import, a merge's list of conflicts and a
calendar file need come from ``recipes.json``, fetched only then.
"""

import html
import json

from sphinx.application import Sphinx

from .i18n import _, browser_date_style
from .limits import PROGRESS_LIMITS


def messages() -> dict[str, str]:
    """``data-msg-*`` attributes of the checklist tools for the plan, name and import."""
    return {
        "data-msg-fields": _("Responsible, deadline and note"),
        "data-msg-fieldwho": _("Responsible"),
        "data-msg-fielddue": _("Deadline"),
        "data-msg-fieldnote": _("Note"),
        "data-msg-planwho": _("Responsible: {who}"),
        "data-msg-plandue": _("Deadline: {date}"),
        "data-msg-plannote": _("Note: {note}"),
        "data-msg-overdue": _("overdue"),
        "data-msg-countoverdue": _("{overdue} overdue"),
        "data-msg-name": _("Name of this progress (partnership or organisation)"),
        "data-msg-mode": _("When importing a file"),
        "data-msg-modemerge": _("merge it with my progress"),
        "data-msg-modereplace": _("replace my progress"),
        # counts follow a label ("Items imported: 1"), so no language needs plural forms
        "data-msg-merged": _(
            "Items imported: {count} (new: {added}, changed differently on both sides: {conflicts}; "
            "the later change of each field was kept)."
        ),
        "data-msg-confirmreplace": _(
            "Replace your progress with the file? Your items: {count} in recipes: {recipes} "
            "(name: {name}) give way to the file's items: {incoming}. You can undo it right after."
        ),
        "data-msg-replaced": _(
            "Your progress was replaced with the items in the file (items: {count}). "
            "The Undo button brings the previous progress back."
        ),
        "data-msg-undone": _("The progress before the last import or clearing is back."),
        "data-msg-quota": _(
            "The browser's storage is full: the last change was not saved. Export your progress to keep it."
        ),
        "data-msg-exported": _("Saved {file}: items: {count} in recipes: {recipes}."),
        "data-msg-calendarsaved": _("Saved {file}: deadlines: {count}."),
        "data-msg-wholeplan": _("plan"),
        "data-msg-revised": _("changed after the tick"),
        "data-msg-stillholds": _("The tick still holds"),
        "data-msg-conflicts": _(
            "Changed differently on both sides. The later change was kept; "
            "the other value is set aside and can be restored:"
        ),
        "data-msg-conflict": _("{recipe} – {item} – {field}: kept {kept}, set aside {lost}."),
        "data-msg-fielddone": _("Tick"),
        "data-msg-emptyvalue": _("(empty)"),
        "data-msg-restore": _("Restore the value set aside"),
        "data-msg-forget": _("Clear this list"),
        "data-msg-unknown": _(
            "Items of recipes or steps this handbook does not have: {count}. They were kept."
        ),
        **refusals(),
    }


def refusals() -> dict[str, str]:
    """Why an imported or loaded file was refused, shared with the follow-up view."""
    return {
        "data-msg-badreason": _("The file was not imported: {reason}"),
        "data-msg-whyjson": _("it is not a JSON file."),
        "data-msg-whyformat": _("it is not a progress file of this handbook."),
        "data-msg-whysize": _("it is larger than {megabytes} MB.").format(
            megabytes=PROGRESS_LIMITS["bytes"] // 1_000_000
        ),
        "data-msg-whydate": _("“{value}” is not a real date."),
        "data-msg-whyid": _("“{value}” is not a recipe or step ID."),
        "data-msg-whytext": _("a name or note is too long or is not text."),
        "data-msg-whycount": _("it has more than {count} items.").format(count=PROGRESS_LIMITS["items"]),
        "data-msg-whynewer": _(
            "it was written by a newer version of the handbook (file version {value}); "
            "reload the handbook's pages and try again."
        ),
    }


def nojs_note() -> str:
    """Shown before the tools until the script hides it: ticks are saved by the script."""
    text = _("Ticking and saving need JavaScript, which is off in this browser.")
    return f'<p class="recipe-nojs">{text}</p>\n'


def add_page_meta(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: the build's date style on every page, for the browser to write
    dates as the pages do (``i18n.browser_date_style``), and the progress file's limits."""
    style = browser_date_style(app.config)
    options = html.escape(json.dumps(style["options"], separators=(",", ":")))
    limits = html.escape(json.dumps(PROGRESS_LIMITS, separators=(",", ":")))
    context["metatags"] = context.get("metatags", "") + (
        f'\n<meta name="recipes-dates" content="{style["locale"]}" data-options="{options}">'
        f'\n<meta name="recipes-limits" content="{limits}">'
    )


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", add_page_meta)
