"""No empty section sidebar: a top-level page without pages of its own gets no left column.

The theme shows the pages of the current top-level section in the left sidebar, and keeps
the column (with only its heading) when the section has no pages. Pages whose section has
no sub-pages therefore get no sidebar, as the front page has none.
"""

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def section_of(env: BuildEnvironment, docname: str) -> str | None:
    """The top-level section (a child of the root document) that ``docname`` belongs to."""
    parents = {child: parent for parent, children in env.toctree_includes.items() for child in children}
    while docname in parents and parents[docname] != env.config.root_doc:
        docname = parents[docname]
    return docname if parents.get(docname) == env.config.root_doc else None


def drop_empty_sidebar(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    section = section_of(app.env, pagename)
    if section is None or not app.env.toctree_includes.get(section):
        context["sidebars"] = []


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", drop_empty_sidebar)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
