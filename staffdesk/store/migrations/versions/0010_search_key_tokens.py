"""fixes: search words and name keys from the one search key

Revision ID: 0010
Revises: 0008

`student_name_token` was filled with a fold of its own (domain/name_search.py before this
revision) that disagreed with domain.names.search_key, the fold the restricted-contact match key
is built on: a zero-width space split a word, Cyrillic й and ё lost their marks. The tokens are
now search_key's words, and search_key also folds Latin letters with a stroke (ł, ø, ħ) and drops
Arabic and Hebrew vowel signs, so `student.name_key` is recomputed and every student's tokens
rebuilt. No column changes; downgrade leaves the (still valid) rows as they are.

Chained after 0005 (main's head when it landed), re-chained after 0008 when that landed; 0009
re-chains it after itself.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 2000


def _recompute_name_keys() -> None:
    from staffdesk.domain.names import search_key

    bind = op.get_bind()
    student = sa.table(
        "student",
        sa.column("permanent_id", sa.String),
        sa.column("first_name", sa.String),
        sa.column("middle_name", sa.String),
        sa.column("last_name", sa.String),
        sa.column("name_key", sa.String),
    )
    rows = bind.execute(
        sa.select(
            student.c.permanent_id,
            student.c.first_name,
            student.c.middle_name,
            student.c.last_name,
            student.c.name_key,
        )
    ).all()
    changed = [
        {"pid": pid, "key": key}
        for pid, first, middle, last, old in rows
        if (key := search_key(f"{last} {first} {middle or ''}")) != old
    ]
    for i in range(0, len(changed), CHUNK):
        bind.execute(
            student.update()
            .where(student.c.permanent_id == sa.bindparam("pid"))
            .values(name_key=sa.bindparam("key")),
            changed[i : i + CHUNK],
        )


def upgrade() -> None:
    from staffdesk.store import name_tokens

    _recompute_name_keys()
    name_tokens.rebuild(op.get_bind(), pairs=False)  # 0012 adds the pairs


def downgrade() -> None:
    pass
