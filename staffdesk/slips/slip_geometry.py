"""Where everything sits on a credential slip: the page's geometry (points from the bottom
left, US Letter), the densities a family table may use, and the key of the part of a page
shared by every slip of a school and language."""

from __future__ import annotations

from dataclasses import dataclass

from staffdesk.slips.drawing import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
)

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
class Density:
    """How tightly the steps section is set; denser ones are tried when a family table is long."""

    step_size: float
    step_leading: float
    step_gap: float
    qr_size: float
    note_size: float


DENSITIES = (
    Density(10.0, 13.4, 7.0, 110.0, 8.8),
    Density(9.5, 12.6, 6.0, 104.0, 8.5),
    Density(9.0, 11.6, 4.5, 92.0, 8.0),
    Density(8.5, 10.8, 3.5, 82.0, 7.6),
    Density(8.0, 10.0, 2.5, 74.0, 7.3),
    Density(7.5, 9.3, 2.0, 68.0, 7.0),
)


@dataclass(frozen=True, slots=True)
class StaticKey:
    language: str
    district_name: str
    school_name: str
    portal_url: str
    support_email: str
    students: int


@dataclass(frozen=True, slots=True)
class Table:
    """Where a family slip's rows go."""

    rows_top: float
    row_height: float
