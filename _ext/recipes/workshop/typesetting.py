"""Line breaking for paper: where words and URLs may break, and where they may not.

- URLs never hyphenate. They break only after "/" or "." and never so that a piece of
  one or two letters stands alone ("io/", "fi/" stay with their neighbour).
- Words get soft hyphens (see hyphenation.py: Voikko for Finnish, patterns otherwise);
  the PDF engine breaks only there (CSS ``hyphens: manual``).
- Headings, labels and titles are never hyphenated: callers simply do not pass them here.
- Words the layout found broken across a page (``whole``) are set unbreakable.
"""

import re
from collections.abc import Iterable

from bs4 import NavigableString, Tag
from markupsafe import Markup, escape

from .hyphenation import SOFT_HYPHEN, hyphenator

URL_BREAK = re.compile(r"(?<=[/.])(?!/)")  # after "/" or ".", but not inside "//"
LETTER = re.compile(r"[^\W\d_]")
MIN_PIECE = 3  # letters a URL piece needs to stand alone on a line
WORD = re.compile(r"[^\W\d_][\w\-\u00ad]*", re.UNICODE)
BLOCKS = ("p", "li", "dd", "td", "th", "figcaption", "blockquote")
NO_HYPHENS = ("h1", "h2", "h3", "h4", "h5", "h6", "dt", "title", "style", "code", "pre")


def url_pieces(url: str) -> list[str]:
    """``url`` cut where a line may break, short pieces joined to their neighbour."""
    pieces: list[str] = []
    for piece in URL_BREAK.split(url):
        if pieces and sum(c.isalnum() for c in piece) < MIN_PIECE:
            pieces[-1] += piece  # a short tail ("html" is fine, "io/" is not) stays on its line
        elif pieces and sum(c.isalnum() for c in pieces[-1]) < MIN_PIECE:
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def url_html(url: str) -> Markup:
    """A URL as unbreakable pieces with break opportunities (``<wbr>``) between them."""
    return Markup('<span class="url">{}</span>').format(
        Markup("<wbr>").join(Markup('<span class="nobr">{}</span>').format(p) for p in url_pieces(url))
    )


class Typesetter:
    def __init__(self, hyphenation: str, whole: Iterable[str] = ()) -> None:
        """``hyphenation``: the registry's hyphenation language of the edition (Voikko for "fi")."""
        self.hyphenator = hyphenator(hyphenation)
        self.language = hyphenation
        self.whole = frozenset(whole)

    def plain(self, text: str, ends_paragraph: bool = False) -> str:
        return self.hyphenator.text(text, ends_paragraph)

    def text(self, text: str, ends_paragraph: bool = True) -> Markup:
        """Body text for a template: escaped, hyphenated, page-break words kept whole."""
        return self._keep_whole(escape(self.plain(text, ends_paragraph)))

    def _keep_whole(self, html: str) -> Markup:
        if not self.whole:
            return Markup(html)

        def whole(match: re.Match) -> str:
            return "".join(
                piece if keep is None else f'<span class="whole">{keep}</span>'
                for piece, keep in self._pieces(match[0])
            )

        return Markup(WORD.sub(whole, html))

    def _pieces(self, token: str) -> list[tuple[str, str | None]]:
        """``token`` (a word, soft hyphens and all) as pieces, each with the word to set
        whole in its place or None: the word itself, or else the parts of a compound
        written with hyphens ("directors-general": "general" found broken, "directors-"
        may still end a line)."""
        word = token.replace(SOFT_HYPHEN, "")
        if word in self.whole:
            return [(token, word)]
        pieces: list[tuple[str, str | None]] = []
        for index, part in enumerate(token.split("-")):
            if index:
                pieces.append(("-", None))
            plain = part.replace(SOFT_HYPHEN, "")
            pieces.append((part, plain if plain in self.whole else None))
        return pieces

    def tree(self, root: Tag) -> None:
        """Hyphenate the prose under ``root`` in place, headings, code and URLs excepted."""
        last_in_block = {id(strings[-1]) for block in root.find_all(BLOCKS) if (strings := texts(block))}
        self._hyphenate(root, root.get("lang") or self.language, last_in_block)

    def _hyphenate(self, element: Tag, language: str, last_in_block: set[int]) -> None:
        """The text under ``element`` by the rules of ``language``, the language of the
        nearest element that declares one: a part in another language (Finnish quoted in
        another edition, the glossary's equivalents) breaks by that language's rules."""
        for child in list(element.children):
            if isinstance(child, Tag):
                if child.name not in NO_HYPHENS and "url" not in child.get("class", ()):
                    self._hyphenate(child, child.get("lang") or language, last_in_block)
            elif isinstance(child, NavigableString):
                rules = self.hyphenator if language == self.language else hyphenator(language)
                text = rules.text(str(child), ends_paragraph=id(child) in last_in_block)
                pieces = self._whole_pieces(text, element)
                if len(pieces) > 1 or text != str(child):
                    child.replace_with(*pieces)

    def _whole_pieces(self, text: str, root: Tag) -> list:
        """``text`` as text nodes, with each word to keep whole in a ``span.whole``."""
        if not self.whole:  # the first layout round: nothing to look for
            return [NavigableString(text)]
        pieces: list = []
        start = 0
        for match in WORD.finditer(text):
            parts = self._pieces(match[0])
            if all(keep is None for _piece, keep in parts):
                continue
            pieces.append(NavigableString(text[start : match.start()]))
            for piece, keep in parts:
                if keep is None:
                    pieces.append(NavigableString(piece))
                else:
                    span = Tag(name="span", attrs={"class": "whole"}, builder=root.builder)
                    span.string = keep
                    pieces.append(span)
            start = match.end()
        pieces.append(NavigableString(text[start:]))
        return [piece for piece in pieces if piece != ""]


def texts(block: Tag) -> list[NavigableString]:
    """The text nodes of ``block`` that hold a word (a closing "." is not the paragraph's end)."""
    return [node for node in block.find_all(string=True) if LETTER.search(node)]
