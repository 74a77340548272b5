"""Doctree nodes of the recipe extension.

Only HTML builders render these nodes directly; for every other builder
`fallback.CoreNodes` replaces them with core docutils nodes before writing.
"""

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder


class recipe(nodes.General, nodes.Element):
    """One recipe block: metadata, optional prose and a checklist. The overview's copies
    carry ``summary=True`` (they have no suggestion links)."""


class recipe_checklist(nodes.General, nodes.Element):
    """The list of tickable items of a recipe."""


class recipe_item(nodes.Part, nodes.Element):
    """One tickable item. Its first child is the paragraph of the item's text (the label
    of its tick box, translated like any paragraph); further children are nested content."""


class recipe_progress(nodes.General, nodes.Element):
    """Progress of one recipe (`recipe` attribute) or of all recipes (no attribute)."""


class recipe_tools(nodes.General, nodes.Element):
    """Export, import and reset buttons and the live status line."""


class shows_all_recipes:
    """Mixin for placeholders whose page shows data of every recipe: such a page is
    written again whenever any recipe changes (see domain.pages_to_rewrite)."""


class recipe_list(shows_all_recipes, nodes.General, nodes.Element):
    """Placeholder for the overview of all recipes, filled while writing (`overview`)."""


class recipe_item_marker(nodes.Inline, nodes.TextElement):
    """What the `item` role leaves behind; consumed by the recipe directive."""


class recipe_changes(nodes.container):
    """A recipe's change history; renders as a container in every builder."""


class recipe_changelog(shows_all_recipes, nodes.General, nodes.Element):
    """Placeholder for the changelog of every recipe, filled while writing (`history`)."""


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


# A plain paragraph that holds one recipe fact as the reader sees it (translated): the
# domain reads these by this attribute, which no writer renders, never by CSS class.
FACT = "recipe_fact"
PARTICIPANTS, CHANGE_TEXT = "participants", "change"


def fact_paragraph(fact: str, rawsource: str, *children: nodes.Node, **attributes) -> nodes.paragraph:
    """A translatable paragraph marked as holding ``fact``."""
    return nodes.paragraph(rawsource, "", *children, **attributes, **{FACT: fact})


def fact_paragraphs(tree: nodes.Element, fact: str) -> list[nodes.paragraph]:
    return [p for p in tree.findall(nodes.paragraph) if p.get(FACT) == fact]


PAGE_BUILDERS = ("html", "dirhtml")  # one doctree per page; singlehtml and LaTeX join them


class FillPlaceholders:
    """Base of the handlers that fill placeholders from all documents while writing: at
    doctree-resolved, once Sphinx's post-transforms have resolved the page's references,
    and before `fallback` (priority 900) turns what they add into core nodes for non-HTML
    writers. The one way placeholders are filled (the recipe map's too)."""

    priority = 800

    def __init__(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        self.app, self.document, self.docname = app, doctree, docname
        self.builder: Builder = app.builder
        self.env, self.config = app.env, app.config

    @classmethod
    def connect(cls, app: Sphinx) -> None:
        app.connect("doctree-resolved", cls.handle, priority=cls.priority)

    @classmethod
    def handle(cls, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        cls(app, doctree, docname).run()

    def run(self) -> None:
        data = self.env.get_domain("recipe").data
        shows = data["shows"].get(self.docname, ())
        if self.builder.name in PAGE_BUILDERS and not self.has_work(data, shows):
            return  # most pages hold no placeholder: spare the walks through their doctree
        self.fill(self.docname)

    def has_work(self, data: dict, shows: list[str]) -> bool:
        """Whether a page showing ``shows`` (recipe IDs, "*" for all) can hold work for this
        filler; ``data`` is the recipe domain's."""
        return bool(shows)

    def fill(self, docname: str) -> None:
        raise NotImplementedError
