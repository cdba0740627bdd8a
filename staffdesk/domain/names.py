"""Keys for comparing people's names in every script: one to search by, one to match on.

`search_key` is what the roster stores as `student.name_key`, what the search words of
`student_name_token` are made of (domain/name_search.py) and what a search box's text is folded
with: Unicode NFKC, invisible characters removed (format characters such as zero-width and bidi
ones, and the other default-ignorable code points: Hangul fillers, variation selectors, …),
case folded, Latin accents folded (Nguyễn → nguyen, đ → d, Łukasz → lukasz, Ørsted → orsted),
the optional vowel signs of Arabic and Hebrew dropped (مُحَمَّد → محمد), apostrophes dropped
and other punctuation read as a space. Letters of every script are kept as they are (王芳,
иванова, 김민준, й and ё stay letters of their own), so it stays readable.

`match_key` is what decides that two written names are the same person's: the search key with
middle initials dropped ("John Q. Lopez" → john lopez), then mapped to its confusable skeleton
(Unicode TS #39, by the `disarm` library and its copy of Unicode's confusables data), so a
Cyrillic "о" in a Latin name, or a Greek "Ι" for an "I", makes no difference. It is a key, not
something to show.

`near` says whether two names are only close: the same family name and a given name a small
edit away ("Marcos" for "Marco") or only its initial ("J. Lopez"), the same given and family
names with other middle names, the same names in another order ("Lopez, John"), or one name
with a name added ("John Lopez García" for "John Lopez").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_APOSTROPHES = "'’ʼ‘ʻ`´′"  # of every keyboard: O'Brien, O’Brien, Oʼbrien, Kaʻahumanu, O´Brien
_SPACE = re.compile(r"\s+")


@functools.cache
def _is_latin(ch: str) -> bool:
    try:
        return unicodedata.name(ch).startswith("LATIN ")
    except ValueError:
        return False


# Latin letters whose stroke or slash is not a combining mark in NFD (đ, ł, ø, ħ, ŧ, ı)
_LATIN_STROKES = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ħ": "h", "ŧ": "t", "ı": "i"})


@functools.cache
def _optional_mark(ch: str) -> bool:
    """Arabic harakat and Hebrew points: usually left unwritten, so never part of a key."""
    return unicodedata.name(ch, "").startswith(("ARABIC ", "HEBREW "))


def _fold_latin_accents(text: str) -> str:
    """Drop combining marks that sit on a Latin letter, and the optional vowel signs of Arabic
    and Hebrew; marks that make other letters stay (й, ё)."""
    out: list[str] = []
    base_is_latin = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not base_is_latin and not _optional_mark(ch):
                out.append(ch)
            continue
        base_is_latin = _is_latin(ch)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).translate(_LATIN_STROKES)


def _word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LMN"


# Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt) that are not format
# characters (Cf): Hangul fillers, Khmer inherent vowels, Mongolian selectors, variation
# selectors, the combining grapheme joiner. They show as nothing, or as a gap, so a name holding
# one inside a word must key as the name without it; the Braille blank, which looks like a space
# but is a symbol, likewise.
_IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
)


@functools.cache
def _invisible(ch: str) -> bool:
    if unicodedata.category(ch) == "Cf":
        return True
    code = ord(ch)
    return any(low <= code <= high for low, high in _IGNORABLE)


# The same fold for plain ASCII in one C-level pass: letters lowered, digits kept, apostrophes
# dropped, anything else a space. A roster pull folds every student's names (store/name_tokens),
# and the general path's per-character Unicode work made a 100,000-row pull five times slower.
_ASCII_FOLD = str.maketrans(
    {
        chr(c): (chr(c).lower() if chr(c).isalnum() else ("" if chr(c) in _APOSTROPHES else " "))
        for c in range(128)
    }
)


def search_key(name: str) -> str:
    """Folded for search and display-free comparison; letters of every script kept."""
    name = name or ""
    if name.isascii():  # NFKC, invisible characters and accents do not arise
        return " ".join(name.translate(_ASCII_FOLD).split())
    return _search_key_general(name)


# name parts repeat across a roster (first names above all): a pull folds each once
@functools.lru_cache(maxsize=65536)
def _search_key_general(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if not _invisible(ch))
    text = _fold_latin_accents(text.casefold())
    text = "".join(ch for ch in text if ch not in _APOSTROPHES)
    text = "".join(ch if _word_char(ch) else " " for ch in text)
    return " ".join(text.split())


def _without_initials(words: list[str]) -> list[str]:
    """Middle initials are left out: the first and last words always stay."""
    if len(words) <= 2:
        return words
    middle = [w for w in words[1:-1] if len(w) > 1]
    return [words[0], *middle, words[-1]]


def _skeleton(text: str) -> str:
    from disarm import skeleton_key  # loaded when first needed: its import costs start-up time

    return _SPACE.sub(" ", skeleton_key(text)).strip()


@functools.lru_cache(maxsize=4096)
def match_key(name: str) -> str:
    """The key two names must share to be taken for the same person (see the module note)."""
    words = _without_initials(search_key(name).split())
    return " ".join(_skeleton(w) for w in words if w)


@dataclass(frozen=True, slots=True)
class NameParts:
    given: str
    family: str
    middle: tuple[str, ...]


def parts(key: str) -> NameParts | None:
    """Given and family name of a match key, or None for a one-word name (王芳, Madonna)."""
    words = key.split()
    if len(words) < 2:
        return None
    return NameParts(words[0], words[-1], tuple(words[1:-1]))


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, changes, swapped neighbours."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


def _close(a: str, b: str) -> bool:
    allowed = 1 if min(len(a), len(b)) <= 5 else 2
    return edit_distance(a, b) <= allowed


def near(a: str, b: str) -> bool:
    """Two different names that may still be one person (see the module note)."""
    ka, kb = match_key(a), match_key(b)
    if not ka or not kb or ka == kb:
        return False
    wa, wb = ka.split(), kb.split()
    short, long_ = sorted((wa, wb), key=len)
    if len(short) >= 2 and set(short) <= set(long_):
        return True  # the same names in another order, or with a family name added or dropped
    # initials are left out of the key: compare the written given names for "J. Lopez"
    words_a, words_b = search_key(a).split(), search_key(b).split()
    pa, pb = parts(ka), parts(kb)
    if len(words_a) >= 2 and len(words_b) >= 2 and wa[-1:] == wb[-1:]:
        ga, gb = _skeleton(words_a[0]), _skeleton(words_b[0])
        if min(len(ga), len(gb)) == 1 and ga[0] == gb[0]:
            return True  # a given name written as its initial
    if pa is None or pb is None or pa.family != pb.family:
        return False
    return _close(pa.given, pb.given)
