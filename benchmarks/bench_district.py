"""District scale: one PostgreSQL holding a district's roster, many workstations syncing at once.

- The shared database: a throw-away schema (dropped after) holding STUDENTS students (default
  500,000) at 100 schools, one contact each, loaded with COPY; staff accounts for the desks.
- WORKSTATIONS processes (default 50), each a front desk with its own local SQLite store (a copy
  of one store that pulled the whole roster once, as a desk has after its first sync), two desks
  per school. Every desk runs a sync round (push then pull, `sync_once`, scoped to its school)
  every ROUND seconds (default 30), the desks' rounds spread evenly over the interval.
- A tenth of the desks also issue a code every ISSUE seconds (default 10): record the form,
  verify the ID, approve (a second account), issue; their next round pushes it and their school's
  other desk pulls it.
- The portal (one more process, as `portal_app`) checks every code pushed: one wrong code, then
  the right one, which links the account; the desks then pull the portal's columns and the link.

Measured, for MINUTES (default 3) minutes after a warm-up round:

- every round's wall time (p50, p95; target p95 <= 1 s);
- an idle round (nothing to push, nothing new to pull): its database time (the time spent in the
  shared database's driver calls: statements, fetches, commits, the pool's ping) and its pull's
  wall time (the pull cost when nothing changed), beside the FLOOR: one bare `SELECT` of the
  student table by high-water mark on the same connection, timed by itself. Each desk times the
  floor once per round, half-way between its rounds, so that both are the first word on a
  connection idle for 15 s and the shared machine's slow moments fall on both alike. Target:
  idle round's database time <= 2 x floor.

The schedule is the issue's (30 s rounds, a code every 10 s); only the measured time is short so
that a run, set-up included, takes about ten minutes here (the set-up, mostly one desk's first
pull of the whole roster, took 4.5 to 8 minutes on the shared 2-core machine; the stores take
about 20 GB of temporary disk while it runs). Uses STAFFDESK_TEST_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test). The desks hold WORKSTATIONS + 2 connections.

    python benchmarks/bench_district.py [--students N] [--workstations N] [--minutes M]
                                        [--round S] [--issue S]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import queue
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from bench_sync import BASE, CONTACT_COLS, STUDENT_COLS, schema
from psycopg.pq import TransactionStatus
from sqlalchemy import Engine, event, select
from sqlalchemy.engine import make_url

from staffdesk.domain.names import search_key
from staffdesk.domain.vpc import Vpc
from staffdesk.services import demo, portal, requests, staff
from staffdesk.services.context import Actor, utcnow
from staffdesk.store import db
from staffdesk.store.models import Student, StudentContact
from staffdesk.sync import connection
from staffdesk.sync import engine as sync_engine
from staffdesk.sync.engine import sync_once
from staffdesk.sync.pull import pull
from staffdesk.sync.rows import get_state

PASSWORD = "bench-password-1"
SCHOOLS = 100
FLOOR_SQL = f"SELECT {', '.join(STUDENT_COLS)} FROM student WHERE updated_at > %s"


def parse() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--students", type=int, default=500_000)
    p.add_argument("--workstations", type=int, default=50)
    p.add_argument("--minutes", type=float, default=3.0, help="measured time, after a warm-up")
    p.add_argument("--round", type=float, default=30.0, help="seconds between a desk's rounds")
    p.add_argument("--issue", type=float, default=10.0, help="seconds between an issuer's codes")
    return p.parse_args()


# --------------------------------------------------------------------- the database's driver time


class Meter:
    """Time spent in the shared database's driver calls of this process, and their count."""

    seconds = 0.0
    calls = 0
    statements: list[str] = []

    @classmethod
    def reset(cls) -> None:
        cls.seconds, cls.calls, cls.statements = 0.0, 0, []

    @classmethod
    @contextmanager
    def timing(cls, what: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            took = time.perf_counter() - start
            cls.seconds += took
            cls.calls += 1
            cls.statements.append(f"{took * 1000:7.2f} ms  " + " ".join(what.split())[:80])


class TimedCursor(psycopg.Cursor[Any]):
    def execute(self, query: Any, *args: Any, **kw: Any) -> Any:  # type: ignore[override]
        with Meter.timing(str(query)):
            return super().execute(query, *args, **kw)

    def executemany(self, query: Any, *args: Any, **kw: Any) -> Any:  # type: ignore[override]
        with Meter.timing(str(query)):
            return super().executemany(query, *args, **kw)


class TimedServerCursor(psycopg.ServerCursor[Any]):
    def execute(self, query: Any, *args: Any, **kw: Any) -> Any:  # type: ignore[override]
        with Meter.timing(f"DECLARE {query}"):
            return super().execute(query, *args, **kw)

    def fetchmany(self, size: int = 0) -> Any:
        with Meter.timing("FETCH"):
            return super().fetchmany(size)


class TimedConnection(psycopg.Connection[Any]):
    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.cursor_factory = TimedCursor
        self.server_cursor_factory = TimedServerCursor

    def commit(self) -> None:
        if self.info.transaction_status == TransactionStatus.IDLE:
            return super().commit()  # nothing to end: psycopg sends nothing
        with Meter.timing("COMMIT"):
            super().commit()

    def rollback(self) -> None:
        if self.info.transaction_status == TransactionStatus.IDLE:
            return super().rollback()
        with Meter.timing("ROLLBACK"):
            super().rollback()


def timed_engine(url: str) -> Engine:
    """The desk's engine to the shared database as `staffdesk sync` makes it, one pooled
    connection, every driver call metered."""
    engine = connection.shared_engine(url, pool_size=1, max_overflow=0)

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, rec: Any, cargs: Any, cparams: Any) -> Any:
        return TimedConnection.connect(*cargs, **cparams)

    return engine


