"""Indexes for sorting the approval queue by student or guardian name.

The queue pages in SQL (services/queries.py): sorted by a column with an index, a page over
500,000 requests is read in index order and stops early; without one the whole match is sorted.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("access_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_access_request_student_last_name"), ["student_last_name"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_access_request_guardian_name"), ["guardian_name"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("access_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_access_request_guardian_name"))
        batch_op.drop_index(batch_op.f("ix_access_request_student_last_name"))
