"""The blank two-sided Parent Access Form for the front counter: instructions, then the form.

Page 1 tells the parent what the form is for, what ID to bring and what they will receive; page 2
is the form itself with an "office use only" box for the clerk who checks the photo ID.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any, BinaryIO

from staffdesk.domain.errors import PrintFailed, StaffDeskError, ValidationError
from staffdesk.slips.drawing import (
    ACCENT,
    INK,
    MUTED,
    NOTE_BG,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TINT,
    WHITE,
    draw_bullets,
    draw_fitted,
    draw_numbered,
    draw_paragraph,
    new_canvas,
    paragraph_height,
    paragraph_style,
    text_width,
    write_pdf,
)
from staffdesk.slips.fonts import SANS, SANS_BOLD
from staffdesk.slips.texts import Texts, load_texts

log = logging.getLogger("staffdesk.print")

LEFT = 54.0
RIGHT = PAGE_WIDTH - 54.0
WIDTH = RIGHT - LEFT
PAGES = 2

FIELD_HEIGHT = 38.0
FIELD_GAP = 8.0


def render_blank_form(
    out: BinaryIO | str | Path,
    *,
    language: str = "en",
    district_name: str,
    school_name: str | None = None,
) -> None:
    """Write the two-page Parent Access Form to `out` (a path, written atomically, or a file).

    With `school_name` the School field comes pre-filled, for a school that prints its own stack.
    """
    texts = load_texts(language)
    if not district_name.strip():
        raise ValidationError("district_name", "expected the district's name for the form header")
    buffer = io.BytesIO()
    try:
        canvas = new_canvas(buffer, title=texts("form.document_title"))
        _instructions_page(canvas, texts, district_name, school_name)
        canvas.showPage()
        _form_page(canvas, texts, district_name, school_name)
        canvas.showPage()
        canvas.save()
    except StaffDeskError:
        raise
    except Exception as exc:
        log.error("blank form rendering failed: %s", type(exc).__name__)
        raise PrintFailed(
            f"could not draw the Parent Access Form: {type(exc).__name__}: {exc}"
        ) from exc
    write_pdf(buffer.getvalue(), out)


def render_blank_form_bytes(
    *, language: str = "en", district_name: str, school_name: str | None = None
) -> bytes:
    """render_blank_form into memory: the PDF bytes."""
    buffer = io.BytesIO()
    render_blank_form(
        buffer, language=language, district_name=district_name, school_name=school_name
    )
    return buffer.getvalue()


def _header(c: Any, texts: Texts, district: str, school: str | None, *, title_size: float) -> float:
    """District, school, accent rule and title; returns the y below the title."""
    top = PAGE_HEIGHT - 56
    c.setFillColor(MUTED)
    draw_fitted(c, district.upper(), LEFT, top, font=SANS, size=9, width=WIDTH)
    y = top
    if school:
        y -= 20
        c.setFillColor(INK)
        draw_fitted(c, school, LEFT, y, font=SANS_BOLD, size=15, width=WIDTH)
    y -= 13
    c.setFillColor(ACCENT)
    c.rect(LEFT, y, WIDTH, 2.2, stroke=0, fill=1)
    y -= title_size + 10
    draw_fitted(c, texts("form.title"), LEFT, y, font=SANS_BOLD, size=title_size, width=WIDTH)
    return y


def _footer(c: Any, texts: Texts, district: str, page: int) -> None:
    c.setFillColor(MUTED)
    line = texts("form.page_footer", district=district, page=page, pages=PAGES)
    draw_fitted(c, line, PAGE_WIDTH / 2, 30, font=SANS, size=7.5, width=WIDTH, align="center")


def _section_title(c: Any, text: str, y: float) -> float:
    c.setFillColor(ACCENT)
    draw_fitted(c, text, LEFT, y - 13, font=SANS_BOLD, size=12.5, width=WIDTH)
    return y - 22


# --- page 1: what the form is for ----------------------------------------------------------


_BODY_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0)
_TURN_OVER_Y = 52.0


def _instructions_page(c: Any, texts: Texts, district: str, school: str | None) -> None:
    """Page 1 at the largest body size whose text ends above the "please turn over" line."""
    size = _BODY_SIZES[-1]
    for candidate in _BODY_SIZES:
        scratch = new_canvas(io.BytesIO(), title="")
        if _instructions(scratch, texts, district, school, candidate) >= _TURN_OVER_Y + 18:
            size = candidate
            break
    _instructions(c, texts, district, school, size)
    c.setFillColor(ACCENT)
    draw_fitted(
        c,
        texts("form.turn_over"),
        RIGHT,
        _TURN_OVER_Y,
        font=SANS_BOLD,
        size=11,
        width=WIDTH,
        align="right",
    )
    _footer(c, texts, district, 1)


def _instructions(c: Any, texts: Texts, district: str, school: str | None, size: float) -> float:
    """Draw page 1's text with body text at `size`; returns the y where it ends."""
    y = _header(c, texts, district, school, title_size=24)
    c.setFillColor(MUTED)
    draw_fitted(c, texts("form.subtitle"), LEFT, y - 20, font=SANS, size=12, width=WIDTH)
    y -= 40
    body = paragraph_style(size, leading=size * 1.4)
    section_gap = size * 1.5

    y = _section_title(c, texts("form.what_title"), y)
    y -= draw_paragraph(c, texts("form.what"), LEFT, y, WIDTH, body) + section_gap

    y = _section_title(c, texts("form.bring_title"), y)
    y = draw_bullets(c, texts.lines("form.bring"), LEFT, y, WIDTH, body) - section_gap

    # What the parent receives, in a tinted panel: these three values are what the portal asks.
    y = _section_title(c, texts("form.receive_title"), y)
    items = texts.lines("form.receive")
    inner = WIDTH - 28
    panel_top = y
    height = 10 + paragraph_height(texts("form.receive_intro"), body, inner) + 6
    height += sum(paragraph_height(i, body, inner - 14) + size * 0.45 for i in items) + 6
    c.setFillColor(TINT)
    c.roundRect(LEFT, panel_top - height, WIDTH, height, 6, stroke=0, fill=1)
    y -= 10
    y -= draw_paragraph(c, texts("form.receive_intro"), LEFT + 14, y, inner, body) + 6
    draw_bullets(c, items, LEFT + 14, y, inner, body)
    y = panel_top - height - section_gap

    y = _section_title(c, texts("form.steps_title"), y)
    y = draw_numbered(c, texts.lines("form.steps"), LEFT, y, WIDTH, body, size * 0.6)
    y -= section_gap

    # Keep the slip private.
    note_style = paragraph_style(size - 1, leading=(size - 1) * 1.4)
    note_height = paragraph_height(texts("form.privacy"), note_style, WIDTH - 24) + 14
    c.setFillColor(NOTE_BG)
    c.rect(LEFT, y - note_height, WIDTH, note_height, stroke=0, fill=1)
    c.setFillColor(ACCENT)
    c.rect(LEFT, y - note_height, 3, note_height, stroke=0, fill=1)
    draw_paragraph(c, texts("form.privacy"), LEFT + 14, y - 7, WIDTH - 24, note_style)
    return y - note_height


