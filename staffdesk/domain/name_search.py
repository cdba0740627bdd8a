"""Search words for people's names: any word of any name part, in every script.

A name part ("O'Brien-Smith", "Trần Bảo", "De La Cruz") gives one token per word, apostrophes
dropped and hyphens splitting, plus the whole part run together ("obriensmith", "delacruz").
Typed text goes through the same fold, so "tran bao" finds Trần Bảo Ngọc and "smith" finds
O'Brien-Smith. Tokens keep letters and digits of every script (Cyrillic, Arabic, Han, Hangul…);
the roster's `name_key` fold (domain/values.fold_name) stays the sort order.
"""

from __future__ import annotations

import re
import unicodedata

# apostrophes of every keyboard: O'Brien, O’Brien, Oʼbrien, O`Brien, O´Brien
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼʻ`´′"), None)
# letters whose accent is not a combining mark in NFKD
_SPECIAL = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ħ": "h", "ı": "i", "ß": "ss"})
# anything that is not a letter or a digit of some script separates words (underscore too:
# it is a LIKE wildcard and never part of a name)
_SEPARATOR = re.compile(r"[\W_]+")
TOKEN_MAX = 100  # the column's width; a longer run of letters is cut there
MAX_WORDS = 6  # words of typed text that take part in a search


def fold(text: str) -> str:
    """Case, accents, apostrophes and compatibility forms folded; other punctuation → spaces."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_APOSTROPHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = unicodedata.normalize("NFC", bare.casefold()).translate(_SPECIAL)
    return " ".join(_SEPARATOR.sub(" ", bare).split())


def words(text: str) -> list[str]:
    """The words of typed text, in order, each at most TOKEN_MAX long, duplicates dropped."""
    seen: list[str] = []
    for w in fold(text).split():
        w = w[:TOKEN_MAX]
        if w not in seen:
            seen.append(w)
    return seen[:MAX_WORDS]


def name_tokens(*parts: str) -> set[str]:
    """Every search token of a person's name parts (first, middle, last, …)."""
    out: set[str] = set()
    for part in parts:
        ws = fold(part).split()
        out.update(w[:TOKEN_MAX] for w in ws)
        if len(ws) > 1:
            out.add("".join(ws)[:TOKEN_MAX])
    return out
