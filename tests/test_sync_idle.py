"""A pull with nothing new is one question to the shared database (issue 11, district scale):
it asks which parts moved past their marks in one statement, of the change stamps the server's
triggers keep (`sync_change`, migration 0013), and reads only those; an old roster is never read
again, and whatever does change after idle rounds still arrives."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, delete, event, inspect, select, text, update

from staffdesk.services import portal
from staffdesk.store import db, guard
from staffdesk.store.models import (
    AccessRequest,
    School,
    StaffSchool,
    StaffUser,
    Student,
    StudentContact,
)
from staffdesk.store.sync_tables import sync_change, sync_state
from staffdesk.sync import anchor, connection
from staffdesk.sync.pull import pull
from tests import sync_helpers as h

LONG_AGO = datetime(2026, 1, 2, tzinfo=UTC)


@pytest.fixture(params=h.SHARED_PARAMS)
def shared(request: pytest.FixtureRequest) -> Iterator[Engine]:
    engine = db.make_engine(h.shared_url(request))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return h.seed_template(tmp_path_factory.mktemp("idle-template"), "ws-a")


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The statements sent to `engine` meanwhile (the pool's liveness ping is not one)."""
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def age_shared_rows(shared: Engine) -> None:
    """As if everything on the shared database had been pushed long ago."""
    with shared.begin() as c:
        for model in (School, Student, StudentContact, AccessRequest):
            c.execute(update(model.__table__).values(updated_at=LONG_AGO))


def test_an_idle_round_is_one_statement_and_later_changes_still_arrive(
    template: Path, tmp_path: Path, shared: Engine
) -> None:
    desk_a = h.desk(tmp_path, "ws-a", template)
    desk_b = h.desk(tmp_path, "ws-b")
    _rid, _code, vpc = h.issued(desk_a, "1000001")  # a LINC student
    assert desk_a.sync(shared).ok
    age_shared_rows(shared)
    first = desk_b.sync(shared)
    assert first.ok and first.pull.rows["student"] == 12 and first.pull.rows["passcode"] == 1

    # nothing new, at a desk of a school with no codes in play: one statement, no rows
    desk_c = h.desk(tmp_path, "ws-c")
    assert desk_c.sync(shared, schools=["WASH"]).ok
    with statements(shared) as sent:  # the pull's part of a round (anchoring is sync/anchor's)
        other = pull(desk_c.factory, shared, schools=["WASH"])
    assert not any(other.rows.values()), other
    assert len(sent) == 1, sent
    assert set(re.findall(r"FROM (\w+)", sent[0])) == {"sync_change"}, sent  # one small table
    # nothing new for every school: the one look-up, then the portal's columns of the code
    # still in play (the portal changes them without a timestamp)
    with statements(shared) as sent:
        idle = pull(desk_b.factory, shared)
    assert not any(idle.rows.values()), idle
    assert len(sent) == 2, sent
    assert "passcode" in sent[1] and "student" not in sent[1]

    # what changes after idle rounds still arrives: a new request and code, a staff account
    # changed on the shared database itself (no timestamp of its own: its trigger stamps it),
    # a portal link
    h.issued(desk_a, "1000004")
    assert desk_a.sync(shared).ok
    with statements(shared) as sent:  # LINC's new request is no news at a WASH desk
        other = pull(desk_c.factory, shared, schools=["WASH"])
    assert not any(other.rows.values()) and len(sent) == 1, sent
    with shared.begin() as c:
        c.execute(
            update(StaffUser.__table__)
            .where(StaffUser.username == "clerk")
            .values(display_name="Clerk Renamed")
        )
    moved = desk_b.sync(shared)
    assert moved.ok, moved.error
    assert moved.pull.rows.get("access_request") == 1, moved.lines()
    assert moved.pull.rows.get("passcode") == 1 and moved.pull.rows.get("staff_user") == 1
    assert "student" not in moved.pull.rows  # the old roster is not read again
    with desk_b.work() as s:
        clerk = s.query(StaffUser).filter_by(username="clerk").one()
        assert clerk.display_name == "Clerk Renamed"

    # a school taken from an account on the shared database is taken at the desks too
    with shared.begin() as c:
        clerk_id = c.scalar(select(StaffUser.id).where(StaffUser.username == "clerk"))
        links = c.execute(delete(StaffSchool).where(StaffSchool.staff_id == clerk_id)).rowcount
    assert links >= 1
    taken = desk_b.sync(shared)
    assert taken.ok and taken.pull.rows.get("staff_school deleted") == links, taken.lines()
    with desk_b.work() as s:
        assert s.scalars(select(StaffSchool).where(StaffSchool.staff_id == clerk_id)).all() == []

    linked = h.link(db.session_factory(shared), "1000001", vpc, "mom@example.org")
    assert isinstance(linked, portal.LinkResult)
    report = desk_b.sync(shared)
    assert report.ok, report.error
    assert report.pull.rows.get("portal_link") == 1, report.lines()
    assert report.pull.rows.get("passcode (portal)") == 1


