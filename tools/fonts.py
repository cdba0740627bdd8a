"""Regenerate the fonts in resources/fonts/ from Debian's font packages.

    apt-get install fonts-noto-core fonts-noto-cjk fonts-dejavu-core
    pip install fonttools            # or: pip install -e '.[fonts]'
    python tools/fonts.py            # or: make fonts

Every font a slip or form is drawn with is cut down here to what a slip can print: the
characters of the language files in resources/slips/ plus whole blocks for names (Latin with
Vietnamese, Greek and Cyrillic; Armenian; Arabic and Persian; the common Chinese and Korean
characters that the GB 2312, Big5 and KS X 1001 character sets define). reportlab embeds
TrueType outlines only, so the CFF outlines of Noto Sans CJK are converted to quadratic
TrueType curves here. The result, each font's source package and version, size and coverage,
is written to resources/fonts/FONTS.md; the packages' copyright files become the LICENSE-*.txt.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

try:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTCollection, TTFont, newTable
except ImportError:  # pragma: no cover - a tool, not the app
    sys.exit("tools/fonts.py needs fontTools: pip install -e '.[fonts]'")

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "resources" / "fonts"
TEXTS = ROOT / "resources" / "slips"

NOTO = "/usr/share/fonts/truetype/noto"
NOTO_CJK = "/usr/share/fonts/opentype/noto"
DEJAVU = "/usr/share/fonts/truetype/dejavu"


def blocks(*ranges: tuple[int, int]) -> set[int]:
    return {c for start, end in ranges for c in range(start, end + 1)}


# Punctuation every script's text uses (quotes, dashes, bullets, ellipsis, no-break space).
PUNCTUATION = blocks((0x0020, 0x007E), (0x00A0, 0x00BF), (0x2000, 0x206F))

LATIN = PUNCTUATION | blocks(
    (0x00C0, 0x024F),  # Latin-1 letters, Latin Extended-A and B
    (0x0250, 0x02FF),  # IPA, spacing modifiers (ʻokina, ʼ)
    (0x0300, 0x036F),  # combining diacritics, for names typed decomposed
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic and its supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional: Vietnamese
    (0x20A0, 0x20BF),  # currency
    (0x2100, 0x214F),  # letterlike (№, ℅)
)

ARABIC = blocks(
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x0020, 0x0020),
    (0x00A0, 0x00A0),
    (0x200C, 0x200F),  # ZWNJ (Persian), ZWJ, LRM, RLM
)

ARMENIAN = blocks((0x0531, 0x058F), (0xFB13, 0xFB17), (0x0020, 0x0020), (0x00A0, 0x00A0))

# Arrows, scissors, check marks, boxes and geometric shapes that Noto Sans lacks.
SYMBOLS = blocks((0x2190, 0x21FF), (0x2500, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF))

CJK_PUNCTUATION = blocks(
    (0x3000, 0x303F),  # ideographic space, 、。「」
    (0x3040, 0x30FF),  # kana, for Japanese names
    (0xFF00, 0xFFEF),  # fullwidth forms: ，：（）
    (0x00B7, 0x00B7),
    (0x2014, 0x2026),
    (0x0020, 0x0020),
)


def charset(codec: str, first: tuple[int, int], last: tuple[int, int]) -> set[int]:
    """Characters a double-byte codec defines between two lead/trail byte pairs."""
    out: set[int] = set()
    for lead in range(first[0], last[0] + 1):
        for trail in range(0x40, 0xFF):
            if (lead, trail) < first or (lead, trail) > last:
                continue
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            out.update(ord(ch) for ch in text)
    return out


def han(chars: Iterable[int]) -> set[int]:
    return {c for c in chars if unicodedata.name(chr(c), "").startswith("CJK UNIFIED IDEOGRAPH")}


def gb2312_hanzi() -> set[int]:
    """The 6,763 simplified characters of GB 2312 (levels 1 and 2)."""
    return han(charset("gb2312", (0xB0, 0xA1), (0xF7, 0xFE)))


def big5_level1() -> set[int]:
    """The 5,401 frequently used traditional characters of Big5 (A440–C67E)."""
    return han(charset("big5", (0xA4, 0x40), (0xC6, 0x7E)))


def ksx1001_hangul() -> set[int]:
    """The 2,350 Hangul syllables of KS X 1001, which cover Korean names and text."""
    out = charset("euc_kr", (0xB0, 0xA1), (0xC8, 0xFE))
    return {c for c in out if 0xAC00 <= c <= 0xD7A3}


def text_chars(*languages: str) -> set[int]:
    """Every character of the named language files (all of them when none is named)."""
    paths = [TEXTS / f"{lang}.json" for lang in languages] or sorted(TEXTS.glob("*.json"))
    out: set[int] = set()
    for path in paths:
        out.update(
            ord(ch) for ch in json.dumps(json.loads(path.read_text("utf-8")), ensure_ascii=False)
        )
    return out


@dataclass
class Spec:
    output: str
    package: str
    source: str
    covers: str  # for FONTS.md
    chars: set[int] = field(default_factory=set)
    face: str | None = None  # the face's full name inside a .ttc collection
    cff: bool = False
    shaping: bool = False  # keep the OpenType layout tables HarfBuzz shapes with


def specs() -> list[Spec]:
    every_text = text_chars()
    cjk_sc = CJK_PUNCTUATION | gb2312_hanzi() | han(text_chars("zh-Hans"))
    cjk_tc = CJK_PUNCTUATION | big5_level1() | han(text_chars("zh-Hant"))
    korean = CJK_PUNCTUATION | ksx1001_hangul() | text_chars("ko") | blocks((0x3130, 0x318F))
    sc_text = CJK_PUNCTUATION | text_chars("zh-Hans")
    tc_text = CJK_PUNCTUATION | text_chars("zh-Hant")
    ko_text = CJK_PUNCTUATION | text_chars("ko")
    out = []
    for weight in ("Regular", "Bold"):
        out += [
            Spec(
                f"NotoSans-{weight}.ttf",
                "fonts-noto-core",
                f"{NOTO}/NotoSans-{weight}.ttf",
                "Latin (Vietnamese, Tagalog, Spanish…), Greek, Cyrillic, punctuation",
                LATIN | every_text,
            ),
            Spec(
                f"NotoSansArabic-{weight}.ttf",
                "fonts-noto-core",
                f"{NOTO}/NotoSansArabic-{weight}.ttf",
                "Arabic and Persian letters, digits and punctuation, with the layout tables "
                "HarfBuzz joins letters with",
                ARABIC | text_chars("ar", "fa"),
                shaping=True,
            ),
            Spec(
                f"NotoSansArmenian-{weight}.ttf",
                "fonts-noto-core",
                f"{NOTO}/NotoSansArmenian-{weight}.ttf",
                "Armenian",
                ARMENIAN | text_chars("hy"),
            ),
        ]
    out += [
        Spec(
            "NotoSansSC-Regular.ttf",
            "fonts-noto-cjk",
            f"{NOTO_CJK}/NotoSansCJK-Regular.ttc",
            "Simplified Chinese: the 6,763 hanzi of GB 2312 and the zh-Hans text; kana",
            cjk_sc,
            face="Noto Sans CJK SC",
            cff=True,
        ),
        Spec(
            "NotoSansTC-Regular.ttf",
            "fonts-noto-cjk",
            f"{NOTO_CJK}/NotoSansCJK-Regular.ttc",
            "Traditional Chinese: the 5,401 common hanzi of Big5 and the zh-Hant text; kana",
            cjk_tc,
            face="Noto Sans CJK TC",
            cff=True,
        ),
        Spec(
            "NotoSansKR-Regular.ttf",
            "fonts-noto-cjk",
            f"{NOTO_CJK}/NotoSansCJK-Regular.ttc",
            "Korean: the 2,350 Hangul syllables of KS X 1001, compatibility jamo, the ko text",
            korean,
            face="Noto Sans CJK KR",
            cff=True,
        ),
        # Bold CJK carries the printed text only; a name in bold falls back to the regular face.
        Spec(
            "NotoSansSC-Bold.ttf",
            "fonts-noto-cjk",
            f"{NOTO_CJK}/NotoSansCJK-Bold.ttc",
            "Simplified Chinese bold: the zh-Hans text only",
            sc_text,
            face="Noto Sans CJK SC Bold",
            cff=True,
        ),
        Spec(
            "NotoSansTC-Bold.ttf",
            "fonts-noto-cjk",
            f"{NOTO_CJK}/NotoSansCJK-Bold.ttc",
            "Traditional Chinese bold: the zh-Hant text only",
            tc_text,
            face="Noto Sans CJK TC Bold",
            cff=True,
        ),
        Spec(
            "NotoSansKR-Bold.ttf",
            "fonts-noto-cjk",
            f"{NOTO_CJK}/NotoSansCJK-Bold.ttc",
            "Korean bold: the ko text only",
            ko_text,
            face="Noto Sans CJK KR Bold",
            cff=True,
        ),
        Spec(
            "DejaVuSansMono-Bold.ttf",
            "fonts-dejavu-core",
            f"{DEJAVU}/DejaVuSansMono-Bold.ttf",
            "The VPC, ids and codes: ASCII letters, digits and separators",
            blocks((0x0020, 0x007E)),
        ),
        Spec(
            "DejaVuSans-Symbols.ttf",
            "fonts-dejavu-core",
            f"{DEJAVU}/DejaVuSans.ttf",
            "Arrows, scissors, check marks, boxes and shapes (the last fallback)",
            SYMBOLS,
        ),
    ]
    return out


def package_version(package: str) -> str:
    try:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Status}\t${Version}", package],
            check=True,
            capture_output=True,
            text=True,
        )
    except (OSError, subprocess.CalledProcessError):
        sys.exit(f"Debian package {package} is not installed: apt-get install {package}")
    status, version = done.stdout.split("\t")
    if "installed" not in status.split():
        sys.exit(f"Debian package {package} is not installed: apt-get install {package}")
    return version


def open_face(spec: Spec) -> TTFont:
    if spec.face is None:
        return TTFont(spec.source)
    for font in TTCollection(spec.source).fonts:
        if font["name"].getDebugName(4) == spec.face:
            return font
    sys.exit(f"{spec.source} has no face named {spec.face!r}")


def cut(font: TTFont, spec: Spec) -> None:
    options = subset.Options()
    options.hinting = False  # printed at 300 dpi and up: hints only add bytes
    options.desubroutinize = True
    options.name_IDs = ["*"]  # keep copyright, licence and its URL
    options.name_legacy = True
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    if spec.shaping:
        options.layout_features = ["*"]
    else:
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    subsetter = subset.Subsetter(options)
    available = set(font.getBestCmap())
    subsetter.populate(unicodes=sorted(spec.chars & available))
    subsetter.subset(font)


def to_truetype(font: TTFont, max_err: float = 0.8) -> None:
    """Replace CFF cubic outlines with TrueType quadratic ones (what reportlab can embed)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    for attr in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours"):
        setattr(maxp, attr, 0)
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: nothing here reads them
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def build(spec: Spec) -> tuple[int, int]:
    font = open_face(spec)
    cut(font, spec)
    if spec.cff:
        to_truetype(font)
    target = FONTS / spec.output
    font.save(str(target))
    return target.stat().st_size, len(font.getBestCmap())


