"""Portal throttling windows, staff sign-in throttling, and name keys in every script.

`portal_throttle` (portal-owned) counts failed portal checks per portal account and per student
id in an expiring window; `signin_throttle` counts failed staff sign-ins per account and per
workstation. `student.name_key` is recomputed with domain.names.search_key, which keeps the
letters of every script (the old fold dropped them, so 王芳 or Иванова could not be found).
On PostgreSQL: portal_app may read and write its throttle, staffdesk_app the sign-in one.

Revision ID: 0005
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

GRANTS = [
    "GRANT SELECT, INSERT, UPDATE ON portal_throttle TO portal_app",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON signin_throttle TO staffdesk_app",
]


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
    changed = []
    for pid, first, middle, last, old in rows:
        key = search_key(f"{last} {first} {middle or ''}")
        if key != old:
            changed.append({"pid": pid, "key": key})
    if changed:
        bind.execute(
            student.update()
            .where(student.c.permanent_id == sa.bindparam("pid"))
            .values(name_key=sa.bindparam("key")),
            changed,
        )


def upgrade() -> None:
    op.create_table(
        "portal_throttle",
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=254), nullable=False),
        sa.Column("window_start", UTC_DATETIME, nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", name=op.f("pk_portal_throttle")),
    )
    op.create_table(
        "signin_throttle",
        sa.Column("scope", sa.String(length=12), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("window_start", UTC_DATETIME, nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", name=op.f("pk_signin_throttle")),
    )
    _recompute_name_keys()
    if op.get_bind().dialect.name == "postgresql":
        for grant in GRANTS:
            op.execute(grant)


def downgrade() -> None:
    op.drop_table("signin_throttle")
    op.drop_table("portal_throttle")
