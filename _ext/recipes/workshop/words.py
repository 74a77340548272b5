"""The workshop edition's words: messages of the extension's catalogue ``recipes-ui``
(English msgids, translations in ``_ext/recipes/locale``), the same catalogue the site's
checklists use, so a word the site already has ("Participants", "Responsible") is one
message for both. The origin lines under items are the site's own (`origin.origin_note`).
"""

from ..i18n import _


def words() -> dict:
    """The edition's words in the language being built (call while Sphinx runs)."""
    return {
        "files": (_("partnership-cookbook-workshop-edition.pdf"), _("partnership-cookbook-recipes.pdf")),
        "page": _("p."),
        "continued": _("{title} (continued)"),
        "recipes": _("Recipes"),
        "kicker": _("The partnership between cities and the state in urban policy"),
        "edition": _("Workshop edition"),
        "recipes_edition": _("Recipes for the workshop"),
        "meta": _("Edition {date} · version {version} · {pages} pages"),
        "online": _("Online:"),
        "licence": _(
            "Content CC BY 4.0. Based on the urban policy partnership booklet; the text is written "
            "in our own words."
        ),
        "contents": _("Contents"),
        "canvas": _("The partnership process – worksheet"),
        "canvas_lead": _(
            "For each step, write down what you already have and what is still needed. The steps "
            "are described in more detail on the website."
        ),
        "prompts": {
            "kokonaiskuva": _("Which partnerships, forums and shared themes belong to the big picture?"),
            "tilannekuva": _(
                "Where are we now, what are the main challenges, what do we still need to know?"
            ),
            "tahtotila": _("What do we aim for together, what does each side gain, how do we see success?"),
            "ratkaisut": _("What will we prepare together, who does what, and what is our shared message?"),
            "seuranta": _("How and when do we follow up the impact, and what will we change next round?"),
        },
        "layer_cake": _("The partnership layer cake"),
        "participants": _("Participants"),
        "steps": _("Process steps"),
        "columns": (_("Done"), _("Step of the recipe"), _("Responsible"), _("Deadline")),
        "group": _("Group"),
        "date_field": _("Date"),
        "notes": _("Notes: {title}"),
        "blank_notes": _("Notes"),
        "recipe_online": _("This recipe online:"),
        "qr": _("QR code: the checklist of this recipe online, {url}"),
        "chapters": _("The chapters in brief"),
        "chapters_lead": _(
            "The chapters in summary: the core of each chapter with its solutions and recipe. The "
            "full analysis and the insights from the interviews are on the website."
        ),
        "sources": _("People interviewed and source"),
    }
