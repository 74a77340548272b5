"""``{workshop-pdf}`text``` links to the workshop PDF of the page's language.

The publishing workflow (.github/workflows/site.yml) puts each language's workshop PDF
beside that language's pages; its file name is translated (workshop/labels.py) and set in
conf.py as ``workshop_pdf``. The link is relative, so it works under any published path.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole


class WorkshopPdfRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        depth = self.env.docname.count("/")
        target = "../" * depth + self.config.workshop_pdf
        link = nodes.reference(self.rawtext, self.text, refuri=target, classes=["workshop-pdf"])
        return [link], []


def setup(app: Sphinx) -> dict:
    app.add_config_value("workshop_pdf", "", "html", str)
    app.add_role("workshop-pdf", WorkshopPdfRole())
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
