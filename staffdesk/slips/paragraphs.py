"""Wrapped text with <b> markup, in any language: the steps, notes and terms of slips and forms.

Lines break at spaces, and between Chinese or Japanese characters (never before a closing mark
like 。 or after an opening one like 「); a word wider than the column breaks where it must. Each
line is then laid out whole (layout.lay_out), so bidi ordering and Arabic joining see the line
as printed. A right-to-left paragraph starts at the right edge: the drawing helpers mirror.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from staffdesk.slips import fonts
from staffdesk.slips.layout import Line, Span, lay_out

_TAG = re.compile(r"<(/?)b>")
_CLOSING = set("、。，．・：；？！）〕］｝」』】〉》〙〗”’ー々〻ゝゞヽヾ…‥,.:;!?)]}%")
_OPENING = set("（〔［｛「『【〈《〘〖“‘([{")


@dataclass(frozen=True, slots=True)
class Wrapped:
    lines: tuple[Line, ...]
    size: float
    leading: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


def parse(markup: str, bold: bool = False) -> list[Span]:
    """Paragraph markup (text with <b>…</b> and XML entities) as styled spans."""
    spans: list[Span] = []
    depth = 1 if bold else 0
    position = 0
    for match in _TAG.finditer(markup):
        if match.start() > position:
            spans.append(_span(markup[position : match.start()], depth))
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        position = match.end()
    if position < len(markup):
        spans.append(_span(markup[position:], depth))
    return spans


def _span(raw: str, depth: int) -> Span:
    return (html.unescape(raw), fonts.BOLD if depth else fonts.REGULAR)


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF
        or 0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def _break_after(text: str, i: int) -> bool:
    """May a line end after text[i]?"""
    ch, nxt = text[i], text[i + 1]
    if ch == " ":
        return nxt != " "
    if nxt in _CLOSING or ch in _OPENING or nxt == " ":
        return False
    return _is_cjk(ch) or _is_cjk(nxt)


def _pieces(spans: Sequence[Span]) -> list[list[Span]]:
    """The unbreakable pieces of a paragraph, each with its trailing spaces."""
    text = "".join(t for t, _ in spans)
    styles = [s for t, s in spans for _ in t]
    pieces: list[list[Span]] = []
    start = 0
    for i in range(len(text)):
        if i == len(text) - 1 or _break_after(text, i):
            pieces.append(_restyle(text[start : i + 1], styles[start : i + 1]))
            start = i + 1
    return pieces


def _restyle(text: str, styles: Sequence[str]) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or styles[i] != styles[start]:
            spans.append((text[start:i], styles[start]))
            start = i
    return spans


def _trim(spans: list[Span]) -> list[Span]:
    while spans and not spans[-1][0].rstrip(" "):
        spans = spans[:-1]
    if spans:
        text, style = spans[-1]
        spans = [*spans[:-1], (text.rstrip(" "), style)]
    return spans


@lru_cache(maxsize=2048)
def wrap(
    markup: str,
    width: float,
    *,
    size: float,
    leading: float,
    language: str,
    direction: str,
    bold: bool = False,
) -> Wrapped:
    """Break the paragraph into lines no wider than `width` points (at `size`)."""
    spans = [(unicodedata.normalize("NFC", t), s) for t, s in parse(markup, bold)]
    limit = width * 1000.0 / size
    lines: list[list[Span]] = []
    current: list[Span] = []
    current_width = 0.0
    for piece in _pieces(spans):
        piece_width = lay_out(_trim(piece), language, direction).width
        if current and current_width + piece_width > limit:
            lines.append(current)
            current, current_width = [], 0.0
        if not current and piece_width > limit:
            for part in _split_long(piece, limit, language, direction):
                lines.append(part)
            continue
        current = current + piece
        current_width += lay_out(piece, language, direction).width
    if current:
        lines.append(current)
    laid = tuple(lay_out(_trim(line), language, direction) for line in lines)
    return Wrapped(laid, size, leading)


def _split_long(piece: list[Span], limit: float, language: str, direction: str) -> list[list[Span]]:
    """A piece wider than the column (a long address), cut between characters."""
    text = "".join(t for t, _ in piece)
    styles = [s for t, s in piece for _ in t]
    out: list[list[Span]] = []
    start = 0
    while start < len(text):
        end = start + 1
        while end < len(text):
            trial = _restyle(text[start : end + 1], styles[start : end + 1])
            if lay_out(trial, language, direction).width > limit:
                break
            end += 1
        out.append(_restyle(text[start:end], styles[start:end]))
        start = end
    return out
