"""One line of text cut into runs of one face each, in the order they are printed.

A line of Latin text in Noto Sans is one run, drawn as reportlab always drew it. Anything else
goes through three steps: each character gets its face (fonts.assign_faces); a line with
right-to-left letters, or on a right-to-left page, gets its Unicode bidi levels and visual order
from python-bidi's implementation of UAX #9; Arabic and Persian runs are joined by HarfBuzz
(shaping.ShapedFont), and other right-to-left runs are reversed with their brackets mirrored.
Values put into a sentence (a name, a code, an address) are embedded in their own direction
first, so a phone number or a URL stays left to right inside an Arabic sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bidi import algorithm as uba
from bidi.mirror import MIRRORED

from staffdesk.slips import fonts
from staffdesk.slips.texts import has_rtl

_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

Span = tuple[str, str]  # (text, style): styles are fonts.REGULAR, BOLD or MONO


@dataclass(frozen=True, slots=True)
class Run:
    font: str
    text: str  # glyphs in visual order (a reportlab ShapedStr for a shaped run)
    width: float  # in thousandths of the font size


@dataclass(frozen=True, slots=True)
class Line:
    runs: tuple[Run, ...]
    width: float  # in thousandths of the font size

    def width_at(self, size: float) -> float:
        return self.width * size / 1000.0


def lay_out(spans: Sequence[Span], language: str, direction: str = "auto") -> Line:
    """Lay out a line. `direction` is the paragraph's: "ltr", "rtl" or "auto" (its first letter)."""
    return _lay_out(tuple(spans), language, direction)


def lay_out_text(text: str, language: str, style: str, direction: str = "auto") -> Line:
    """Lay out one line of one style. Printable ASCII in the style's first face (codes, ids,
    phones, English text) is one run, measured without the per-character face and bidi passes
    and without filling the cache with values seen once (a VPC, a serial)."""
    if direction != "rtl":
        line = _ascii_line(text, style)
        if line is not None:
            return line
    return _lay_out(((text, style),), language, direction)


def _ascii_line(text: str, style: str) -> Line | None:
    """`text` as one run of the style's first face, when it is printable ASCII that face covers
    (the same line the full layout gives it: no right-to-left letter, no control, nothing to
    normalise, one face); None otherwise."""
    if not (text.isascii() and text.isprintable()):
        return None
    if not text:
        return _EMPTY
    face = fonts.first_face(style)
    if not fonts.covers_ascii(face):
        return None
    width = _width(face, text)
    return Line((Run(face, text, width),), width)


@lru_cache(maxsize=8192)
def _lay_out(spans: tuple[Span, ...], language: str, direction: str) -> Line:
    parts = [(unicodedata.normalize("NFC", text), style) for text, style in spans if text]
    text = "".join(t for t, _ in parts)
    styles = [style for t, style in parts for _ in t]
    if direction != "rtl" and not has_rtl(text):
        if _CONTROLS.search(text):
            kept = [i for i, ch in enumerate(text) if not _CONTROLS.match(ch)]
            text = "".join(text[i] for i in kept)
            styles = [styles[i] for i in kept]
        faces = _faces(text, styles, language)
        return _plain_runs(text, faces)
    faces = _faces(text, styles, language)
    return _bidi_runs(text, faces, language, direction)


_EMPTY = Line((), 0.0)


def _faces(text: str, styles: list[str], language: str) -> list[str]:
    by_style = {s: fonts.assign_faces(text, fonts.stack(language, s)) for s in set(styles)}
    return [by_style[s][i] for i, s in enumerate(styles)]


def _plain_runs(text: str, faces: list[str]) -> Line:
    runs: list[Run] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or faces[i] != faces[start]:
            chunk = text[start:i]
            runs.append(Run(faces[start], chunk, _width(faces[start], chunk)))
            start = i
    return Line(tuple(runs), sum(r.width for r in runs))


def _width(face: str, text: str) -> float:
    return float(fonts.load(face).stringWidth(text, 1000.0))


def _bidi_runs(text: str, faces: list[str], language: str, direction: str) -> Line:
    storage: dict[str, Any] = uba.get_empty_storage()
    if direction == "rtl":
        base = 1
    elif direction == "ltr":
        base = 0
    else:
        base = uba.get_base_level(_CONTROLS.sub("", text))
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    uba.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    order = [(char["index"], char["level"]) for char in storage["chars"]]
    _restore_joiners(text, order)

    runs: list[Run] = []
    start = 0
    for i in range(1, len(order) + 1):
        if i < len(order):
            index, level = order[i]
            first, first_level = order[start]
            if faces[index] == faces[first] and level == first_level:
                continue
        indices = [index for index, _ in order[start:i]]
        runs.append(_run(text, faces[order[start][0]], indices, order[start][1] % 2 == 1, language))
        start = i
    return Line(tuple(runs), sum(r.width for r in runs))


def _restore_joiners(text: str, order: list[tuple[int, int]]) -> None:
    """Put back what bidi rule X9 set aside but printing needs: the zero-width non-joiner of
    Persian (می‌شود) and the joiner, each beside the letter it follows, at that letter's level."""
    kept = {index for index, _ in order}
    for index in range(len(text)):
        if index in kept or _CONTROLS.match(text[index]):
            continue
        position = {i: p for p, (i, _) in enumerate(order)}
        before = index - 1
        while before >= 0 and before not in position:
            before -= 1
        if before >= 0:
            at, level = position[before], order[position[before]][1]
            order.insert(at if level % 2 else at + 1, (index, level))
        elif order:
            at, level = position[min(position)], order[position[min(position)]][1]
            order.insert(at + 1 if level % 2 else at, (index, level))
        else:
            order.append((index, 0))
        kept.add(index)


def _run(text: str, face: str, indices: list[int], rtl: bool, language: str) -> Run:
    font = fonts.load(face)
    if rtl:
        logical = "".join(text[i] for i in reversed(indices))
        if fonts.FACES[face].shaping:
            glyphs, width = font.shape(logical, rtl=True, language=language)
            return Run(face, glyphs, width)
        visual = "".join(MIRRORED.get(text[i], text[i]) for i in indices)
        return Run(face, visual, _width(face, visual))
    visual = "".join(text[i] for i in indices)
    if fonts.FACES[face].shaping:
        glyphs, width = font.shape(visual, rtl=False, language=language)
        return Run(face, glyphs, width)
    return Run(face, visual, _width(face, visual))
