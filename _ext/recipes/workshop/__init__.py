"""The workshop edition: a printable A4 PDF built from the same sources as the site
(``sphinx-build -b workshop``; see ``builder.py``)."""

from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    from .builder import WorkshopBuilder

    # docnames and section ids of the printed prose parts (see conf.py)
    app.add_config_value("recipes_workshop_parts", {}, "", types=[dict])
    app.add_config_value("recipes_workshop_hyphenation", "", "", types=[str])
    app.add_config_value("recipes_workshop_date_format", "d.M.y", "", types=[str])
    # "recipes" for the recipes-only edition; recipe IDs, comma-separated, for a preview
    app.add_config_value("recipes_workshop_variant", "", "", types=[str])
    app.add_config_value("recipes_workshop_only", "", "", types=[str])
    app.add_builder(WorkshopBuilder)
