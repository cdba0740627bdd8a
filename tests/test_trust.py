"""The trust boundary of the shared database (issue 8, migration 0008), tried as an attacker.

Each test runs against real PostgreSQL and MariaDB, in its own schema or database, connected as
the real roles: on PostgreSQL the superuser takes the role on connect (`-c role=…`); on MariaDB a
login of the test's own is created, granted the role as its default, and dropped afterwards. The
refusals are the database's own (a trigger or a missing privilege), never the application's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from staffdesk.domain.errors import DatabaseRefused
from staffdesk.domain.passcode import MAX_DAYS
from staffdesk.services import anchors, audit, portal, requests
from staffdesk.services.hashing import hash_secret
from staffdesk.store import db, guard
from staffdesk.store.driver_errors import database_refusal
from staffdesk.store.models import AuditEvent
from tests import sync_helpers as h

Login = Callable[[str], Engine]


@pytest.fixture(params=h.SHARED_PARAMS)
def shared(request: pytest.FixtureRequest) -> str:
    return h.shared_url(request)


@contextmanager
def logins(shared: str) -> Iterator[Login]:
    """`login(role)`: an engine on the shared database that is that role and nothing more."""
    engines: list[Engine] = []
    users: list[str] = []
    u = make_url(shared)
    root = create_engine(db.normalise_url(shared), isolation_level="AUTOCOMMIT")

    def connect(role: str) -> Engine:
        if u.get_backend_name() == "postgresql":
            options = f"{u.query['options']} -crole={role}"
            url = u.update_query_dict({"options": options})
        else:
            user, password = f"sdt_{uuid.uuid4().hex[:10]}", uuid.uuid4().hex
            with root.connect() as c:
                c.execute(text(f"CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'"))
                c.execute(text(f"GRANT {role} TO '{user}'@'%'"))
                c.execute(text(f"SET DEFAULT ROLE {role} FOR '{user}'@'%'"))
            users.append(user)
            url = u.set(username=user, password=password)
        engine = db.make_engine(url.render_as_string(hide_password=False))
        engines.append(engine)
        return engine

    try:
        yield connect
    finally:
        for engine in engines:
            engine.dispose()
        with root.connect() as c:
            for user in users:
                c.execute(text(f"DROP USER IF EXISTS '{user}'@'%'"))
        root.dispose()


@pytest.fixture
def login(shared: str) -> Iterator[Login]:
    with logins(shared) as connect:
        yield connect


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return h.seed_template(tmp_path_factory.mktemp("trust-template"), "ws-a")


class District:
    """A shared database with the roster and staff an admin pushed, and a desk that issued a
    code through the app (as staffdesk_app) and revoked another."""

    def __init__(self, shared: str, login: Login, template: Path, folder: Path) -> None:
        self.shared = shared
        self.login = login
        self.owner = db.make_engine(shared)  # the schema owner (migrations)
        self.admin = login("staffdesk_admin")
        self.app = login("staffdesk_app")
        self.portal = login("portal_app")
        self.desk = h.desk(folder, "ws-a", template)
        report = self.desk.sync(self.admin)  # roster, staff: an admin's login writes them
        assert report.ok, report.error
        self.rid, self.code_id, self.vpc = h.issued(self.desk, "1000001")
        self.revoked_rid, self.revoked_id, self.revoked_vpc = h.issued(self.desk, "1000002")
        with self.desk.work() as s:
            requests.revoke_passcode(
                s, self.desk.approver, self.revoked_rid, reason="slip lost at the bus stop"
            )
        report = self.desk.sync(self.app)
        assert report.ok, report.error

    @property
    def mariadb(self) -> bool:
        return self.owner.dialect.name != "postgresql"

    def dispose(self) -> None:
        self.owner.dispose()
        self.desk.engine.dispose()


@pytest.fixture
def district(shared: str, login: Login, template: Path, tmp_path: Path) -> Iterator[District]:
    d = District(shared, login, template, tmp_path)
    yield d
    d.dispose()


def refused(engine: Engine, *statements: tuple[str, dict[str, Any]]) -> str:
    """Run the statements in one transaction; the database must refuse (a guard or a privilege,
    told apart from any other error). Returns what it said."""
    with pytest.raises(DBAPIError) as info:
        with engine.begin() as c:
            for sql, params in statements:
                c.execute(text(sql), params)
    reason = database_refusal(info.value)
    assert reason is not None, info.value
    return reason


def one(sql: str, **params: Any) -> tuple[str, dict[str, Any]]:
    return sql, params


def naive(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None)


# ------------------------------------------------------------------ item 3: staff and settings


def test_staffdesk_app_reads_staff_and_settings_but_cannot_write_them(district: District) -> None:
    app = district.app
    with app.connect() as c:
        assert c.execute(text("SELECT count(*) FROM staff_user")).scalar_one() >= 4
        c.execute(text("SELECT * FROM staff_school")).all()
        c.execute(text("SELECT * FROM setting")).all()
    now = naive(datetime.now(UTC))
    rogue = one(
        "INSERT INTO staff_user (id, username, display_name, role, password_hash, active, "
        "created_at) VALUES ('rogue-id', 'rogue', 'Rogue', 'admin', 'x', true, :t)",
        t=now,
    )
    for statement in (
        rogue,
        one("UPDATE staff_user SET role = 'admin' WHERE username = 'clerk'"),
        one("DELETE FROM staff_school"),
        one(
            "INSERT INTO setting (`key`, value, updated_by, updated_at) "
            "VALUES ('two_person_rule', 'off', 'rogue', :t)"
            if district.mariadb
            else "INSERT INTO setting (key, value, updated_by, updated_at) "
            "VALUES ('two_person_rule', 'off', 'rogue', :t)",
            t=now,
        ),
        one("UPDATE student SET primary_phone = '+14155550000'"),
        one("DELETE FROM student_contact"),
        one("UPDATE school SET name = 'Elsewhere'"),
    ):
        assert "may not" in refused(app, statement)
    # an admin's login may: the same role change goes through
    with district.admin.begin() as c:
        done = c.execute(text("UPDATE staff_user SET role = 'admin' WHERE username = 'clerk'"))
        assert done.rowcount == 1


def test_a_refused_write_reaches_the_person_as_a_typed_error(district: District) -> None:
    with pytest.raises(DatabaseRefused) as info:
        with db.unit_of_work(db.session_factory(district.app)) as s:
            s.execute(text("UPDATE staff_user SET role = 'admin' WHERE username = 'clerk'"))
    assert "refused" in info.value.message and "may not" in info.value.message


def _counters(engine: Engine) -> dict[tuple[str, str], tuple[int, datetime]]:
    with engine.connect() as c:
        rows = c.execute(text("SELECT kind, scope, changes, changed_at FROM sync_change")).all()
    return {(kind, scope): (int(n), at) for kind, scope, n, at in rows}


def test_the_change_counters_are_the_servers_and_a_desk_login_cannot_move_them(
    district: District,
) -> None:
    """An idle round believes sync_change (migration 0013): a desk's login reads it and its own
    pushes count in it through the triggers, but it cannot move a counter to hide a change (a
    disabled account, a school taken away) from the other desks."""
    before = _counters(district.app)
    # the desk's requests were pushed with the desk's login: their school counted them
    assert ("access_request", "LINC") in before and ("staff", "") in before, before
    now = naive(datetime.now(UTC))
    for statement in (
        one("UPDATE sync_change SET changes = 0"),
        one("DELETE FROM sync_change WHERE kind = 'staff'"),
        one(
            "INSERT INTO sync_change (kind, scope, changes, changed_at) VALUES ('x', '', 1, :t)",
            t=now,
        ),
    ):
        assert "may not" in refused(district.app, statement)
    # an admin disables an account on the shared database itself: the staff counter moves on
    with district.admin.begin() as c:
        c.execute(text("UPDATE staff_user SET active = false WHERE username = 'clerk'"))
    after = _counters(district.app)
    assert after[("staff", "")][0] == before[("staff", "")][0] + 1, after
    assert after[("staff", "")][1] >= now - timedelta(minutes=1), after
    assert after[("student", "")] == before[("student", "")]  # the roster did not change
    if not district.mariadb:  # a trigger switched off (PostgreSQL can) is one missing
        with district.owner.begin() as c:
            c.execute(text("ALTER TABLE staff_user DISABLE TRIGGER sd_changed_staff_user"))
        assert guard.missing_guards(district.owner) == [
            "trigger sd_changed_staff_user on staff_user is missing"
        ]


# --------------------------------------------------------------- item 1: a revoked code revived


def test_a_revoked_code_cannot_be_revived(district: District) -> None:
    said = refused(
        district.app,
        one("UPDATE passcode SET revoked_at = NULL WHERE id = :i", i=district.revoked_id),
    )
    assert "revoked" in said and "never undone" in said
    # not even by the schema owner's login: the trigger, not a privilege, refuses it
    said = refused(
        district.owner,
        one(
            "UPDATE passcode SET revoked_at = :t WHERE id = :i",
            t=naive(datetime.now(UTC)),
            i=district.revoked_id,
        ),
    )
    assert "never undone or moved" in said
    result = h.link(db.session_factory(district.portal), "1000002", district.revoked_vpc)
    assert isinstance(result, portal.PortalRefused), result


def test_a_used_code_stays_used_and_an_expiry_is_never_extended(district: District) -> None:
    assert isinstance(
        h.link(db.session_factory(district.portal), "1000001", district.vpc), portal.LinkResult
    )
    said = refused(
        district.portal, one("UPDATE passcode SET used_at = NULL WHERE id = :i", i=district.code_id)
    )
    assert "was used" in said
    later = one(
        "UPDATE passcode SET expires_at = :t WHERE id = :i",
        t=naive(datetime.now(UTC) + timedelta(days=3650)),
        i=district.code_id,
    )
    # staffdesk_app: not its column on PostgreSQL; on MariaDB (whose upsert needs the column)
    # the trigger refuses it, as it does for the owner's login
    said = refused(district.app, later)
    assert ("never extended" if district.mariadb else "may not") in said
    assert "never extended" in refused(district.owner, later)
    # shortening an expiry is a move forward: allowed
    with district.owner.begin() as c:
        sooner = naive(datetime.now(UTC) + timedelta(days=1))
        c.execute(
            text("UPDATE passcode SET expires_at = :t WHERE id = :i"),
            {"t": sooner, "i": district.code_id},
        )


# -------------------------------------------------------------------- item 2: a code minted


def _forged_request(district: District, rid: str, status: str = "issued") -> None:
    now = naive(datetime.now(UTC))
    with district.app.begin() as c:
        c.execute(
            text(
                "INSERT INTO access_request (id, school_code, permanent_id, student_first_name, "
                "student_middle_name, student_last_name, name_mismatch, guardian_name, address, "
                "phone, email, signed_on, paper_form_signed, language, status, version, "
                "recorded_by, recorded_at, workstation, updated_at) SELECT :r, school_code, "
                "permanent_id, first_name, middle_name, last_name, false, 'Mallory', 'x', "
                "primary_phone, 'm@example.org', :d, true, '', :s, 1, 'clerk', :t, 'ws-a', :t "
                "FROM student WHERE permanent_id = '1000003'"
            ),
            {"r": rid, "d": now.date(), "s": status, "t": now},
        )


def _passcode(rid: str, code_id: str, days: int) -> tuple[str, dict[str, Any]]:
    now = datetime.now(UTC)
    return one(
        "INSERT INTO passcode (id, permanent_id, request_id, vpc_hash, serial, issued_by, "
        "issued_at, expires_at, workstation) VALUES (:i, '1000003', :r, :h, :s, 'clerk', :a, "
        ":e, 'ws-a')",
        i=code_id,
        r=rid,
        h=hash_secret("ABCDEFGHJKLMNPQR"),
        s=f"F-{code_id[:8]}",
        a=naive(now),
        e=naive(now + timedelta(days=days)),
    )


def _decision(rid: str, by: str) -> tuple[str, dict[str, Any]]:
    return one(
        "INSERT INTO decision (id, request_id, outcome, reason, override_reason, "
        "not_a_contact_reason, decided_by, decided_at, workstation) VALUES (:i, :r, 'approved', "
        "'', '', '', :b, :t, 'ws-a')",
        i=str(uuid.uuid4()),
        r=rid,
        b=by,
        t=naive(datetime.now(UTC)),
    )


def _identity(rid: str, by: str) -> tuple[str, dict[str, Any]]:
    return one(
        "INSERT INTO identity_check (id, request_id, document_kind, document_description, last4, "
        "verified_by, verified_at, workstation) VALUES (:i, :r, 'ca-id', '', '1234', :b, :t, "
        "'ws-a')",
        i=str(uuid.uuid4()),
        r=rid,
        b=by,
        t=naive(datetime.now(UTC)),
    )


def test_a_code_minted_without_an_approval_is_refused(district: District) -> None:
    rid = str(uuid.uuid4())
    _forged_request(district, rid)
    said = refused(district.app, _passcode(rid, str(uuid.uuid4()), 3650))
    assert f"more than {MAX_DAYS} days" in said
    said = refused(district.app, _passcode(rid, str(uuid.uuid4()), MAX_DAYS))
    assert "no approval" in said


def test_a_code_approved_by_its_own_id_checker_is_refused_under_the_two_person_rule(
    district: District,
) -> None:
    rid = str(uuid.uuid4())
    _forged_request(district, rid)
    said = refused(
        district.app,
        _identity(rid, "clerk"),
        _decision(rid, "clerk"),
        _passcode(rid, str(uuid.uuid4()), 14),
    )
    assert "two-person rule" in said


def test_a_code_inserted_without_its_issuance_audit_event_is_refused(district: District) -> None:
    rid = str(uuid.uuid4())
    _forged_request(district, rid)
    said = refused(
        district.app,
        _identity(rid, "clerk"),
        _decision(rid, "approver"),
        _passcode(rid, str(uuid.uuid4()), 14),
    )
    assert "without its issuance audit event" in said
    with district.app.connect() as c:  # and nothing of it stayed
        for table in ("identity_check", "decision", "passcode"):
            sql = text(f"SELECT count(*) FROM {table} WHERE request_id = :r")
            assert c.execute(sql, {"r": rid}).scalar_one() == 0, table


# ----------------------------------------------------------------- item 4: the chain's head


def test_staffdesk_app_cannot_move_a_chain_head_back(district: District) -> None:
    said = refused(district.app, one("UPDATE audit_head SET seq = seq - 1 WHERE chain = 'ws-a'"))
    assert "never moves back" in said and "ws-a" in said
    said = refused(district.app, one("DELETE FROM audit_head WHERE chain = 'ws-a'"))
    assert said


def test_audit_events_and_checkpoints_are_append_only(district: District) -> None:
    for engine in (district.app, district.portal, district.admin):
        refused(engine, one("DELETE FROM audit_event WHERE chain = 'ws-a'"))
        refused(engine, one("UPDATE audit_event SET actor = 'x' WHERE chain = 'ws-a'"))
    said = refused(district.owner, one("DELETE FROM audit_event WHERE chain = 'ws-a'"))
    assert "append-only" in said  # the owner's login too: the trigger


# ------------------------------------------------------------------------- honest work, guards


def test_honest_work_passes_under_the_same_roles(district: District, tmp_path: Path) -> None:
    other = h.desk(tmp_path, "ws-b")
    assert other.sync(district.app).ok  # a new desk pulls, as staffdesk_app
    rid = h.record(district.desk, "1000004")
    h.verify(district.desk, rid)
    h.approve(district.desk, rid)
    _, vpc = h.issue(district.desk, rid)
    with district.desk.work() as s:  # a reissue revokes the first code
        requests.issue_passcodes(s, district.desk.approver, [rid], reissue=True)
    report = district.desk.sync(district.app)
    assert report.ok, report.error
    assert report.push.conflicts == ()
    assert isinstance(
        h.link(db.session_factory(district.portal), "1000004", vpc), portal.PortalRefused
    )  # the reissue revoked it, on the shared database too
    with db.session_factory(district.owner)() as s:
        assert audit.verify(s).ok


def test_every_guard_is_present_and_a_missing_one_is_named(district: District) -> None:
    from staffdesk.sync import doctor

    assert guard.missing_guards(district.owner) == []
    check = doctor._check_guards(district.owner)
    assert check.ok and check.detail == "roles and triggers present", check
    names = {g.name for g in guard.expected_guards(district.owner.dialect.name)}
    assert {"staffdesk_admin", "sd_passcode_forward", "sd_checkpoint_extends"} <= names
    with district.owner.begin() as c:
        if district.mariadb:
            c.execute(text("DROP TRIGGER sd_passcode_forward"))
            c.execute(text("GRANT INSERT ON staff_user TO staffdesk_app"))
        else:
            c.execute(text("DROP TRIGGER sd_passcode_forward ON passcode"))
            c.execute(text("GRANT INSERT ON staff_user TO staffdesk_app"))
    missing = guard.missing_guards(district.owner)
    assert "trigger sd_passcode_forward on passcode is missing" in missing
    assert "staffdesk_app may INSERT staff_user (it must not)" in missing
    assert len(missing) == 2, missing
    check = doctor._check_guards(district.owner)  # what `staffdesk doctor` shows
    assert not check.ok and "sd_passcode_forward" in check.detail


def test_the_local_store_has_no_guards_to_miss(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'local.sqlite3'}")
    db.upgrade(engine)
    assert guard.expected_guards("sqlite") == [] and guard.missing_guards(engine) == []
    engine.dispose()


# ---------------------------------------------------------------------------- the migration


@pytest.fixture(params=h.SHARED_PARAMS)
def empty_shared(request: pytest.FixtureRequest) -> str:
    url: str = request.getfixturevalue("pg_url" if request.param == "postgresql" else "mysql_url")
    return url


def test_an_existing_shared_database_upgrades_from_0005(
    empty_shared: str, template: Path, tmp_path: Path
) -> None:
    old = db.make_engine(empty_shared)
    command.upgrade(db.alembic_config(old), "0005")
    desk = h.desk(tmp_path, "ws-a", template)
    _, _, vpc = h.issued(desk, "1000001")
    other_rid, _, other_vpc = h.issued(desk, "1000002")
    assert desk.sync(old).ok  # pushed by the previous release, as its owner login
    db.upgrade(old)
    assert db.schema_is_current(old)
    assert guard.missing_guards(old) == []
    with logins(empty_shared) as login:
        app, web = login("staffdesk_app"), login("portal_app")
        with desk.work() as s:  # honest work on the old rows goes on under the new roles
            requests.revoke_passcode(s, desk.approver, other_rid, reason="moved away")
        report = desk.sync(app)
        assert report.ok, report.error
        assert isinstance(h.link(db.session_factory(web), "1000001", vpc), portal.LinkResult)
        assert isinstance(
            h.link(db.session_factory(web), "1000002", other_vpc), portal.PortalRefused
        )
        # and the old rows are guarded like new ones
        said = refused(app, one("UPDATE passcode SET revoked_at = NULL WHERE request_id = :r",
                                r=other_rid))  # fmt: skip
        assert "never undone" in said
        assert "may not" in refused(app, one("UPDATE staff_user SET role = 'admin'"))
    with db.session_factory(old)() as s:
        assert audit.verify(s).ok
    old.dispose()


# ------------------------------------------------------------------ item 4: anchors, verify


def _verify_cli(url: str, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    from staffdesk.cli import main

    capsys.readouterr()
    code = main(["--db", url, "audit", "verify", *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def _anchor(engine: Engine, source: str) -> anchors.CheckpointRound:
    with db.unit_of_work(db.session_factory(engine)) as s:
        return audit.write_checkpoints(s, source)


def _anchored(engine: Engine, source: str) -> dict[str, anchors.Anchor]:
    """Anchor what moved, then each chain's newest checkpoint (every sync round anchors too,
    so a chain's head may have been anchored before this call)."""
    _anchor(engine, source)
    with db.session_factory(engine)() as s:
        return {a.chain: a for a in anchors.checkpoints(s)}  # oldest first: the last stays


