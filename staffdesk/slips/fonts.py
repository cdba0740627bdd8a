"""The fonts slips and forms are drawn with, and which of them prints each piece of text.

Noto Sans prints Latin (Vietnamese, Tagalog, Spanish…), Greek and Cyrillic; Noto Sans Arabic,
Armenian and CJK (SC, TC, KR) the other scripts; DejaVu Sans Mono the VPC and a DejaVu cut the
arrows and scissors. Each style is a stack of faces: a run of text takes the first face that has
every character of it, so an English slip prints 王小明 in Noto Sans SC and a bold Chinese name
whose characters the bold cut lacks prints whole in the regular face rather than half and half.
A face is loaded the first time a run needs it (a CJK face costs a few tenths of a second).
resources/fonts/FONTS.md says what each file covers and where it comes from.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from staffdesk.assets import resources_dir
from staffdesk.domain.errors import PrintFailed
from staffdesk.domain.messages import msg

# The Latin faces keep these names: layout code measures and draws codes and labels with them.
SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"
MONO_BOLD = "DejaVuSansMono-Bold"

REGULAR = "regular"
BOLD = "bold"
MONO = "mono"
STYLES = (REGULAR, BOLD, MONO)


@dataclass(frozen=True, slots=True)
class Face:
    name: str  # the reportlab font name
    file: str  # in resources/fonts/
    group: str  # faces of one group are alternatives for the same script
    shaping: bool = False  # joined by HarfBuzz (Arabic)


FACES: dict[str, Face] = {
    f.name: f
    for f in (
        Face(SANS, "NotoSans-Regular.ttf", "latin"),
        Face(SANS_BOLD, "NotoSans-Bold.ttf", "latin"),
        Face("NotoSansArabic", "NotoSansArabic-Regular.ttf", "arabic", shaping=True),
        Face("NotoSansArabic-Bold", "NotoSansArabic-Bold.ttf", "arabic", shaping=True),
        Face("NotoSansArmenian", "NotoSansArmenian-Regular.ttf", "armenian"),
        Face("NotoSansArmenian-Bold", "NotoSansArmenian-Bold.ttf", "armenian"),
        Face("NotoSansSC", "NotoSansSC-Regular.ttf", "cjk"),
        Face("NotoSansTC", "NotoSansTC-Regular.ttf", "cjk"),
        Face("NotoSansKR", "NotoSansKR-Regular.ttf", "cjk"),
        Face("NotoSansSC-Bold", "NotoSansSC-Bold.ttf", "cjk"),
        Face("NotoSansTC-Bold", "NotoSansTC-Bold.ttf", "cjk"),
        Face("NotoSansKR-Bold", "NotoSansKR-Bold.ttf", "cjk"),
        Face(MONO_BOLD, "DejaVuSansMono-Bold.ttf", "mono"),
        Face("DejaVuSans-Symbols", "DejaVuSans-Symbols.ttf", "symbols"),
    )
}

_CJK_ORDER = {"zh-Hant": ("TC", "SC", "KR"), "ko": ("KR", "SC", "TC")}
_DEFAULT_CJK = ("SC", "TC", "KR")

_lock = threading.Lock()
_loaded: dict[str, TTFont] = {}


def load(name: str) -> TTFont:
    """The registered reportlab font `name`, loading its file the first time."""
    font = _loaded.get(name)
    if font is not None:
        return font
    with _lock:
        font = _loaded.get(name)
        if font is not None:
            return font
        face = FACES[name]
        folder = resources_dir() / "fonts"
        try:
            font = _make_font(face, str(folder / face.file))
        except (OSError, TTFError) as exc:
            raise PrintFailed(
                msg("slip.font_missing", font=face.file, folder=str(folder), reason=str(exc))
            ) from exc
        pdfmetrics.registerFont(font)
        _loaded[name] = font
        return font


def _make_font(face: Face, path: str) -> TTFont:
    if face.shaping:
        from staffdesk.slips.shaping import ShapedFont

        return ShapedFont(face.name, path)
    return TTFont(face.name, path)


def register_fonts() -> None:
    """Load the faces every page uses (Latin and the VPC's); the others load when needed."""
    for name in (SANS, SANS_BOLD, MONO_BOLD):
        load(name)


@cache
def stack(language: str, style: str) -> tuple[str, ...]:
    """The faces a `style` text of a `language` page is drawn with, in order of preference."""
    cjk = _CJK_ORDER.get(language, _DEFAULT_CJK)
    regular = (
        SANS,
        "NotoSansArabic",
        "NotoSansArmenian",
        "DejaVuSans-Symbols",
        *(f"NotoSans{c}" for c in cjk),
    )
    if style == REGULAR:
        return regular
    bold = (
        SANS_BOLD,
        "NotoSansArabic-Bold",
        "NotoSansArmenian-Bold",
        "DejaVuSans-Symbols",
        *(f"NotoSans{c}-Bold" for c in cjk),
    )
    if style == BOLD:
        return (*bold, *regular[4:])
    if style == MONO:
        return (MONO_BOLD, *bold, *regular[4:])
    raise ValueError(f"unknown text style {style!r}")


def first_face(style: str) -> str:
    """The face a `style` text starts from, in every language (the stacks differ only after it)."""
    return stack("", style)[0]


_PRINTABLE_ASCII = range(0x20, 0x7F)


@cache
def covers_ascii(name: str) -> bool:
    """Does face `name` have a glyph for every printable ASCII character?"""
    glyphs = load(name).face.charToGlyph
    return all(code in glyphs for code in _PRINTABLE_ASCII)


def has_glyph(name: str, code: int) -> bool:
    return code in load(name).face.charToGlyph


def is_strong(ch: str) -> bool:
    """Letters and ideographs choose their face; digits, punctuation, spaces and marks follow
    the letters around them (a date in a Chinese sentence stays in the Chinese face)."""
    return unicodedata.category(ch)[0] == "L"


def assign_faces(text: str, faces: tuple[str, ...]) -> list[str]:
    """The face each character of `text` is drawn with (see the module docstring)."""
    primary = faces[0]
    first = load(primary).face.charToGlyph
    if all(ord(ch) in first for ch in text):
        return [primary] * len(text)
    chosen: list[str | None] = [None] * len(text)
    for i, ch in enumerate(text):
        if is_strong(ch):
            chosen[i] = _first_with(faces, ord(ch))
    _whole_runs(text, chosen, faces)
    # Punctuation, spaces and marks between two letters of one face take that face; between
    # two faces (an Arabic name, then ", parent/guardian"), the primary face if it has them.
    following: list[str | None] = [None] * len(text)
    after: str | None = None
    for i in range(len(text) - 1, -1, -1):
        following[i] = after
        after = chosen[i] or after
    previous: str | None = None
    for i, ch in enumerate(text):
        if chosen[i] is None:
            code = ord(ch)
            nxt = following[i]
            options: tuple[str | None, ...]
            if previous is not None and (previous == nxt or nxt is None or _mark(ch)):
                options = (previous, primary, nxt)
            else:
                options = (primary, previous, nxt)
            chosen[i] = next(
                (f for f in options if f is not None and has_glyph(f, code)),
                _first_with(faces, code),
            )
        previous = chosen[i]
    return [c or primary for c in chosen]


def _mark(ch: str) -> bool:
    """A combining mark, the zero-width (non-)joiner: they belong with the letter before."""
    return unicodedata.category(ch) in ("Mn", "Mc", "Me", "Cf")


def _first_with(faces: tuple[str, ...], code: int) -> str:
    for name in faces:
        if has_glyph(name, code):
            return name
    return faces[0]  # no face has it: the primary face's empty box, never a crash


def _whole_runs(text: str, chosen: list[str | None], faces: tuple[str, ...]) -> None:
    """Give a run of letters of one script the first face that has all of them."""
    i = 0
    while i < len(text):
        name = chosen[i]
        if name is None:
            i += 1
            continue
        group = FACES[name].group
        j = i + 1
        while j < len(text):
            other = chosen[j]
            if other is not None and FACES[other].group != group:
                break
            j += 1
        codes = [ord(ch) for k, ch in enumerate(text[i:j], i) if chosen[k] is not None]
        for candidate in faces:
            if FACES[candidate].group == group and all(has_glyph(candidate, c) for c in codes):
                for k in range(i, j):
                    if chosen[k] is not None:
                        chosen[k] = candidate
                break
        i = j
