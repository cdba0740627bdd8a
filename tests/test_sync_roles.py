"""Column ownership enforced by PostgreSQL itself: staffdesk_app and portal_app (migration 0002).

Each role is taken on connect (`-c role=…`, as the postgres superuser may), in the test's own
schema. The refusals are the database's, not the application's."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from staffdesk.services import audit, portal, requests
from staffdesk.store import db
from staffdesk.store.models import Passcode, PortalLink
from tests import sync_helpers as h

pytestmark = pytest.mark.postgres


def _as(url: str, role: str, **kw: object) -> Engine:
    u = make_url(url)
    options = f"{u.query['options']} -crole={role}"
    return db.make_engine(u.update_query_dict({"options": options}).render_as_string(False), **kw)


@pytest.fixture
def shared_url(pg_url: str) -> str:
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    engine.dispose()
    return pg_url


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return h.seed_template(tmp_path_factory.mktemp("roles-template"), "ws-a")


@pytest.fixture
def synced(shared_url: str, template: Path, tmp_path: Path) -> Iterator[tuple[h.Desk, str, str]]:
    """A workstation that issued a code and pushed it as staffdesk_app: (desk, pid, vpc)."""
    desk = h.desk(tmp_path, "ws-a", template)
    # the roster and staff go with an admin's login: staffdesk_app may not write them (0008)
    admin = _as(shared_url, "staffdesk_admin")
    assert desk.sync(admin).ok
    admin.dispose()
    _, _, vpc = h.issued(desk, "1000001")
    office = _as(shared_url, "staffdesk_app")
    report = desk.sync(office)
    assert report.ok, report.error
    yield desk, "1000001", vpc
    office.dispose()


def _refused(engine: Engine, sql: str, **params: object) -> str:
    with engine.connect() as c, pytest.raises(ProgrammingError) as info:
        c.execute(text(sql), params)
    message = str(info.value.orig)
    assert "permission denied" in message or "row-level security" in message, message
    return message


def test_the_roles_are_who_they_say(shared_url: str) -> None:
    for role in ("staffdesk_app", "staffdesk_admin", "portal_app"):
        with _as(shared_url, role).connect() as c:
            assert c.execute(text("SELECT current_user")).scalar_one() == role


def test_a_push_works_as_staffdesk_app_and_the_portal_check_as_portal_app(
    synced: tuple[h.Desk, str, str], shared_url: str
) -> None:
    desk, pid, vpc = synced
    portal_engine = _as(shared_url, "portal_app")
    result = h.link(db.session_factory(portal_engine), pid, vpc)
    assert isinstance(result, portal.LinkResult), result
    # a wrong try counts a failure: the portal may write failed_attempts and locked_until
    from staffdesk.domain.vpc import Vpc

    h.issued(desk, "1000002")
    report = desk.sync(_as(shared_url, "staffdesk_app"))
    assert report.ok and report.pull.rows.get("portal_link") == 1, report.lines()
    refused = h.link(db.session_factory(portal_engine), "1000002", Vpc.generate().grouped())
    assert isinstance(refused, portal.PortalRefused) and refused.reason.value == "wrong_code"
    # and the pull as staffdesk_app brings the portal's columns back
    report = desk.sync(_as(shared_url, "staffdesk_app"))
    assert report.ok, report.error
    with desk.factory() as s:
        code = s.scalars(select(Passcode).where(Passcode.permanent_id == "1000002")).one()
        assert code.failed_attempts == 1
    with db.session_factory(db.make_engine(shared_url))() as s:
        assert audit.verify(s).ok  # the workstation's chain and the portal's, both intact


def test_a_bulk_push_through_copy_works_as_staffdesk_admin(
    shared_url: str, template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A roster-sized push stages its rows with COPY in a temporary table: the admin role may
    (since 0008 only an admin's login writes the roster)."""
    from staffdesk.sync import upsert as upsert_module

    monkeypatch.setattr(upsert_module, "COPY_MIN", 1)
    desk = h.desk(tmp_path, "ws-a", template)
    office = _as(shared_url, "staffdesk_admin")
    report = desk.sync(office)
    assert report.ok, report.error
    assert report.push.rows["student"] == 12 and report.push.rows["student_contact"] > 0
    assert h.count(office, "student") == 12
    office.dispose()


def test_updates_and_conflicts_push_as_staffdesk_app(
    synced: tuple[h.Desk, str, str], shared_url: str, tmp_path: Path
) -> None:
    desk, _, _ = synced
    office = _as(shared_url, "staffdesk_app")
    other = h.desk(tmp_path, "ws-b")
    rid = h.record(desk, "1000003")
    rid2 = h.record(desk, "1000004")
    h.verify(desk, rid2)
    assert desk.sync(office).ok and other.sync(office).ok
    h.verify(desk, rid)
    h.approve(desk, rid)  # an update of a request already on the shared database
    h.approve(desk, rid2, "approver")
    with other.work() as s:
        requests.reject(s, other.approver2, rid2, reason="no signature")
    report = desk.sync(office)
    assert report.ok and report.push.conflicts == (), report.lines()
    report = other.sync(office)
    assert report.ok, report.error
    assert [c.entity_id for c in report.push.conflicts] == [rid2]
    with office.connect() as c:
        statuses = dict(c.execute(text("SELECT id, status FROM access_request")).all())
    assert statuses[rid] == "approved" and statuses[rid2] == "approved"


