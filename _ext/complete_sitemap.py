"""A sitemap that lists every page after an incremental build too.

sphinx-sitemap lists the pages written in the current build (upstream:
jdillard/sphinx-sitemap#13, "Only references pages that are new or have changed since the
last build", open). An incremental build writes only the pages whose content changed (after
an edit to one recipe, that page and the few that show its data), so its sitemap would hold
those few. Before the extra pages (index, search) are written, the list is rebuilt with
every document in the order a clean build writes them, so both builds publish the same file.

sphinx-sitemap offers no public way to do this: the list is the queue it keeps on the
application (``app.sitemap_links``), refilled here through its own ``add_html_link``.
tests/test_upstream_patches.py checks against the pinned version that the upstream issue is
still there and that this patch closes it.
"""

from sphinx.application import Sphinx
from sphinx_sitemap import add_html_link


def list_every_document(app: Sphinx) -> list:
    """html-collect-pages: the pages written so far are documents; list them all."""
    links = getattr(app, "sitemap_links", None)
    if links is None:
        return []
    while not links.empty():
        links.get_nowait()
    for docname in sorted(app.env.found_docs):  # the order of a clean serial build
        add_html_link(app, docname, None, {}, None)
    return []


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_sitemap")
    app.connect("html-collect-pages", list_every_document)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
