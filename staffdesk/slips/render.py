"""Credential slips as PDF: one US Letter page per CredentialSlip, with a tear-off receipt strip.

A whole school is printed in August, so the part of a page that is the same on every slip of a
school and language (headings, steps, QR code, receipt labels) is drawn once into a PDF form and
referenced from each page; only names, ids and codes are drawn per page. The VPC is drawn only
above the cut line: the receipt strip the school keeps never carries it.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from staffdesk.domain.errors import PrintFailed, StaffDeskError, ValidationError
from staffdesk.slips.content import CredentialSlip, SlipStudent
from staffdesk.slips.drawing import (
    ACCENT,
    INK,
    MUTED,
    NOTE_BG,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TINT,
    WARN,
    WARN_BG,
    WHITE,
    dashed_line,
    draw_fitted,
    draw_numbered,
    draw_paragraph,
    markup,
    new_canvas,
    paragraph_height,
    paragraph_style,
    text_width,
    unmirrored,
    write_pdf,
    written_in,
)
from staffdesk.slips.fonts import MONO_BOLD, SANS, SANS_BOLD
from staffdesk.slips.qr import define_qr_form, draw_qr_form
from staffdesk.slips.texts import Texts, load_texts

log = logging.getLogger("staffdesk.print")

MAX_STUDENTS_PER_SLIP = 6
CUT_LINE_Y = 160.0  # points from the bottom edge: the school's receipt strip lies below it

LEFT = 54.0
RIGHT = PAGE_WIDTH - 54.0
WIDTH = RIGHT - LEFT

# Header, fixed.
Y_DISTRICT = PAGE_HEIGHT - 56
Y_SCHOOL = Y_DISTRICT - 20
Y_RULE = Y_SCHOOL - 13
Y_TITLE = Y_RULE - 27
Y_PREPARED = Y_TITLE - 20
BLOCK_TOP = Y_PREPARED - 16

# One student: details on the left, the VPC in a box on the right.
SINGLE_BLOCK_BOTTOM = BLOCK_TOP - 120
VPC_BOX_LEFT = 318.0

# Family slip table columns: (x, width).
COL_STUDENT = (LEFT, 168.0)
COL_ID = (LEFT + 176, 98.0)
COL_PHONE = (LEFT + 280, 104.0)
COL_VPC = (LEFT + 390, WIDTH - 390)

# Footer above the cut line, fixed: the flowing sections must end above FLOW_FLOOR.
NOTICE_BOTTOM = CUT_LINE_Y + 9
NOTICE_HEIGHT = 18.0
Y_ISSUED_PENDING = NOTICE_BOTTOM + NOTICE_HEIGHT + 8
Y_ISSUED = CUT_LINE_Y + 15
FLOW_FLOOR = Y_ISSUED_PENDING + 12

# Receipt strip.
Y_RECEIPT_TITLE = CUT_LINE_Y - 17
Y_RECEIPT_STATEMENT = Y_RECEIPT_TITLE - 13
Y_RECEIPT_LABELS = Y_RECEIPT_STATEMENT - 15
Y_RECEIPT_FIRST_ROW = Y_RECEIPT_LABELS - 12
RECEIPT_ROW = 11.0
RECEIPT_LIST_WIDTH = 316.0
RECEIPT_GUARDIAN_X = LEFT + 336
Y_SIGNATURE_LINE = 50.0


@dataclass(frozen=True, slots=True)
class _Density:
    """How tightly the steps section is set; denser ones are tried when a family table is long."""

    step_size: float
    step_leading: float
    step_gap: float
    qr_size: float
    note_size: float


_DENSITIES = (
    _Density(10.0, 13.4, 7.0, 110.0, 8.8),
    _Density(9.5, 12.6, 6.0, 104.0, 8.5),
    _Density(9.0, 11.6, 4.5, 92.0, 8.0),
    _Density(8.5, 10.8, 3.5, 82.0, 7.6),
    _Density(8.0, 10.0, 2.5, 74.0, 7.3),
    _Density(7.5, 9.3, 2.0, 68.0, 7.0),
)


@dataclass(frozen=True, slots=True)
class _StaticKey:
    language: str
    district_name: str
    school_name: str
    portal_url: str
    support_email: str
    students: int


@dataclass(frozen=True, slots=True)
class _Table:
    """Where a family slip's rows go."""

    rows_top: float
    row_height: float