def test_staffdesk_app_cannot_write_what_the_portal_owns(
    synced: tuple[h.Desk, str, str], shared_url: str
) -> None:
    office = _as(shared_url, "staffdesk_app")
    for column, value in (
        ("used_at", "now()"),
        ("used_by_account", "'x@example.org'"),
        ("failed_attempts", "0"),
        ("locked_until", "NULL"),
    ):
        _refused(office, f"UPDATE passcode SET {column} = {value}")
    _refused(
        office,
        "INSERT INTO passcode (id, permanent_id, request_id, vpc_hash, serial, issued_by, "
        "issued_at, expires_at, workstation, used_at) SELECT 'x', permanent_id, request_id, "
        "vpc_hash, 'S-1', 'me', now(), now(), 'w', now() FROM passcode LIMIT 1",
    )
    _refused(
        office,
        "INSERT INTO portal_link (id, permanent_id, account_email, passcode_id, linked_at) "
        "SELECT 'l', permanent_id, 'a@b.org', id, now() FROM passcode LIMIT 1",
    )
    _refused(office, "UPDATE portal_link SET contact_id = NULL")
    _refused(office, "DELETE FROM passcode")
    _refused(office, "UPDATE audit_event SET actor = 'someone else'")
    _refused(office, "DELETE FROM audit_event")
    _refused(
        office,
        "INSERT INTO audit_event (id, chain, seq, at, actor, workstation, action, entity_type, "
        "entity_id, details, prev_hash, hash) VALUES ('e', 'portal', 999, now(), 'a', 'w', 'x', "
        "'x', 'x', '{}', '', '')",
    )  # the portal's chain: row-level security
    _desk, pid, vpc = synced
    assert isinstance(
        h.link(db.session_factory(_as(shared_url, "portal_app")), pid, vpc), portal.LinkResult
    )
    with office.begin() as c:  # the portal's chain head is out of its reach: no row matches
        assert c.execute(text("UPDATE audit_head SET seq = 0 WHERE chain = 'portal'")).rowcount == 0
    # its own office columns it may write (a revocation)
    with office.begin() as c:
        assert c.execute(text("UPDATE passcode SET revoke_reason = revoke_reason")).rowcount == 1


def test_portal_app_reads_only_what_the_check_needs_and_writes_only_its_columns(
    synced: tuple[h.Desk, str, str], shared_url: str
) -> None:
    web = _as(shared_url, "portal_app")
    for table in ("staff_user", "access_request", "identity_check", "decision", "setting"):
        _refused(web, f"SELECT * FROM {table}")
    for column, value in (
        ("revoked_at", "NULL"),
        ("vpc_hash", "'x'"),
        ("expires_at", "now() + interval '1 year'"),
        ("request_id", "request_id"),
    ):
        _refused(web, f"UPDATE passcode SET {column} = {value}")
    _refused(web, "DELETE FROM passcode")
    _refused(web, "UPDATE student SET primary_phone = '+14155550000'")
    _refused(web, "UPDATE audit_event SET actor = 'someone else'")
    _refused(web, "DELETE FROM audit_event")
    _refused(
        web,
        "INSERT INTO audit_event (id, chain, seq, at, actor, workstation, action, entity_type, "
        "entity_id, details, prev_hash, hash) VALUES ('e', 'ws-a', 999, now(), 'a', 'w', 'x', "
        "'x', 'x', '{}', '', '')",
    )  # another writer's chain: row-level security
    with web.begin() as c:  # nor may it move another chain's head (no rows match its policy)
        assert c.execute(text("UPDATE audit_head SET seq = seq WHERE chain = 'ws-a'")).rowcount == 0
    with web.begin() as c:  # the columns it owns, it may write
        assert (
            c.execute(text("UPDATE passcode SET failed_attempts = failed_attempts")).rowcount == 1
        )


def test_fifty_concurrent_right_codes_link_exactly_once(
    synced: tuple[h.Desk, str, str], shared_url: str
) -> None:
    _, pid, vpc = synced
    attempts = 50
    web = _as(shared_url, "portal_app", pool_size=attempts, max_overflow=0)
    factory = db.session_factory(web)
    barrier = threading.Barrier(attempts)

    def attempt(i: int) -> object:
        barrier.wait()
        with db.unit_of_work(factory) as s:  # a session and a connection each
            return portal.link(
                s,
                permanent_id=pid,
                phone="+14155551000",
                vpc=vpc,
                account_email=f"parent{i}@example.org",
            )

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        results = list(pool.map(attempt, range(attempts)))
    links = [r for r in results if isinstance(r, portal.LinkResult)]
    assert len(links) == 1, results
    assert all(isinstance(r, portal.PortalRefused) for r in results if r is not links[0])
    with db.session_factory(db.make_engine(shared_url))() as s:
        assert s.scalar(select(func.count()).select_from(PortalLink)) == 1
        code = s.scalars(select(Passcode).where(Passcode.permanent_id == pid)).one()
        assert code.used_by_account == links[0].account_email
        report = audit.verify(s)
        assert report.ok, report.problems
    web.dispose()
