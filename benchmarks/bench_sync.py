"""Sync speed against PostgreSQL, each beside its floor measured in the same run:

- push: 10,000 outbox entries (a roster import: students and their contacts) from a local store
  to an empty shared schema, vs raw psycopg executemany of the same rows with ON CONFLICT;
- pull: 100,000 roster rows into a fresh local store, vs raw psycopg SELECT fed to sqlite3
  executemany.

Targets: push and pull each at least 0.5 x their floor. Each figure is the best of REPEAT runs
(default 3; every run on a fresh schema and a fresh local store), since the server shares the
machine. Uses STAFFDESK_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test);
works in throw-away schemas.

    python benchmarks/bench_sync.py [PUSH_ENTRIES] [PULL_ROWS] [REPEAT]
"""

from __future__ import annotations

import io
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from staffdesk.services import demo, roster, staff
from staffdesk.store import db
from staffdesk.store.models import Outbox, Student, StudentContact
from staffdesk.sync.pull import pull
from staffdesk.sync.push import push

ARGV = sys.argv[1:] if __name__ == "__main__" else []  # bench_district imports the helpers
PUSH = int(ARGV[0]) if len(ARGV) > 0 else 10_000
PULL = int(ARGV[1]) if len(ARGV) > 1 else 100_000
REPEAT = int(ARGV[2]) if len(ARGV) > 2 else 3
BASE = os.environ.get("STAFFDESK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")

STUDENT_COLS = [c.name for c in Student.__table__.columns]
CONTACT_COLS = [c.name for c in StudentContact.__table__.columns]


@contextmanager
def schema() -> Iterator[tuple[str, str]]:
    """(SQLAlchemy URL, libpq conninfo) of a fresh schema with StaffDesk's tables."""
    name = f"bench_{uuid.uuid4().hex[:10]}"
    plain = make_url(BASE).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{name}"')
    url = make_url(db.normalise_url(BASE)).update_query_dict({"options": f"-csearch_path={name}"})
    sa_url = url.render_as_string(hide_password=False)
    engine = db.make_engine(sa_url)
    db.upgrade(engine)
    engine.dispose()
    try:
        yield sa_url, f"{plain}{'&' if '?' in plain else '?'}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(plain, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{name}" CASCADE')


def upsert_sql(table: str, cols: list[str], key: str) -> str:
    sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in cols if c != key)
    marks = ", ".join(["%s"] * len(cols))
    return (
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks}) "
        f"ON CONFLICT ({key}) DO UPDATE SET {sets}"
    )


# ------------------------------------------------------------------------------------ push


