"""The working plan of each checklist item: what the browser script needs from the page.

`static/recipes.js` adds a responsible person, a deadline and a note beside every tick,
names the reader's progress and merges imported files. It builds those controls itself
(without JavaScript nothing could be saved), so the page only carries their translated
texts, the handbook's own date style and the IDs an import is checked against.
"""

from sphinx.application import Sphinx

from . import nodes as rn
from .i18n import _

# Browser locales for the handbook's languages; English is written the British way.
BROWSER_LOCALES = {"en": "en-GB"}


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
        "data-msg-merged": _(
            "Imported {count} items: {added} new, {conflicts} changed on both sides "
            "(the later change was kept)."
        ),
        "data-msg-replaced": _(
            "Your progress was replaced with {count} items from the file. "
            "The previous progress was kept in this browser under the key {key}."
        ),
        "data-msg-unknown": _(
            "{count} items belong to recipes or steps this handbook does not have; they were kept."
        ),
        **refusals(),
    }


def refusals() -> dict[str, str]:
    """Why an imported or loaded file was refused, shared with the follow-up view."""
    return {
        "data-msg-badreason": _("The file was not imported: {reason}"),
        "data-msg-whyjson": _("it is not a JSON file."),
        "data-msg-whyformat": _("it is not a progress file of this handbook."),
        "data-msg-whysize": _("it is larger than 1 MB."),
        "data-msg-whydate": _("“{value}” is not a real date."),
        "data-msg-whyid": _("“{value}” is not a recipe or step ID."),
        "data-msg-whytext": _("a name or note is too long or is not text."),
        "data-msg-whycount": _("it has more than 5000 items."),
    }


def nojs_note() -> str:
    """Shown before the tools until the script hides it: ticks are saved by the script."""
    text = _("Ticking and saving need JavaScript, which is off in this browser.")
    return f'<p class="recipe-nojs">{text}</p>\n'


def add_page_meta(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: the date style on every page; known IDs where there are checklists."""
    language = app.config.language or "fi"
    month = "long" if "%B" in (app.config.html_last_updated_fmt or "") else "numeric"
    locale = BROWSER_LOCALES.get(language, language)
    tags = f'\n<meta name="recipes-dates" content="{locale} {month}">'
    if doctree is not None and next(doctree.findall(rn.recipe_tools), None) is not None:
        known = app.env.get_domain("recipe").known_ids()
        tags += f'\n<meta name="recipes-known" content="{known}">'
    context["metatags"] = context.get("metatags", "") + tags


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", add_page_meta)