@contextmanager
def unguarded(district: District) -> Iterator[Any]:
    """What a database superuser can do: switch the triggers off (PostgreSQL: replica mode;
    MariaDB: drop them) and rewrite the trail behind StaffDesk's back."""
    if district.mariadb:
        with district.owner.begin() as c:
            for name in ("sd_event_keep", "sd_event_append_only", "sd_head_forward",
                         "sd_head_keep", "sd_checkpoint_keep"):  # fmt: skip
                c.execute(text(f"DROP TRIGGER {name}"))
            yield c
    else:
        with district.owner.begin() as c:
            c.execute(text("SET LOCAL session_replication_role = replica"))
            yield c


def _events(c: Any, chain: str) -> list[Any]:
    return c.execute(
        text("SELECT * FROM audit_event WHERE chain = :c ORDER BY seq"), {"c": chain}
    ).all()


def test_the_portal_check_anchors_every_chain_head(district: District) -> None:
    with district.owner.connect() as c:  # the desk's sync rounds anchored its own chain
        sources = c.execute(text("SELECT DISTINCT chain, source FROM audit_checkpoint")).all()
    assert set(sources) == {("ws-a", "sync ws-a")}
    assert isinstance(
        h.link(db.session_factory(district.portal), "1000001", district.vpc), portal.LinkResult
    )
    with district.owner.connect() as c:
        rows = c.execute(
            text("SELECT chain, seq, written_by, source FROM audit_checkpoint ORDER BY chain, seq")
        ).all()
        heads = {k: v for k, v in c.execute(text("SELECT chain, seq FROM audit_head"))}
    assert {r.chain: r.seq for r in rows} == heads  # ws-a and the portal's own chain
    by_portal = [r for r in rows if r.chain == "portal"]
    assert by_portal and all(r.source == "portal" for r in by_portal)
    assert all("portal_app" in r.written_by or "sdt_" in r.written_by for r in by_portal), rows
    with db.session_factory(district.owner)() as s:
        report = audit.verify(s)
    assert report.ok and report.anchored == 2, report
    # nothing moved: the next round has nothing to add, and refuses nothing
    assert _anchor(district.app, "sync ws-a") == anchors.CheckpointRound()


