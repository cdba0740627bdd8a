"""Sync against real PostgreSQL and MariaDB: push, pull, replays, conflicts, offline work."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, text, update

from staffdesk.domain.errors import RestoredWorkstation
from staffdesk.services import audit, portal, requests
from staffdesk.store import db
from staffdesk.store.models import (
    AccessRequest,
    Decision,
    Outbox,
    Passcode,
    PortalLink,
    Student,
)
from staffdesk.sync import faults
from staffdesk.sync.conflicts import list_conflicts, resolve_conflict
from staffdesk.sync.identity import new_segment
from staffdesk.sync.pull import pull
from staffdesk.sync.status import pending_passcode_ids, sync_status
from tests import sync_helpers as h

UNREACHABLE = {
    "postgresql": "postgresql://postgres@127.0.0.1:1/test",
    "mysql": "mysql://root@127.0.0.1:1/test",
}


@pytest.fixture(params=h.SHARED_PARAMS)
def shared_url(request: pytest.FixtureRequest) -> str:
    return h.shared_url(request)


@pytest.fixture
def shared(shared_url: str) -> Engine:
    engine = db.make_engine(shared_url)
    yield engine  # type: ignore[misc]
    engine.dispose()


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return h.seed_template(tmp_path_factory.mktemp("sync-template"), "ws-a")


@pytest.fixture
def desk_a(template: Path, tmp_path: Path) -> h.Desk:
    return h.desk(tmp_path, "ws-a", template)


@pytest.fixture
def desk_b(tmp_path: Path) -> h.Desk:
    return h.desk(tmp_path, "ws-b")


def _shared_factory(shared: Engine):  # type: ignore[no-untyped-def]
    return db.session_factory(shared)


def _audit_ok(engine: Engine) -> audit.AuditReport:
    with db.session_factory(engine)() as s:
        report = audit.verify(s)
    assert report.ok, report.problems
    return report


# ------------------------------------------------------------------------- push and pull


def test_push_then_pull_brings_a_second_workstation_everything(
    desk_a: h.Desk, desk_b: h.Desk, shared: Engine
) -> None:
    rid, code_id, _vpc = h.issued(desk_a, "1000001")
    report = desk_a.sync(shared)
    assert report.ok, report.error
    assert report.waiting == 0
    assert report.push.rows["student"] == 12 and report.push.rows["passcode"] == 1
    assert h.count(shared, "access_request", id=rid) == 1
    assert h.count(shared, "passcode", id=code_id) == 1
    # the portal-owned columns were never sent, and got their defaults
    with shared.connect() as c:
        row = c.execute(select(Passcode.__table__).where(Passcode.id == code_id)).mappings().one()
    assert row["used_at"] is None and row["failed_attempts"] == 0
    report = _audit_ok(shared)
    assert report.chains == 1

    pulled = desk_b.sync(shared)
    assert pulled.ok, pulled.error
    assert pulled.pull.rows["student"] == 12
    assert pulled.pull.rows["access_request"] == 1
    assert pulled.pull.rows["passcode"] == 1
    assert pulled.pull.rows["staff_user"] == 4
    with desk_b.work() as s:
        view = requests.get_request(s, desk_b.clerk, rid)
        assert view.status.value == "issued"
        assert view.identity is not None and view.decision is not None
        assert [p.id for p in view.passcodes] == [code_id]
    # a round with nothing new moves nothing
    again = desk_b.sync(shared)
    assert again.push.entries == 0 and not any(again.pull.rows.values()), again.lines()


def test_replayed_and_reordered_entries_leave_the_same_state(
    desk_a: h.Desk, shared: Engine, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    _rid, _, _ = h.issued(desk_a, "1000001")
    rid2, _, _ = h.issued(desk_a, "1000002")
    with desk_a.work() as s:
        requests.revoke_passcode(s, desk_a.approver, rid2, reason="slip lost")
    # keep a copy of the local store before it pushes, to replay it all onto a second database
    copy = h.copy_store(desk_a, tmp_path / "copy.sqlite3")
    assert desk_a.sync(shared, batch_size=3).ok
    first = h.snapshot(shared)
    _audit_ok(shared)

    # every entry again, 2 to 5 times each, shuffled
    rng = random.Random(4)
    with desk_a.work() as s:
        entries = s.execute(select(Outbox.entity_type, Outbox.entity_id, Outbox.action)).all()
        replay = [e for e in entries for _ in range(rng.randint(2, 5))]
        rng.shuffle(replay)
        s.execute(
            insert(Outbox),
            [{"entity_type": t, "entity_id": i, "action": a} for t, i, a in replay],
        )
    for size in (7, 1000):
        report = desk_a.sync(shared, batch_size=size)
        assert report.ok and not report.push.conflicts, report.lines()
        assert h.snapshot(shared) == first  # updated_at included: nothing was rewritten

    # the same entries, shuffled and repeated, into a fresh shared database: same content
    kind = request.node.callspec.params["shared_url"]
    desk_a.engine.dispose()
    replica_dir = tmp_path / "replica"
    replica_dir.mkdir()
    with h.another_shared(kind) as other_url:
        replica = h.desk(replica_dir, "ws-a", copy)
        with replica.work() as s:
            entries = s.execute(select(Outbox.entity_type, Outbox.entity_id, Outbox.action)).all()
            s.execute(text("DELETE FROM outbox"))
            replay = [e for e in entries for _ in range(rng.randint(2, 5))]
            rng.shuffle(replay)
            s.execute(
                insert(Outbox),
                [{"entity_type": t, "entity_id": i, "action": a} for t, i, a in replay],
            )
        other = db.make_engine(other_url)
        report = replica.sync(other, batch_size=5)
        assert report.ok and not report.push.conflicts, report.lines()
        without = ("updated_at",)
        assert h.snapshot(other, without=without) == h.snapshot(shared, without=without)
        other.dispose()
        replica.engine.dispose()


def test_a_stale_copy_never_revives_a_revoked_passcode(
    desk_a: h.Desk, shared: Engine, tmp_path: Path
) -> None:
    rid, code_id, vpc = h.issued(desk_a, "1000001")
    stale = h.copy_store(desk_a, tmp_path / "stale.sqlite3")  # before the revocation
    with desk_a.work() as s:
        requests.revoke_passcode(s, desk_a.approver, rid, reason="slip lost")
    assert desk_a.sync(shared).ok
    # the old copy of this workstation pushes its "issued" state late
    old = h.Desk("ws-a", f"sqlite:///{stale}", db.make_engine(f"sqlite:///{stale}"), None)  # type: ignore[arg-type]
    old.factory = db.session_factory(old.engine)
    # it is behind what this workstation already sent: told as that, and nothing is pushed
    report = old.sync(shared)
    assert isinstance(report.problem, RestoredWorkstation), report.lines()
    assert h.count(shared, "passcode", id=code_id) == 1
    # made to go on anyway (a new chain segment), its late "issued" state still changes nothing
    new_segment(old.factory, shared, "ws-a")
    report = old.sync(shared)
    with shared.connect() as c:
        row = c.execute(select(Passcode.__table__).where(Passcode.id == code_id)).mappings().one()
        req = (
            c.execute(select(AccessRequest.__table__).where(AccessRequest.id == rid))
            .mappings()
            .one()
        )
    assert row["revoked_at"] is not None and row["revoke_reason"] == "slip lost"
    assert req["status"] == "revoked"
    # the late "issued" is not an overwrite: it is a conflict shown to staff
    assert [c.entity_id for c in report.push.conflicts] == [rid]
    assert isinstance(h.link(db.session_factory(shared), "1000001", vpc), portal.PortalRefused)


# ------------------------------------------------------------------------------ conflicts


def test_two_workstations_deciding_one_request_one_wins_the_other_sees_both(
    desk_a: h.Desk, desk_b: h.Desk, shared: Engine
) -> None:
    rid = h.record(desk_a, "1000001")
    h.verify(desk_a, rid)
    assert desk_a.sync(shared).ok
    assert desk_b.sync(shared).ok  # B now has the verified request
    h.approve(desk_a, rid, "approver")
    with desk_b.work() as s:
        requests.reject(s, desk_b.approver2, rid, reason="signature missing")
        # B goes on and issues nothing (rejected); A issues a passcode on its approval
    code_id, vpc = h.issue(desk_a, rid)
    assert desk_a.sync(shared).ok  # A is first
    report = desk_b.sync(shared)
    assert report.ok
    (conflict,) = report.push.conflicts
    assert conflict.kind == "conflict" and conflict.entity_id == rid
    assert conflict.local["access_request"]["status"] == "rejected"
    assert conflict.local["decision"]["decided_by"] == "approver2"
    assert conflict.shared["access_request"]["status"] == "issued"
    assert conflict.shared["decision"]["decided_by"] == "approver"
    assert conflict.local_version == conflict.shared_version - 1
    assert "changed on another workstation" in conflict.message
    # the UI's list shows it too, and B's copy is the fresh shared one
    with desk_b.work() as s:
        listed = list_conflicts(s)
        assert [c.id for c in listed] == [conflict.id]
        view = requests.get_request(s, desk_b.clerk, rid)
        assert view.status.value == "issued" and view.decision.decided_by == "approver"  # type: ignore[union-attr]
        assert [p.id for p in view.passcodes] == [code_id]
        assert sync_status(s, configured=True).open_conflicts == 1
    # nothing of B's rejection reached the shared database, and the shared one is intact
    with shared.connect() as c:
        dec = (
            c.execute(select(Decision.__table__).where(Decision.request_id == rid)).mappings().one()
        )
        assert dec["outcome"] == "approved"
    _audit_ok(shared)
    assert desk_b.sync(shared).push.conflicts == ()  # settled, not repeated
    with desk_b.work() as s:
        resolve_conflict(s, conflict.id, "approver2")
        assert list_conflicts(s) == []
    assert isinstance(h.link(db.session_factory(shared), "1000001", vpc), portal.LinkResult)


def test_passcode_issued_on_the_losing_copy_is_revoked_and_never_shared(
    desk_a: h.Desk, desk_b: h.Desk, shared: Engine
) -> None:
    rid = h.record(desk_a, "1000002")
    h.verify(desk_a, rid)
    assert desk_a.sync(shared).ok and desk_b.sync(shared).ok
    h.approve(desk_a, rid, "approver")
    h.approve(desk_b, rid, "approver2")
    lost_id, lost_vpc = h.issue(desk_b, rid)  # B even printed a slip
    assert desk_a.sync(shared).ok
    report = desk_b.sync(shared)
    (conflict,) = report.push.conflicts
    assert "1 passcode(s) issued on your copy were revoked" in conflict.message
    assert h.count(shared, "passcode", id=lost_id) == 0
    with desk_b.work() as s:
        assert s.get(Passcode, lost_id).revoked_at is not None  # type: ignore[union-attr]
        assert pending_passcode_ids(s) == set()
    assert isinstance(h.link(db.session_factory(shared), "1000002", lost_vpc), portal.PortalRefused)
    _audit_ok(shared)


def test_a_workstation_that_crashed_before_its_acknowledgement_is_not_in_conflict(
    desk_a: h.Desk, shared: Engine
) -> None:
    rid = h.record(desk_a, "1000001")
    h.verify(desk_a, rid)

    def die(step: str, context: dict[str, object]) -> None:
        if step == "push.after_server_commit":
            raise KeyboardInterrupt  # as good as a crash: the local store is not told

    with faults.installed(die), pytest.raises(KeyboardInterrupt):
        desk_a.sync(shared)
    h.approve(desk_a, rid)  # more work on top of the state that did reach the shared database
    report = desk_a.sync(shared)
    assert report.ok and report.push.conflicts == (), report.lines()
    assert h.count(shared, "access_request", id=rid, status="approved") == 1


def test_a_change_the_shared_database_refuses_is_shown_and_the_rest_goes_through(
    desk_a: h.Desk, desk_b: h.Desk, shared: Engine
) -> None:
    from staffdesk.services import staff

    assert desk_a.sync(shared).ok and desk_b.sync(shared).ok
    _, code_a, _ = h.issued(desk_a, "1000001")
    for d in (desk_a, desk_b):  # two desks give one username to two new accounts
        with d.work() as s:
            staff.add_staff(s, d.actor("admin"), username="newbie", role="clerk",
                            password=h.PASSWORD, schools=["LINC"])  # fmt: skip
    assert desk_a.sync(shared).ok
    # and a passcode whose serial happens to be taken already
    rid, code_b, _ = h.issued(desk_b, "1000002")
    with shared.connect() as c:
        serial = c.execute(text("SELECT serial FROM passcode WHERE id = :i"), {"i": code_a})
        serial = serial.scalar_one()
    with desk_b.work() as s:
        s.execute(update(Passcode.__table__).where(Passcode.id == code_b).values(serial=serial))
    report = desk_b.sync(shared)
    assert report.ok and report.waiting == 0, report.lines()
    refused = {c.entity_type: c for c in report.push.conflicts}
    assert set(refused) == {"staff_user", "passcode"} and all(
        c.kind == "rejected" for c in refused.values()
    )
    assert "newbie" in refused["staff_user"].message
    assert "serial" in refused["passcode"].message
    # nothing of the other account or the other passcode was touched; the rest arrived
    with shared.connect() as c:
        owner = c.execute(text("SELECT id FROM staff_user WHERE username = 'newbie'")).scalar()
        holder = c.execute(text("SELECT id FROM passcode WHERE serial = :s"), {"s": serial})
        assert holder.scalar_one() == code_a
    with desk_a.work() as s:
        assert (
            s.execute(text("SELECT id FROM staff_user WHERE username = 'newbie'")).scalar() == owner
        )
    assert h.count(shared, "access_request", id=rid, status="issued") == 1
    assert h.count(shared, "passcode", id=code_b) == 0
    with desk_b.work() as s:
        assert {c.entity_type for c in list_conflicts(s)} == {"staff_user", "passcode"}
        assert s.get(Passcode, code_b).revoked_by == "sync"  # type: ignore[union-attr]
    _audit_ok(shared)


# -------------------------------------------------------------------------------- pulling


def test_pull_never_overwrites_unpushed_local_changes(
    desk_a: h.Desk, desk_b: h.Desk, shared: Engine
) -> None:
    from staffdesk.services import staff

    rid = h.record(desk_a, "1000001")
    assert desk_a.sync(shared).ok and desk_b.sync(shared).ok
    h.verify(desk_b, rid)  # B's change waits (B does not push yet)
    with desk_b.work() as s:
        staff.rename_school(s, desk_b.actor("admin"), "LINC", "Lincoln (B's name)")
    h.verify(desk_a, rid)
    with desk_a.work() as s:
        staff.rename_school(s, desk_a.actor("admin"), "LINC", "Lincoln (A's name)")
    assert desk_a.sync(shared).ok
    report = pull(desk_b.factory, shared)
    assert report.kept_local == 2  # the request and the school
    with desk_b.work() as s:
        idc = requests.get_request(s, desk_b.clerk, rid).identity
        assert idc is not None and idc.workstation == "ws-b"  # still B's own identity check
        assert s.execute(text("SELECT name FROM school WHERE code = 'LINC'")).scalar_one() == (
            "Lincoln (B's name)"
        )
    # once pushed, the request is a conflict (A was first) and the school is B's (last wins)
    report = desk_b.sync(shared)
    assert [c.entity_id for c in report.push.conflicts] == [rid]
    with shared.connect() as c:
        assert c.execute(text("SELECT name FROM school WHERE code = 'LINC'")).scalar_one() == (
            "Lincoln (B's name)"
        )
    with desk_b.work() as s:
        idc = requests.get_request(s, desk_b.clerk, rid).identity
        assert idc is not None and idc.workstation == "ws-a"  # the fresh view


def test_pull_brings_office_work_of_the_staff_schools_only(
    desk_a: h.Desk, desk_b: h.Desk, shared: Engine
) -> None:
    from staffdesk.services import staff

    linc = h.record(desk_a, "1000001")  # Lincoln
    wash = h.record(desk_a, "1000002")  # Washington
    assert desk_a.sync(shared).ok
    report = desk_b.sync(shared, schools={"WASH"})
    assert report.ok and report.pull.rows["access_request"] == 1
    with desk_b.work() as s:
        assert s.get(AccessRequest, wash) is not None and s.get(AccessRequest, linc) is None
        # staff accounts come along: anyone may sign in at this desk
        assert staff.authenticate(s, "approver2", h.PASSWORD).schools == frozenset(h.SCHOOLS)
    report = desk_b.sync(shared)  # signed in district-wide now: the rest arrives
    assert report.pull.rows["access_request"] == 1
    with desk_b.work() as s:
        assert s.get(AccessRequest, linc) is not None


def test_staff_see_linked_on_and_lockouts_from_the_portal(desk_a: h.Desk, shared: Engine) -> None:
    rid, code_id, vpc = h.issued(desk_a, "1000001")
    rid2, _code2, _vpc2 = h.issued(desk_a, "1000002")
    assert desk_a.sync(shared).ok
    portal_side = db.session_factory(shared)
    assert isinstance(h.link(portal_side, "1000001", vpc, "mom@example.org"), portal.LinkResult)
    from staffdesk.domain.vpc import Vpc

    wrong = Vpc.generate().grouped()  # well-formed, not this student's
    for _ in range(5):
        with portal_side() as s:
            phone = "+14155551001"
            portal.link(
                s, permanent_id="1000002", phone=phone, vpc=wrong, account_email="x@example.org"
            )
            s.commit()
    report = desk_a.sync(shared)
    assert report.ok
    assert report.pull.rows["portal_link"] == 1
    with desk_a.work() as s:
        view = requests.get_request(s, desk_a.clerk, rid)
        (p,) = view.passcodes
        assert p.state.value == "used" and p.used_by_account == "mom@example.org"
        assert p.used_at is not None
        (p2,) = requests.get_request(s, desk_a.clerk, rid2).passcodes
        assert p2.locked and p2.failed_attempts == 5
        link = s.scalars(select(PortalLink)).one()
        assert link.passcode_id == code_id


def test_contact_removed_by_a_reimport_is_removed_elsewhere(
    desk_a: h.Desk, desk_b: h.Desk, shared: Engine, tmp_path: Path
) -> None:
    from staffdesk.services import demo, roster

    assert desk_a.sync(shared).ok and desk_b.sync(shared).ok
    students, contacts = demo.write_demo_csv(tmp_path, 12)
    lines = contacts.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("1000003,")]
    kept.append(lines[next(i for i, line in enumerate(lines) if line.startswith("1000003,"))])
    contacts.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with desk_a.work() as s:
        r = roster.import_roster(s, desk_a.actor("admin"), students, contacts)
    assert r.contacts_removed == 1
    assert desk_a.sync(shared).ok
    report = desk_b.sync(shared)
    assert report.pull.rows.get("student_contact deleted") == 1, report.lines()
    with desk_a.work() as a, desk_b.work() as b:
        q = text("SELECT id FROM student_contact ORDER BY id")
        assert a.execute(q).all() == b.execute(q).all()


# ---------------------------------------------------------------------- offline and pending


def test_the_portal_honours_a_code_only_once_it_has_synced(desk_a: h.Desk, shared: Engine) -> None:
    assert desk_a.sync(shared).ok
    _rid, code_id, vpc = h.issued(desk_a, "1000004")
    with desk_a.work() as s:
        assert pending_passcode_ids(s) == {code_id}
    portal_side = db.session_factory(shared)
    refused = h.link(portal_side, "1000004", vpc)
    assert (
        isinstance(refused, portal.PortalRefused) and refused.reason.value == "no_usable_code"
    )  # not there yet
    assert desk_a.sync(shared).ok
    with desk_a.work() as s:
        assert pending_passcode_ids(s) == set()
    assert isinstance(h.link(portal_side, "1000004", vpc), portal.LinkResult)


def test_shared_database_down_at_start_then_back(
    desk_a: h.Desk, shared: Engine, request: pytest.FixtureRequest
) -> None:
    down = db.make_engine(UNREACHABLE[request.node.callspec.params["shared_url"]])
    first = h.issued(desk_a, "1000001")
    report = desk_a.sync(down)
    assert not report.ok and report.error
    waiting = report.waiting
    status = desk_a.status()
    assert status.state == "offline" and status.last_error and status.waiting == waiting
    second = h.issued(desk_a, "1000002")  # the desk keeps working
    report = desk_a.sync(down)
    assert not report.ok and report.waiting > waiting
    with desk_a.work() as s:
        assert pending_passcode_ids(s) == {first[1], second[1]}
    report = desk_a.sync(shared)
    assert report.ok and report.waiting == 0
    status = desk_a.status()
    assert status.state == "online" and status.last_error is None and status.last_sync_at
    portal_side = db.session_factory(shared)
    for pid, (_, code_id, vpc) in (("1000001", first), ("1000002", second)):
        assert h.count(shared, "passcode", id=code_id) == 1
        assert isinstance(h.link(portal_side, pid, vpc), portal.LinkResult)
    _audit_ok(shared)


def _kill_connection(shared: Engine, conn: object) -> None:
    """Cut the push's connection from the server side, as a network failure would."""
    raw = conn.connection.dbapi_connection  # type: ignore[attr-defined]
    with db.make_engine(str(shared.url.render_as_string(hide_password=False))).connect() as admin:
        if shared.dialect.name == "postgresql":
            admin.execute(text("SELECT pg_terminate_backend(:p)"), {"p": raw.info.backend_pid})
        else:
            admin.execute(text(f"KILL {raw.thread_id()}"))


