"""change stamps: the shared database keeps, per kind of row, when it last changed

Revision ID: 0013
Revises: 0012

`sync_change` (kind, scope, changes, changed_at): how many times rows of one kind have changed
on the shared database, and when last (the server's clock). Kinds: `school`, `student`,
`student_contact`, `sync_tombstone` (the roster a desk pulls), `staff` (staff accounts, their
schools and the settings: one counter for the three small tables a desk reads whole) and
`access_request` once per school (`scope` is the school's code; '' elsewhere).

Triggers write it, so every writer does, whatever program it is, and no desk's login may: on
PostgreSQL a SECURITY DEFINER function (the roster and staff tables once per statement, truncate
included; requests once per row, for its school); on MariaDB a trigger per row (it has no
statement triggers), running as its definer. `staffdesk_app` may only read the table, so a
stolen desk login cannot move a counter to hide a change from the other desks.

A desk compares the counters with the ones it saw at its last read, for equality: a change that
commits late (an admin's transaction left open, a push that waited for a lock) still moves a
counter the desk has not seen, where a time stamp taken before the commit could fall behind the
desk's mark. Counting makes writers of one kind (one school's requests) take turns on its row
until they commit; on PostgreSQL the stamping function waits at most LOCK_TIMEOUT for it (a push
that waited longer fails, is reported and is retried by the next round with a fresh stamp), on
MariaDB `innodb_lock_wait_timeout` (50 s by default) bounds it.

Why (issue 11, benchmarks/bench_district.py): a desk's idle sync round asked eight tables which
had moved past its marks, the newest `updated_at` of five and a digest of the three without a
timestamp; each table a statement opens costs the server about 0.1 ms, so that round cost 2.3–3.7×
one bare SELECT. Now it reads this one table's rows for the desk's kinds and schools.

Seeded (before the triggers, so a write meanwhile cannot collide with a seed) with one change of
every kind and of the schools that have requests: each desk reads each part once more after the
upgrade, then only what changed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

# (table, kind): counted whenever the table's rows are inserted, updated, deleted or truncated
STAMPED = (
    ("school", "school"),
    ("student", "student"),
    ("student_contact", "student_contact"),
    ("sync_tombstone", "sync_tombstone"),
    ("staff_user", "staff"),
    ("staff_school", "staff"),
    ("setting", "staff"),
)
KINDS = ("school", "student", "student_contact", "sync_tombstone", "staff")

# PostgreSQL: the longest a stamp waits for its row, well inside the pulls' 2-minute overlap
LOCK_TIMEOUT = "10s"
PG_NOW = "CAST(clock_timestamp() AT TIME ZONE 'UTC' AS timestamp)"
# the update's clock is read once the row is locked: after any wait for another writer
PG_STAMP = f"""
BEGIN
  INSERT INTO sync_change AS c (kind, scope, changes, changed_at) VALUES (%s, %s, 1, {PG_NOW})
  ON CONFLICT (kind, scope) DO UPDATE
    SET changes = c.changes + 1, changed_at = greatest(c.changed_at, {PG_NOW});
  RETURN NULL;
END"""
PG_FUNCTIONS = {
    # once per statement: TG_ARGV[0] is the kind
    "sd_changed": PG_STAMP % ("TG_ARGV[0]", "''"),
    # once per request row, for its school
    "sd_request_changed": PG_STAMP % ("'access_request'", "NEW.school_code"),
}
MY_NOW = "UTC_TIMESTAMP(6)"


def _my_stamp(kind: str, scope: str) -> str:
    return (
        f"INSERT INTO sync_change (kind, scope, changes, changed_at) "
        f"VALUES ({kind}, {scope}, 1, {MY_NOW}) ON DUPLICATE KEY UPDATE "
        "changes = changes + 1, changed_at = GREATEST(changed_at, VALUES(changed_at))"
    )


def triggers(dialect: str) -> list[tuple[str, str]]:
    """(trigger, table) of every stamping trigger on this dialect (store/guard.py lists them)."""
    if dialect == "postgresql":
        return [(f"sd_changed_{t}", t) for t, _ in STAMPED] + [
            ("sd_changed_access_request", "access_request")
        ]
    if dialect in ("mysql", "mariadb"):
        events = ("insert", "update", "delete")
        return [(f"sd_changed_{t}_{e}", t) for t, _ in STAMPED for e in events] + [
            (f"sd_changed_access_request_{e}", "access_request") for e in events[:2]
        ]
    return []


def _pg_upgrade() -> None:
    for name, body in PG_FUNCTIONS.items():
        op.execute(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
            f"AS $fn${body}$fn$"
        )
        op.execute(
            "DO $$ BEGIN EXECUTE format('ALTER FUNCTION %I() SET search_path = %I, pg_temp', '"
            + name
            + "', current_schema()); END $$"
        )
        op.execute(f"ALTER FUNCTION {name}() SET lock_timeout = '{LOCK_TIMEOUT}'")
        op.execute(f"REVOKE ALL ON FUNCTION {name}() FROM PUBLIC")
    for table, kind in STAMPED:
        op.execute(
            f"CREATE TRIGGER sd_changed_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION sd_changed('{kind}')"
        )
    op.execute(
        "CREATE TRIGGER sd_changed_access_request AFTER INSERT OR UPDATE ON access_request "
        "FOR EACH ROW EXECUTE FUNCTION sd_request_changed()"
    )
    op.execute("GRANT SELECT ON sync_change TO staffdesk_app")


def _my_upgrade() -> None:
    for name, table in triggers("mariadb"):
        event = name.rsplit("_", 1)[1].upper()
        if table == "access_request":
            body = _my_stamp("'access_request'", "NEW.school_code")
        else:
            body = _my_stamp(repr(dict(STAMPED)[table]), "''")
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {body}")
    op.execute("GRANT SELECT ON sync_change TO staffdesk_app")


def upgrade() -> None:
    op.create_table(
        "sync_change",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("changes", sa.BigInteger(), nullable=False),
        sa.Column("changed_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("kind", "scope", name=op.f("pk_sync_change")),
    )
    dialect = op.get_bind().dialect.name
    if dialect not in ("postgresql", "mysql", "mariadb"):
        return  # the local SQLite store: the table is there (one schema), never written
    now = PG_NOW if dialect == "postgresql" else MY_NOW
    for kind in KINDS:
        op.execute(
            f"INSERT INTO sync_change (kind, scope, changes, changed_at) "
            f"VALUES ('{kind}', '', 1, {now})"
        )
    op.execute(
        "INSERT INTO sync_change (kind, scope, changes, changed_at) "
        f"SELECT 'access_request', school_code, 1, {now} FROM access_request GROUP BY school_code"
    )
    if dialect == "postgresql":
        _pg_upgrade()
    else:
        _my_upgrade()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for name, table in triggers(dialect):
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for name in PG_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    elif dialect in ("mysql", "mariadb"):
        for name, _ in triggers(dialect):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("sync_change")