def test_a_checkpoint_must_extend_the_previous_one(district: District) -> None:
    mark = _anchored(district.app, "sync ws-a")["ws-a"]
    insert = "INSERT INTO audit_checkpoint (chain, seq, hash, written_at, written_by, source) "
    now = naive(datetime.now(UTC))
    said = refused(
        district.app,
        one(insert + "VALUES ('ws-a', :s, :h, :t, 'me', 'x')", s=mark.seq, h=mark.hash, t=now),
    )
    assert "does not extend" in said or "Duplicate" in said or "duplicate" in said
    said = refused(
        district.app,
        one(insert + "VALUES ('ws-a', :s, :h, :t, 'me', 'x')", s=mark.seq - 1, h=mark.hash, t=now),
    )
    assert "does not extend" in said
    h.record(district.desk, "1000003")  # the chain moves on (pushed, not yet anchored) ...
    from staffdesk.sync.push import push

    push(district.desk.factory, district.app, workstation="ws-a")
    said = refused(
        district.app,
        one(insert + "VALUES ('ws-a', :s, :h, :t, 'me', 'x')", s=mark.seq + 1, h="0" * 64, t=now),
    )
    assert "not that event's" in said  # ... but a checkpoint must name its real hash
    for engine in (district.app, district.portal, district.admin, district.owner):
        refused(engine, one("DELETE FROM audit_checkpoint"))
        refused(engine, one("UPDATE audit_checkpoint SET seq = 1"))


