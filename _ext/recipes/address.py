"""Where a recipe lives on the published site: one helper for every writer.

The site is published as `make html` lays it out (``<html_baseurl><docname>.html``,
where ``html_baseurl`` ends in ``<language>/``), whichever builder runs: the HTML
writer's suggestion links, ``recipes.json`` and the workshop edition's QR codes, printed
addresses and tagged links all take the address from here, so a single-page or print
build never leaks its own page layout (``index.html#document-…``) into an address.
"""

from .model import anchor

SUFFIX = ".html"  # the html builder's default; conf.py sets no html_file_suffix


def page_address(config, docname: str) -> str:
    """The published address of page ``docname`` in the language being built."""
    suffix = getattr(config, "html_file_suffix", None) or SUFFIX
    return f"{config.html_baseurl}{docname}{suffix}"


def published_address(config, docname: str, target: str) -> str:
    """The published address of an anchor ``target`` on page ``docname``."""
    return f"{page_address(config, docname)}#{target}"


def checklist_address(config, docname: str, recipe_id: str) -> str:
    """The published address of a recipe's checklist (its block, ``#recipe-<id>``)."""
    return published_address(config, docname, anchor(recipe_id))
