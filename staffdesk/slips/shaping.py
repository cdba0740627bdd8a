"""Arabic and Persian letters joined by HarfBuzz, drawn by reportlab, and still searchable.

HarfBuzz picks each letter's joined form (initial, medial, final, the lam-alef ligature) and its
position. Those forms have no character of their own, so each glyph is given a private code
point, and the PDF's ToUnicode map tells readers which letters it stands for: copying or
extracting the text gives the letters that were typed, not the private codes.
"""

from __future__ import annotations

import threading
from typing import Any

import uharfbuzz as hb
from reportlab.pdfbase.ttfonts import SUBSETN, ShapeData, ShapedStr, TTFont

# Supplementary Private Use Area-A: no font here maps anything there.
_FIRST_PRIVATE = 0xF0000


class ShapedFont(TTFont):  # type: ignore[misc]  # reportlab ships no types: TTFont is Any
    """A TrueType font whose runs are shaped with HarfBuzz before reportlab draws them."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        with open(filename, "rb") as handle:
            self._hb_font = hb.Font(hb.Face(hb.Blob(handle.read())))
        self._upem = float(self._hb_font.face.upem)
        self._private: dict[tuple[int, str], int] = {}
        self._meaning: dict[int, str] = {}
        self._next = _FIRST_PRIVATE
        self._shape_lock = threading.Lock()

    def shape(self, text: str, *, rtl: bool, language: str) -> tuple[str, float]:
        """`text` (logical order) as a string of this font's glyphs in visual order, and its
        advance in thousandths of the font size."""
        with self._shape_lock:
            buf = hb.Buffer()
            # Marks (ُ ّ ً) keep clusters of their own, so each glyph can say which letter it is.
            buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
            buf.add_str(text)
            buf.direction = "rtl" if rtl else "ltr"
            buf.guess_segment_properties()
            if language:
                buf.language = language
            hb.shape(self._hb_font, buf, {"kern": True, "liga": True})
            infos = buf.glyph_infos
            positions = buf.glyph_positions
            clusters = sorted({info.cluster for info in infos})
            ends = {
                start: end for start, end in zip(clusters, [*clusters[1:], len(text)], strict=True)
            }
            scale = 1000.0 / self._upem
            chars: list[str] = []
            data: list[Any] = []
            seen: set[int] = set()
            total = 0.0
            for info, pos in zip(infos, positions, strict=True):
                cluster = info.cluster
                # The first glyph of a cluster stands for its letters; any others for nothing.
                meaning = text[cluster : ends[cluster]] if cluster not in seen else ""
                seen.add(cluster)
                code = self._code_for(info.codepoint, meaning)
                width = self.face.charWidths[code]
                advance = pos.x_advance * scale
                total += advance
                chars.append(chr(code))
                data.append(
                    ShapeData(
                        cluster,
                        advance,
                        pos.y_advance * scale,
                        pos.x_offset * scale,
                        pos.y_offset * scale,
                        width,
                    )
                )
        return ShapedStr("".join(chars), shapeData=data), total

    def _code_for(self, glyph: int, meaning: str) -> int:
        if len(meaning) == 1 and self.face.charToGlyph.get(ord(meaning)) == glyph:
            return ord(meaning)  # the letter's own glyph (a space, an isolated letter)
        key = (glyph, meaning)
        code = self._private.get(key)
        if code is None:
            code = self._next
            self._next += 1
            self._private[key] = code
            self._meaning[code] = meaning
            face = self.face
            face.charToGlyph[code] = glyph
            face.glyphToChar.setdefault(glyph, []).append(code)
            face.charWidths[code] = self._hb_font.get_glyph_h_advance(glyph) * 1000.0 / self._upem
        return code

    def addObjects(self, doc: Any) -> None:
        """reportlab's font objects, then ToUnicode maps that spell out the private codes."""
        state = self.state.get(doc)  # reportlab forgets the document's state when done
        super().addObjects(doc)
        if state is None:
            return
        for n, subset in enumerate(state.subsets):
            if not any(code in self._meaning for code in subset):
                continue
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode(
                "pdfdoc"
            )
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode(base, subset, self._meaning)


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode(name: str, subset: list[int], meaning: dict[int, str]) -> str:
    entries = []
    for index, code in enumerate(subset):
        # A second glyph of one letter stands for nothing: a zero-width space says so.
        text = meaning.get(code, chr(code)) or "\u200b"
        entries.append(f"<{index:02X}> <{_utf16(text)}>")
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({name})",
        f"/Ordering ({name})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    for start in range(0, len(entries), 100):  # at most 100 entries per block
        chunk = entries[start : start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)