def test_truncating_a_chain_is_detected_and_named(
    district: District, capsys: pytest.CaptureFixture[str]
) -> None:
    _anchor(district.app, "sync ws-a")
    with unguarded(district) as c:
        events = _events(c, "ws-a")
        keep = events[-3]
        c.execute(
            text("DELETE FROM audit_event WHERE chain = 'ws-a' AND seq > :s"), {"s": keep.seq}
        )
        c.execute(
            text("UPDATE audit_head SET seq = :s, hash = :h WHERE chain = 'ws-a'"),
            {"s": keep.seq, "h": keep.hash},
        )
    code, said = _verify_cli(district.shared, capsys)
    assert code == 1
    assert f"chain ws-a event {keep.seq + 1}: truncated" in said, said


def test_deleting_a_whole_chain_is_detected_and_named(
    district: District, capsys: pytest.CaptureFixture[str]
) -> None:
    _anchor(district.app, "sync ws-a")
    with unguarded(district) as c:
        c.execute(text("DELETE FROM audit_event WHERE chain = 'ws-a'"))
        c.execute(text("DELETE FROM audit_head WHERE chain = 'ws-a'"))
    code, said = _verify_cli(district.shared, capsys)
    assert code == 1 and "chain ws-a event 1: the whole chain is gone" in said, said