@pytest.mark.postgres
def test_a_connection_the_server_ended_between_rounds_is_replaced_unseen(
    template: Path, tmp_path: Path, pg_url: str
) -> None:
    """No liveness ping before a round (it would double an idle round's cost): a pooled
    connection the server closed meanwhile is noticed on its socket and replaced."""
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    engine.dispose()
    shared = connection.shared_engine(pg_url)
    desk_a = h.desk(tmp_path, "ws-a", template)
    try:
        assert desk_a.sync(shared).ok
        with shared.connect() as c:
            pid = c.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        with db.make_engine(pg_url).connect() as admin:
            assert admin.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})").scalar()
        time.sleep(0.5)  # the backend's goodbye reaches the socket (not a timing assertion)
        report = desk_a.sync(shared)
        assert report.ok, report.error
        with shared.connect() as c:
            assert c.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() != pid
    finally:
        shared.dispose()


def test_a_whole_idle_round_of_a_desk_with_its_own_anchored_chain_is_the_pull_alone(
    template: Path, tmp_path: Path, shared: Engine
) -> None:
    """Issue 11's rule for the whole round (`sync_once`), not only its pull: a desk whose audit
    events are all on the shared database and anchored neither compares its chain with the
    shared one, nor pushes (its admin push included), nor anchors again. What it sends is the
    pull's one look-up, and the re-read of the portal's columns while one of its codes is in
    play; once the code is used, the look-up alone."""
    desk_a = h.desk(tmp_path, "ws-a", template)
    _rid, _code, vpc = h.issued(desk_a, "1000001")
    first = desk_a.sync(shared)
    assert first.ok and first.push.audit_events, first.lines()
    assert first.anchors is not None and first.anchors.verified is not None, first.lines()
    head = first.anchors.verified.seq
    age_shared_rows(shared)  # long pushed: nothing is inside the pull's overlap any more
    # the counters its own push (and the ageing) moved: read once, as any desk would
    assert desk_a.sync(shared).ok

    with statements(shared) as sent:  # admin=shared too: its empty admin push asks nothing
        idle = desk_a.sync(shared)
    assert idle.ok and idle.push.entries == 0 and idle.push.audit_events == 0, idle.lines()
    assert not any(idle.pull.rows.values()) and idle.anchors is None, idle.lines()
    assert len(sent) == 2, sent
    assert set(re.findall(r"FROM (\w+)", sent[0])) == {"sync_change"}, sent  # one small table
    assert sent[1].startswith("SELECT passcode.") and "audit" not in " ".join(sent)
    assert desk_a.status().checkpoint.seq == head  # type: ignore[union-attr]

    # the portal uses the code; the desk pulls that, then has no code in play
    assert isinstance(h.link(db.session_factory(shared), "1000001", vpc), portal.LinkResult)
    used = desk_a.sync(shared)
    assert used.ok and used.pull.rows.get("passcode (portal)") == 1, used.lines()
    age_shared_rows(shared)
    assert desk_a.sync(shared).ok
    with statements(shared) as sent:
        idle = desk_a.sync(shared, admin=None)
    assert idle.ok and not any(idle.pull.rows.values()) and idle.anchors is None, idle.lines()
    assert len(sent) == 1, sent
    assert set(re.findall(r"FROM (\w+)", sent[0])) == {"sync_change"}, sent  # one small table

    # a desk whose chain is ahead of its verified checkpoint (a round that died before
    # anchoring) anchors in its next round although it has nothing to push
    with desk_a.work() as s:
        s.execute(delete(sync_state).where(sync_state.c.key == anchor.STATE))
    with statements(shared) as sent:
        catch_up = desk_a.sync(shared, admin=None)
    assert catch_up.ok and catch_up.anchors is not None, catch_up.lines()
    assert catch_up.anchors.verified is not None and catch_up.anchors.verified.seq >= head
    assert any("audit_checkpoint" in st for st in sent), sent


