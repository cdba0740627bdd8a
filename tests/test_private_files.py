"""Private files (issue 12): the data folder is 0700; the store, its WAL and shared memory, the
log, audit exports and every PDF holding a code are 0600; Save as PDF… starts in a private
folder and says the file holds a code."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from staffdesk import applog
from staffdesk.services import audit
from staffdesk.services.context import slips_folder
from staffdesk.store import db
from tests.conftest import Office
from tests.ui_helpers import QT_NOISE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_folder_is_owner_only_even_when_it_existed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    monkeypatch.setenv("STAFFDESK_DATA_DIR", str(folder))
    assert db.data_dir() == folder and _mode(folder) == 0o700
    fresh = tmp_path / "fresh" / "data"
    monkeypatch.setenv("STAFFDESK_DATA_DIR", str(fresh))
    assert _mode(db.data_dir()) == 0o700
    assert _mode(slips_folder()) == 0o700


def test_the_store_and_its_wal_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with engine.connect() as c:  # keep a connection: the WAL and -shm exist while it is open
        c.execute(text("SELECT 1"))
        assert _mode(path) == 0o600
        companions = [Path(f"{path}{s}") for s in ("-wal", "-shm")]
        assert all(p.exists() for p in companions)
        assert all(_mode(p) == 0o600 for p in companions)
    engine.dispose()


def test_an_older_world_readable_store_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    engine.dispose()
    path.chmod(0o644)
    db.make_engine(f"sqlite:///{path}").dispose()
    assert _mode(path) == 0o600


def test_log_files_are_owner_only_also_after_rotation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAFFDESK_LOG_DIR", str(tmp_path / "logs"))
    folder = applog.log_dir()
    assert _mode(folder) == 0o700
    handler = applog.PrivateRotatingFileHandler(
        folder / "staffdesk.log", maxBytes=200, backupCount=2, encoding="utf-8"
    )
    logger = logging.getLogger("staffdesk.test-private")
    logger.addHandler(handler)
    try:
        for i in range(20):
            logger.warning("line %d of a log that rotates", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(folder.iterdir())
    assert len(files) == 3  # the current file and two rotated ones
    assert all(_mode(f) == 0o600 for f in files)


def test_an_audit_export_is_owner_only(office: Office, tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    with db.unit_of_work(office.factory) as s:
        audit.export_csv(s, office.admin, out)
    assert _mode(out) == 0o600


@pytest.mark.qt_log_ignore(*QT_NOISE)
def test_save_as_pdf_starts_in_a_private_folder_and_says_the_file_holds_a_code(
    qtbot, desk_app, boxes, monkeypatch
):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from tests.test_ui_flows import issued_as_clerk

    asked: list[tuple[str, str]] = []

    def choose(_parent, caption, directory, _filter):  # type: ignore[no-untyped-def]
        asked.append((caption, directory))
        return directory, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    win, dialog = issued_as_clerk(qtbot, desk_app, "1000010")
    with qtbot.waitSignal(dialog.printed, timeout=10000):
        dialog.save_pdf()
    caption, offered = asked[0]
    assert "holds a passcode" in caption
    assert Path(offered).parent == slips_folder()
    assert _mode(Path(offered)) == 0o600 and _mode(Path(offered).parent) == 0o700
    assert "holds a passcode" in dialog.status.text()
    qtbot.waitUntil(lambda: not desk_app.worker.busy, timeout=10000)  # nothing left queued
    dialog.close()
    win.sign_out()  # its timers stop: nothing of this desk runs on into a later test
