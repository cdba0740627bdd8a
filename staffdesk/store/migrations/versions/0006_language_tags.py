"""Language columns wide enough for a BCP 47 tag (zh-Hant-TW, es-419, …), not just "en".

A roster's family language is a tag the slip language is matched from (slips/languages.py);
RFC 5646 asks that 35 characters be kept. The print log's column follows, for a shipped code.

Revision ID: 0006
Revises: 0007 (numbered by the issue it belongs to, chained after the counter's 0007)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("student", "access_request", "slip_print_log")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite keeps any length in a VARCHAR column; rebuilding the tables to change the
        # declared length would trip the keys other tables hold on them (models: LanguageTag).
        return
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                "language",
                existing_type=sa.String(length=8),
                type_=sa.String(length=35),
                existing_nullable=False,
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                "language",
                existing_type=sa.String(length=35),
                type_=sa.String(length=8),
                existing_nullable=False,
            )
