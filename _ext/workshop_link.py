"""``{workshop-pdf}`text``` links to the workshop PDF of the page's language.

The publishing workflow (.github/workflows/site.yml) puts each language's workshop PDF
beside that language's pages, under the name the workshop builder gives it in that language
(`recipes.workshop.words`, the one place the name is written). The link is relative, so it
works under any published path.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

from recipes.workshop.words import words


def pdf_name() -> str:
    """The file name of the workshop edition in the language being built."""
    return str(words()["files"][0])


class WorkshopPdfRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        depth = self.env.docname.count("/")
        target = "../" * depth + pdf_name()
        link = nodes.reference(self.rawtext, self.text, refuri=target, classes=["workshop-pdf"])
        return [link], []


def setup(app: Sphinx) -> dict:
    app.add_role("workshop-pdf", WorkshopPdfRole())
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
