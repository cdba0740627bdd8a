"""Drawing helpers shared by the credential slip and the blank form: page, colours, text, output.

Everything is in PDF points (1/72 inch) with the origin at the bottom left of a US Letter page.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from staffdesk.domain.errors import PrintFailed
from staffdesk.slips.fonts import SANS, SANS_BOLD, register_fonts

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


def text_width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def fitted_size(text: str, font: str, size: float, width: float, min_size: float) -> float:
    """The largest size from `size` down to `min_size` at which `text` fits in `width`."""
    natural = text_width(text, font, size)
    if natural <= width:
        return size
    return max(min_size, size * width / natural)


def clip_text(text: str, font: str, size: float, width: float) -> str:
    """`text`, cut with an ellipsis if it is still too wide at `size` (a pathological name)."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + ELLIPSIS, font, size) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


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
) -> float:
    """Draw one line, shrunk (not below `min_size`) or clipped to `width`; returns the size used.

    The common case (it fits) measures the text once: this runs a dozen times on every slip.
    """
    natural = text_width(text, font, size)
    if natural <= width:
        used, line, line_width = size, text, natural
    else:
        floor = min_size if min_size is not None else size * 0.7
        used = max(floor, size * width / natural)
        line, line_width = text, natural * used / size
        if line_width > width + 0.01:
            line = clip_text(text, font, used, width)
            line_width = text_width(line, font, used)
    if align == "center":
        x -= line_width / 2
    elif align == "right":
        x -= line_width
    canvas.setFont(font, used)
    canvas.drawString(x, y, line)
    return used


def paragraph_style(
    size: float, *, leading: float | None = None, color: Color = INK, font: str = SANS
) -> ParagraphStyle:
    return ParagraphStyle(
        name=f"p{size}",
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else size * 1.3,
        textColor=color,
        alignment=TA_LEFT,
    )


def paragraph_height(markup: str, style: ParagraphStyle, width: float) -> float:
    para = Paragraph(markup, style)
    _, height = para.wrap(width, 10_000)
    return float(height)


def draw_paragraph(
    canvas: Any, markup: str, x: float, top: float, width: float, style: ParagraphStyle
) -> float:
    """Draw wrapped text (with <b> markup) whose first line hangs from `top`; returns its height."""
    para = Paragraph(markup, style)
    _, height = para.wrap(width, 10_000)
    para.drawOn(canvas, x, top - height)
    return float(height)


def draw_numbered(
    canvas: Any,
    items: tuple[str, ...],
    x: float,
    top: float,
    width: float,
    style: ParagraphStyle,
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
        canvas.setFont(SANS_BOLD, number_size)
        canvas.drawCentredString(x + 8, centre_y - number_size * 0.36, str(number))
        if heights is None:
            height = draw_paragraph(canvas, item, x + 22, y, width - 22, style)
        else:
            draw_paragraph(canvas, item, x + 22, y, width - 22, style)
            height = heights[number - 1]
        y -= height + gap
    return y + gap


def draw_bullets(
    canvas: Any, items: tuple[str, ...], x: float, top: float, width: float, style: ParagraphStyle
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


def write_pdf(data: bytes, out: BinaryIO | str | Path) -> None:
    """Hand the finished PDF to `out`: a file object, or a path written atomically (a file only
    appears once complete, readable by the current user only since it may hold passcodes)."""
    if isinstance(out, str | Path):
        path = Path(out)
        try:
            fd, tmp_name = tempfile.mkstemp(
                prefix=".staffdesk-", suffix=".pdf.part", dir=path.parent
            )
        except OSError as exc:
            raise PrintFailed(f"cannot write to the folder {path.parent}: {_reason(exc)}") from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            raise PrintFailed(f"cannot save the PDF as {path}: {_reason(exc)}") from exc
        return
    try:
        out.write(data)
        out.flush()
    except (OSError, ValueError) as exc:  # ValueError: the file object was closed
        raise PrintFailed(f"cannot write the PDF: {_reason(exc)}") from exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
