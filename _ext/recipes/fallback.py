"""Non-HTML writers get the checklist as core docutils nodes with tick boxes:
LaTeX a square box per item, text-like outputs ``[ ]``. Progress and tools are
browser features and are left out.

Limited to the core non-HTML formats, as sphinx-design limits its own transform to
HTML: gettext (no format) extracts its messages from the recipe nodes themselves, and the
XML writers serialise any node as it is.
"""

from docutils import nodes
from sphinx.application import Sphinx

from . import nodes as rn
from .origin import origin_note

FORMATS = ("latex", "text", "man", "texinfo")


def core_nodes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved, after `nodes.FillPlaceholders` (priority 800), which adds recipe nodes."""
    if app.builder.format in FORMATS:
        to_core_nodes(doctree, app.builder.format, app.env)


def to_core_nodes(tree: nodes.Node, output_format: str, env) -> None:
    for node in list(tree.findall(lambda n: isinstance(n, (rn.recipe_progress, rn.recipe_tools)))):
        node.parent.remove(node)
    for checklist in list(tree.findall(rn.recipe_checklist)):
        for item in checklist.findall(rn.recipe_item):
            _add_origin(item, env)
        checklist.replace_self(_latex_list(checklist) if output_format == "latex" else _boxed_list(checklist))
    for recipe in list(tree.findall(rn.recipe)):
        recipe.replace_self(
            nodes.container("", *recipe.children, ids=recipe["ids"], classes=recipe["classes"])
        )


def _add_origin(item: rn.recipe_item, env) -> None:
    """The origin line under the item's text, the paragraph the HTML writer writes too."""
    note = origin_note(item.get("origin", ""), env)
    if note is not None:
        item.insert(1, note)


def _item_paragraph(item: rn.recipe_item, *box: nodes.Node) -> list[nodes.Node]:
    """The item's children, its text led by the tick box."""
    item[0][0:0] = box
    return list(item.children)


def _boxed_list(checklist: rn.recipe_checklist) -> nodes.bullet_list:
    bullets = nodes.bullet_list(classes=checklist["classes"], bullet="*")
    for entry in checklist.children:
        if isinstance(entry, rn.recipe_item):
            entry = nodes.list_item("", *_item_paragraph(entry, nodes.Text("[ ] ")), ids=entry["ids"])
        bullets += entry
    return bullets


def _latex_list(checklist: rn.recipe_checklist) -> nodes.container:
    box = nodes.container(classes=checklist["classes"])
    box += nodes.raw("", "\n\\begin{itemize}\n", format="latex")
    for entry in checklist.children:
        if isinstance(entry, rn.recipe_item):
            box += nodes.raw("", "\\item[\\(\\square\\)]", format="latex")
            box += nodes.target("", "", ids=entry["ids"])
            box.extend(_item_paragraph(entry))
        else:
            box += nodes.raw("", "\\item", format="latex")
            box.extend(entry.children)
    box += nodes.raw("", "\n\\end{itemize}\n", format="latex")
    return box


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", core_nodes, priority=900)
