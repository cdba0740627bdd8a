"""One change the shared database refuses is quarantined and shown with the reason; every other
waiting change keeps flowing (issue 12: a NUL from an old store stopped every push to PostgreSQL,
pending-sync passcodes included)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from staffdesk.store import db
from staffdesk.store.models import Outbox, Student, StudentContact
from staffdesk.sync.conflicts import list_conflicts
from tests import sync_helpers as h

CASES = [
    pytest.param("postgresql", "Ann\x00a", "NUL", marks=pytest.mark.postgres, id="pg-nul"),
    pytest.param("postgresql", "A" * 150, "too long", marks=pytest.mark.postgres, id="pg-long"),
    pytest.param("mysql", "A" * 150, "too long", marks=pytest.mark.mysql, id="mariadb-long"),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return h.seed_template(tmp_path_factory.mktemp("quarantine-template"), "ws-a")


@pytest.mark.parametrize(("kind", "bad_name", "why"), CASES)
def test_a_refused_row_is_quarantined_and_the_rest_flows(
    request: pytest.FixtureRequest,
    template: Path,
    tmp_path: Path,
    kind: str,
    bad_name: str,
    why: str,
) -> None:
    url: str = request.getfixturevalue("pg_url" if kind == "postgresql" else "mysql_url")
    engine = db.make_engine(url)
    db.upgrade(engine)
    desk = h.desk(tmp_path, "ws-a", template)
    # an old store, from before names were checked: a bad value already in the roster ...
    with desk.work() as s:
        s.execute(
            update(Student).where(Student.permanent_id == "1000003").values(first_name=bad_name)
        )
        s.execute(
            insert(Outbox).values(
                entity_type="student", entity_id="1000003", action="roster.import"
            )
        )
    # ... and, waiting behind it, a passcode issued while offline
    _, code_id, _vpc = h.issued(desk, "1000001")
    report = desk.sync(engine)
    assert report.ok, report.lines()
    assert report.waiting == 0
    refused = [c for c in report.push.conflicts if c.kind == "rejected"]
    with desk.factory() as s:  # the student, and its contacts that hang on it, and no more
        contacts = set(
            s.scalars(select(StudentContact.id).where(StudentContact.permanent_id == "1000003"))
        )
    assert {(c.entity_type, c.entity_id) for c in refused} == {("student", "1000003")} | {
        ("student_contact", cid) for cid in contacts
    }
    assert all(c.message for c in refused)  # the database's reason, shown to staff
    assert h.count(engine, "passcode", id=code_id) == 1  # the pending code reached the portal
    assert h.count(engine, "student", permanent_id="1000003") in (0, 1)
    with desk.factory() as s:
        shown = {c.entity_id for c in list_conflicts(s)}
        assert shown == {"1000003"} | contacts
    again = desk.sync(engine)  # quarantined: not retried, not in the way
    assert again.ok and again.waiting == 0 and again.push.conflicts == ()
    engine.dispose()
