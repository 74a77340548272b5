"""Doctree nodes of the recipe extension.

Only HTML builders render these nodes directly; for every other builder
`fallback.RecipeFallback` replaces them with core docutils nodes before writing.
"""

from docutils import nodes
from sphinx import addnodes


class recipe(nodes.General, nodes.Element):
    """One recipe block: metadata, optional prose and a checklist."""


class recipe_checklist(nodes.General, nodes.Element):
    """The list of tickable items of a recipe."""


class recipe_item(nodes.Part, nodes.Element):
    """One tickable item; its first child is a `recipe_item_label`."""


class recipe_item_label(nodes.Part, nodes.TextElement):
    """The item's text: the label of its checkbox, translatable like a paragraph."""


class recipe_progress(nodes.General, nodes.Element):
    """Progress of one recipe (`recipe` attribute) or of all recipes (no attribute)."""


class recipe_tools(nodes.General, nodes.Element):
    """Export, import and reset buttons and the live status line."""


class shows_all_recipes:
    """Mixin for placeholders whose page shows data of every recipe: such a page is
    written again whenever any recipe changes (see overview.pages_to_rewrite)."""


class recipe_list(shows_all_recipes, nodes.General, nodes.Element):
    """Placeholder for the overview of all recipes, filled at doctree-resolved."""


class recipe_item_marker(nodes.Inline, nodes.TextElement):
    """What the `item` role leaves behind; consumed by the recipe directive."""


class recipe_version(nodes.Inline, nodes.TextElement):
    """Placeholder for a recipe's current version, filled at doctree-resolved."""


class recipe_changes(nodes.container):
    """A recipe's change history; renders as a container in every builder."""


class recipe_changelog(shows_all_recipes, nodes.General, nodes.Element):
    """Placeholder for the changelog of every recipe, filled at doctree-resolved."""


def titled_xref(reftype: str, target: str, docname: str) -> addnodes.pending_xref:
    """A std-domain reference (``doc`` or ``ref``) shown with its target's title, warning
    when the target does not exist: recipe facts and item origins both name pages this way."""
    return addnodes.pending_xref(
        "",
        nodes.inline(target, target),
        refdomain="std",
        reftype=reftype,
        reftarget=target,
        refexplicit=False,
        refwarn=True,
        refdoc=docname,
    )
