"""Index entries (glossary terms, ``index`` directives) stay in the search index after an
incremental build too.

Sphinx keeps a page's index entries for ``searchindex.js`` only while that page is being
written; a page that is not written again loses them from the index, although its words
stay. A recipe edit now rewrites only the few pages that show the recipe, so the glossary
would drop out of search. Pages with index entries are few and cheap: they are written
with every build, so incremental and clean builds publish the same index.
"""

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def pages_with_index_entries(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated: the documents to write again besides the ones that changed."""
    if app.builder.format != "html":
        return []
    return sorted(docname for docname, entries in env.get_domain("index").entries.items() if entries)


def setup(app: Sphinx) -> dict:
    app.connect("env-updated", pages_with_index_entries)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
