"""The blank two-sided Parent Access Form for the front counter: instructions, then the form.

Page 1 tells the parent what the form is for, what ID to bring and what they will receive; page 2
is the form itself with an "office use only" box for the clerk who checks the photo ID.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from staffdesk.domain.errors import PrintFailed, StaffDeskError, ValidationError
from staffdesk.domain.messages import msg
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
    page_language,
    paragraph_height,
    paragraph_style,
    text_width,
    write_pdf,
    written_in,
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
        raise ValidationError("district_name", msg("form.district_name"))
    buffer = io.BytesIO()
    try:
        canvas = new_canvas(buffer, title=texts("form.document_title"))
        with written_in(canvas, texts.language, texts.rtl):
            _instructions_page(canvas, texts, district_name, school_name)
        canvas.showPage()
        with written_in(canvas, texts.language, texts.rtl):
            _form_page(canvas, texts, district_name, school_name)
        canvas.showPage()
        canvas.save()
    except StaffDeskError:
        raise
    except Exception as exc:
        log.error("blank form rendering failed: %s", type(exc).__name__)
        raise PrintFailed(msg("form.cannot_draw", reason=f"{type(exc).__name__}: {exc}")) from exc
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
    draw_fitted(c, district.upper(), LEFT, top, font=SANS, size=9, width=WIDTH, value=True)
    y = top
    if school:
        y -= 20
        c.setFillColor(INK)
        draw_fitted(c, school, LEFT, y, font=SANS_BOLD, size=15, width=WIDTH, value=True)
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


_BODY_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5)
_TURN_OVER_Y = 52.0


def _instructions_page(c: Any, texts: Texts, district: str, school: str | None) -> None:
    """Page 1 at the largest body size whose text ends above the "please turn over" line."""
    size = _BODY_SIZES[-1]
    for candidate in _BODY_SIZES:
        scratch = new_canvas(io.BytesIO(), title="")
        with written_in(scratch, texts.language, texts.rtl):
            bottom = _instructions(scratch, texts, district, school, candidate)
        if bottom >= _TURN_OVER_Y + 18:
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


_KIND_COLUMNS = 3


def _kinds(c: Any, texts: Texts, y: float, size: float) -> float:
    """The twelve kinds of information the portal shows, in three columns; returns the y below."""
    kinds = texts.lines("form.kinds")
    rows = -(-len(kinds) // _KIND_COLUMNS)
    gap = 10.0
    column = (WIDTH - 14 - gap * (_KIND_COLUMNS - 1)) / _KIND_COLUMNS
    style = paragraph_style(size - 0.5, leading=(size - 0.5) * 1.3, language=texts.language)
    bottom = y
    for index in range(_KIND_COLUMNS):
        items = tuple(kinds[index * rows : (index + 1) * rows])
        x = LEFT + 14 + index * (column + gap)
        bottom = min(bottom, draw_bullets(c, items, x, y, column, style))
    return bottom


def _instructions(c: Any, texts: Texts, district: str, school: str | None, size: float) -> float:
    """Draw page 1's text with body text at `size`; returns the y where it ends."""
    lang = texts.language
    y = _header(c, texts, district, school, title_size=24)
    c.setFillColor(MUTED)
    draw_fitted(c, texts("form.subtitle"), LEFT, y - 20, font=SANS, size=12, width=WIDTH)
    y -= 36
    body = paragraph_style(size, leading=size * 1.4, language=lang)
    section_gap = size * 1.3

    y = _section_title(c, texts("form.what_title"), y)
    y -= draw_paragraph(c, texts("form.what"), LEFT, y, WIDTH, body) + size * 0.4
    y = _kinds(c, texts, y, size) - size * 0.4
    y -= draw_paragraph(c, texts("form.what_after"), LEFT, y, WIDTH, body) + section_gap

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
    note_style = paragraph_style(size - 1, leading=(size - 1) * 1.4, language=lang)
    note_height = paragraph_height(texts("form.privacy"), note_style, WIDTH - 24) + 14
    c.setFillColor(NOTE_BG)
    c.rect(LEFT, y - note_height, WIDTH, note_height, stroke=0, fill=1)
    c.setFillColor(ACCENT)
    c.rect(LEFT, y - note_height, 3, note_height, stroke=0, fill=1)
    draw_paragraph(c, texts("form.privacy"), LEFT + 14, y - 7, WIDTH - 24, note_style)
    return y - note_height


