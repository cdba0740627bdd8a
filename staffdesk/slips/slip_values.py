"""The part of a credential slip that differs on every page: names, ids, phones, codes, the
"issued by" line and the receipt strip's rows. The VPC is drawn only above the cut line."""

from __future__ import annotations

from typing import Any

from staffdesk.slips.content import CredentialSlip, SlipStudent
from staffdesk.slips.drawing import (
    INK,
    MUTED,
    PAGE_WIDTH,
    WARN,
    WARN_BG,
    draw_fitted,
)
from staffdesk.slips.fonts import MONO_BOLD, SANS, SANS_BOLD
from staffdesk.slips.slip_geometry import (
    BLOCK_TOP,
    COL_ID,
    COL_PHONE,
    COL_STUDENT,
    COL_VPC,
    LEFT,
    NOTICE_BOTTOM,
    NOTICE_HEIGHT,
    RECEIPT_GUARDIAN_X,
    RECEIPT_ROW,
    RIGHT,
    VPC_BOX_LEFT,
    WIDTH,
    Y_DISTRICT,
    Y_ISSUED,
    Y_ISSUED_PENDING,
    Y_PREPARED,
    Y_RECEIPT_FIRST_ROW,
)
from staffdesk.slips.slip_static import family_intro_height, family_table, receipt_columns
from staffdesk.slips.texts import Texts


def draw_variable(c: Any, slip: CredentialSlip, texts: Texts) -> None:
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
    table = family_table(len(slip.students), _family_intro_height_cached(texts))
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
        height = _intro_heights[texts.language] = family_intro_height(texts)
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
    columns = receipt_columns(len(slip.students))
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