def test_shared_database_going_down_mid_push(desk_a: h.Desk, shared: Engine) -> None:
    codes = [h.issued(desk_a, pid) for pid in ("1000001", "1000002", "1000003")]
    before = desk_a.waiting()
    hits = []

    def cut(step: str, context: dict[str, object]) -> None:
        if step == "push.mid":
            hits.append(step)
            if len(hits) == 3:  # two batches are in, the third loses its connection
                _kill_connection(shared, context["connection"])

    with faults.installed(cut):
        report = desk_a.sync(shared, batch_size=4)
    assert not report.ok and report.error
    assert 0 < report.waiting < before  # some arrived, the rest waits
    assert report.push.entries > 0
    assert desk_a.status().state == "offline"
    more = h.issued(desk_a, "1000004")
    report = desk_a.sync(shared, batch_size=4)
    assert report.ok and report.waiting == 0
    portal_side = db.session_factory(shared)
    for pid, (rid, code_id, vpc) in zip(
        ("1000001", "1000002", "1000003", "1000004"), [*codes, more], strict=True
    ):
        assert h.count(shared, "access_request", id=rid) == 1
        assert h.count(shared, "passcode", id=code_id) == 1
        assert isinstance(h.link(portal_side, pid, vpc), portal.LinkResult)
    _audit_ok(shared)