# --- page 2: the form ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _FormFit:
    """How tightly page 2 is set: the terms' text size and the write-in boxes' height."""

    text_size: float
    field_height: float


_FORM_FITS = (
    _FormFit(9.0, 34.0),
    _FormFit(8.5, 32.0),
    _FormFit(8.0, 30.0),
    _FormFit(7.5, 28.0),
)
_FORM_FLOOR = 44.0  # the office box ends above the footer


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
        draw_fitted(
            c, value, x + 8, top - height + 7, font=SANS_BOLD, size=12, width=width - 16, value=True
        )


def _group_label(c: Any, text: str, y: float) -> float:
    c.setFillColor(INK)
    draw_fitted(c, text, LEFT, y - 10, font=SANS_BOLD, size=9.5, width=WIDTH)
    return y - 14


def _checkbox(c: Any, x: float, baseline: float, label: str, width: float) -> float:
    """A square to tick, then its label; returns the x after the label."""
    c.setStrokeColor(INK)
    c.setLineWidth(0.9)
    c.setFillColor(WHITE)
    c.rect(x, baseline - 1.5, 10, 10, stroke=1, fill=1)
    c.setFillColor(INK)
    used = draw_fitted(c, label, x + 16, baseline, font=SANS, size=9, width=width - 16)
    language = page_language(c)
    return x + 16 + min(text_width(label, SANS, used, language=language), width - 16)


def _form_page(c: Any, texts: Texts, district: str, school: str | None) -> None:
    """Page 2 at the loosest setting whose office box ends above the footer."""
    fit = _FORM_FITS[-1]
    for candidate in _FORM_FITS:
        scratch = new_canvas(io.BytesIO(), title="")
        with written_in(scratch, texts.language, texts.rtl):
            if _form(scratch, texts, district, school, candidate) >= _FORM_FLOOR:
                fit = candidate
                break
    _form(c, texts, district, school, fit)
    _footer(c, texts, district, 2)


def _form(c: Any, texts: Texts, district: str, school: str | None, fit: _FormFit) -> float:
    """Draw the form; returns the y where the office box ends."""
    lang = texts.language
    height = fit.field_height
    y = _header(c, texts, district, None, title_size=18)
    c.setFillColor(MUTED)
    draw_fitted(c, texts("form.form_intro"), LEFT, y - 16, font=SANS, size=9.5, width=WIDTH)
    y -= 26
    step = height + 6
    gap = 8.0

    school_w = WIDTH * 0.55 - gap / 2
    _field(c, texts("form.school"), LEFT, y, school_w, height=height, value=school)
    _field(
        c,
        texts("form.permanent_id"),
        LEFT + school_w + gap,
        y,
        WIDTH - school_w - gap,
        height=height,
    )
    y -= step + 2

    y = _group_label(c, texts("form.student_name"), y)
    first_w, mi_w = 200.0, 64.0
    _field(c, texts("form.first"), LEFT, y, first_w, height=height)
    _field(c, texts("form.mi"), LEFT + first_w + gap, y, mi_w, height=height)
    last_x = LEFT + first_w + mi_w + 2 * gap
    _field(c, texts("form.last"), last_x, y, RIGHT - last_x, height=height)
    y -= step + 2

    _field(c, texts("form.guardian_name"), LEFT, y, WIDTH, height=height)
    y -= step + 2

    y = _group_label(c, texts("form.address"), y)
    _field(c, texts("form.street"), LEFT, y, WIDTH, height=height)
    y -= step
    city_w, state_w = 250.0, 70.0
    _field(c, texts("form.city"), LEFT, y, city_w, height=height)
    _field(c, texts("form.state"), LEFT + city_w + gap, y, state_w, height=height)
    zip_x = LEFT + city_w + state_w + 2 * gap
    _field(c, texts("form.zip"), zip_x, y, RIGHT - zip_x, height=height)
    y -= step + 2

    phone_w = 190.0
    _field(c, texts("form.home_phone"), LEFT, y, phone_w, height=height)
    _field(c, texts("form.email"), LEFT + phone_w + gap, y, WIDTH - phone_w - gap, height=height)
    y -= step + 4

    size = fit.text_size
    body = paragraph_style(size, leading=size * 1.35, language=lang)
    y -= draw_paragraph(c, texts("form.declaration"), LEFT, y, WIDTH, body) + 5
    c.setFillColor(INK)
    draw_fitted(
        c, texts("form.terms_title"), LEFT, y - size, font=SANS_BOLD, size=size, width=WIDTH
    )
    y -= size + 5
    terms = paragraph_style(size - 0.5, leading=(size - 0.5) * 1.3, language=lang)
    y = draw_bullets(c, texts.lines("form.terms"), LEFT, y, WIDTH, terms) - 8

    signature_w = 340.0
    sign_height = height + 4
    _field(c, texts("form.signature"), LEFT, y, signature_w, height=sign_height)
    _field(
        c,
        texts("form.date"),
        LEFT + signature_w + gap,
        y,
        WIDTH - signature_w - gap,
        height=sign_height,
    )
    y -= sign_height + 14
    return _office_box(c, texts, y, height)


