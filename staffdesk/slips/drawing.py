"""Drawing helpers shared by the credential slip and the blank form: page, colours, text, output.

Everything is in PDF points (1/72 inch) with the origin at the bottom left of a US Letter page.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import letter
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFResourceDictionary
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.canvas import Canvas

from staffdesk.domain.errors import PrintFailed
from staffdesk.domain.messages import msg
from staffdesk.private import write_private_bytes
from staffdesk.slips.fonts import BOLD, MONO, MONO_BOLD, REGULAR, SANS, SANS_BOLD, register_fonts
from staffdesk.slips.fonts import load as fonts_load
from staffdesk.slips.layout import Line, lay_out_text
from staffdesk.slips.paragraphs import Wrapped, wrap
from staffdesk.slips.texts import REFERENCE_LANGUAGE, is_rtl

PAGE_WIDTH, PAGE_HEIGHT = (float(v) for v in letter)

INK: Color = HexColor("#1A1A1A")
MUTED: Color = HexColor("#5A6270")
ACCENT: Color = HexColor("#1F4E79")
TINT: Color = HexColor("#EEF4FA")
RULE: Color = HexColor("#B9C6D3")
NOTE_BG: Color = HexColor("#F4F6F8")
WARN: Color = HexColor("#9A4A00")
WARN_BG: Color = HexColor("#FFF4E0")
WHITE: Color = HexColor("#FFFFFF")

ELLIPSIS = "…"


def new_canvas(target: BinaryIO, *, title: str) -> Any:
    """A US Letter canvas that never falls back to a base-14 font, uncompressed for speed."""
    register_fonts()
    canvas = Canvas(
        target,
        pagesize=letter,
        pageCompression=0,
        initialFontName=SANS,
        initialFontSize=10,
        initialLeading=12,
    )
    canvas.setTitle(title)
    canvas.setAuthor("StaffDesk")
    canvas.setCreator("StaffDesk")
    return canvas


_STYLE_OF = {SANS: REGULAR, SANS_BOLD: BOLD, MONO_BOLD: MONO}


def page_language(canvas: Any) -> str:
    """The language of the page being drawn (set by `written_in`)."""
    return str(getattr(canvas, "_staffdesk_language", REFERENCE_LANGUAGE))


def is_mirrored(canvas: Any) -> bool:
    return bool(getattr(canvas, "_staffdesk_mirrored", False))


@contextlib.contextmanager
def written_in(canvas: Any, language: str, rtl: bool) -> Iterator[None]:
    """Draw the page (or form) in `language`; a right-to-left page is laid out as a mirror image
    of the left-to-right one (boxes, rules, columns), while its text is drawn unmirrored,
    anchored and aligned from the right."""
    before = (page_language(canvas), is_mirrored(canvas))
    canvas._staffdesk_language = language
    canvas._staffdesk_mirrored = rtl
    if rtl:
        canvas.saveState()
        canvas.transform(-1, 0, 0, 1, PAGE_WIDTH, 0)
    try:
        yield
    finally:
        if rtl:
            canvas.restoreState()
        canvas._staffdesk_language, canvas._staffdesk_mirrored = before


@contextlib.contextmanager
def unmirrored(canvas: Any, x: float, width: float) -> Iterator[float]:
    """Draw something that must never be mirrored (a QR code) in the box starting at `x`;
    yields the x to draw it at."""
    if not is_mirrored(canvas):
        yield x
        return
    canvas.saveState()
    canvas.transform(-1, 0, 0, 1, PAGE_WIDTH, 0)
    try:
        yield PAGE_WIDTH - x - width
    finally:
        canvas.restoreState()


def _direction(canvas: Any, value: bool) -> str:
    if value:
        return "auto"
    return "rtl" if is_mirrored(canvas) else "ltr"


def text_width(text: str, font: str, size: float, *, language: str = REFERENCE_LANGUAGE) -> float:
    return lay_out_text(text, language, _STYLE_OF.get(font, REGULAR)).width_at(size)


def draw_line(
    canvas: Any, line: Line, x: float, y: float, size: float, align: str = "left"
) -> None:
    """Draw a laid-out line anchored at `x` (its left edge, centre or right edge by `align`,
    counted from the right on a mirrored page).

    One text object per line, whatever its runs: each run's glyph widths carry the pen to where
    the next run starts. A line drawn again at the same place in the same document (the expiry
    date, the "issued by" line of a batch) reuses the operators written the first time.
    """
    width = line.width_at(size)
    mirrored = is_mirrored(canvas)
    if mirrored:
        x = PAGE_WIDTH - x
        align = {"left": "right", "right": "left"}.get(align, align)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    cache: dict[tuple[object, ...], str] | None = getattr(canvas, "_staffdesk_lines", None)
    if cache is None:
        cache = canvas._staffdesk_lines = {}
    key = (line, x, y, size, mirrored)
    code = cache.get(key)
    if code is None:
        code = cache[key] = _text_code(canvas, line, x, y, size, mirrored)
    canvas._code.append(code)


def _text_code(canvas: Any, line: Line, x: float, y: float, size: float, mirrored: bool) -> str:
    """The PDF operators of one line: a text matrix, then each run in its font's subsets (a
    mirrored page's matrix flips the glyphs back)."""
    doc = canvas._doc
    matrix = f"-1 0 0 1 {fp_str(PAGE_WIDTH - x)}" if mirrored else f"1 0 0 1 {fp_str(x)}"
    parts = [f"BT {matrix} {fp_str(y)} Tm"]
    scale = fp_str(size)
    for run in line.runs:
        if isinstance(run.text, ShapedStr):  # glyph offsets: reportlab positions them
            text = canvas.beginText()
            text.setFont(run.font, size)
            text.textOut(run.text)
            inner = text.getCode()
            parts.append(inner[inner.index("Tm") + 2 : inner.rindex("ET")].strip())
            continue
        font = fonts_load(run.font)
        for subset, chunk in font.splitString(run.text, doc):
            name = font.getSubsetInternalName(subset, doc)
            parts.append(f"{name} {scale} Tf ({canvas._escape(chunk)}) Tj")
    parts.append("ET")
    return " ".join(parts)


