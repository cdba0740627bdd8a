"""Workstations for the sync tests: seeded local SQLite stores, a shared database per test, the
walk of a request to an issued passcode, snapshots, and a worker process for kill -9 tests.

Run as `python -m tests.sync_helpers LOCAL_URL SHARED_URL WORKSTATION OUT N` it is that worker:
it issues N passcodes (writing each plaintext VPC to OUT as soon as its transaction committed),
then syncs; STAFFDESK_SYNC_FAULT decides where it dies.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.services import demo, portal, requests, roster, staff
from staffdesk.services.context import Actor
from staffdesk.store import db
from staffdesk.store.models import Base, Student, StudentContact
from staffdesk.sync import faults
from staffdesk.sync.engine import SyncReport, sync_once
from staffdesk.sync.status import SyncStatus, sync_status

PASSWORD = "sync-test-pass-1"
SCHOOLS = ["LINC", "WASH", "ROOS"]
STAFF = (("clerk", "clerk"), ("approver", "approver"), ("approver2", "approver"))

SHARED_PARAMS = [
    pytest.param("postgresql", marks=pytest.mark.postgres, id="postgresql"),
    pytest.param("mysql", marks=pytest.mark.mysql, id="mariadb"),
]


def shared_url(request: pytest.FixtureRequest) -> str:
    """The conftest's fresh PostgreSQL schema or MariaDB database, with the schema built."""
    url: str = request.getfixturevalue("pg_url" if request.param == "postgresql" else "mysql_url")
    engine = db.make_engine(url)
    db.upgrade(engine)
    engine.dispose()
    return url


@contextmanager
def another_shared(kind: str) -> Iterator[str]:
    """A second fresh shared database of the same kind, schema built, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    var = "STAFFDESK_TEST_POSTGRES_URL" if kind == "postgresql" else "STAFFDESK_TEST_MYSQL_URL"
    from tests.conftest import server_url, unreachable

    base = db.normalise_url(server_url(var))
    name = f"sd_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    if kind == "postgresql":
        create, drop = f'CREATE SCHEMA "{name}"', f'DROP SCHEMA "{name}" CASCADE'
        url = make_url(base).update_query_dict({"options": f"-csearch_path={name}"})
    else:
        create, drop = f"CREATE DATABASE `{name}`", f"DROP DATABASE `{name}`"
        url = make_url(base).set(database=name)
    try:
        with admin.connect() as c:
            c.execute(text(create))
    except Exception as exc:
        admin.dispose()
        unreachable(base, exc)
    try:
        rendered = url.render_as_string(hide_password=False)
        engine = db.make_engine(rendered)
        db.upgrade(engine)
        engine.dispose()
        yield rendered
    finally:
        with admin.connect() as c:
            c.execute(text(drop))
        admin.dispose()


@contextmanager
def workstation_env(name: str) -> Iterator[None]:
    old = os.environ.get("STAFFDESK_WORKSTATION")
    os.environ["STAFFDESK_WORKSTATION"] = name
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("STAFFDESK_WORKSTATION", None)
        else:
            os.environ["STAFFDESK_WORKSTATION"] = old


def seed_template(folder: Path, name: str = "ws-a", students: int = 12) -> Path:
    """A workstation store with a roster and staff, all done on workstation `name`."""
    path = folder / f"{name}-template.sqlite3"
    students_csv, contacts_csv = demo.write_demo_csv(folder, students)
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with workstation_env(name), db.unit_of_work(db.session_factory(engine)) as s:
        staff.add_staff(s, None, username="admin", role="admin", password=PASSWORD)
        admin = staff.authenticate(s, "admin", PASSWORD, workstation=name)
        roster.import_roster(s, admin, students_csv, contacts_csv)
        for user, role in STAFF:
            staff.add_staff(
                s,
                admin,
                username=user,
                role=role,
                password=PASSWORD,
                schools=SCHOOLS,
                display_name=user.title(),
            )
    engine.dispose()
    return path


def _actor(username: str, role: str, workstation: str) -> Actor:
    from staffdesk.domain.workflow import Role

    schools = frozenset() if role == "admin" else frozenset(SCHOOLS)
    return Actor(username, username.title(), Role(role), schools, workstation)


@dataclass
class Desk:
    """One workstation: its local store and the staff signed in at it."""

    name: str
    url: str
    engine: Engine
    factory: sessionmaker[Session]

    def actor(self, username: str) -> Actor:
        role = "admin" if username == "admin" else dict(STAFF)[username]
        return _actor(username, role, self.name)

    @property
    def clerk(self) -> Actor:
        return self.actor("clerk")

    @property
    def approver(self) -> Actor:
        return self.actor("approver")

    @property
    def approver2(self) -> Actor:
        return self.actor("approver2")

    @contextmanager
    def work(self) -> Iterator[Session]:
        with db.unit_of_work(self.factory) as s:
            yield s

    def sync(self, shared: Engine, **kw: Any) -> SyncReport:
        """A round; staff, settings and roster go with `admin` (default: the same engine, a
        superuser in most tests; pass admin=None for a round without an admin login)."""
        kw.setdefault("workstation", self.name)
        kw.setdefault("admin", shared)
        return sync_once(self.factory, shared, **kw)

    def status(self) -> SyncStatus:
        with self.factory() as s:
            return sync_status(s, configured=True)

    def waiting(self) -> int:
        return self.status().waiting


def desk(folder: Path, name: str, template: Path | None = None) -> Desk:
    path = folder / f"{name}.sqlite3"
    if template is not None:
        shutil.copy(template, path)
    url = f"sqlite:///{path}"
    engine = db.make_engine(url)
    db.upgrade(engine)
    return Desk(name, url, engine, db.session_factory(engine))


def copy_store(d: Desk, target: Path) -> Path:
    """A consistent copy of a workstation's store (WAL included), as a backup would make."""
    import sqlite3

    source = sqlite3.connect(d.url.removeprefix("sqlite:///"))
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


