"""`staffdesk connect`, `staffdesk sync` (one round, --watch, --status, --conflicts) and the
keyring rules, run as a user would."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy.engine import make_url

from staffdesk.domain.errors import SecretStoreUnavailable
from staffdesk.services import queries
from staffdesk.store import db
from staffdesk.sync import config, connection, secrets
from tests import sync_helpers as h

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(params=h.SHARED_PARAMS)
def shared_url(request: pytest.FixtureRequest) -> str:
    return h.shared_url(request)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return h.seed_template(tmp_path_factory.mktemp("cli-template"), "ws-a")


memory_keyring = h.memory_keyring


@pytest.fixture(autouse=True)
def _own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFFDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("STAFFDESK_WORKSTATION", "ws-a")
    monkeypatch.delenv(connection.PASSWORD_ENV, raising=False)


_run = h.run_cli


def _with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


# ---------------------------------------------------------------------------- connect, keyring


def test_connect_keeps_the_password_in_the_keyring_and_the_url_without_it(
    shared_url: str,
    memory_keyring: secrets.MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    bare = config.strip_password(shared_url)
    if shared_url.startswith("postgresql"):
        secret = "s3cret-Pass"  # the test server trusts local connections: it rides along
        code, out, err = _run(capsys, "connect", _with_password(shared_url, secret), "--init")
        assert code == 0, err
        assert "system keyring" in out
        stored = config.config_path().read_text(encoding="utf-8")
        assert secret not in stored
        assert memory_keyring.get_password(secrets.SERVICE, bare) == secret
        assert config.password_of(connection.resolve_url() or "") == secret
    else:  # the test server's root has no password, and refuses one: none is kept anywhere
        code, out, err = _run(capsys, "connect", shared_url, "--init")
        assert code == 0, err
        assert "nowhere" in out
        stored = config.config_path().read_text(encoding="utf-8")
        assert memory_keyring.get_password(secrets.SERVICE, bare) is None
    assert tomllib.loads(stored)["shared_db_url"] == bare
    # the desk syncs with what `connect` saved
    desk = h.desk(tmp_path, "ws-a")
    code, out, err = _run(capsys, "--db", desk.url, "sync")
    assert code == 0, err
    assert "nothing to push" in out
    code, out, _ = _run(capsys, "disconnect")
    assert code == 0 and config.load() is None
    assert memory_keyring.get_password(secrets.SERVICE, bare) is None


class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt.file.PlaintextKeyring (not installed here)."""

    priority = 1  # type: ignore[assignment]
    # never a viable backend: keyring's chainer would take it in beside the real ones, and
    # every later refusal on this box would name it (seen: the Spanish walk read 'file' in
    # 'keyrings.alt.file.AltFileKeyring')
    viable = False  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("a plaintext keyring must never be given the password")

    def delete_password(self, service: str, username: str) -> None:
        pass


class AltFileKeyring(PlaintextKeyring):
    pass


