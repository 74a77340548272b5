"""Hyphenation: a dictionary finds the break points, we keep only those a reader accepts.

Every language gets soft hyphens (U+00AD) from here, so one set of rules holds in all
of them: Voikko for Finnish, Pyphen's patterns (those the PDF engine would use) for the
others.

Pyphen has no Finnish patterns, and plain syllable rules break compounds at the wrong
place ("kumppanuu-syhteistyö"). Voikko analyses compounds ("kump-pa-nuus-yh-teis-työ");
its Python API (PyPI ``libvoikko``) wraps the system library libvoikko1 with the
dictionary voikko-fi. Our own rules on top: no single letter alone at either end of a
line, and no break in the last word of a paragraph, so a paragraph never ends in a
two- or three-letter fragment. We insert soft hyphens (U+00AD) and the PDF engine uses
them (CSS ``hyphens: manual``).
"""

import re
from functools import cache, lru_cache

from ..voikko import open_voikko

SOFT_HYPHEN = "\u00ad"
MIN_WORD = 6  # shorter words are not worth breaking
EDGE = 2  # letters kept together at either end of a word
WORD = re.compile(rf"[A-Za-zÅÄÖåäöÉéÜü]{{{MIN_WORD},}}")


class Rules:
    """Where a line may break in a word, and the rules on top of the dictionary's points."""

    def dictionary_points(self, word: str) -> list[int]:
        raise NotImplementedError

    def points(self, word: str) -> list[int]:
        """Indexes in ``word`` before which a line may break."""
        return [i for i in self.dictionary_points(word) if EDGE <= i <= len(word) - EDGE]

    def word(self, word: str) -> str:
        """``word`` with soft hyphens at its break points (each layout round asks again)."""
        return _word(self, word)

    def _hyphenated(self, word: str) -> str:
        pieces, start = [], 0
        for point in self.points(word):
            pieces.append(word[start:point])
            start = point
        pieces.append(word[start:])
        return SOFT_HYPHEN.join(pieces)

    def text(self, text: str, ends_paragraph: bool = False) -> str:
        """Soft hyphens in every long word; none in the last one if ``text`` ends a paragraph."""
        words = list(WORD.finditer(text))
        last = words[-1] if words else None
        keep = last.start() if ends_paragraph and last and not text[last.end() :].strip(" .,;:!?)”") else -1
        return WORD.sub(lambda match: match[0] if match.start() == keep else self.word(match[0]), text)


class Patterns(Rules):
    """Pyphen's patterns for ``language`` (a registry code such as "sv" or "en-US")."""

    def __init__(self, language: str) -> None:
        import pyphen

        self._pyphen = pyphen.Pyphen(lang=language.replace("-", "_"))

    def dictionary_points(self, word: str) -> list[int]:
        return self._pyphen.positions(word)


class Hyphenator(Rules):
    def __init__(self) -> None:
        self._voikko = open_voikko("Finnish hyphenation")

    def dictionary_points(self, word: str) -> list[int]:
        marks = self._voikko.getHyphenationPattern(word)
        return [i for i, mark in enumerate(marks) if mark == "-"]


@lru_cache(maxsize=65536)
def _word(rules: Rules, word: str) -> str:
    return rules._hyphenated(word)


@cache
def finnish() -> Hyphenator:
    return Hyphenator()


@cache
def hyphenator(language: str) -> Rules:
    """The rules for the registry's hyphenation language ``language``."""
    return finnish() if language == "fi" else Patterns(language)
