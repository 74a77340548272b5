"""The ``workshop`` builder: the handbook as an A4 PDF to print and write on.

``sphinx-build -b workshop`` (``make workshop [LANG=…]``) reads the same environment as
the site: the recipes from the recipe domain's model, the prose parts from the resolved
doctrees (written by the HTML writer, as on the site), the words from the extension's
message catalogue. It writes no HTML pages: it composes the print document
(``compose.py``), lets WeasyPrint lay it out until the layout settles (``render.py``) and
writes ``<outdir>/<file>.pdf``.
"""

import datetime
import os
import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.errors import ExtensionError
from sphinx.util import logging

from ..address import checklist_address, page_address
from ..catalogue import chapter_entries, section_entries
from ..model import anchor
from ..origin import origin_note
from .compose import Composer, Edition
from .prose import Prose
from .words import words

logger = logging.getLogger(__name__)
RECIPES_ONLY = "recipes"  # recipes_workshop_variant of the recipes-only edition


class WorkshopBuilder(StandaloneHTMLBuilder):
    name = "workshop"
    format = "html"  # the prose is written by the HTML writer, with every HTML visitor
    epilog = "The workshop edition is in %(outdir)s."
    allow_parallel = False
    search = False
    copysource = False

    def init(self) -> None:
        super().init()
        if self.config.recipes_workshop_hyphenation == "fi":
            from ..voikko import VoikkoMissing
            from .hyphenation import finnish

            try:
                finnish()
            except VoikkoMissing as error:
                raise ExtensionError(str(error)) from error
        try:
            from . import render  # noqa: F401 - WeasyPrint and its system libraries load here
        except (ImportError, OSError) as error:
            raise ExtensionError(
                f"the PDF engine WeasyPrint is not usable ({error}); on Debian: "
                "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0"
            ) from error

    # -- one document, not a page per docname -------------------------------------
    def get_outdated_docs(self) -> str:
        return "the workshop edition"

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        """Links between pages, as the single-page builder writes them: the prose
        (``prose.Prose.target``) turns those to printed parts into page references."""
        return f"#document-{docname}"

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to, typ)

    def prepare_writing(self, docnames) -> None:
        super().prepare_writing(set())

    def copy_assets(self) -> None:
        pass

    def write_documents(self, docnames) -> None:
        pass

    def fragment(self, docname: str) -> str:
        """The HTML of one page's resolved doctree (``{only} not workshop`` left out)."""
        doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
        doctree.settings = self.docsettings
        self.secnumbers = self.env.toc_secnumbers.get(docname, {})
        self.fignumbers = self.env.toc_fignumbers.get(docname, {})
        self.current_docname = docname
        visitor = self.create_translator(doctree, self)
        doctree.walkabout(visitor)
        return "".join(visitor.fragment)

    # -- the edition ------------------------------------------------------------
    def handbook(self) -> dict:
        """What the cover, canvas and cross-references need besides the recipes."""
        env, config = self.env, self.config
        return {
            "title": config.project,
            "version": config.release,
            "base_url": config.html_baseurl,
            "chapters": chapter_entries(env, config),
            "process_steps": section_entries(env, config.recipes_process_steps),
            "parts": config.recipes_workshop_parts,
        }

    def recipes(self) -> list[dict]:
        """Every recipe in reading order, from the domain's model, with its published
        checklist address and each item's origin line as the site writes it."""
        domain = self.env.get_domain("recipe")
        recipes = []
        for docname, recipe in domain.ordered_recipes():
            changes = domain.changes(recipe.id)
            recipes.append(
                {
                    "id": recipe.id,
                    "docname": docname,
                    "anchor": anchor(recipe.id),
                    "title": recipe.title,
                    "page": page_address(self.config, docname),
                    "address": checklist_address(self.config, docname, recipe.id),
                    "version": changes[0].version if changes else None,
                    "participants": list(recipe.participants),
                    "steps": list(recipe.steps),
                    "items": [
                        {"id": item.id, "text": item.text, "origin": self.origin_line(item.origin)}
                        for item in recipe.items
                    ],
                }
            )
        return recipes

    def origin_line(self, origin: str) -> str:
        note = origin_note(origin, self.env)
        return note.astext() if note is not None else ""

    def edition(self) -> Edition:
        config = self.config
        only = tuple(part.strip() for part in config.recipes_workshop_only.split(",") if part.strip())
        return Edition(
            language=config.language,
            date=edition_date(Path(self.srcdir)),
            words=words(),
            date_format=config.recipes_workshop_date_format,
            locale=config.recipes_locale or config.language,
            hyphenation=config.recipes_workshop_hyphenation,
            recipes_only=config.recipes_workshop_variant == RECIPES_ONLY,
            only=only,
        )

    def finish(self) -> None:
        from . import render, tagging

        edition = self.edition()
        prose = None
        if not edition.recipes_only:
            prose = Prose(
                self.config.recipes_workshop_parts,
                self.handbook()["chapters"],
                self.fragment,
                Path(self.srcdir),
            )
        try:
            composer = Composer(self.handbook(), self.recipes(), prose, edition)
        except LookupError as error:
            raise ExtensionError(str(error)) from error
        try:
            pdf, html = render.settle(composer.compose, composer.rows(), composer.prose_parts(), render.BASE)
        except ValueError as error:  # edition.html: a <!--part--> before what does not break the page
            raise ExtensionError(f"{error} (edition.html)") from error
        printed = BeautifulSoup(html, "html.parser")  # read once for what the tags need
        pdf = tagging.finish(
            pdf, foreign_parts(printed, edition.language), hyphenated_words(printed), addresses(printed)
        )
        target = Path(self.outdir) / edition.filename
        render.write(pdf, target)
        logger.info("Workshop edition: %s", target)


def foreign_parts(soup: BeautifulSoup, language: str) -> dict[str, str]:
    """Text -> language of each element of the print HTML in another language."""
    return {
        element.get_text(): element["lang"]
        for element in soup.find_all(attrs={"lang": True})
        if element.name not in ("html", "body") and element["lang"].split("-")[0] != language
    }


def hyphenated_words(soup: BeautifulSoup) -> set[str]:
    """Words the text spells with a hyphen of its own: "EU-rahoitus", and a compound's
    first part standing for a repeated ending ("arbets-" in "arbets- och näringslivet")."""
    text = soup.get_text().replace("\u00ad", "")
    return set(re.findall(r"\w+-\w+", text)) | set(re.findall(r"\w+-(?=\s)", text))


def addresses(soup: BeautifulSoup) -> set[str]:
    """The addresses the print HTML sets as URLs (``typesetting.url_html``)."""
    return {element.get_text() for element in soup.select(".url")}


def edition_date(srcdir: Path) -> datetime.date:
    """The date of the sources (SOURCE_DATE_EPOCH or the last commit), not of the build."""
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    result = subprocess.run(
        ["git", "-C", str(srcdir), "log", "-1", "--format=%cs"], capture_output=True, text=True
    )
    stamp = result.stdout.strip()
    return datetime.date.fromisoformat(stamp) if stamp else datetime.date.today()