def test_a_change_that_commits_late_still_arrives(
    template: Path, tmp_path: Path, shared: Engine
) -> None:
    """The change counters, not a clock, say what moved: a staff change stamped long before it
    commits (an admin's transaction left open, a push kept waiting) still reaches a desk that
    synced meanwhile; a time stamp would have fallen behind the desk's mark."""
    desk = h.desk(tmp_path, "ws-a", template)
    assert desk.sync(shared).ok and desk.sync(shared).ok
    with shared.connect() as c, c.begin():
        c.execute(
            update(StaffUser.__table__)
            .where(StaffUser.username == "approver")
            .values(display_name="Approver Late")
        )
        c.execute(update(sync_change).values(changed_at=LONG_AGO))  # as if stamped long ago
        during = desk.sync(shared)  # not committed yet: nothing to see
        assert during.ok and not during.pull.rows.get("staff_user"), during.lines()
    after = desk.sync(shared)
    assert after.ok and after.pull.rows.get("staff_user") == 1, after.lines()
    with desk.work() as s:
        assert s.query(StaffUser).filter_by(username="approver").one().display_name == (
            "Approver Late"
        )


# -------------------------------------------- migration 0013 on a shared database already in use
STAMPED_KINDS = {"school", "student", "student_contact", "sync_tombstone", "staff"}


def _stamps(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as c:
        return {(k, s) for k, s in c.execute(text("SELECT kind, scope FROM sync_change"))}


def test_upgrade_from_0012_stamps_what_is_there(
    shared: Engine, template: Path, tmp_path: Path
) -> None:
    """Every kind of row is stamped once (so each desk reads each part once more, then only what
    changed), the schools with requests too; the triggers are among the guards `staffdesk
    doctor` checks, and downgrading takes them away again."""
    desk = h.desk(tmp_path, "ws-a", template)
    h.issued(desk, "1000001")  # a LINC student's code: LINC has a request
    assert desk.sync(shared).ok
    command.downgrade(db.alembic_config(shared), "0012")
    assert "sync_change" not in inspect(shared).get_table_names()
    missing = guard.missing_guards(shared)
    assert missing and all("sd_changed_" in m or "sync_change" in m for m in missing), missing

    db.upgrade(shared)
    assert db.schema_is_current(shared) and guard.missing_guards(shared) == []
    assert _stamps(shared) == {(k, "") for k in STAMPED_KINDS} | {("access_request", "LINC")}
    # the desk synced before the upgrade: it reads the stamped parts again, then idles
    again = desk.sync(shared)
    assert again.ok, again.error
    idle = desk.sync(shared)
    assert idle.ok and not any(idle.pull.rows.values()), idle.lines()
