"""Search words for people's names: any word of any name part, in every script.

A name part ("O'Brien-Smith", "Trần Bảo", "De La Cruz") gives one token per word, apostrophes
dropped and hyphens splitting, plus the whole part run together ("obriensmith", "delacruz").
The words are those of domain.names.search_key, the fold the restricted-contact match key is
built on, and typed text goes through the same fold: "tran bao" finds Trần Bảo Ngọc, "smith"
finds O'Brien-Smith, 王 finds 王小明, and a name with a zero-width space or Arabic vowel signs is
found by the letters people type. Tokens keep letters and digits of every script.
"""

from __future__ import annotations

import unicodedata

from staffdesk.domain.names import search_key

TOKEN_MAX = 100  # the column's width; a longer run of letters is cut there
MAX_WORDS = 6  # words of typed text that take part in a search


def fold(text: str) -> str:
    """domain.names.search_key: case, Latin accents, apostrophes and compatibility forms
    folded, invisible characters dropped, other punctuation (underscore included: it is a LIKE
    wildcard and never part of a name) read as a space."""
    return search_key(text)


def words(text: str) -> list[str]:
    """The words of typed text, in order, each at most TOKEN_MAX long, duplicates dropped."""
    seen: list[str] = []
    for w in fold(text).split():
        w = w[:TOKEN_MAX]
        if w not in seen:
            seen.append(w)
    return seen[:MAX_WORDS]


def implied_dropped(typed: list[str]) -> list[str]:
    """The typed words without those another typed word starts with ("sof sofia": "sofia"):
    a name word starting with the longer one starts with the shorter too, so the search finds
    the same students, and the words left each need a name word of their own."""
    return [w for w in typed if not any(o != w and o.startswith(w) for o in typed)]


def _unspaced(word: str) -> bool:
    """Written without spaces between family and given name (Han, kana, Hangul): 王小明, 김민준."""
    return all(unicodedata.name(ch, "").startswith(_UNSPACED) for ch in word)


_UNSPACED = ("CJK ", "HANGUL ", "HIRAGANA ", "KATAKANA ")


def name_tokens(first: str, middle: str = "", last: str = "", *more: str) -> set[str]:
    """Every search token of a person's name parts (first, middle, last, …). A Han, kana or
    Hangul name is also found written whole, family name first (王小明, 김민준)."""
    out: set[str] = set()
    for part in (first, middle, last, *more):
        ws = fold(part).split()
        out.update(w[:TOKEN_MAX] for w in ws)
        if len(ws) > 1:
            out.add("".join(ws)[:TOKEN_MAX])
    family, given = "".join(fold(last).split()), "".join(fold(first).split())
    if family and given and _unspaced(family + given):
        out.add((family + given)[:TOKEN_MAX])
    return out
