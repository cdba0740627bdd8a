"""kill -9 of a syncing workstation at each step, on PostgreSQL and MariaDB: after a restart
every record is on the shared database exactly once and every issued passcode links."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from staffdesk.services import audit, portal
from staffdesk.store import db
from staffdesk.store.models import AuditEvent, Outbox
from tests import sync_helpers as h

ROOT = Path(__file__).resolve().parents[1]
ISSUED = 3


@pytest.fixture(params=h.SHARED_PARAMS)
def shared_url(request: pytest.FixtureRequest) -> str:
    return h.shared_url(request)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return h.seed_template(tmp_path_factory.mktemp("fault-template"), "ws-a")


def _run_worker(desk: h.Desk, shared_url: str, out: Path, fault: str, home: Path) -> int:
    env = {
        **os.environ,
        "STAFFDESK_SYNC_FAULT": fault,
        "STAFFDESK_WORKSTATION": desk.name,
        "STAFFDESK_DATA_DIR": str(home / "data"),
        "STAFFDESK_LOG_DIR": str(home / "log"),
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.sync_helpers",
            desk.url,
            shared_url,
            desk.name,
            str(out),
            str(ISSUED),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stdout, proc.stderr)
    return proc.returncode


def _pushed(desk: h.Desk) -> int:
    with desk.factory() as s:
        return int(
            s.scalar(select(func.count()).select_from(Outbox).where(Outbox.pushed_at.is_not(None)))
            or 0
        )


@pytest.mark.slow
@pytest.mark.parametrize(
    "fault, pushed_before_restart",
    [
        ("kill:after_local_commit", 0),  # nothing sent yet
        ("kill:push.begin@2", 2),  # one batch of two entries acknowledged
        ("kill:push.mid@3", 4),  # two batches in, the third half-written, not committed
        ("kill:push.after_server_commit@2", 2),  # second batch committed, never acknowledged
    ],
)
def test_killed_sync_restarts_and_delivers_each_record_once(
    template: Path,
    shared_url: str,
    tmp_path: Path,
    fault: str,
    pushed_before_restart: int,
) -> None:
    desk = h.desk(tmp_path, "ws-a", template)
    out = tmp_path / "codes.jsonl"
    _run_worker(desk, shared_url, out, fault, tmp_path)

    codes = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(codes) == ISSUED  # every slip was printed before the process died
    shared: Engine = db.make_engine(shared_url)
    # the state the kill left behind is the one this case is about
    assert _pushed(desk) == pushed_before_restart
    if fault.startswith("kill:push.after_server_commit"):
        assert h.count(shared, "school") > 0  # the second batch is on the server...
        assert desk.waiting() > 0  # ...and still waiting here
    if fault == "kill:after_local_commit":
        assert h.count(shared, "school") == 0

    report = desk.sync(shared)  # the restart
    assert report.ok, report.error
    assert report.push.conflicts == ()
    assert report.waiting == 0

    for c in codes:
        assert h.count(shared, "access_request", id=c["request"]) == 1
        assert h.count(shared, "passcode", id=c["passcode"]) == 1
        assert h.count(shared, "decision", request_id=c["request"]) == 1
        assert h.count(shared, "identity_check", request_id=c["request"]) == 1
    assert h.count(shared, "passcode") == ISSUED
    assert h.count(shared, "access_request") == ISSUED
    with desk.factory() as s:
        local_events = s.scalar(select(func.count()).select_from(AuditEvent))
    assert h.count(shared, "audit_event", chain="ws-a") == local_events
    with db.session_factory(shared)() as s:
        report_ = audit.verify(s)
        assert report_.ok, report_.problems
    portal_side = db.session_factory(shared)
    for c in codes:
        assert isinstance(h.link(portal_side, c["pid"], c["vpc"]), portal.LinkResult), c["pid"]
    assert desk.sync(shared).push.entries == 0
    shared.dispose()