AltFileKeyring.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize(
    "backend",
    [
        keyring.backends.fail.Keyring(),
        PlaintextKeyring(),
        AltFileKeyring(),
        keyring.backends.chainer.ChainerBackend(),  # nothing secure behind it on this machine
    ],
    ids=["fail", "plaintext", "keyrings.alt", "empty-chainer"],
)
def test_an_insecure_keyring_is_refused(
    backend: KeyringBackend, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        with pytest.raises(SecretStoreUnavailable, match="keyring"):
            secrets.check_backend()
        with pytest.raises(SecretStoreUnavailable):
            secrets.store_password("postgresql://u@h/db", "pw")
        code, _, err = _run(capsys, "connect", "postgresql://u:pw@127.0.0.1:1/db", "--no-check")
        assert code == 4 and "keyring" in err, err  # the environment, not the user
        assert config.load() is None  # nothing saved either
    finally:
        keyring.set_keyring(previous)


def test_memory_keyring_is_never_picked_on_its_own() -> None:
    from keyring.backend import get_all_keyring

    assert not any(isinstance(k, secrets.MemoryKeyring) for k in get_all_keyring())


def test_without_a_shared_database_the_desk_is_standalone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    desk = h.desk(tmp_path, "ws-a")
    code, _, err = _run(capsys, "--db", desk.url, "sync")
    assert code == 1 and "connect" in err
    code, out, _ = _run(capsys, "--db", desk.url, "sync", "--status")
    assert code == 0 and "standalone" in out


# ------------------------------------------------------------------------ sync, portal link


def admin_login(url: str, memory_keyring: secrets.MemoryKeyring) -> str:
    """The test server's own user as `--admin`, its (empty: the server trusts local
    connections) password in the keyring, as `--remember` would have left it."""
    login = str(make_url(url).username)
    key = make_url(config.strip_password(url)).set(username=login)
    secrets.store_password(key.render_as_string(hide_password=False), "")
    return login


def test_portal_link_on_the_shared_database_refuses_until_the_code_has_synced(
    shared_url: str,
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: secrets.MemoryKeyring,
) -> None:
    desk = h.desk(tmp_path, "ws-a", template)
    _, _, vpc = h.issued(desk, "1000003")
    link = ("--db", shared_url, "portal", "link", "--student", "1000003", "--phone",
            "(415) 555-1002", "--vpc", vpc, "--account", "parent@example.org")  # fmt: skip
    code, _, err = _run(capsys, *link)
    assert code == 1 and "could not verify" in err
    code, out, _ = _run(capsys, "--db", desk.url, "sync", "--status")
    assert "1 passcode(s) pending sync" in out
    # the roster and staff were made here: without an admin login they, and the code for a
    # student who is not on the shared database yet, wait
    code, out, err = _run(capsys, "--db", desk.url, "sync", "--shared", shared_url)
    assert code == 0, err
    assert "need an admin" in out and "passcode" not in out.split("\n")[0]
    code, _, err = _run(capsys, *link)
    assert code == 1 and "could not verify" in err
    login = admin_login(shared_url, memory_keyring)
    sync = ("--db", desk.url, "sync", "--shared", shared_url, "--admin", login)
    code, out, err = _run(capsys, *sync)
    assert code == 1 and "--yes" in err  # shown, and not sent without a yes
    assert "staff admin: admin, active, district-wide" in out and "roster: " in out
    code, out, err = _run(capsys, *sync, "--yes")
    assert code == 0, err
    assert "pushed" in out and "passcode 1" in out and "waiting to push: 0" in out
    code, out, err = _run(capsys, *link)
    assert code == 0, err
    assert "linked parent@example.org to student 1000003" in out
    code, out, _ = _run(capsys, "--db", desk.url, "sync", "--shared", shared_url)
    assert "portal_link 1" in out  # the office sees "linked on …"
    code, out, _ = _run(capsys, "--db", desk.url, "sync", "--status")
    assert out.startswith("online") and "0 waiting" in out


def test_conflicts_are_listed_with_both_versions_and_can_be_marked_seen(
    shared_url: str, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = h.desk(tmp_path, "ws-a", template)
    b = h.desk(tmp_path, "ws-b")
    shared = db.make_engine(shared_url)
    rid = h.record(a, "1000001")
    h.verify(a, rid)
    assert a.sync(shared).ok and b.sync(shared).ok
    h.approve(a, rid, "approver")
    h.approve(b, rid, "approver2")
    assert a.sync(shared).ok
    with h.workstation_env("ws-b"):
        code, out, _ = _run(capsys, "--db", b.url, "sync", "--shared", shared_url)
    assert code == 0 and "CONFLICT #1" in out
    code, out, _ = _run(capsys, "--db", b.url, "sync", "--conflicts")
    assert "#1 conflict access_request" in out
    assert "approved by approver2 at ws-b" in out and "approved by approver at ws-a" in out
    code, out, _ = _run(capsys, "--db", b.url, "--json", "sync", "--conflicts")
    (listed,) = json.loads(out)
    assert listed["local"]["decision"]["decided_by"] == "approver2"
    assert listed["shared"]["decision"]["decided_by"] == "approver"
    code, out, _ = _run(capsys, "--db", b.url, "sync", "--resolve", "1")
    assert code == 0 and "marked as seen" in out
    code, out, _ = _run(capsys, "--db", b.url, "sync", "--conflicts")
    assert "no open conflicts" in out
    shared.dispose()


# ---------------------------------------------------------------------------------- --watch


def test_watch_backs_off_while_the_shared_database_is_down_and_stops_on_ctrl_c(
    template: Path, tmp_path: Path
) -> None:
    desk = h.desk(tmp_path, "ws-a", template)
    env = {
        **os.environ,
        "STAFFDESK_DATA_DIR": str(tmp_path / "data"),
        "STAFFDESK_LOG_DIR": str(tmp_path / "log"),
        "STAFFDESK_CONFIG_DIR": str(tmp_path / "config"),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "staffdesk.cli",
            "--db",
            desk.url,
            "sync",
            "--watch",
            "--shared",
            "postgresql://postgres@127.0.0.1:1/test",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C as at a terminal: a test run started in the background inherits it ignored,
        # and so would the desk's process
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    lines: list[str] = []
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    while sum("offline" in x for x in lines) < 3 and time.monotonic() < deadline:
        lines.append(proc.stdout.readline())
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, (lines, rest, err)
    offline = [x for x in lines if "offline" in x]
    assert [x.rsplit("retrying in ", 1)[1].split()[0] for x in offline] == ["1", "2", "4"]
    assert "change(s) waiting" in offline[0]
    assert "sync stopped" in rest


def test_watch_stops_on_ctrl_c_even_where_a_round_loses_the_interrupt(
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Ctrl-C that lands inside a round can be lost there (a rollback failing on its way out
    replaces the KeyboardInterrupt with its own error, which the round reports as a failure):
    `sync --watch` still stops after that round instead of backing off forever."""
    from staffdesk.services.context import utcnow
    from staffdesk.sync.engine import SyncReport
    from staffdesk.sync.pull import PullReport
    from staffdesk.sync.push import PushReport

    desk = h.desk(tmp_path, "ws-a", template)
    rounds: list[int] = []

    def a_round_that_swallows_ctrl_c(*args: object, **kw: object) -> SyncReport:
        rounds.append(1)
        if len(rounds) > 1:  # it went on: a second Ctrl-C, not lost, ends the test
            raise KeyboardInterrupt
        with contextlib.suppress(KeyboardInterrupt):  # lost, as a failing rollback loses it
            signal.raise_signal(signal.SIGINT)  # the person presses Ctrl-C mid-round
        return SyncReport(
            utcnow(), PushReport(), PullReport(), 0, error="the shared database is away"
        )

    monkeypatch.setattr(connection, "sync_once", a_round_that_swallows_ctrl_c)
    was = signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal
    try:
        code, out, _ = h.run_cli(
            capsys, "--db", desk.url, "sync", "--watch", "--shared", "postgresql://x@127.0.0.1:1/t"
        )
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back
    finally:
        signal.signal(signal.SIGINT, was)
    assert code == 0 and len(rounds) == 1, (rounds, out)
    assert "offline" in out and "sync stopped" in out


def test_back_off_is_bounded() -> None:
    delays = [connection.next_delay(n) for n in range(30)]
    assert delays[0] <= 1 and delays[1] <= 2 and delays[5] >= 28
    assert max(delays) <= connection.MAX_DELAY and min(delays[6:]) >= 0.9 * connection.MAX_DELAY


# ------------------------------------------------------------------------ pending sync, print log


def test_a_code_issued_offline_says_pending_sync_and_its_print_log_reaches_the_shared_database(
    shared_url: str,
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypdf import PdfReader

    desk = h.desk(tmp_path, "ws-a", template)
    rid = h.record(desk, "1000004")
    h.verify(desk, rid)
    h.approve(desk, rid)
    monkeypatch.setenv("STAFFDESK_PASSWORD", h.PASSWORD)
    issue = ("--db", desk.url, "passcode", "issue", rid, "--as", "clerk", "--lang", "en")
    # standalone: nothing to wait for, and the slip does not say so
    alone = tmp_path / "alone.pdf"
    code, out, err = _run(capsys, *issue, "--out", str(alone))
    assert code == 0, err
    assert "pending sync" not in out
    assert "pending" not in PdfReader(alone).pages[0].extract_text().lower()
    # with a shared database configured, a code issued here waits for the next sync
    config.save(shared_url, password_in_keyring=False)
    slip = tmp_path / "slip.pdf"
    reissue = ("--db", desk.url, "passcode", "reissue", rid, "--as", "approver", "--lang", "en")
    code, out, err = _run(capsys, *reissue, "--out", str(slip))
    assert code == 0, err
    assert "pending sync" in out
    assert "pending sync" in PdfReader(slip).pages[0].extract_text().lower()
    with desk.work() as s:
        card = queries.student_card(s, desk.clerk, "1000004", show_unsynced=True)
    assert [r.detail for r in card.history if r.kind == "passcode" and "pending sync" in r.detail]
    shared = db.make_engine(shared_url)
    try:
        assert desk.sync(shared).ok
        assert h.count(shared, "slip_print_log") == 2  # the first slip and the reissued one
    finally:
        shared.dispose()
    with desk.work() as s:
        card = queries.student_card(s, desk.clerk, "1000004", show_unsynced=True)
    assert not [r for r in card.history if "pending sync" in r.detail]
