"""Raw HTML in recipe items, titles and histories is shown as text, never run.

The handbook takes pull requests from the public, and an item's text reaches the recipe
page, the overview, link texts and ``recipes.json``. Markdown lets any inline tag or
comment through as a ``raw`` node; here each one becomes the literal text the author
wrote, with a warning, so every output shows the same escaped text.
"""

from docutils import nodes

from .warnings import warn


def escape_raw_html(
    tree: nodes.Element, where: str, location: tuple[str, int], found: list[nodes.raw] | None = None
) -> None:
    """Replace every raw node under ``tree`` by its source text. ``where`` names the
    block in the message; ``location`` is used when a node has no line of its own.
    ``found`` holds the raw nodes when the caller has already walked the tree."""
    for raw in list(tree.findall(nodes.raw)) if found is None else found:
        source = raw.astext()
        line = raw.line or line_of(raw) or location[1]
        warn(
            f"raw HTML {_shorten(source)!r} in {where}; recipes cannot carry HTML, so it is "
            "shown as text: remove it or write Markdown instead",
            (location[0], line),
            "html",
        )
        # as code: escaped on output, and typography (-- to a dash) leaves it as written
        if isinstance(raw.parent, nodes.TextElement):
            raw.replace_self(nodes.literal(source, source))
        else:
            block = nodes.literal_block(source, source)
            block.source, block.line = raw.source, line
            raw.replace_self(block)


def line_of(node: nodes.Node) -> int | None:
    """The source line of a node, or of its title (sections) or nearest ancestor with one."""
    if isinstance(node, nodes.section) and node.children and node[0].line:
        return node[0].line
    while node is not None and node.line is None:
        node = node.parent
    return node.line if node is not None else None


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"
