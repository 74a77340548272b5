"""The configuration the recipe features share: chapters and process steps.

``recipes_chapters`` and ``recipes_process_steps`` map IDs to documents and section
labels; recipes name them in ``:chapters:`` and ``:steps:``. Each feature declares its
own further values (``recipes_storage_namespace`` in `checklist`, ``recipes_booklet_parts``
in `origin`, ``recipes_suggest_form`` in `suggest`); all are checked at config-inited.
"""

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError

from .i18n import browser_date_style
from .ids import ID_RULE, is_valid_id
from .warnings import warn


def check_config(app: Sphinx, config: Config) -> None:
    namespace = config.recipes_storage_namespace
    if not is_valid_id(namespace):
        raise ConfigError(f"recipes_storage_namespace must be set and use {ID_RULE}; got {namespace!r}")
    for name in ("recipes_chapters", "recipes_process_steps", "recipes_booklet_parts"):
        for key, value in getattr(config, name).items():
            if not (isinstance(key, str) and is_valid_id(key)):
                raise ConfigError(f"{name}: key {key!r} is not a valid ID ({ID_RULE})")
            if not (isinstance(value, str) and value.strip()):
                raise ConfigError(f"{name}[{key!r}] must be a non-empty string")
    try:
        browser_date_style(config)
    except ValueError as problem:
        raise ConfigError(str(problem)) from None


def check_chapters(app: Sphinx, env: BuildEnvironment) -> None:
    """env-check-consistency: every configured chapter is a document."""
    for chapter, docname in sorted(app.config.recipes_chapters.items()):
        if docname not in env.found_docs:
            warn(f"recipes_chapters[{chapter!r}] names {docname!r}, which is not a document", None, "chapter")


def setup(app: Sphinx) -> None:
    app.add_config_value("recipes_chapters", {}, "env", types=[dict])
    app.add_config_value("recipes_process_steps", {}, "env", types=[dict])
    # the Babel locale of the dates recipes show ("" derives it from the build language)
    app.add_config_value("recipes_locale", "", "env", types=[str])
    # their CLDR pattern ("d MMMM y"), or a Babel style (short, medium, long); the handbook sets
    # both from its language registry, and the browser writes dates with the same (i18n.py)
    app.add_config_value("recipes_date_pattern", "medium", "env", types=[str])
    app.connect("config-inited", check_config)
    app.connect("env-check-consistency", check_chapters)
