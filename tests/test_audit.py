"""The audit chain notices an edited, deleted, inserted or reordered event."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import delete, select, update

from staffdesk.services import audit
from staffdesk.store import db
from staffdesk.store.models import AuditEvent
from tests.conftest import Office
from tests.flow import issued


def _events(office: Office) -> list[AuditEvent]:
    with db.unit_of_work(office.factory) as s:
        issued(s, office.clerk, office.approver)
    with office.session() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.chain == "desk-1").order_by(AuditEvent.seq)
            )
        )


def _verify(office: Office) -> audit.AuditReport:
    with office.session() as s:
        return audit.verify(s)


def test_untouched_chain_verifies(office: Office) -> None:
    events = _events(office)
    assert len(events) >= 5
    report = _verify(office)
    assert report.ok, report.problems


def test_edited_event_is_detected(office: Office) -> None:
    e = _events(office)[3]
    with db.unit_of_work(office.factory) as s:
        s.execute(update(AuditEvent).where(AuditEvent.id == e.id).values(actor="mallory"))
    report = _verify(office)
    assert not report.ok
    assert any(p.seq == e.seq and "changed" in p.problem for p in report.problems)


def test_deleted_event_is_detected(office: Office) -> None:
    e = _events(office)[2]
    with db.unit_of_work(office.factory) as s:
        s.execute(delete(AuditEvent).where(AuditEvent.id == e.id))
    assert any("missing" in p.problem for p in _verify(office).problems)


def test_deleted_last_event_is_detected(office: Office) -> None:
    e = _events(office)[-1]
    with db.unit_of_work(office.factory) as s:
        s.execute(delete(AuditEvent).where(AuditEvent.id == e.id))
    assert any("chain ends" in p.problem for p in _verify(office).problems)


def test_reordered_events_are_detected(office: Office) -> None:
    a, b = _events(office)[1:3]
    with db.unit_of_work(office.factory) as s:
        s.execute(update(AuditEvent).where(AuditEvent.id == a.id).values(seq=-1))
        s.execute(update(AuditEvent).where(AuditEvent.id == b.id).values(seq=a.seq))
        s.execute(update(AuditEvent).where(AuditEvent.id == a.id).values(seq=b.seq))
    assert not _verify(office).ok


def test_recomputed_hash_still_breaks_the_next_link(office: Office) -> None:
    """Rewriting one event and its own hash is caught by the event after it."""
    events = _events(office)
    e = events[2]
    with office.session() as s:
        row = s.get(AuditEvent, e.id)
        assert row is not None
        row.actor = "mallory"
        row.hash = audit._digest(row.prev_hash, audit._fields(row))
        s.commit()
    problems = _verify(office).problems
    assert any(p.seq == e.seq + 1 and "does not follow" in p.problem for p in problems)


def test_export_csv(office: Office, tmp_path: Path) -> None:
    _events(office)
    out = tmp_path / "audit.csv"
    with db.unit_of_work(office.factory) as s:
        n = audit.export_csv(s, office.admin, out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == n and rows[0]["action"] == "staff.add"
    assert _verify(office).ok