def student_details(s: Session, pid: str) -> tuple[str, str]:
    """(primary phone, the first allowed contact's name) of a roster student."""
    student = s.get(Student, pid)
    assert student is not None
    contact = s.scalars(
        select(StudentContact)
        .where(StudentContact.permanent_id == pid, StudentContact.portal_access == "allowed")
        .order_by(StudentContact.emergency_order)
    ).first()
    assert contact is not None
    return student.primary_phone, contact.contact_name


def record(d: Desk, pid: str) -> str:
    with d.work() as s:
        phone, guardian = student_details(s, pid)
        form = requests.AccessForm(
            permanent_id=pid,
            guardian_name=guardian,
            address="12 Harbor Way, Bayside, CA",
            phone=phone,
            email=f"family{pid}@example.org",
            signed_on=date.today().isoformat(),
            paper_form_signed=True,
        )
        return requests.record_request(s, d.clerk, form).request.id


def verify(d: Desk, rid: str) -> None:
    with d.work() as s:
        requests.verify_identity(s, d.clerk, rid, document_kind="ca-id", last4="1234")


def approve(d: Desk, rid: str, approver: str = "approver") -> None:
    with d.work() as s:
        requests.approve(s, d.actor(approver), rid)


def issue(d: Desk, rid: str) -> tuple[str, str]:
    """(passcode id, plaintext VPC)."""
    with d.work() as s:
        out = requests.issue_passcodes(s, d.clerk, [rid])
    return out.passcode_ids[0], out.slip.students[0].vpc_grouped


def issued(d: Desk, pid: str) -> tuple[str, str, str]:
    """(request id, passcode id, VPC) for a request walked from intake to an issued code."""
    rid = record(d, pid)
    verify(d, rid)
    approve(d, rid)
    code_id, vpc = issue(d, rid)
    return rid, code_id, vpc


def link(factory: sessionmaker[Session], pid: str, vpc: str, account: str = "") -> object:
    """Run the portal check against a database, committing its answer (as the portal does)."""
    with factory() as s:
        phone = s.get(Student, pid).primary_phone  # type: ignore[union-attr]
        result = portal.link(
            s,
            permanent_id=pid,
            phone=phone,
            vpc=vpc,
            account_email=account or f"parent{pid}@example.org",
        )
        s.commit()
    return result


TABLES = (
    "school",
    "student",
    "student_contact",
    "staff_user",
    "staff_school",
    "setting",
    "access_request",
    "identity_check",
    "decision",
    "passcode",
    "slip_print_log",
    "portal_link",
    "audit_event",
    "audit_head",
    "sync_tombstone",
)


def snapshot(engine: Engine, *, without: tuple[str, ...] = ()) -> dict[str, list[tuple[Any, ...]]]:
    """Every contract table's rows, sorted, as plain tuples (minus the columns `without`)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as c:
        for name in TABLES:
            table = Base.metadata.tables[name]
            cols = [col for col in table.columns if col.name not in without]
            rows = c.execute(select(*cols)).all()
            out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def count(engine: Engine, table: str, **where: str) -> int:
    cond = " AND ".join(f"{k} = :{k}" for k in where) or "1=1"
    with engine.connect() as c:
        return int(
            c.execute(text(f"SELECT COUNT(*) FROM {table} WHERE {cond}"), where).scalar_one()
        )


# ------------------------------------------------------------------ the kill -9 worker process


def worker(local_url: str, shared: str, name: str, out: Path, n: int) -> None:
    engine = db.make_engine(local_url)
    d = Desk(name, local_url, engine, db.session_factory(engine))
    pids = [f"{1000001 + i}" for i in range(n)]
    for pid in pids:
        rid, code_id, vpc = issued(d, pid)
        with out.open("a", encoding="utf-8") as fh:  # the slip is in the parent's hands now
            fh.write(json.dumps({"pid": pid, "request": rid, "passcode": code_id, "vpc": vpc}))
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
    faults.point("after_local_commit")
    report = d.sync(db.make_engine(shared), batch_size=2)
    print(json.dumps({"ok": report.ok, "error": report.error}), flush=True)


if __name__ == "__main__":
    worker(sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4]), int(sys.argv[5]))


@pytest.fixture
def memory_keyring() -> Iterator[Any]:
    """The project's in-memory keyring for one test (a headless box has no secure backend)."""
    import keyring

    from staffdesk.sync import secrets

    previous = keyring.get_keyring()
    yield secrets.use_memory_keyring()
    keyring.set_keyring(previous)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`staffdesk ARGV` in this process: its exit code, standard output and standard error."""
    from staffdesk.cli import main

    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err