def push_bench(folder: Path) -> tuple[int, float, float]:
    """(entries, push seconds, floor seconds)."""
    students_n = max(1, PUSH // 3)  # one outbox entry per student and per each of 2 contacts
    students_csv, contacts_csv = demo.write_demo_csv(folder, students_n)
    local_url = f"sqlite:///{folder / 'push.sqlite3'}"
    local = db.make_engine(local_url)
    db.upgrade(local)
    factory = db.session_factory(local)
    with db.unit_of_work(factory) as s:
        staff.add_staff(s, None, username="admin", role="admin", password=demo.DEMO_PASSWORD)
        admin = staff.authenticate(s, "admin", demo.DEMO_PASSWORD)
        roster.import_roster(s, admin, students_csv, contacts_csv)
    with factory() as s:
        entries = int(s.scalar(select(func.count()).select_from(Outbox)) or 0)
        school_rows = [
            tuple(r) for r in s.execute(text("SELECT code, name, updated_at FROM school"))
        ]
        student_rows = [tuple(r) for r in s.execute(select(*Student.__table__.columns))]
        contact_rows = [tuple(r) for r in s.execute(select(*StudentContact.__table__.columns))]

    push_s = floor_s = float("inf")
    for run in range(REPEAT):
        copy = folder / f"push-{run}.sqlite3"
        with sqlite3.connect(folder / "push.sqlite3") as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        store = db.make_engine(f"sqlite:///{copy}")
        with schema() as (url, _):
            shared = db.make_engine(url)
            start = time.perf_counter()
            report = push(db.session_factory(store), shared)
            push_s = min(push_s, time.perf_counter() - start)
            assert report.entries == entries, report
            shared.dispose()
        store.dispose()

        with schema() as (_, conninfo):
            now = datetime.now(UTC)
            fix = lambda rows, now=now: [(*r[:-1], now) for r in rows]  # noqa: E731
            start = time.perf_counter()
            with psycopg.connect(conninfo) as c, c.cursor() as cur:
                cur.executemany(
                    upsert_sql("school", ["code", "name", "updated_at"], "code"), fix(school_rows)
                )
                cur.executemany(
                    upsert_sql("student", STUDENT_COLS, "permanent_id"), fix(student_rows)
                )
                cur.executemany(
                    upsert_sql("student_contact", CONTACT_COLS, "id"), fix(contact_rows)
                )
                c.commit()
            floor_s = min(floor_s, time.perf_counter() - start)
    local.dispose()
    return entries, push_s, floor_s


# ------------------------------------------------------------------------------------ pull


def fill(conninfo: str, rows: int) -> None:
    """Put `rows` roster rows on the shared database (half students, half contacts)."""
    students = rows // 2
    contacts = rows - students
    now = datetime.now(UTC).replace(tzinfo=None)
    with psycopg.connect(conninfo) as c, c.cursor() as cur:
        cur.execute(
            "INSERT INTO school (code, name, updated_at) VALUES ('LINC', 'Lincoln', %s)", (now,)
        )
        with cur.copy(f"COPY student ({', '.join(STUDENT_COLS)}) FROM STDIN") as copy:
            for i in range(students):
                last = demo.LAST[i % len(demo.LAST)]
                first = demo.FIRST[i % len(demo.FIRST)]
                copy.write_row(
                    (f"{3000000 + i}", "LINC", first, "", last, str(i % 12 + 1),
                     f"+1415555{i % 10000:04d}", "en", f"{last.lower()} {first.lower()}", now)
                )  # fmt: skip
        with cur.copy(f"COPY student_contact ({', '.join(CONTACT_COLS)}) FROM STDIN") as copy:
            for i in range(contacts):
                copy.write_row(
                    (str(uuid.UUID(int=i + 1)), f"{3000000 + i % students}", f"Parent {i}",
                     "Mother", f"+1415556{i % 10000:04d}", f"p{i}@example.org", 1, "allowed", now)
                )  # fmt: skip
        c.commit()


def pull_floor(path: Path, conninfo: str) -> float:
    """Raw psycopg SELECT fed to sqlite3 executemany, into a fresh store of the same schema."""
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    engine.dispose()
    start = time.perf_counter()
    target = sqlite3.connect(path, isolation_level=None)
    target.execute("PRAGMA journal_mode=WAL")
    target.execute("PRAGMA synchronous=FULL")
    with psycopg.connect(conninfo) as c:
        target.execute("BEGIN IMMEDIATE")
        for table, cols in (
            ("school", ["code", "name", "updated_at"]),
            ("student", STUDENT_COLS),
            ("student_contact", CONTACT_COLS),
        ):
            with c.cursor(name=f"pull_{table}") as cur:
                cur.itersize = 10_000
                cur.execute(f"SELECT {', '.join(cols)} FROM {table}")
                marks = ", ".join(["?"] * len(cols))
                sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})"
                while batch := cur.fetchmany(10_000):
                    target.executemany(
                        sql, [(*r[:-1], r[-1].isoformat(" ", "microseconds")) for r in batch]
                    )
        target.execute("COMMIT")
    target.close()
    return time.perf_counter() - start


def pull_bench(folder: Path) -> tuple[int, float, float]:
    """(rows, pull seconds, floor seconds)."""
    with schema() as (url, conninfo):
        fill(conninfo, PULL)
        shared = db.make_engine(url)
        pull_s = floor_s = float("inf")
        for run in range(REPEAT):
            local = db.make_engine(f"sqlite:///{folder / f'pull-{run}.sqlite3'}")
            db.upgrade(local)
            start = time.perf_counter()
            report = pull(db.session_factory(local), shared)
            pull_s = min(pull_s, time.perf_counter() - start)
            rows = report.rows.get("student", 0) + report.rows.get("student_contact", 0)
            assert rows == PULL, report
            local.dispose()
            floor_s = min(floor_s, pull_floor(folder / f"floor-{run}.sqlite3", conninfo))
        shared.dispose()
    return PULL, pull_s, floor_s


def main() -> None:
    out = io.StringIO()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        entries, push_s, push_floor = push_bench(folder)
        rows, pull_s, pull_floor = pull_bench(folder)
    push_rate, push_floor_rate = entries / push_s, entries / push_floor
    pull_rate, pull_floor_rate = rows / pull_s, rows / pull_floor
    print(
        f"push: {entries:,} outbox entries in {push_s:.2f} s = {push_rate:,.0f} entries/s", file=out
    )
    print(f"push floor (psycopg executemany ON CONFLICT): {push_floor_rate:,.0f} rows/s", file=out)
    print(f"pull: {rows:,} roster rows in {pull_s:.2f} s = {pull_rate:,.0f} rows/s", file=out)
    print(
        f"pull floor (psycopg SELECT -> sqlite3 executemany): {pull_floor_rate:,.0f} rows/s",
        file=out,
    )
    print(f"push ratio: {push_rate / push_floor_rate:.2f} x floor (target >= 0.5)", file=out)
    print(f"pull ratio: {pull_rate / pull_floor_rate:.2f} x floor (target >= 0.5)", file=out)
    print(out.getvalue(), end="")


if __name__ == "__main__":
    main()