def test_standalone_mode_keeps_working_without_a_shared_database(desk_a: h.Desk) -> None:
    h.issued(desk_a, "1000001")
    with desk_a.work() as s:
        status = sync_status(s, configured=False)
        assert status.state == "standalone" and status.waiting > 0
        assert "standalone" in status.text()


# --------------------------------------------------------------- bulk path (COPY, PostgreSQL)


@pytest.mark.postgres
def test_bulk_push_through_copy_is_idempotent_and_matches_row_by_row(
    desk_a: h.Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffdesk.sync import upsert as upsert_module

    monkeypatch.setattr(upsert_module, "COPY_MIN", 1)  # every upsert of plain rows: COPY

    bulk_writes: list[str] = []
    real = upsert_module._copy_upsert

    def counted(conn, table, *args, **kw):  # type: ignore[no-untyped-def]
        bulk_writes.append(table.name)
        return real(conn, table, *args, **kw)

    monkeypatch.setattr(upsert_module, "_copy_upsert", counted)
    h.issued(desk_a, "1000001")
    copy = h.copy_store(desk_a, tmp_path / "copy.sqlite3")
    with h.another_shared("postgresql") as bulk_url, h.another_shared("postgresql") as row_url:
        bulk, rows = db.make_engine(bulk_url), db.make_engine(row_url)
        report = desk_a.sync(bulk)
        assert report.ok and report.push.rows["student"] == 12, report.lines()
        assert {"school", "student", "student_contact"} <= set(bulk_writes)  # the COPY path
        first = h.snapshot(bulk)

        # the same store, row by row, into another database: the same content
        monkeypatch.setattr(upsert_module, "COPY_MIN", 10**9)
        replica_dir = tmp_path / "replica"
        replica_dir.mkdir()
        replica = h.desk(replica_dir, "ws-a", copy)
        assert replica.sync(rows).ok
        without = ("updated_at",)
        assert h.snapshot(rows, without=without) == h.snapshot(bulk, without=without)
        monkeypatch.setattr(upsert_module, "COPY_MIN", 1)

        # every entry again, twice: nothing is rewritten (updated_at included)
        with desk_a.work() as s:
            entries = s.execute(select(Outbox.entity_type, Outbox.entity_id, Outbox.action)).all()
            s.execute(
                insert(Outbox),
                [{"entity_type": t, "entity_id": i, "action": a} for t, i, a in entries * 2],
            )
        assert desk_a.sync(bulk).ok
        assert h.snapshot(bulk) == first

        # one student changed among the rest sent again: that row, and only it, is rewritten
        with desk_a.work() as s:
            s.execute(text("UPDATE student SET grade = '5' WHERE permanent_id = '1000003'"))
            students = s.scalars(select(Student.permanent_id)).all()
            s.execute(
                insert(Outbox),
                [{"entity_type": "student", "entity_id": p, "action": "roster.import"}
                 for p in students],
            )  # fmt: skip
        assert desk_a.sync(bulk).ok
        after = h.snapshot(bulk)
        changed = [r for r in after["student"] if r not in first["student"]]
        assert len(changed) == 1 and "1000003" in changed[0] and "5" in changed[0]
        assert {k: v for k, v in after.items() if k != "student"} == {
            k: v for k, v in first.items() if k != "student"
        }
        bulk.dispose()
        rows.dispose()
        replica.engine.dispose()


def test_search_words_follow_the_roster_through_push_and_pull(
    desk_a: h.Desk, desk_b: h.Desk, shared: Engine, tmp_path: Path
) -> None:
    """Tokens are derived, never synced: the shared database and a pulling workstation each
    write their own, and a renamed student is found by the new name only, everywhere."""
    from staffdesk.services import queries, roster
    from staffdesk.store.models import Student

    def found(factory: object, word: str) -> list[str]:
        with factory() as s:  # type: ignore[operator]
            return [r.id for r in queries.search_students(s, desk_a.actor("admin"), word).rows]

    with desk_a.work() as s:
        st = s.get(Student, "1000001")
        assert st is not None
        given, school = st.first_name, st.school_code
    assert desk_a.sync(shared).ok and desk_b.sync(shared).ok
    shared_factory = db.session_factory(shared)
    for factory in (desk_a.factory, shared_factory, desk_b.factory):
        assert "1000001" in found(factory, given)
    (tmp_path / "renamed.csv").write_text(
        "school_code,permanent_id,first_name,middle_name,last_name,grade,primary_phone\n"
        f"{school},1000001,{given},,Quetzalcoatl-Yáñez,3,(415) 555-0100\n",
        encoding="utf-8",
    )
    with desk_a.work() as s:
        roster.import_roster(s, desk_a.actor("admin"), tmp_path / "renamed.csv")
    assert desk_a.sync(shared).ok and desk_b.sync(shared).ok
    for factory in (desk_a.factory, shared_factory, desk_b.factory):
        assert found(factory, "yanez quetz") == ["1000001"]
        assert found(factory, "quetzalcoatlyanez") == ["1000001"]
