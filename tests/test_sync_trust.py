"""The workstation side of the trust boundary (issue 8): staff, settings and roster come from the
shared database and go to it only with an admin's database login; the first-account rule looks
at the database that matters; a forged local admin never reaches the shared database.

Run against real PostgreSQL and MariaDB (STAFFDESK_TEST_POSTGRES_URL / _MYSQL_URL)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, insert, select, text, update
from sqlalchemy.engine import make_url

from staffdesk.domain.errors import DuplicateWorkstation, RestoredWorkstation
from staffdesk.services import audit, settings, staff
from staffdesk.store import db
from staffdesk.store.models import (
    AuditCheckpoint,
    AuditEvent,
    AuditHead,
    Outbox,
    Setting,
    StaffUser,
)
from staffdesk.sync import config, connection, secrets
from staffdesk.sync.conflicts import list_conflicts
from staffdesk.ui.sync_status import sync_status_parts
from tests import sync_helpers as h


@pytest.fixture(params=h.SHARED_PARAMS)
def shared_url(request: pytest.FixtureRequest) -> str:
    return h.shared_url(request)


@pytest.fixture
def shared(shared_url: str) -> Iterator[Engine]:
    engine = db.make_engine(shared_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return h.seed_template(tmp_path_factory.mktemp("trust-template"), "ws-a")


memory_keyring = h.memory_keyring


@pytest.fixture(autouse=True)
def _own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFFDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("STAFFDESK_WORKSTATION", "ws-new")
    monkeypatch.delenv(connection.PASSWORD_ENV, raising=False)


_run = h.run_cli


def _role_on_shared(engine: Engine, username: str) -> str | None:
    with engine.connect() as c:
        found = c.execute(
            text("SELECT role FROM staff_user WHERE username = :u"), {"u": username}
        ).scalar_one_or_none()
    return None if found is None else str(found)


def _setting_on_shared(engine: Engine, key: str) -> str | None:
    with engine.connect() as c:
        found = c.execute(select(Setting.value).where(Setting.key == key)).scalar_one_or_none()
    return found


def _staffed(shared: Engine, template: Path, tmp_path: Path) -> h.Desk:
    """A district whose shared database has its roster and staff (sent by an admin login)."""
    first = h.desk(tmp_path, "ws-a", template)
    report = first.sync(shared, admin=shared)
    assert report.ok and report.needs_admin == 0, report.lines()
    return first


# ------------------------------------------------------------------- the first-account rule


def test_a_new_workstation_takes_the_shared_staff_and_adds_none_without_an_admin(
    shared: Engine,
    shared_url: str,
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: secrets.MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _staffed(shared, template, tmp_path)
    code, _, err = _run(capsys, "connect", shared_url)
    assert code == 0, err
    fresh = f"sqlite:///{tmp_path / 'new-desk.sqlite3'}"
    monkeypatch.setenv("STAFFDESK_NEW_PASSWORD", "rogue-pass-123")
    code, _, err = _run(capsys, "--db", fresh, "staff", "add", "rogue", "--role", "admin")
    assert code == 1, err
    assert "the shared database already has 4 staff account(s)" in err and "--as USER" in err
    code, _, err = _run(
        capsys, "--db", fresh, "staff", "add", "rogue", "--role", "clerk", "--school", "LINC"
    )
    assert code == 1 and "needs an admin to sign in (--as USER)" in err, err
    assert _role_on_shared(shared, "rogue") is None
    # the desk took the district's accounts: an admin signs in with the shared password
    local = db.session_factory(db.make_engine(fresh))
    with local() as s:
        assert staff.staff_count(s) == 4
        assert staff.authenticate(s, "admin", h.PASSWORD, workstation="ws-new").is_admin
    monkeypatch.setenv("STAFFDESK_PASSWORD", h.PASSWORD)
    code, out, err = _run(
        capsys, "--db", fresh, "staff", "add", "newclerk", "--role", "clerk", "--school",
        "LINC", "--as", "admin",
    )  # fmt: skip
    assert code == 0, err
    assert "waits on this desk until `staffdesk sync --admin DBUSER`" in out
    # made here by a signed-in admin, it still waits for an admin's database login
    code, out, err = _run(capsys, "--db", fresh, "sync")
    assert code == 0, err
    assert "1 staff, settings or roster change(s) need an admin" in out
    assert _role_on_shared(shared, "newclerk") is None


def test_no_account_is_added_while_the_shared_database_cannot_be_asked(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: secrets.MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _, err = _run(capsys, "connect", "postgresql://nobody@127.0.0.1:1/none", "--no-check")
    assert code == 0, err
    fresh = f"sqlite:///{tmp_path / 'new-desk.sqlite3'}"
    monkeypatch.setenv("STAFFDESK_NEW_PASSWORD", "rogue-pass-123")
    code, _, err = _run(capsys, "--db", fresh, "staff", "add", "rogue", "--role", "admin")
    assert code == 4, err
    assert "takes them from its shared database, which cannot be reached" in err
    with db.session_factory(db.make_engine(fresh))() as s:
        assert staff.staff_count(s) == 0


def test_the_first_account_of_an_empty_shared_database_reaches_it_only_with_an_admin_login(
    shared: Engine,
    shared_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: secrets.MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.test_sync_cli import admin_login

    code, _, err = _run(capsys, "connect", shared_url)
    assert code == 0, err
    fresh = f"sqlite:///{tmp_path / 'new-desk.sqlite3'}"
    monkeypatch.setenv("STAFFDESK_NEW_PASSWORD", "first-admin-1")
    code, out, err = _run(capsys, "--db", fresh, "staff", "add", "first", "--role", "admin")
    assert code == 0, err  # the shared database has no staff: this is the district's first
    code, out, err = _run(capsys, "--db", fresh, "sync")
    assert code == 0 and "need an admin" in out, (out, err)
    assert _role_on_shared(shared, "first") is None
    login = admin_login(shared_url, memory_keyring)
    code, out, err = _run(capsys, "--db", fresh, "sync", "--admin", login, "--yes")
    assert code == 0, err
    assert "staff first: admin, active, district-wide" in out
    assert _role_on_shared(shared, "first") == "admin"


# --------------------------------------------------------------------- forged local admins


def test_a_forged_local_admin_never_reaches_the_shared_database(
    shared: Engine, template: Path, tmp_path: Path
) -> None:
    _staffed(shared, template, tmp_path)
    clerk_desk = h.desk(tmp_path, "ws-b")
    assert clerk_desk.sync(shared, admin=None).ok  # takes the staff and roster
    # someone with the desk's SQLite file: the clerk made admin, a new admin, both queued
    with clerk_desk.work() as s:
        s.execute(update(StaffUser).where(StaffUser.username == "clerk").values(role="admin"))
        s.add(StaffUser(username="rogue", display_name="Rogue", role="admin", password_hash="x"))
        s.flush()
        rogue = s.scalars(select(StaffUser.id).where(StaffUser.username == "rogue")).one()
        clerk = s.scalars(select(StaffUser.id).where(StaffUser.username == "clerk")).one()
        for sid in (clerk, rogue):
            s.execute(
                insert(Outbox).values(entity_type="staff_user", entity_id=sid, action="staff.add")
            )
    # and a request recorded honestly at the same desk meanwhile
    rid = h.record(clerk_desk, "1000001")
    for _ in range(2):
        report = clerk_desk.sync(shared, admin=None)
        assert report.ok, report.lines()
        assert report.needs_admin == 2 and report.push.conflicts == ()
        assert any("need an admin" in line for line in report.lines())
    assert _role_on_shared(shared, "clerk") == "clerk"
    assert _role_on_shared(shared, "rogue") is None
    assert h.count(shared, "access_request", id=rid) == 1  # the honest work went on
    assert "2 need an admin" in clerk_desk.status().text()
    with clerk_desk.factory() as s:
        assert "2 need an admin" in sync_status_parts(s, clerk_desk.url)[0]


def test_a_request_for_a_student_only_an_admin_can_send_waits_with_it(
    shared: Engine, template: Path, tmp_path: Path
) -> None:
    """Not quarantined for a missing parent: held, and sent after the admin's round."""
    desk = h.desk(tmp_path, "ws-a", template)  # its roster was imported here, never sent
    rid, code_id, _ = h.issued(desk, "1000002")
    report = desk.sync(shared, admin=None)
    assert report.ok and report.push.conflicts == (), report.lines()
    assert report.push.held >= 2  # the request and its passcode (and its slip log)
    assert h.count(shared, "access_request", id=rid) == 0
    report = desk.sync(shared, admin=shared)
    assert report.ok and report.push.conflicts == () and report.waiting == 0, report.lines()
    assert h.count(shared, "passcode", id=code_id) == 1