def main() -> None:
    versions = {
        p: package_version(p) for p in ("fonts-noto-core", "fonts-noto-cjk", "fonts-dejavu-core")
    }
    rows = []
    for spec in specs():
        size, chars = build(spec)
        rows.append((spec, size, chars))
        print(f"{spec.output:28} {size / 1024:8.0f} KiB {chars:6} characters")
    for package, name in (
        ("fonts-noto-core", "LICENSE-Noto.txt"),
        ("fonts-noto-cjk", "LICENSE-NotoCJK.txt"),
        ("fonts-dejavu-core", "LICENSE-DejaVu.txt"),
    ):
        shutil.copyfile(f"/usr/share/doc/{package}/copyright", FONTS / name)
    lines = [
        "# Fonts for slips and forms",
        "",
        "Generated by `tools/fonts.py` (`make fonts`) from these Debian packages; do not edit by",
        "hand. Noto fonts are under the SIL Open Font License 1.1 (LICENSE-Noto.txt,",
        "LICENSE-NotoCJK.txt), DejaVu under its Bitstream Vera licence (LICENSE-DejaVu.txt).",
        "",
        *(f"- `{p}` {v}" for p, v in versions.items()),
        "",
        "| file | size | characters | covers | from |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    total = 0
    for spec, size, chars in rows:
        total += size
        source = Path(spec.source).name + (f" ({spec.face})" if spec.face else "")
        lines.append(
            f"| {spec.output} | {size / 1024:,.0f} KiB | {chars:,} | {spec.covers} | "
            f"{spec.package}: {source} |"
        )
    lines += ["", f"Total: {total / 1024 / 1024:.1f} MiB.", ""]
    (FONTS / "FONTS.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"total {total / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