# --- page 2: the form ----------------------------------------------------------------------


def _field(
    c: Any,
    label: str,
    x: float,
    top: float,
    width: float,
    *,
    height: float = FIELD_HEIGHT,
    value: str | None = None,
) -> None:
    """A write-in box with its label in the top-left corner (and an optional printed value)."""
    c.setStrokeColor(RULE)
    c.setLineWidth(0.8)
    c.setFillColor(WHITE)
    c.rect(x, top - height, width, height, stroke=1, fill=1)
    c.setFillColor(MUTED)
    draw_fitted(c, label, x + 5, top - 9.5, font=SANS, size=7.5, width=width - 10)
    if value:
        c.setFillColor(INK)
        draw_fitted(c, value, x + 8, top - height + 8, font=SANS_BOLD, size=12, width=width - 16)


def _group_label(c: Any, text: str, y: float) -> float:
    c.setFillColor(INK)
    draw_fitted(c, text, LEFT, y - 10, font=SANS_BOLD, size=9.5, width=WIDTH)
    return y - 15


def _checkbox(c: Any, x: float, baseline: float, label: str, width: float) -> float:
    """A square to tick, then its label; returns the x after the label."""
    c.setStrokeColor(INK)
    c.setLineWidth(0.9)
    c.setFillColor(WHITE)
    c.rect(x, baseline - 1.5, 10, 10, stroke=1, fill=1)
    c.setFillColor(INK)
    draw_fitted(c, label, x + 16, baseline, font=SANS, size=9.5, width=width - 16)
    return x + 16 + min(text_width(label, SANS, 9.5), width - 16)


