"""Search that understands Finnish and Swedish compounds, built at index time.

Finnish and Swedish write "yhteiskuntasopimus" and "samhällsavtal" as one word, so the
plain index never finds them under "sopimus" or "avtal". Here the search language of the
build (``html_search_language``) is replaced by a subclass of Sphinx's own that indexes
each word also under its base form and compound parts (``parts.py``): the index grows a
little, the reader's browser does no more work than before. On the search page a small
script (``static/search-compounds.js``) splits compound queries into parts the index
knows, lists each page once and ranks pages whose title holds more of the query higher.

Finnish uses Voikko; where it is missing, the build goes on with the vocabulary split
and says so (warning ``search.voikko``, a message only in strict builds, like
``review.due``: a contributor without Voikko can still build the site).
"""

from collections.abc import Callable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.search import SearchLanguage
from sphinx.search.fi import SearchFinnish
from sphinx.search.sv import SearchSwedish
from sphinx.util import logging

from .parts import VocabularyParts, VoikkoParts
from recipes.voikko import VoikkoMissing

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
SCRIPT = "search-compounds.js"
LINKING = {"sv": "s"}  # the letter that may join two parts of a compound, per language


def compound_language(base: type[SearchLanguage], parts: Callable[[str], list[str]]) -> type[SearchLanguage]:
    """``base`` that indexes each word also under ``parts(word)``."""

    class CompoundLanguage(base):
        def split(self, input: str) -> list[str]:
            words = super().split(input)
            return words + [part for word in words for part in parts(word)]

    CompoundLanguage.__name__ = f"Compound{base.__name__}"
    return CompoundLanguage


def finnish_parts(app: Sphinx, vocabulary: VocabularyParts) -> Callable[[str], list[str]]:
    try:
        return VoikkoParts()
    except VoikkoMissing as error:
        message = f"search finds Finnish compounds only by the handbook's own words: {error}"
        if app.config.compound_search_voikko_warns:
            logger.warning(message, type="search", subtype="voikko")
        else:
            logger.info(f"{message} [search.voikko]", color="darkred")
        return vocabulary


def install_language(app: Sphinx) -> None:
    """builder-inited: the compound-aware search language, for HTML builds in fi and sv
    that write a search index (not the workshop edition: its vocabulary would go unused)."""
    language = app.config.html_search_language or app.config.language
    base = {"fi": SearchFinnish, "sv": SearchSwedish}.get(language)
    if app.builder.format != "html" or not getattr(app.builder, "search", False) or base is None:
        return
    vocabulary = VocabularyParts(lambda word: base({}).stem(word).lower(), LINKING.get(language, ""))
    app.compound_vocabulary = vocabulary  # filled at env-updated, once every page is read
    parts = finnish_parts(app, vocabulary) if language == "fi" else vocabulary
    app.add_search_language(compound_language(base, parts))


def learn_vocabulary(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated: the words of every page (after translation) are the pieces compounds split into."""
    vocabulary = getattr(app, "compound_vocabulary", None)
    if vocabulary is not None:
        words: set[str] = set()
        for docname in sorted(env.found_docs):
            words.update(SearchLanguage._word_re.findall(env.get_doctree(docname).astext()))
        vocabulary.learn(words)
    return []


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """html-page-context: the query splitter and result merger, on the search page only."""
    if pagename == "search":
        language = app.config.html_search_language or app.config.language
        app.add_js_file(SCRIPT, defer="defer", **{"data-linking": LINKING.get(language, "")})


def add_static(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict:
    # Sphinx has no public "is -W on" flag: the project says whether missing Voikko is a
    # warning (the default) or only a message (the handbook's strict builds go on without it).
    app.add_config_value("compound_search_voikko_warns", True, "", types=[bool])
    app.connect("builder-inited", install_language)
    app.connect("builder-inited", add_static)
    app.connect("env-updated", learn_vocabulary)
    app.connect("html-page-context", add_script)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
