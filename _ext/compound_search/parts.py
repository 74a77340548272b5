"""The parts of a compound word, found two ways.

- ``VoikkoParts`` (Finnish): Voikko's morphological analysis gives each word's base form
  ("pöydät" -> "pöytä") and the base forms of its compound parts
  ("yhteiskuntasopimuksen" -> "yhteis", "kunta", "sopimus").
- ``VocabularyParts`` (Swedish; Finnish where Voikko is missing): a word splits into
  pieces that each occur as words of the handbook itself, compared by their search stem,
  longest first piece first; a Swedish linking -s- between pieces is dropped
  ("partnerskapsavtal" -> "partnerskap", "avtal"). The browser splits queries with the
  same rule (static/search-compounds.js), against the stems of the search index.
"""

import re
from collections.abc import Callable, Iterable

from recipes.voikko import open_voikko

MIN_PART = 4  # shorter pieces ("är", "tal", "kun") would split ordinary words by accident
WORDBASE = re.compile(r"\+([^+(]+)(?:\(([^)]*)\))?")


class VoikkoParts:
    """Finnish base forms and compound parts by Voikko."""

    def __init__(self) -> None:
        self._voikko = open_voikko("Finnish search")
        self._cache: dict[str, list[str]] = {}

    def __call__(self, word: str) -> list[str]:
        if word not in self._cache:
            self._cache[word] = self._parts(word)
        return self._cache[word]

    def _parts(self, word: str) -> list[str]:
        found: list[str] = []
        for analysis in self._voikko.analyze(word):
            found.append(analysis.get("BASEFORM") or "")
            pieces = WORDBASE.findall(analysis.get("WORDBASES") or "")
            if len(pieces) > 1:
                found += [base or surface for surface, base in pieces]
        return sorted({piece.lower() for piece in found if piece and piece.lower() != word.lower()})


class VocabularyParts:
    """Split a word into pieces that occur in ``words`` (compared by ``stem``)."""

    def __init__(self, stem: Callable[[str], str], linking: str = "") -> None:
        self._stem = stem
        self._linking = linking
        self._known: frozenset[str] = frozenset()
        self._cache: dict[str, list[str]] = {}

    def learn(self, words: Iterable[str]) -> None:
        """The handbook's words: the only pieces a compound is split into."""
        self._known = frozenset(self._stem(word.lower()) for word in words if len(word) >= MIN_PART)
        self._cache.clear()

    def known(self, piece: str) -> bool:
        return len(piece) >= MIN_PART and self._stem(piece) in self._known

    def __call__(self, word: str) -> list[str]:
        word = word.lower()
        if word not in self._cache:
            self._cache[word] = self.split(word) or []
        return self._cache[word]

    def split(self, word: str) -> list[str] | None:
        """``word`` as two or more known pieces, or None."""
        for end in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:end], word[end:]
            heads = [head]
            if self._linking and head.endswith(self._linking):
                heads.append(head.removesuffix(self._linking))
            for first in heads:
                if not self.known(first):
                    continue
                if self.known(tail):
                    return [first, tail]
                rest = self.split(tail)
                if rest:
                    return [first, *rest]
        return None