# ------------------------------------------------------------------ privileged changes, --admin


def test_staff_and_settings_changes_go_with_the_admin_login(
    shared: Engine, template: Path, tmp_path: Path
) -> None:
    desk = _staffed(shared, template, tmp_path)
    admin = desk.actor("admin")
    with desk.work() as s:
        settings.set_value(s, admin, "two_person_rule", "off")
        staff.add_staff(
            s, admin, username="nurse", role="clerk", password=h.PASSWORD, schools=["WASH"]
        )
    report = desk.sync(shared, admin=None)
    assert report.ok and report.needs_admin == 2, report.lines()
    assert _role_on_shared(shared, "nurse") is None
    assert _setting_on_shared(shared, "two_person_rule") != "off"
    report = desk.sync(shared, admin=shared)
    assert report.ok and report.needs_admin == 0 and report.waiting == 0, report.lines()
    assert _role_on_shared(shared, "nurse") == "clerk"
    assert _setting_on_shared(shared, "two_person_rule") == "off"
    other = h.desk(tmp_path, "ws-c")
    assert other.sync(shared, admin=None).ok
    with other.factory() as s:
        assert settings.load(s).two_person_rule is False
        assert staff.authenticate(s, "nurse", h.PASSWORD, workstation="ws-c").schools == {"WASH"}