def _office_box(c: Any, texts: Texts, top: float, field_height: float) -> float:
    """The clerk's part: when, who checked, which photo ID was seen, and the authorized signer's
    statement that it was; returns the y of its bottom edge."""
    band = 18.0
    height = band + 8 + field_height + 8 + 14 + 16 + 14 + field_height + 8
    bottom = top - height
    c.setFillColor(NOTE_BG)
    c.setStrokeColor(INK)
    c.setLineWidth(1.4)
    c.rect(LEFT, bottom, WIDTH, height, stroke=1, fill=1)
    c.setFillColor(INK)
    c.rect(LEFT, top - band, WIDTH, band, stroke=0, fill=1)
    c.setFillColor(WHITE)
    title = texts("form.office_title").upper()
    draw_fitted(c, title, LEFT + 10, top - 13, font=SANS_BOLD, size=10, width=WIDTH - 20)

    inner_left = LEFT + 10
    inner_width = WIDTH - 20
    gap = 8.0
    y = top - band - 8
    date_w, initials_w = 110.0, 110.0
    _field(c, texts("form.office_date"), inner_left, y, date_w, height=field_height)
    verified_x = inner_left + date_w + gap
    verified_w = inner_width - date_w - initials_w - 2 * gap
    _field(c, texts("form.verified_by"), verified_x, y, verified_w, height=field_height)
    _field(
        c,
        texts("form.staff_initials"),
        verified_x + verified_w + gap,
        y,
        initials_w,
        height=field_height,
    )
    y -= field_height + 8

    c.setFillColor(INK)
    draw_fitted(
        c, texts("form.verified_with"), inner_left, y - 9, font=SANS_BOLD, size=9, width=inner_width
    )
    y -= 14 + 12
    half = inner_width / 2
    _checkbox(c, inner_left + 4, y, texts("form.ca_id"), half - 8)
    end = _checkbox(c, inner_left + half, y, texts("form.other_id"), half * 0.7)
    c.setStrokeColor(INK)
    c.setLineWidth(0.6)
    c.line(end + 6, y - 2, inner_left + inner_width, y - 2)
    y -= 16

    c.setFillColor(INK)
    draw_fitted(
        c,
        texts("form.office_confirm"),
        inner_left,
        y - 2,
        font=SANS,
        size=9,
        width=inner_width,
        min_size=7,
    )
    y -= 10
    _field(
        c, texts("form.authorized_signature"), inner_left, y, inner_width * 0.6, height=field_height
    )
    return bottom