def _form_page(c: Any, texts: Texts, district: str, school: str | None) -> None:
    y = _header(c, texts, district, None, title_size=18)
    c.setFillColor(MUTED)
    draw_fitted(c, texts("form.form_intro"), LEFT, y - 17, font=SANS, size=9.5, width=WIDTH)
    y -= 30
    step = FIELD_HEIGHT + FIELD_GAP
    gap = 8.0

    school_w = WIDTH * 0.55 - gap / 2
    _field(c, texts("form.school"), LEFT, y, school_w, value=school)
    _field(c, texts("form.permanent_id"), LEFT + school_w + gap, y, WIDTH - school_w - gap)
    y -= step + 4

    y = _group_label(c, texts("form.student_name"), y)
    first_w, mi_w = 210.0, 54.0
    _field(c, texts("form.first"), LEFT, y, first_w)
    _field(c, texts("form.mi"), LEFT + first_w + gap, y, mi_w)
    last_x = LEFT + first_w + mi_w + 2 * gap
    _field(c, texts("form.last"), last_x, y, RIGHT - last_x)
    y -= step + 4

    _field(c, texts("form.guardian_name"), LEFT, y, WIDTH)
    y -= step + 4

    y = _group_label(c, texts("form.address"), y)
    _field(c, texts("form.street"), LEFT, y, WIDTH)
    y -= step
    city_w, state_w = 250.0, 70.0
    _field(c, texts("form.city"), LEFT, y, city_w)
    _field(c, texts("form.state"), LEFT + city_w + gap, y, state_w)
    zip_x = LEFT + city_w + state_w + 2 * gap
    _field(c, texts("form.zip"), zip_x, y, RIGHT - zip_x)
    y -= step + 4

    phone_w = 190.0
    _field(c, texts("form.home_phone"), LEFT, y, phone_w)
    _field(c, texts("form.email"), LEFT + phone_w + gap, y, WIDTH - phone_w - gap)
    y -= step + 6

    declaration_style = paragraph_style(9, leading=12.5)
    y -= draw_paragraph(c, texts("form.declaration"), LEFT, y, WIDTH, declaration_style) + 8
    signature_w = 340.0
    _field(c, texts("form.signature"), LEFT, y, signature_w, height=44)
    _field(c, texts("form.date"), LEFT + signature_w + gap, y, WIDTH - signature_w - gap, height=44)
    y -= 44 + 24

    _office_box(c, texts, y)
    _footer(c, texts, district, 2)


def _office_box(c: Any, texts: Texts, top: float) -> None:
    """The clerk's part: when, who checked, and which photo ID was seen."""
    band = 20.0
    height = band + 12 + FIELD_HEIGHT + 12 + 16 + 20 + 22 + 12
    bottom = top - height
    c.setFillColor(NOTE_BG)
    c.setStrokeColor(INK)
    c.setLineWidth(1.4)
    c.rect(LEFT, bottom, WIDTH, height, stroke=1, fill=1)
    c.setFillColor(INK)
    c.rect(LEFT, top - band, WIDTH, band, stroke=0, fill=1)
    c.setFillColor(WHITE)
    title = texts("form.office_title").upper()
    draw_fitted(c, title, LEFT + 10, top - 14, font=SANS_BOLD, size=10, width=WIDTH - 20)

    inner_left = LEFT + 10
    inner_width = WIDTH - 20
    gap = 8.0
    y = top - band - 12
    date_w, initials_w = 120.0, 100.0
    _field(c, texts("form.office_date"), inner_left, y, date_w)
    verified_x = inner_left + date_w + gap
    verified_w = inner_width - date_w - initials_w - 2 * gap
    _field(c, texts("form.verified_by"), verified_x, y, verified_w)
    _field(c, texts("form.staff_initials"), verified_x + verified_w + gap, y, initials_w)
    y -= FIELD_HEIGHT + 12

    c.setFillColor(INK)
    draw_fitted(
        c, texts("form.verified_with"), inner_left, y - 9, font=SANS_BOLD, size=9, width=inner_width
    )
    y -= 16 + 14
    _checkbox(c, inner_left + 4, y, texts("form.ca_id"), inner_width - 4)
    y -= 22
    end = _checkbox(c, inner_left + 4, y, texts("form.other_id"), inner_width * 0.6)
    c.setStrokeColor(INK)
    c.setLineWidth(0.6)
    c.line(end + 6, y - 2, inner_left + inner_width, y - 2)