def test_rechaining_after_an_edit_is_detected_from_the_edited_event(
    district: District, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _anchored(district.app, "sync ws-a")["ws-a"]
    rid = h.record(district.desk, "1000003")
    h.verify(district.desk, rid)
    assert district.desk.sync(district.app).ok
    new = _anchored(district.app, "sync ws-a")["ws-a"]
    assert new.seq > old.seq + 1
    edited = old.seq + 1  # after the first anchor, before the second
    with unguarded(district) as c:
        rows = _events(c, "ws-a")
        prev = next(r.hash for r in rows if r.seq == edited - 1)
        for r in rows:
            if r.seq < edited:
                continue
            e = AuditEvent(**{k: getattr(r, k) for k in r._fields})
            if isinstance(e.at, datetime) and e.at.tzinfo is None:
                e.at = e.at.replace(tzinfo=UTC)
            if r.seq == edited:
                e.actor = "someone else"
            e.prev_hash = prev
            e.hash = prev = audit._digest(prev, audit._fields(e))
            c.execute(
                text("UPDATE audit_event SET actor = :a, prev_hash = :p, hash = :h WHERE id = :i"),
                {"a": e.actor, "p": e.prev_hash, "h": e.hash, "i": e.id},
            )
        c.execute(text("UPDATE audit_head SET hash = :h WHERE chain = 'ws-a'"), {"h": prev})
    with db.session_factory(district.owner)() as s:  # the chain itself is consistent again ...
        assert not any("content" in p.problem for p in audit.verify(s).problems)
    code, said = _verify_cli(district.shared, capsys)  # ... but not with its anchors
    assert code == 1
    assert f"chain ws-a event {old.seq + 1}: rewritten" in said, said


def test_a_head_moved_back_is_refused_and_detected(
    district: District, capsys: pytest.CaptureFixture[str]
) -> None:
    _anchor(district.app, "sync ws-a")
    with unguarded(district) as c:
        c.execute(text("UPDATE audit_head SET seq = 2 WHERE chain = 'ws-a'"))
    code, said = _verify_cli(district.shared, capsys)
    assert code == 1 and "chain ws-a event 3: head moved back" in said, said


def test_an_exported_checkpoint_catches_a_superuser_who_rewrote_the_anchors_too(
    district: District, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from staffdesk.cli import main

    _anchor(district.app, "sync ws-a")
    export = tmp_path / "anchors.json"
    assert main(["--db", district.shared, "audit", "checkpoints", "--out", str(export)]) == 0
    assert export.stat().st_mode & 0o777 == 0o600
    with unguarded(district) as c:  # the whole chain, its head and its anchors: all gone
        c.execute(text("DELETE FROM audit_event WHERE chain = 'ws-a'"))
        c.execute(text("DELETE FROM audit_head WHERE chain = 'ws-a'"))
        c.execute(text("DELETE FROM audit_checkpoint WHERE chain = 'ws-a'"))
    code, said = _verify_cli(district.shared, capsys)
    # the database alone no longer knows the chain was there (the superuser gap); it only sees
    # passcodes whose issuance events are gone
    assert "ws-a" not in said.replace("chain ws-a event 0: passcode", ""), said
    assert "the whole chain is gone" not in said
    code, said = _verify_cli(district.shared, capsys, "--against", str(export))
    assert code == 1
    assert "chain ws-a event 1: the whole chain is gone" in said, said
    assert "its exported checkpoint is gone from the database" in said


def test_a_file_that_is_not_an_export_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from staffdesk.cli import main

    bogus = tmp_path / "anchors.json"
    bogus.write_text('{"checkpoints": []}', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'local.sqlite3'}"
    assert main(["--db", url, "audit", "verify", "--against", str(bogus)]) == 1
    assert "against" in capsys.readouterr().err


def test_a_code_a_superuser_minted_or_revived_is_named_by_verify(
    district: District, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = _verify_cli(district.shared, capsys)
    assert code == 0, said
    rid = str(uuid.uuid4())
    _forged_request(district, rid)
    minted = str(uuid.uuid4())
    sql, params = _passcode(rid, minted, MAX_DAYS)
    with unguarded(district) as c:  # the triggers off: only a superuser can
        if district.mariadb:
            c.execute(text("DROP TRIGGER sd_passcode_issue"))
            c.execute(text("DROP TRIGGER sd_passcode_forward"))
        c.execute(text(sql), params)
        c.execute(
            text("UPDATE passcode SET revoked_at = NULL WHERE id = :i"), {"i": district.revoked_id}
        )
    code, said = _verify_cli(district.shared, capsys)
    assert code == 1
    assert f"passcode F-{minted[:8]} has no issuance event" in said, said
    assert "was revoked here but is live again" in said and "chain ws-a event" in said, said
