"""Finnish hyphenation with Voikko (libvoikko and its Finnish dictionary, voikko-fi).

Pyphen has no Finnish patterns, and plain syllable rules break compounds at the wrong
place ("kumppanuu-syhteistyö"). Voikko analyses compounds, so "kumppanuusyhteistyö"
breaks as kump-pa-nuus-yh-teis-työ. We insert soft hyphens (U+00AD) at its break points
and let the PDF engine use them (CSS ``hyphens: manual``).
"""

import ctypes
import ctypes.util
import re
from functools import cache

SOFT_HYPHEN = "\u00ad"
MIN_WORD = 6  # shorter words are not worth breaking
EDGE = 2  # letters kept together at either end of a word
WORD = re.compile(rf"[A-Za-zÅÄÖåäöÉéÜü]{{{MIN_WORD},}}")


class VoikkoMissing(RuntimeError):
    """libvoikko or its Finnish dictionary is not installed."""


class Hyphenator:
    def __init__(self) -> None:
        name = ctypes.util.find_library("voikko") or "libvoikko.so.1"
        try:
            self._lib = ctypes.CDLL(name)
        except OSError as error:
            raise VoikkoMissing(
                "Finnish hyphenation needs Voikko: apt-get install -y libvoikko1 voikko-fi"
            ) from error
        lib = self._lib
        lib.voikkoInit.restype = ctypes.c_void_p
        lib.voikkoInit.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_char_p, ctypes.c_char_p]
        lib.voikkoHyphenateCstr.restype = ctypes.c_void_p
        lib.voikkoHyphenateCstr.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.voikkoFreeCstr.argtypes = [ctypes.c_void_p]
        error = ctypes.c_char_p()
        self._handle = lib.voikkoInit(ctypes.byref(error), b"fi", None)
        if not self._handle:
            reason = (error.value or b"unknown error").decode()
            raise VoikkoMissing(f"Voikko has no Finnish dictionary ({reason}): apt-get install -y voikko-fi")

    def points(self, word: str) -> list[int]:
        """Indexes in ``word`` before which a line may break."""
        pattern = self._lib.voikkoHyphenateCstr(self._handle, word.encode("utf-8"))
        if not pattern:
            return []
        try:
            marks = ctypes.string_at(pattern).decode("utf-8")
        finally:
            self._lib.voikkoFreeCstr(pattern)
        # never leave a single letter at a line end or start ("o-sapuolet")
        return [i for i, mark in enumerate(marks) if mark == "-" and EDGE <= i <= len(word) - EDGE]

    def word(self, word: str) -> str:
        """``word`` with soft hyphens at its break points."""
        pieces, start = [], 0
        for point in self.points(word):
            pieces.append(word[start:point])
            start = point
        pieces.append(word[start:])
        return SOFT_HYPHEN.join(pieces)

    def text(self, text: str) -> str:
        return WORD.sub(lambda match: self.word(match[0]), text)


@cache
def finnish() -> Hyphenator:
    return Hyphenator()