def render_slips(
    slips: Sequence[CredentialSlip],
    out: BinaryIO | str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Draw one page per slip into `out` (a path, written only once complete, or a binary file).

    Returns the number of pages. `progress(done, total)` is called after every page;
    `cancelled()` is asked before every page and, when true, stops with PrintFailed and writes
    nothing. Bad slips raise ValidationError before anything is drawn.
    """
    texts = _validate(slips)
    total = len(slips)
    buffer = io.BytesIO()
    try:
        canvas = new_canvas(buffer, title=texts[slips[0].language]("slip.document_title"))
        document = _SlipDocument(canvas)
    except StaffDeskError:
        raise
    except Exception as exc:
        raise _drawing_failed(exc) from exc
    for done, slip in enumerate(slips):
        if cancelled is not None and cancelled():
            raise PrintFailed(f"cancelled after {done} of {total} slips; nothing was saved")
        try:
            document.draw(slip, texts[slip.language])
            canvas.showPage()
        except StaffDeskError:
            raise
        except Exception as exc:
            raise _drawing_failed(exc, page=done + 1) from exc
        if progress is not None:
            progress(done + 1, total)
    try:
        canvas.save()
    except Exception as exc:
        raise _drawing_failed(exc) from exc
    write_pdf(buffer.getvalue(), out)
    return total


def render_slips_bytes(
    slips: Sequence[CredentialSlip],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """render_slips into memory: the PDF bytes (for a print preview or the print spooler)."""
    buffer = io.BytesIO()
    render_slips(slips, buffer, progress=progress, cancelled=cancelled)
    return buffer.getvalue()


def _validate(slips: Sequence[CredentialSlip]) -> dict[str, Texts]:
    if not slips:
        raise ValidationError("slips", "nothing to print: expected at least one credential slip")
    texts: dict[str, Texts] = {}
    for slip in slips:
        if slip.language not in texts:
            texts[slip.language] = load_texts(slip.language)
        if not slip.students:
            raise ValidationError("students", "a credential slip needs at least one student")
        if len(slip.students) > MAX_STUDENTS_PER_SLIP:
            raise ValidationError(
                "students",
                f"a family slip holds at most {MAX_STUDENTS_PER_SLIP} students, got "
                f"{len(slip.students)}: print the others on a second slip",
            )
        if slip.issued_at.tzinfo is None or slip.issued_at.utcoffset() is None:
            raise ValidationError("issued_at", "expected a timezone-aware time (UTC)")
    return texts


def _drawing_failed(exc: Exception, page: int | None = None) -> PrintFailed:
    where = f" on page {page}" if page is not None else ""
    log.error("slip rendering failed%s: %s", where, type(exc).__name__)
    return PrintFailed(f"could not draw the credential slips{where}: {type(exc).__name__}: {exc}")


class _SlipDocument:
    """One PDF being drawn: remembers the forms already defined in it."""

    def __init__(self, canvas: Any) -> None:
        self._canvas = canvas
        self._qr_forms: dict[str, tuple[str, int]] = {}
        self._static_forms: dict[_StaticKey, str] = {}

    def draw(self, slip: CredentialSlip, texts: Texts) -> None:
        key = _StaticKey(
            slip.language,
            slip.district_name,
            slip.school_name,
            slip.portal_url,
            slip.support_email,
            len(slip.students),
        )
        form = self._static_forms.get(key)
        if form is None:
            form = self._define_static(key, texts)
        c = self._canvas
        c.doForm(form)
        with written_in(c, texts.language, texts.rtl):
            _draw_variable(c, slip, texts)

    def _qr_form(self, url: str) -> tuple[str, int]:
        found = self._qr_forms.get(url)
        if found is None:
            name = f"portalqr{len(self._qr_forms)}"
            found = (name, define_qr_form(self._canvas, name, url))
            self._qr_forms[url] = found
        return found

    def _define_static(self, key: _StaticKey, texts: Texts) -> str:
        qr = self._qr_form(key.portal_url)
        name = f"slipbase{len(self._static_forms)}"
        c = self._canvas
        c.beginForm(name)
        with written_in(c, texts.language, texts.rtl):
            _draw_static(c, key, texts, qr)
        c.endForm()
        self._static_forms[key] = name
        return name


# --- the part shared by every slip of a school and language -------------------------------


def _table(students: int, intro_height: float) -> _Table:
    row_height = 38.0 if students <= 3 else 32.0 if students == 4 else 27.0
    return _Table(rows_top=BLOCK_TOP - intro_height - 8 - 22, row_height=row_height)


def _family_intro_height(texts: Texts) -> float:
    style = paragraph_style(8.5, color=MUTED, language=texts.language)
    return paragraph_height(markup(texts("slip.family_intro")), style, WIDTH)


def _block_bottom(key: _StaticKey, texts: Texts) -> float:
    if key.students == 1:
        return SINGLE_BLOCK_BOTTOM
    table = _table(key.students, _family_intro_height(texts))
    return table.rows_top - key.students * table.row_height


def _draw_static(c: Any, key: _StaticKey, texts: Texts, qr: tuple[str, int]) -> None:
    # Header.
    c.setFillColor(MUTED)
    draw_fitted(c, key.district_name.upper(), LEFT, Y_DISTRICT, font=SANS, size=9, width=330)
    c.setFillColor(INK)
    draw_fitted(c, key.school_name, LEFT, Y_SCHOOL, font=SANS_BOLD, size=15, width=WIDTH)
    c.setFillColor(ACCENT)
    c.rect(LEFT, Y_RULE, WIDTH, 2.2, stroke=0, fill=1)
    draw_fitted(c, texts("slip.title"), LEFT, Y_TITLE, font=SANS_BOLD, size=19, width=WIDTH)

    if key.students == 1:
        _draw_single_labels(c, texts)
    else:
        _draw_family_grid(c, key, texts)

    _draw_flow(c, key, texts, qr, top=_block_bottom(key, texts) - 22)
    _draw_receipt_labels(c, texts, key.students)


def _draw_single_labels(c: Any, texts: Texts) -> None:
    label_width = VPC_BOX_LEFT - LEFT - 16
    c.setFillColor(MUTED)
    for text, y in (
        (texts("slip.student").upper(), BLOCK_TOP - 10),
        (texts("slip.permanent_id"), BLOCK_TOP - 60),
        (texts("slip.phone"), BLOCK_TOP - 95),
    ):
        draw_fitted(c, text, LEFT, y, font=SANS, size=8.5, width=label_width)
    # The VPC box.
    c.setFillColor(TINT)
    c.setStrokeColor(ACCENT)
    c.setLineWidth(1.4)
    height = BLOCK_TOP - SINGLE_BLOCK_BOTTOM
    c.roundRect(
        VPC_BOX_LEFT, SINGLE_BLOCK_BOTTOM, RIGHT - VPC_BOX_LEFT, height, 8, stroke=1, fill=1
    )
    c.setFillColor(ACCENT)
    centre = (VPC_BOX_LEFT + RIGHT) / 2
    draw_fitted(
        c,
        texts("slip.vpc"),
        centre,
        BLOCK_TOP - 24,
        font=SANS_BOLD,
        size=10.5,
        width=RIGHT - VPC_BOX_LEFT - 24,
        align="center",
    )


def _draw_family_grid(c: Any, key: _StaticKey, texts: Texts) -> None:
    intro_height = draw_paragraph(
        c,
        markup(texts("slip.family_intro")),
        LEFT,
        BLOCK_TOP,
        WIDTH,
        paragraph_style(8.5, color=MUTED, language=texts.language),
    )
    table = _table(key.students, intro_height)
    header_top = table.rows_top + 22
    c.setFillColor(MUTED)
    for label, (x, width) in (
        (texts("slip.student"), COL_STUDENT),
        (texts("slip.permanent_id_short"), COL_ID),
        (texts("slip.phone_short"), COL_PHONE),
        (texts("slip.vpc"), COL_VPC),
    ):
        draw_paragraph(
            c,
            f"<b>{markup(label)}</b>",
            x,
            header_top,
            width,
            paragraph_style(7.5, color=MUTED, language=texts.language),
        )
    c.setStrokeColor(ACCENT)
    c.setLineWidth(1.0)
    c.line(LEFT, table.rows_top, RIGHT, table.rows_top)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.setFillColor(TINT)
    vpc_x, vpc_width = COL_VPC
    for row in range(key.students):
        top = table.rows_top - row * table.row_height
        bottom = top - table.row_height
        c.roundRect(vpc_x, bottom + 2.5, vpc_width, table.row_height - 5, 4, stroke=0, fill=1)
        c.line(LEFT, bottom, RIGHT, bottom)


@dataclass(frozen=True, slots=True)
class _FlowPlan:
    density: _Density
    steps: tuple[str, ...]
    step_heights: tuple[float, ...]
    note: str
    note_height: float
    help: str
    help_height: float
    bottom: float


def _plan_flow(key: _StaticKey, texts: Texts, top: float) -> _FlowPlan:
    """Measure the steps, note and help at the loosest density that ends above the footer."""
    steps = texts.lines("slip.steps", portal_url=markup(key.portal_url))
    note = f"<b>{markup(texts('slip.keep_private_title'))}</b> {markup(texts('slip.keep_private'))}"
    help_text = texts("slip.help", support_email=markup(key.support_email))
    plan: _FlowPlan | None = None
    lang = texts.language
    for density in _DENSITIES:
        step_style = paragraph_style(density.step_size, leading=density.step_leading, language=lang)
        width = _steps_width(density)
        heights = tuple(paragraph_height(s, step_style, width) for s in steps)
        steps_height = sum(heights) + density.step_gap * (len(steps) - 1)
        qr_column = density.qr_size + 18
        section_top = top - 24
        below_steps = section_top - max(steps_height, qr_column) - 12
        note_style = paragraph_style(density.note_size, language=lang)
        help_style = paragraph_style(density.note_size + 0.5, language=lang)
        note_height = paragraph_height(note, note_style, WIDTH - 22) + 14
        help_height = paragraph_height(help_text, help_style, WIDTH)
        bottom = below_steps - note_height - 8 - help_height
        plan = _FlowPlan(density, steps, heights, note, note_height, help_text, help_height, bottom)
        if bottom >= FLOW_FLOOR:
            return plan
    assert plan is not None
    log.warning("slip text does not fit at the densest setting (%s)", key.language)
    return plan


def _steps_width(density: _Density) -> float:
    """Text column of the steps: what the QR code (and its caption) leave free."""
    return WIDTH - 22 - _qr_column_width(density) - 12


def _qr_column_width(density: _Density) -> float:
    return max(density.qr_size, 96.0) + 16


def _draw_flow(c: Any, key: _StaticKey, texts: Texts, qr: tuple[str, int], top: float) -> None:
    plan = _plan_flow(key, texts, top)
    density = plan.density
    c.setFillColor(INK)
    draw_fitted(
        c, texts("slip.steps_title"), LEFT, top - 13, font=SANS_BOLD, size=12.5, width=WIDTH
    )
    section_top = top - 24

    # Numbered steps, with the QR code of the portal address to their right.
    lang = texts.language
    style = paragraph_style(density.step_size, leading=density.step_leading, language=lang)
    steps_bottom = draw_numbered(
        c,
        plan.steps,
        LEFT,
        section_top,
        _steps_width(density) + 22,
        style,
        density.step_gap,
        plan.step_heights,
    )

    qr_name, modules = qr
    column_width = _qr_column_width(density)
    column_centre = RIGHT - column_width / 2
    qr_top = section_top + 2
    with unmirrored(c, column_centre - density.qr_size / 2, density.qr_size) as qr_x:
        draw_qr_form(c, qr_name, modules, qr_x, qr_top - density.qr_size, density.qr_size)
    c.setFillColor(MUTED)
    caption_y = qr_top - density.qr_size - 12
    draw_fitted(
        c,
        texts("slip.qr_caption"),
        column_centre,
        caption_y,
        font=SANS,
        size=7.5,
        width=column_width,
        align="center",
    )
    qr_bottom = caption_y - 6

    # Keep it private, then where to get help.
    note_top = min(steps_bottom, qr_bottom) - 12
    c.setFillColor(NOTE_BG)
    c.rect(LEFT, note_top - plan.note_height, WIDTH, plan.note_height, stroke=0, fill=1)
    c.setFillColor(ACCENT)
    c.rect(LEFT, note_top - plan.note_height, 3, plan.note_height, stroke=0, fill=1)
    draw_paragraph(
        c,
        plan.note,
        LEFT + 14,
        note_top - 7,
        WIDTH - 22,
        paragraph_style(density.note_size, language=lang),
    )
    draw_paragraph(
        c,
        plan.help,
        LEFT,
        note_top - plan.note_height - 8,
        WIDTH,
        paragraph_style(density.note_size + 0.5, language=lang),
    )


RECEIPT_LABEL_SIZE = 8.0  # the smallest text on the strip the school keeps: labels stay legible


def _draw_receipt_labels(c: Any, texts: Texts, students: int) -> None:
    # The cut line, its label on a white patch so the dashes stop around it.
    dashed_line(c, 24, PAGE_WIDTH - 24, CUT_LINE_Y)
    label = texts("receipt.cut_here")
    size = RECEIPT_LABEL_SIZE
    width = min(text_width(label, SANS, size, language=texts.language), PAGE_WIDTH - 100) + 12
    c.setFillColor(WHITE)
    c.rect((PAGE_WIDTH - width) / 2, CUT_LINE_Y - 5, width, 10, stroke=0, fill=1)
    c.setFillColor(MUTED)
    draw_fitted(
        c,
        label,
        PAGE_WIDTH / 2,
        CUT_LINE_Y - 3,
        font=SANS,
        size=size,
        width=width - 12,
        min_size=size,
        align="center",
    )

    c.setFillColor(INK)
    draw_fitted(
        c, texts("receipt.title"), LEFT, Y_RECEIPT_TITLE, font=SANS_BOLD, size=11, width=260
    )
    c.setFillColor(MUTED)
    draw_fitted(
        c,
        texts("receipt.file_note"),
        RIGHT,
        Y_RECEIPT_TITLE,
        font=SANS,
        size=size,
        width=WIDTH - 270,
        min_size=size,
        align="right",
    )
    draw_fitted(
        c,
        texts("receipt.statement"),
        LEFT,
        Y_RECEIPT_STATEMENT,
        font=SANS,
        size=8.5,
        width=WIDTH,
        min_size=size,
    )
    for x, serial_width, name_width in _receipt_columns(students):
        for key, left, column in (
            ("receipt.serial", x, serial_width),
            ("receipt.student", x + serial_width + 6, name_width),
        ):
            draw_fitted(
                c,
                texts(key),
                left,
                Y_RECEIPT_LABELS,
                font=SANS,
                size=size,
                width=column,
                min_size=size,
            )
    draw_fitted(
        c,
        texts("receipt.guardian"),
        RECEIPT_GUARDIAN_X,
        Y_RECEIPT_LABELS,
        font=SANS,
        size=size,
        width=RIGHT - RECEIPT_GUARDIAN_X,
        min_size=size,
    )

    # Signature, date and initials lines.
    c.setStrokeColor(INK)
    c.setLineWidth(0.6)
    for label_key, x1, x2 in _signature_lines():
        c.line(x1, Y_SIGNATURE_LINE, x2, Y_SIGNATURE_LINE)
        draw_fitted(
            c,
            texts(label_key),
            x1,
            Y_SIGNATURE_LINE - 11,
            font=SANS,
            size=size,
            width=x2 - x1,
            min_size=size,
        )


def _signature_lines() -> tuple[tuple[str, float, float], ...]:
    return (
        ("receipt.received_by", LEFT, LEFT + 250),
        ("receipt.date", LEFT + 266, LEFT + 376),
        ("receipt.staff_initials", LEFT + 392, RIGHT),
    )


def _receipt_columns(students: int) -> tuple[tuple[float, float, float], ...]:
    """(x, serial width, name width) of each column of the receipt's student list."""
    if students <= 3:
        return ((LEFT, 76.0, RECEIPT_LIST_WIDTH - 82),)
    half = (RECEIPT_LIST_WIDTH - 12) / 2
    return ((LEFT, 60.0, half - 66), (LEFT + half + 12, 60.0, half - 66))


# --- the part that differs on every page ---------------------------------------------------


def _draw_variable(c: Any, slip: CredentialSlip, texts: Texts) -> None:
    c.setFillColor(INK)
    prepared = texts("slip.prepared_for", guardian=slip.guardian_name)
    draw_fitted(c, prepared, LEFT, Y_PREPARED, font=SANS, size=10.5, width=WIDTH)
    if len(slip.students) == 1:
        _draw_single_values(c, slip.students[0], texts)
    else:
        _draw_family_rows(c, slip, texts)
    _draw_issued(c, slip, texts)
    _draw_receipt_values(c, slip)


def _draw_single_values(c: Any, student: SlipStudent, texts: Texts) -> None:
    c.setFillColor(MUTED)
    slip_no = texts("slip.slip_no", serial=student.serial)
    draw_fitted(c, slip_no, RIGHT, Y_DISTRICT, font=SANS, size=9, width=180, align="right")
    width = VPC_BOX_LEFT - LEFT - 16
    c.setFillColor(INK)
    draw_fitted(
        c,
        student.full_name,
        LEFT,
        BLOCK_TOP - 28,
        font=SANS_BOLD,
        size=16,
        width=width,
        min_size=9,
        value=True,
    )
    if student.grade:
        c.setFillColor(MUTED)
        grade = texts("slip.grade", grade=student.grade)
        draw_fitted(c, grade, LEFT, BLOCK_TOP - 42.5, font=SANS, size=9, width=width)
    c.setFillColor(INK)
    for token, y in (
        (student.permanent_id, BLOCK_TOP - 76),
        (student.phone_display, BLOCK_TOP - 111),
    ):
        draw_fitted(c, token, LEFT, y, font=SANS_BOLD, size=14, width=width, min_size=9, value=True)
    centre = (VPC_BOX_LEFT + RIGHT) / 2
    box_width = RIGHT - VPC_BOX_LEFT - 24
    draw_fitted(
        c,
        student.vpc_grouped,
        centre,
        BLOCK_TOP - 70,
        font=MONO_BOLD,
        size=30,
        width=box_width,
        min_size=14,
        align="center",
        value=True,
    )
    expires = texts("slip.expires", date=texts.format_date(student.expires_on))
    draw_fitted(
        c, expires, centre, BLOCK_TOP - 100, font=SANS, size=10, width=box_width, align="center"
    )


def _draw_family_rows(c: Any, slip: CredentialSlip, texts: Texts) -> None:
    table = _table(len(slip.students), _family_intro_height_cached(texts))
    compact = table.row_height < 30
    name_size, sub_size = (10.0, 6.8) if compact else (11.0, 7.5)
    vpc_size, expires_size = (12.0, 6.5) if compact else (13.5, 7.0)
    vpc_x, vpc_width = COL_VPC
    vpc_centre = vpc_x + vpc_width / 2
    for row, student in enumerate(slip.students):
        top = table.rows_top - row * table.row_height
        middle = top - table.row_height / 2
        x, width = COL_STUDENT
        c.setFillColor(INK)
        draw_fitted(
            c,
            student.full_name,
            x,
            middle + 2,
            font=SANS_BOLD,
            size=name_size,
            width=width - 6,
            value=True,
        )
        sub = texts("slip.serial", serial=student.serial)
        if student.grade:
            sub = f"{texts('slip.grade', grade=student.grade)} · {sub}"
        c.setFillColor(MUTED)
        draw_fitted(c, sub, x, middle - 9, font=SANS, size=sub_size, width=width - 6)
        c.setFillColor(INK)
        for token, (col_x, col_width) in (
            (student.permanent_id, COL_ID),
            (student.phone_display, COL_PHONE),
        ):
            draw_fitted(
                c,
                token,
                col_x,
                middle - 4,
                font=SANS_BOLD,
                size=name_size,
                width=col_width - 6,
                value=True,
            )
        draw_fitted(
            c,
            student.vpc_grouped,
            vpc_centre,
            middle - 1,
            font=MONO_BOLD,
            size=vpc_size,
            width=vpc_width - 10,
            align="center",
            value=True,
        )
        c.setFillColor(MUTED)
        expires = texts("slip.expires", date=texts.format_date(student.expires_on))
        draw_fitted(
            c,
            expires,
            vpc_centre,
            middle - 1 - expires_size - 2.5,
            font=SANS,
            size=expires_size,
            width=vpc_width - 10,
            align="center",
        )


_intro_heights: dict[str, float] = {}


def _family_intro_height_cached(texts: Texts) -> float:
    height = _intro_heights.get(texts.language)
    if height is None:
        height = _intro_heights[texts.language] = _family_intro_height(texts)
    return height


def _draw_issued(c: Any, slip: CredentialSlip, texts: Texts) -> None:
    local = slip.issued_at.astimezone()
    issued = texts(
        "slip.issued",
        issued_by=slip.issued_by,
        school=slip.school_name,
        date=texts.format_date(local.date()),
        time=texts.format_time(local),
        workstation=slip.workstation,
    )
    c.setFillColor(MUTED)
    y = Y_ISSUED_PENDING if slip.pending_sync else Y_ISSUED
    draw_fitted(c, issued, LEFT, y, font=SANS, size=7.5, width=WIDTH, min_size=5.5)
    if slip.pending_sync:
        c.setFillColor(WARN_BG)
        c.setStrokeColor(WARN)
        c.setLineWidth(0.8)
        c.roundRect(LEFT, NOTICE_BOTTOM, WIDTH, NOTICE_HEIGHT, 3, stroke=1, fill=1)
        c.setFillColor(WARN)
        draw_fitted(
            c,
            texts("slip.pending_sync"),
            PAGE_WIDTH / 2,
            NOTICE_BOTTOM + 5.5,
            font=SANS_BOLD,
            size=8.5,
            width=WIDTH - 16,
            min_size=6,
            align="center",
        )


def _draw_receipt_values(c: Any, slip: CredentialSlip) -> None:
    """Serials and names only: the receipt strip never carries a VPC."""
    columns = _receipt_columns(len(slip.students))
    rows_per_column = 3
    c.setFillColor(INK)
    for index, student in enumerate(slip.students):
        x, serial_width, name_width = columns[index // rows_per_column]
        y = Y_RECEIPT_FIRST_ROW - (index % rows_per_column) * RECEIPT_ROW
        size = 9.0 if len(columns) == 1 else 8.0
        draw_fitted(
            c, student.serial, x, y, font=SANS_BOLD, size=size, width=serial_width, value=True
        )
        draw_fitted(
            c,
            student.full_name,
            x + serial_width + 6,
            y,
            font=SANS,
            size=size,
            width=name_width,
            value=True,
        )
    draw_fitted(
        c,
        slip.guardian_name,
        RECEIPT_GUARDIAN_X,
        Y_RECEIPT_FIRST_ROW,
        font=SANS,
        size=9,
        width=RIGHT - RECEIPT_GUARDIAN_X,
        value=True,
    )
