"""The part of a credential slip shared by every slip of a school and language: headings,
labels, the family table's grid, the steps with the QR code and the receipt strip's labels,
drawn once into a PDF form (slips/render.py)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from staffdesk.slips.drawing import (
    ACCENT,
    INK,
    MUTED,
    NOTE_BG,
    PAGE_WIDTH,
    RULE,
    TINT,
    WHITE,
    dashed_line,
    draw_fitted,
    draw_numbered,
    draw_paragraph,
    markup,
    paragraph_height,
    paragraph_style,
    text_width,
    unmirrored,
)
from staffdesk.slips.fonts import SANS, SANS_BOLD
from staffdesk.slips.qr import draw_qr_form
from staffdesk.slips.slip_geometry import (
    BLOCK_TOP,
    COL_ID,
    COL_PHONE,
    COL_STUDENT,
    COL_VPC,
    CUT_LINE_Y,
    DENSITIES,
    FLOW_FLOOR,
    LEFT,
    RECEIPT_GUARDIAN_X,
    RECEIPT_LIST_WIDTH,
    RIGHT,
    SINGLE_BLOCK_BOTTOM,
    VPC_BOX_LEFT,
    WIDTH,
    Y_DISTRICT,
    Y_RECEIPT_LABELS,
    Y_RECEIPT_STATEMENT,
    Y_RECEIPT_TITLE,
    Y_RULE,
    Y_SCHOOL,
    Y_SIGNATURE_LINE,
    Y_TITLE,
    Density,
    StaticKey,
    Table,
)
from staffdesk.slips.texts import Texts

log = logging.getLogger("staffdesk.print")


def family_table(students: int, intro_height: float) -> Table:
    row_height = 38.0 if students <= 3 else 32.0 if students == 4 else 27.0
    return Table(rows_top=BLOCK_TOP - intro_height - 8 - 22, row_height=row_height)


def family_intro_height(texts: Texts) -> float:
    style = paragraph_style(8.5, color=MUTED, language=texts.language)
    return paragraph_height(markup(texts("slip.family_intro")), style, WIDTH)


def _block_bottom(key: StaticKey, texts: Texts) -> float:
    if key.students == 1:
        return SINGLE_BLOCK_BOTTOM
    table = family_table(key.students, family_intro_height(texts))
    return table.rows_top - key.students * table.row_height


def draw_static(c: Any, key: StaticKey, texts: Texts, qr: tuple[str, int]) -> None:
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


def _draw_family_grid(c: Any, key: StaticKey, texts: Texts) -> None:
    intro_height = draw_paragraph(
        c,
        markup(texts("slip.family_intro")),
        LEFT,
        BLOCK_TOP,
        WIDTH,
        paragraph_style(8.5, color=MUTED, language=texts.language),
    )
    table = family_table(key.students, intro_height)
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
    density: Density
    steps: tuple[str, ...]
    step_heights: tuple[float, ...]
    note: str
    note_height: float
    help: str
    help_height: float
    bottom: float


def _plan_flow(key: StaticKey, texts: Texts, top: float) -> _FlowPlan:
    """Measure the steps, note and help at the loosest density that ends above the footer."""
    steps = texts.lines("slip.steps", portal_url=markup(key.portal_url))
    note = f"<b>{markup(texts('slip.keep_private_title'))}</b> {markup(texts('slip.keep_private'))}"
    help_text = texts("slip.help", support_email=markup(key.support_email))
    plan: _FlowPlan | None = None
    lang = texts.language
    for density in DENSITIES:
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


def _steps_width(density: Density) -> float:
    """Text column of the steps: what the QR code (and its caption) leave free."""
    return WIDTH - 22 - _qr_column_width(density) - 12


def _qr_column_width(density: Density) -> float:
    return max(density.qr_size, 96.0) + 16


def _draw_flow(c: Any, key: StaticKey, texts: Texts, qr: tuple[str, int], top: float) -> None:
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
    for x, serial_width, name_width in receipt_columns(students):
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


def receipt_columns(students: int) -> tuple[tuple[float, float, float], ...]:
    """(x, serial width, name width) of each column of the receipt's student list."""
    if students <= 3:
        return ((LEFT, 76.0, RECEIPT_LIST_WIDTH - 82),)
    half = (RECEIPT_LIST_WIDTH - 12) / 2
    return ((LEFT, 60.0, half - 66), (LEFT + half + 12, 60.0, half - 66))
