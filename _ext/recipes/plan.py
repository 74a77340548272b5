"""The working plan of each checklist item: what the browser script needs from the page.

`static/recipes.js` adds a responsible person, a deadline and a note beside every tick,
names the reader's progress and merges imported files. It builds those controls itself
(without JavaScript nothing could be saved), so the page only carries their translated
texts and the handbook's own date style. The IDs an import is checked against are in
``_static/recipes-known.js``, which the script loads only when a file is imported: as a
page attribute they grew every checklist page by the size of the whole handbook.
"""

import html
import json
from pathlib import Path

from sphinx.application import Sphinx

from .i18n import _, browser_date_style

KNOWN_IDS = "recipes-known.js"


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
            "Items imported: {count} (new: {added}, changed on both sides: {conflicts}; "
            "the later change was kept)."
        ),
        "data-msg-replaced": _(
            "Your progress was replaced with the items in the file (items: {count}). "
            "The previous progress was kept in this browser under the key {key}."
        ),
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
    """html-page-context: the build's date style on every page, for the browser to write
    dates as the pages do (``i18n.browser_date_style``)."""
    style = browser_date_style(app.config)
    options = html.escape(json.dumps(style["options"], separators=(",", ":")))
    context["metatags"] = context.get("metatags", "") + (
        f'\n<meta name="recipes-dates" content="{style["locale"]}" data-options="{options}">'
    )


def write_known_ids(app: Sphinx, exception) -> None:
    """build-finished: every recipe's item IDs, for imports to count the unknown ones."""
    if exception is not None or app.builder.format != "html":
        return
    known = {
        recipe.id: [item.id for item in recipe.items]
        for _doc, recipe in app.env.get_domain("recipe").all_recipes()
    }
    text = f"window.RecipeKnownIds = {json.dumps(known, sort_keys=True, separators=(',', ':'))};\n"
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / KNOWN_IDS).write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", add_page_meta)
    app.connect("build-finished", write_known_ids)
