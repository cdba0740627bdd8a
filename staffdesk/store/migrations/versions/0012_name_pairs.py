"""name pairs: a search of two words reads only the students who have both

Revision ID: 0012
Revises: 0011

`student_name_pair` (permanent_id, token, other): one row per ordered pair of two different
search words of a student's names, derived from `student` like `student_name_token` and written
with it (store/name_tokens.py), never synced. A search of several words whose longest word's
first index entries hold too few matches ("sofia o": the first of 25,000 Sofias, none with an O
word) reads the pairs of the typed words instead of every student of the longest word
(services/student_search.py). Filled from the names already held; on the shared database
engines it is written by the same logins as `student_name_token`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKEN = sa.String(length=100).with_variant(sa.String(length=100, collation="NOCASE"), "sqlite")
PATTERN_OPS = {"token": "text_pattern_ops", "other": "text_pattern_ops"}
GRANTS = [
    "GRANT SELECT ON student_name_pair TO staffdesk_app",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON student_name_pair TO staffdesk_admin",
]


def upgrade() -> None:
    op.create_table(
        "student_name_pair",
        sa.Column("permanent_id", sa.String(length=12), nullable=False),
        sa.Column("token", TOKEN, nullable=False),
        sa.Column("other", TOKEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["permanent_id"],
            ["student.permanent_id"],
            name=op.f("fk_student_name_pair_permanent_id_student"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "permanent_id", "token", "other", name=op.f("pk_student_name_pair")
        ),
        sqlite_with_rowid=False,  # the rows are their key: no third copy in a rowid table
    )
    op.create_index(
        "ix_student_name_pair_token",
        "student_name_pair",
        ["token", "other", "permanent_id"],
        unique=False,
        postgresql_ops=PATTERN_OPS,
    )
    bind = op.get_bind()
    if bind.dialect.name in ("postgresql", "mysql", "mariadb"):
        # derived from the roster: the same grants as `student_name_token` (0007, 0008)
        for grant in GRANTS:
            op.execute(grant)
    from staffdesk.store import name_tokens

    name_tokens.rebuild_pairs(bind)


def downgrade() -> None:
    op.drop_index(
        "ix_student_name_pair_token", table_name="student_name_pair", postgresql_ops=PATTERN_OPS
    )
    op.drop_table("student_name_pair")
