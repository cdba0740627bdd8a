"""pull marks: index the high-water-mark columns the pulls read past

Revision ID: 0011
Revises: 0010

Every sync round of every workstation asks the shared database for rows past its high-water
marks: `student.updated_at`, `student_contact.updated_at`, `access_request.updated_at` and
`portal_link.linked_at`. Without an index each of those questions reads the whole table — half a
million students per round per desk in a district (benchmarks/bench_district.py). With one, a
round with nothing new is one look-up of each index's newest entry; a desk's schools each look
up their newest request in (school_code, updated_at). (`sync_tombstone.deleted_at` has had its
index since 0002; `school` is small.)
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("student", "updated_at"),
    ("student_contact", "updated_at"),
    ("access_request", "updated_at"),
    ("portal_link", "linked_at"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)
    op.create_index(
        "ix_access_request_school_updated", "access_request", ["school_code", "updated_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_access_request_school_updated", table_name="access_request")
    for table, column in reversed(INDEXES):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