def draw_fitted(
    canvas: Any,
    text: str,
    x: float,
    y: float,
    *,
    font: str,
    size: float,
    width: float,
    min_size: float | None = None,
    align: str = "left",
    value: bool = False,
) -> float:
    """Draw one line, shrunk (not below `min_size`) or clipped to `width`; returns the size used.

    Page text takes the page's direction; a `value` (a name, a code) its own. The common case
    (it fits) lays the text out once, from a cache: this runs a dozen times on every slip.
    """
    language = page_language(canvas)
    direction = _direction(canvas, value)
    style = _STYLE_OF.get(font, REGULAR)
    line = lay_out_text(text, language, style, direction)
    natural = line.width_at(size)
    used = size
    if natural > width:
        floor = min_size if min_size is not None else size * 0.7
        used = max(floor, size * width / natural)
        if line.width_at(used) > width + 0.01:
            line = _clipped(text, language, style, direction, used, width)
    draw_line(canvas, line, x, y, used, align)
    return used


def _clipped(
    text: str, language: str, style: str, direction: str, size: float, width: float
) -> Line:
    """`text` cut with an ellipsis to fit `width` at `size` (a pathological name)."""
    while text:
        text = text[:-1].rstrip()
        line = lay_out_text(text + ELLIPSIS, language, style, direction)
        if line.width_at(size) <= width:
            return line
    return lay_out_text(ELLIPSIS, language, style, direction)


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How a paragraph is set: size, leading, colour, weight and language."""

    fontSize: float
    leading: float
    textColor: Color
    bold: bool
    language: str

    @property
    def direction(self) -> str:
        return "rtl" if is_rtl(self.language) else "ltr"


def paragraph_style(
    size: float,
    *,
    leading: float | None = None,
    color: Color = INK,
    font: str = SANS,
    language: str = REFERENCE_LANGUAGE,
) -> TextStyle:
    return TextStyle(
        fontSize=size,
        leading=leading if leading is not None else size * 1.3,
        textColor=color,
        bold=font == SANS_BOLD,
        language=language,
    )


def _wrap(markup: str, style: TextStyle, width: float) -> Wrapped:
    return wrap(
        markup,
        width,
        size=style.fontSize,
        leading=style.leading,
        language=style.language,
        direction=style.direction,
        bold=style.bold,
    )


def paragraph_height(markup: str, style: TextStyle, width: float) -> float:
    return _wrap(markup, style, width).height


def draw_paragraph(
    canvas: Any, markup: str, x: float, top: float, width: float, style: TextStyle
) -> float:
    """Draw wrapped text (with <b> markup) whose first line hangs from `top`; returns its height."""
    wrapped = _wrap(markup, style, width)
    canvas.setFillColor(style.textColor)
    for number, line in enumerate(wrapped.lines):
        draw_line(canvas, line, x, top - style.fontSize - number * style.leading, style.fontSize)
    return wrapped.height


def draw_numbered(
    canvas: Any,
    items: tuple[str, ...],
    x: float,
    top: float,
    width: float,
    style: TextStyle,
    gap: float,
    heights: tuple[float, ...] | None = None,
) -> float:
    """Numbered steps with the numbers in accent discs; returns the y where the last one ends."""
    size = float(style.fontSize)
    radius = min(7.5, (float(style.leading) + gap) / 2 - 0.5)
    number_size = radius * 1.1
    y = top
    for number, item in enumerate(items, 1):
        centre_y = y - size * 0.55
        canvas.setFillColor(ACCENT)
        canvas.circle(x + 8, centre_y, radius, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        line = lay_out_text(str(number), REFERENCE_LANGUAGE, BOLD)
        draw_line(canvas, line, x + 8, centre_y - number_size * 0.36, number_size, "center")
        height = draw_paragraph(canvas, item, x + 22, y, width - 22, style)
        if heights is not None:
            height = heights[number - 1]
        y -= height + gap
    return y + gap


def draw_bullets(
    canvas: Any, items: tuple[str, ...], x: float, top: float, width: float, style: TextStyle
) -> float:
    """A bulleted list; returns the y where the last item ends."""
    size = float(style.fontSize)
    y = top
    for item in items:
        canvas.setFillColor(ACCENT)
        canvas.circle(x + 4, y - size * 0.4, 2.2, stroke=0, fill=1)
        y -= draw_paragraph(canvas, item, x + 14, y, width - 14, style) + size * 0.45
    return y + size * 0.45


def markup(text: str) -> str:
    """A value (a name, a URL) made safe to put inside paragraph markup."""
    return escape(text)


def dashed_line(canvas: Any, x1: float, x2: float, y: float, color: Color = MUTED) -> None:
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(0.8)
    canvas.setDash(5, 3)
    canvas.line(x1, y, x2, y)
    canvas.restoreState()


def share_page_resources(canvas: Any) -> None:
    """Before `canvas.save()`: pages that draw the same forms share one resource dictionary.

    reportlab writes each page its own copy of the same few lines (the fonts, the procedure
    sets, the one form it draws); in a batch that is a third of the time spent writing the file.
    The pages of a batch differ only in which form (school and language) they draw, so the
    pages drawing the same forms get one dictionary, written once and referenced. A page with
    anything else in its resources (transparency, colour spaces, shadings) keeps its own.
    """
    doc = canvas._doc
    shared: dict[tuple[bool, tuple[str, ...]], object] = {}
    for page in doc.Pages.pages:
        if page.Resources or page.ExtGState or page._colorsUsed or page._shadingUsed:
            continue
        xobjects = page.XObjects
        key = (bool(page.hasImages), tuple(sorted(xobjects.dict)) if xobjects else ())
        reference = shared.get(key)
        if reference is None:
            resources = PDFResourceDictionary()
            resources.basicFonts()
            if page.hasImages:
                resources.allProcs()
            if xobjects:
                resources.XObject = xobjects
            reference = shared[key] = doc.Reference(resources)
        page.Resources = reference
        page.Trans = None  # an empty transition dictionary says nothing


def write_pdf(data: bytes, out: BinaryIO | str | Path) -> None:
    """Hand the finished PDF to `out`: a file object, or a path written atomically (a file only
    appears once complete, readable by the current user only since it may hold passcodes)."""
    if isinstance(out, str | Path):
        write_private_bytes(out, data)
        return
    try:
        out.write(data)
        out.flush()
    except (OSError, ValueError) as exc:  # ValueError: the file object was closed
        raise PrintFailed(msg("slip.cannot_write", reason=_reason(exc))) from exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