# ------------------------------------------------------------------------------------- set-up


def fill(conninfo: str, students: int) -> None:
    """SCHOOLS schools, `students` students and one contact each, stamped a day ago (a roster
    loaded yesterday), by COPY."""
    day_ago = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=1)
    with psycopg.connect(conninfo) as c, c.cursor() as cur:
        with cur.copy("COPY school (code, name, updated_at) FROM STDIN") as copy:
            for s in range(SCHOOLS):
                copy.write_row((f"S{s:03d}", f"School {s}", day_ago))
        s_at = {c: i for i, c in enumerate(STUDENT_COLS)}
        with cur.copy(f"COPY student ({', '.join(STUDENT_COLS)}) FROM STDIN") as copy:
            for i in range(students):
                first, last = demo.FIRST[i % len(demo.FIRST)], demo.LAST[(i // 7) % len(demo.LAST)]
                row: list[Any] = [None] * len(STUDENT_COLS)
                for k, v in {
                    "permanent_id": f"{3_000_000 + i}",
                    "school_code": f"S{i % SCHOOLS:03d}",
                    "first_name": first,
                    "middle_name": "",
                    "last_name": last,
                    "grade": str(i % 12 + 1),
                    "primary_phone": f"+1415555{i % 10000:04d}",
                    "language": "en",
                    "name_key": search_key(f"{last} {first}"),
                    "updated_at": day_ago,
                }.items():
                    row[s_at[k]] = v
                copy.write_row(row)
        c_at = {c: i for i, c in enumerate(CONTACT_COLS)}
        with cur.copy(f"COPY student_contact ({', '.join(CONTACT_COLS)}) FROM STDIN") as copy:
            for i in range(students):
                pid = f"{3_000_000 + i}"
                name = guardian(i)
                row = [None] * len(CONTACT_COLS)
                for k, v in {
                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{pid}/{name}")),
                    "permanent_id": pid,
                    "contact_name": name,
                    "relationship": "Mother",
                    "phone": f"+1415556{i % 10000:04d}",
                    "email": f"p{i}@example.org",
                    "emergency_order": 1,
                    "portal_access": "allowed",
                    "updated_at": day_ago,
                }.items():
                    row[c_at[k]] = v
                copy.write_row(row)
        c.commit()
        cur.execute("ANALYZE")


def guardian(i: int) -> str:
    first, last = demo.GUARDIAN_FIRST, demo.LAST
    return f"{first[i % len(first)]} {last[(i // 7) % len(last)]}"


def add_staff(url: str) -> None:
    engine = db.make_engine(url)
    factory = db.session_factory(engine)
    every = [f"S{s:03d}" for s in range(SCHOOLS)]
    with db.unit_of_work(factory) as s:
        staff.add_staff(s, None, username="admin", role="admin", password=PASSWORD)
        admin = staff.authenticate(s, "admin", PASSWORD)
        for user in ("clerk", "approver"):
            staff.add_staff(
                s, admin, username=user, role="approver", password=PASSWORD, schools=every
            )
    engine.dispose()


def template(folder: Path, url: str) -> tuple[Path, float]:
    """A desk's store after its first sync (the whole roster pulled): (file, seconds)."""
    path = folder / "template.sqlite3"
    local = db.make_engine(f"sqlite:///{path}")
    db.upgrade(local)
    shared = db.make_engine(url)
    start = time.perf_counter()
    pull(db.session_factory(local), shared, schools=[])
    seconds = time.perf_counter() - start
    shared.dispose()
    local.dispose()
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, seconds


# ----------------------------------------------------------------------------------- the desks


def desk_name(i: int) -> str:
    return f"desk-{i:02d}"


def school_of(i: int) -> str:
    return f"S{i // 2:03d}"


def run_desk(i: int, a: argparse.Namespace, store: str, url: str, t0: float, out: Path,
             codes: Any) -> None:  # fmt: skip
    """One desk's life: rounds every a.round s from its own offset; an issuer also issues."""
    os.environ["STAFFDESK_WORKSTATION"] = desk_name(i)
    local = db.make_engine(f"sqlite:///{store}")
    factory = db.session_factory(local)
    shared = timed_engine(url)
    school = school_of(i)
    issuer = i % 10 == 0
    pulls: list[float] = []
    real_pull = sync_engine.pull_all

    def timed_pull(*args: Any, **kw: Any) -> None:
        start = time.perf_counter()
        try:
            real_pull(*args, **kw)
        finally:
            pulls.append(time.perf_counter() - start)

    sync_engine.pull_all = timed_pull  # type: ignore[assignment]
    clerk = approver = None
    students: list[tuple[str, str, str]] = []
    if issuer:
        with factory() as s:
            clerk = staff.authenticate(s, "clerk", PASSWORD, desk_name(i))
            approver = staff.authenticate(s, "approver", PASSWORD, desk_name(i))
            s.commit()
            students = [
                (pid, phone, name)
                for pid, phone, name in s.execute(
                    select(Student.permanent_id, Student.primary_phone, StudentContact.contact_name)
                    .join(StudentContact, StudentContact.permanent_id == Student.permanent_id)
                    .where(Student.school_code == school)
                    .order_by(Student.permanent_id)
                    .limit(1000)
                )
            ]
    offset = a.round * i / a.workstations
    start_at = t0 + offset
    end_at = t0 + a.round + a.minutes * 60  # one warm-up round, then the measured time
    rounds: list[dict[str, Any]] = []
    issued: list[tuple[str, str, str]] = []
    # the desk's day: rounds, each with its floor half-way to the next, and the counter's codes
    events = [(start_at + k * a.round, "round", k) for k in range(int(
        (end_at - start_at) // a.round) + 1) if start_at + k * a.round < end_at]  # fmt: skip
    events += [(at + a.round / 2, "floor", k) for at, _, k in events]
    if issuer:
        n = int((end_at - start_at) // a.issue)
        events += [(start_at + a.issue / 2 + j * a.issue, "issue", j) for j in range(n)]
    with shared.connect() as c:  # the floor's connection is the pool's one connection
        raw = c.connection.dbapi_connection
    for at, what, k in sorted(events):
        wait(at)
        if what == "issue":
            issued.append(issue(factory, clerk, approver, students.pop(0)))
            continue
        if what == "floor":
            rounds[k]["floor"] = floor(raw, factory)
            continue
        Meter.reset()
        pulls.clear()
        begin = time.perf_counter()
        report = sync_once(factory, shared, workstation=desk_name(i), schools=[school])
        wall = time.perf_counter() - begin
        pulled = sum(report.pull.rows.values())
        rounds.append(
            {
                "desk": i,
                "k": k,
                "at": at - t0,
                "late": time.monotonic() - wall - at,
                "wall": wall,
                "db": Meter.seconds,
                "calls": Meter.calls,
                "statements": list(Meter.statements),
                "pull": pulls[0] if pulls else None,
                "pushed": report.push.entries,
                "pulled": pulled,
                "idle": report.ok and report.push.entries == 0 and pulled == 0,
                "ok": report.ok,
                "error": report.error,
                "measured": k > 0,
            }
        )
        if report.ok and report.push.entries and issued:
            for code in issued:
                codes.put(code)
            issued = []
    shared.dispose()
    local.dispose()
    out.write_text(json.dumps(rounds))


def wait(at: float) -> None:
    delay = at - time.monotonic()
    if delay > 0:
        time.sleep(delay)


def floor(raw: Any, factory: Any) -> float:
    """One bare SELECT by high-water mark: the student table past this desk's mark, on the
    pool's connection (used directly: this process's rounds are not running), nothing else."""
    with factory() as s:
        mark = datetime.fromisoformat(get_state(s.connection(), "pull:student")["pull:student"])
    since = mark.astimezone(UTC).replace(tzinfo=None)
    was = raw.autocommit
    raw.autocommit = True
    try:
        with psycopg.Cursor(raw) as cur:
            start = time.perf_counter()
            cur.execute(FLOOR_SQL, (since,))
            cur.fetchall()
            return time.perf_counter() - start
    finally:
        raw.autocommit = was


def issue(factory: Any, clerk: Actor | None, approver: Actor | None,
          student: tuple[str, str, str]) -> tuple[str, str, str]:  # fmt: skip
    assert clerk is not None and approver is not None
    pid, phone, name = student
    with db.unit_of_work(factory) as s:
        form = requests.AccessForm(
            permanent_id=pid,
            guardian_name=name,
            address="1 Main St",
            phone=phone,
            email="parent@example.org",
            signed_on=utcnow().date(),
            paper_form_signed=True,
        )
        rid = requests.record_request(s, clerk, form).request.id
    with db.unit_of_work(factory) as s:
        requests.verify_identity(s, clerk, rid, document_kind="passport")
    with db.unit_of_work(factory) as s:
        requests.approve(s, approver, rid)
    with db.unit_of_work(factory) as s:
        out = requests.issue_passcodes(s, clerk, [rid])
    return pid, phone, out.slip.students[0].vpc_grouped


def run_portal(url: str, codes: Any, end_at: float, out: Path) -> None:
    """The parent portal: each pushed code is tried once wrong, then right (links)."""
    web = make_url(url)
    opts = web.query.get("options", "")
    web = web.update_query_dict({"options": f"{opts} -crole=portal_app".strip()})
    engine = db.make_engine(web.render_as_string(hide_password=False), pool_size=1)
    factory = db.session_factory(engine)
    times: list[float] = []
    linked = refused = 0
    n = 0
    while time.monotonic() < end_at:
        try:
            pid, phone, code = codes.get(timeout=1)
        except queue.Empty:
            continue
        n += 1
        for attempt in (Vpc.generate().grouped(), code):
            start = time.perf_counter()
            with db.unit_of_work(factory) as s:
                answer = portal.link(
                    s, permanent_id=pid, phone=phone, vpc=attempt,
                    account_email=f"parent{n}@example.org",
                )  # fmt: skip
            times.append(time.perf_counter() - start)
            if isinstance(answer, portal.PortalRefused):
                refused += 1
            else:
                linked += 1
    engine.dispose()
    out.write_text(json.dumps({"times": times, "linked": linked, "refused": refused}))


# --------------------------------------------------------------------------------------- report


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def ms(x: float) -> str:
    return f"{x * 1000:.2f} ms"


def report(a: argparse.Namespace, rounds: list[dict[str, Any]], web: dict[str, Any],
           setup: dict[str, float]) -> None:  # fmt: skip
    measured = [r for r in rounds if r["measured"]]
    failed = [r for r in measured if not r["ok"]]
    idle = [r for r in measured if r["idle"]]
    busy = [r for r in measured if not r["idle"]]
    walls = [r["wall"] for r in measured]
    floors = [r["floor"] for r in measured if "floor" in r]
    idle_db = [r["db"] for r in idle]
    idle_pull = [r["pull"] for r in idle if r["pull"] is not None]
    floor50 = statistics.median(floors)
    print(
        f"district benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, PostgreSQL "
        f"({db.redacted(BASE)})"
    )
    print(
        f"  {a.students:,} students at {SCHOOLS} schools (+ {a.students:,} contacts), "
        f"{a.workstations} desks (2 per school, each its own SQLite store), rounds every "
        f"{a.round:g} s, {a.workstations // 10} issuers a code every {a.issue:g} s each, portal"
    )
    print(
        f"  schedule as issue 11 asks; measured {a.minutes:g} min after a warm-up round "
        "(the issue's run time compressed, not its schedule)"
    )
    print(
        f"  set-up: roster COPY {setup['fill']:.1f} s, a desk's first pull of the roster "
        f"{setup['first_pull']:.1f} s, {a.workstations} store copies {setup['copies']:.1f} s"
    )
    print(f"  rounds measured: {len(measured)} ({len(idle)} idle, {len(busy)} with work), "
          f"{len(failed)} failed")  # fmt: skip
    print(f"  round wall time: p50 {ms(pct(walls, 50))}, p95 {ms(pct(walls, 95))}, "
          f"max {ms(max(walls))}  (target p95 <= 1 s: "
          f"{'met' if pct(walls, 95) <= 1 else 'NOT met'})")  # fmt: skip
    if busy:
        bw = [r["wall"] for r in busy]
        print(f"    rounds with work: p50 {ms(pct(bw, 50))}, p95 {ms(pct(bw, 95))}")
    print(f"  floor (one bare SELECT by high-water mark, same connection): p50 {ms(floor50)}, "
          f"p95 {ms(pct(floors, 95))}")  # fmt: skip
    if idle:
        calls = statistics.median([r["calls"] for r in idle])
        ratio = statistics.median(idle_db) / floor50
        print(f"  idle round, database time: p50 {ms(statistics.median(idle_db))}, "
              f"p95 {ms(pct(idle_db, 95))}, {calls:g} driver calls  = {ratio:.2f} x floor "
              f"(target <= 2: {'met' if ratio <= 2 else 'NOT met'})")  # fmt: skip
        print(f"  idle round, pull wall time (nothing changed): p50 "
              f"{ms(statistics.median(idle_pull))}, p95 {ms(pct(idle_pull, 95))} "
              f"= {statistics.median(idle_pull) / floor50:.2f} x floor")  # fmt: skip
        iw = [r["wall"] for r in idle]
        print(f"  idle round wall time: p50 {ms(pct(iw, 50))}, p95 {ms(pct(iw, 95))}")
        sample = min(idle, key=lambda r: abs(r["db"] - statistics.median(idle_db)))
        print("  an idle round's driver calls:")
        for st in sample["statements"]:
            print(f"    {st}")
    t = web["times"]
    if t:
        print(f"  portal: {web['linked']} linked, {web['refused']} refused (one wrong try per "
              f"code), check p50 {ms(pct(t, 50))}, p95 {ms(pct(t, 95))}")  # fmt: skip
    for r in failed[:5]:
        print(f"  failed round: desk {r['desk']} round {r['k']}: {r['error']}")


def main() -> None:
    a = parse()
    setup: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, schema() as (url, conninfo):
        folder = Path(tmp)
        start = time.perf_counter()
        fill(conninfo, a.students)
        setup["fill"] = time.perf_counter() - start
        add_staff(url)
        store, setup["first_pull"] = template(folder, url)
        start = time.perf_counter()
        stores = []
        for i in range(a.workstations):
            stores.append(folder / f"{desk_name(i)}.sqlite3")
            shutil.copyfile(store, stores[-1])  # checkpointed and closed: the file is the store
        setup["copies"] = time.perf_counter() - start
        print(f"set-up done in {sum(setup.values()):.0f} s; measuring", file=sys.stderr)
        ctx = mp.get_context("fork")
        codes = ctx.Queue()
        t0 = time.monotonic() + 3
        end_at = t0 + a.round * 2 + a.minutes * 60
        procs = [
            ctx.Process(
                target=run_desk,
                args=(i, a, str(stores[i]), url, t0, folder / f"r{i}.json", codes),
            )
            for i in range(a.workstations)
        ]
        web = ctx.Process(target=run_portal, args=(url, codes, end_at, folder / "portal.json"))
        for p in [*procs, web]:
            p.start()
        for p in procs:
            p.join()
        web.join()
        rounds = [r for i in range(a.workstations) for r in json.loads(
            (folder / f"r{i}.json").read_text())]  # fmt: skip
        report(a, rounds, json.loads((folder / "portal.json").read_text()), setup)


if __name__ == "__main__":
    main()