# ------------------------------------------------------------------ workstation identity


def _shared_chain(engine: Engine, chain: str) -> list[tuple[int, str, str]]:
    with engine.connect() as c:
        rows = c.execute(
            select(AuditEvent.seq, AuditEvent.action, AuditEvent.details)
            .where(AuditEvent.chain == chain)
            .order_by(AuditEvent.seq)
        ).all()
    return [(int(a), str(b), str(d)) for a, b, d in rows]


def _verified(engine: Engine) -> bool:
    with db.session_factory(engine)() as s:
        return audit.verify(s).ok


def test_a_desk_restored_from_a_backup_is_named_and_goes_on_in_a_new_segment(
    shared: Engine,
    shared_url: str,
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    desk = _staffed(shared, template, tmp_path)
    backup = h.copy_store(desk, tmp_path / "backup.sqlite3")
    sent = h.record(desk, "1000001")  # after the backup: on the shared database only
    assert desk.sync(shared).ok
    desk.engine.dispose()
    # the disk died; the desk is restored from last night's backup, and people go on working
    restored_dir = tmp_path / "restored"
    restored_dir.mkdir()
    restored = h.desk(restored_dir, "ws-a", backup)
    report = restored.sync(shared)  # nothing of its own to send yet: an idle round
    assert report.ok, report.lines()
    unsent = h.record(restored, "1000002")
    waiting = restored.waiting()
    report = restored.sync(shared)
    assert not report.ok and isinstance(report.problem, RestoredWorkstation)
    text_ = "\n".join(report.lines())
    assert "restored from a backup" in text_ and "--new-segment" in text_
    assert "unavailable" not in text_
    assert restored.waiting() == waiting  # nothing lost, nothing half-sent
    with restored.factory() as s:  # the desk's status bar says it, the tooltip in full
        label, tip = sync_status_parts(s, restored.url)
    assert "restored from a backup: run sync --new-segment" in label
    assert "Offline" in label and "restored from a backup" in tip
    assert h.count(shared, "access_request", id=unsent) == 0
    # the command line says it the same way, with its own exit code
    monkeypatch.setenv("STAFFDESK_WORKSTATION", "ws-a")
    code, out, err = _run(capsys, "--db", restored.url, "sync", "--shared", shared_url)
    assert code == 5, (out, err)
    assert "restored from a backup" in err and "--new-segment" in err
    code, out, err = _run(capsys, "--db", restored.url, "--json", "sync", "--shared", shared_url)
    assert code == 5 and json.loads(out)["waiting"] == waiting, (out, err)
    code, out, err = _run(
        capsys, "--db", restored.url, "sync", "--shared", shared_url, "--new-segment"
    )
    assert code == 0, err
    assert "new chain segment 'ws-a~2'" in out and "waiting to push: 0" in out
    assert h.count(shared, "access_request", id=unsent) == 1  # the unsent work arrived
    assert h.count(shared, "access_request", id=sent) == 1  # and nothing was undone
    segment = _shared_chain(shared, "ws-a~2")
    assert segment[0][1] == "audit.segment"
    link = json.loads(segment[0][2])
    assert link["continues"] == "ws-a" and link["reason"] == "restored"
    old = _shared_chain(shared, "ws-a")
    assert link["shared_head_seq"] == len(old) and link["from_seq"] < len(old)
    assert any(action == "request.record" for _, action, _ in segment[1:])
    assert _verified(shared)
    with restored.factory() as s:
        assert audit.verify(s).ok
    # later rounds are ordinary ones, on the new segment
    h.verify(restored, unsent)
    report = restored.sync(shared)
    assert report.ok and report.waiting == 0, report.lines()
    assert _shared_chain(shared, "ws-a~2")[-1][1] == "request.verify"
    code, _, err = _run(
        capsys, "--db", restored.url, "sync", "--shared", shared_url, "--new-segment"
    )
    assert code == 1 and "nothing to do" in err


def test_two_desks_with_one_name_are_told_apart_from_an_unreachable_database(
    shared: Engine,
    template: Path,
    tmp_path: Path,
) -> None:
    first = _staffed(shared, template, tmp_path)
    h.record(first, "1000001")
    assert first.sync(shared).ok
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    twin = h.desk(other_dir, "ws-a")  # set up from the same image, the name left as it was
    assert twin.sync(shared, admin=None).ok  # it has written nothing yet: nothing clashes
    rid = h.record(twin, "1000003")
    waiting = twin.waiting()
    for _ in range(2):
        report = twin.sync(shared, admin=None)
        assert isinstance(report.problem, DuplicateWorkstation), report.lines()
        text_ = "\n".join(report.lines())
        assert "another workstation already uses the name 'ws-a'" in text_
        assert "STAFFDESK_WORKSTATION" in text_ and "unavailable" not in text_
    assert twin.waiting() == waiting and h.count(shared, "access_request", id=rid) == 0
    assert "another workstation already uses the name" in (twin.status().last_error or "")
    # the first desk is not disturbed
    assert first.sync(shared).ok
    # renamed, with --new-segment its events so far move to a chain of its own name
    from staffdesk.sync.identity import new_segment

    twin.name = "ws-twin"
    done = new_segment(twin.factory, shared, "ws-twin")
    assert (done.old_chain, done.new_chain) == ("ws-a", "ws-twin")
    assert done.moved >= 1 and done.continues_from == 0
    report = twin.sync(shared, admin=None)
    assert report.ok and report.waiting == 0, report.lines()
    assert h.count(shared, "access_request", id=rid) == 1
    h.verify(twin, rid)  # and goes on writing there
    assert twin.sync(shared, admin=None).ok
    actions = [action for _, action, _ in _shared_chain(shared, "ws-twin")]
    assert actions[0] == "audit.segment" and "request.record" in actions
    assert actions[-1] == "request.verify"
    assert first.sync(shared).ok  # the first desk's chain is as it was
    assert _verified(shared)


# ------------------------------------------------------- the real roles (migration 0008)


@contextmanager
def real_logins(shared_url: str) -> Iterator[Callable[[str], tuple[str, str]]]:
    """`make(role)`: a new database login granted that role, as a district creates one per
    desk and per admin; (user, password). Dropped afterwards."""
    u = make_url(shared_url)
    root = create_engine(db.normalise_url(shared_url), isolation_level="AUTOCOMMIT")
    made: list[str] = []
    pg = u.get_backend_name() == "postgresql"

    def make(role: str) -> tuple[str, str]:
        user, password = f"sdl_{uuid.uuid4().hex[:10]}", uuid.uuid4().hex
        with root.connect() as c:
            if pg:
                c.execute(text(f"CREATE ROLE {user} LOGIN PASSWORD '{password}' IN ROLE {role}"))
            else:
                c.execute(text(f"CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'"))
                c.execute(text(f"GRANT {role} TO '{user}'@'%'"))
                c.execute(text(f"SET DEFAULT ROLE {role} FOR '{user}'@'%'"))
        made.append(user)
        return user, password

    try:
        yield make
    finally:
        with root.connect() as c:
            for user in made:
                c.execute(text(f"DROP ROLE {user}" if pg else f"DROP USER '{user}'@'%'"))
        root.dispose()


def _as_login(shared_url: str, user: str, password: str) -> str:
    return make_url(shared_url).set(username=user, password=password).render_as_string(False)


def test_as_the_real_roles_only_an_admin_login_sends_staff_and_a_desk_login_is_refused(
    shared: Engine,
    shared_url: str,
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: secrets.MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with real_logins(shared_url) as make:
        desk_user, desk_pw = make("staffdesk_app")
        alice, alice_pw = make("staffdesk_admin")
        monkeypatch.setenv("STAFFDESK_WORKSTATION", "ws-a")
        desk = h.desk(tmp_path, "ws-a", template)  # roster and staff made here, never sent
        code, out, err = _run(capsys, "connect", _as_login(shared_url, desk_user, desk_pw))
        assert code == 0, err
        code, out, err = _run(capsys, "--db", desk.url, "sync")
        assert code == 0 and "need an admin" in out, (out, err)
        assert h.count(shared, "staff_user") == 0
        # a desk's own login given as --admin: refused as a whole, nothing quarantined
        bare = config.strip_password(_as_login(shared_url, desk_user, desk_pw))
        secrets.store_password(bare, desk_pw)
        code, out, err = _run(capsys, "--db", desk.url, "sync", "--admin", desk_user, "--yes")
        assert code == 1 and f"the database login {desk_user!r} may not write" in err, err
        assert "staffdesk_admin" in err
        with desk.factory() as s:
            assert list_conflicts(s) == []
        assert h.count(shared, "staff_user") == 0
        # alice, granted staffdesk_admin: her password from the keyring (`--remember` earlier)
        secrets.store_password(
            config.strip_password(_as_login(shared_url, alice, alice_pw)), alice_pw
        )
        code, out, err = _run(capsys, "--db", desk.url, "sync", "--admin", alice, "--yes")
        assert code == 0, err
        assert "waiting to push: 0" in out
        assert h.count(shared, "staff_user") == 4 and h.count(shared, "student") == 12
        assert alice_pw not in config.config_path().read_text(encoding="utf-8")


def test_a_forged_admin_forced_through_a_desk_login_is_refused_by_the_database(
    shared: Engine, shared_url: str, template: Path, tmp_path: Path
) -> None:
    """A modified client that sends staff changes over the desk's own login: the shared database
    refuses them, the sync quarantines them with the reason, and the rest goes on."""
    from staffdesk.sync.push import push

    _staffed(shared, template, tmp_path)
    with real_logins(shared_url) as make:
        desk_user, desk_pw = make("staffdesk_app")
        office = db.make_engine(_as_login(shared_url, desk_user, desk_pw))
        clerk_desk = h.desk(tmp_path, "ws-b")
        assert clerk_desk.sync(office, admin=None).ok
        with clerk_desk.work() as s:
            s.execute(update(StaffUser).where(StaffUser.username == "clerk").values(role="admin"))
            clerk = s.scalars(select(StaffUser.id).where(StaffUser.username == "clerk")).one()
            s.execute(insert(Outbox).values(entity_type="staff_user", entity_id=clerk, action="x"))
            s.merge(Setting(key="two_person_rule", value="off", updated_by="clerk"))
            s.execute(
                insert(Outbox).values(
                    entity_type="setting", entity_id="two_person_rule", action="x"
                )
            )
        rid = h.record(clerk_desk, "1000001")
        report = push(clerk_desk.factory, office, workstation="ws-b")  # every entry, as it is
        refused = {(c.entity_type, c.entity_id): c.message for c in report.conflicts}
        assert set(refused) == {("staff_user", clerk), ("setting", "two_person_rule")}
        assert all("denied" in m for m in refused.values()), refused
        assert _role_on_shared(shared, "clerk") == "clerk"
        assert _setting_on_shared(shared, "two_person_rule") != "off"
        assert h.count(shared, "access_request", id=rid) == 1
        office.dispose()


def test_the_desktop_app_on_a_new_desk_takes_the_shared_staff_before_offering_a_first_account(
    qtbot: object,
    shared: Engine,
    shared_url: str,
    template: Path,
    tmp_path: Path,
    memory_keyring: secrets.MemoryKeyring,
) -> None:
    from staffdesk.ui.app import DeskApp

    _staffed(shared, template, tmp_path)
    config.save(shared_url, password_in_keyring=False)
    app = DeskApp(f"sqlite:///{tmp_path / 'new-desk.sqlite3'}", demo=False)
    try:
        app.prepare()
        qtbot.waitUntil(lambda: app.ready, timeout=60000)  # type: ignore[attr-defined]
        assert "no staff accounts" not in app.problem
        with app.worker.factory() as s:  # type: ignore[misc]
            assert staff.authenticate(s, "clerk", h.PASSWORD, workstation="ws-new").schools
    finally:
        app.shutdown()


# ------------------------------------------------------------------ checkpoints per round


def test_every_round_checkpoints_the_chains_and_the_desk_shows_its_last_verified_one(
    qtbot: object, shared: Engine, shared_url: str, template: Path, tmp_path: Path
) -> None:
    desk = _staffed(shared, template, tmp_path)
    with real_logins(shared_url) as make:
        user, password = make("staffdesk_app")
        office = db.make_engine(_as_login(shared_url, user, password))
        h.record(desk, "1000001")
        report = desk.sync(office, admin=None)  # as the desk's own login
        assert report.ok and report.anchors is not None, report.lines()
        with desk.factory() as s:
            head = s.scalars(select(AuditHead.seq).where(AuditHead.chain == "ws-a")).one()
        verified = report.anchors.verified
        assert verified is not None and (verified.chain, verified.seq) == ("ws-a", head)
        assert any(f"anchored up to event {head}" in line for line in report.lines())
        with shared.connect() as c:
            anchored = dict(
                c.execute(
                    select(AuditCheckpoint.chain, func.max(AuditCheckpoint.seq)).group_by(
                        AuditCheckpoint.chain
                    )
                ).all()
            )
            heads = dict(c.execute(select(AuditHead.chain, AuditHead.seq)).all())
        assert anchored == heads  # every chain head, not only this desk's
        status = desk.status()
        assert status.checkpoint is not None and status.checkpoint.seq == head
        assert f"checkpoint ws-a #{head}" in status.text()
        with desk.factory() as s:
            label, tip = sync_status_parts(s, desk.url)
        assert f"checkpoint #{head} verified" in label and f"up to event {head}" in tip
        again = desk.sync(office, admin=None)  # idle: nothing new to anchor, nothing asked
        assert again.ok and again.anchors is None
        assert desk.status().checkpoint.seq == head  # type: ignore[union-attr]
        with db.session_factory(shared)() as s:
            assert audit.verify(s).ok
        office.dispose()
