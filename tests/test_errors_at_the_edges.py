"""A driver error that escapes a unit of work (a sync round's shared engine, opening the store)
is sorted the same way at the edges: the environment's problem gets its own exit code and a
calm window; anything else stays a bug (exit 3, the crash dialog)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError, OperationalError

from staffdesk.cli import main
from staffdesk.cli.app import ENVIRONMENT, UNEXPECTED, Commands
from staffdesk.domain.errors import StoreUnavailable
from staffdesk.services.storage import known_error


def _locked(tmp_path: Path) -> OperationalError:
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute("INSERT INTO t VALUES (1)")
    except sqlite3.OperationalError as exc:
        return OperationalError("INSERT INTO t VALUES (1)", {}, exc)
    finally:
        holder.rollback()
    raise AssertionError("the second connection was not refused")


def _bug() -> DBAPIError:
    try:
        sqlite3.connect(":memory:").execute("SELECT * FROM no_such_table")
    except sqlite3.OperationalError as exc:
        return OperationalError("SELECT * FROM no_such_table", {}, exc)
    raise AssertionError("no error")


def test_known_error_sorts_like_the_unit_of_work(tmp_path: Path) -> None:
    assert isinstance(known_error(_locked(tmp_path)), StoreUnavailable)
    assert known_error(_bug()) is None
    assert known_error(ValueError("x")) is None


REAL_GROUP = Commands.group


def _run_raising(
    monkeypatch: pytest.MonkeyPatch, exc: BaseException, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    def command(_app: object) -> int:
        raise exc

    def group(self: Commands, name: str, help_: str) -> Any:
        sub = REAL_GROUP(self, name, help_)
        if name == "settings" and "explode" not in sub.choices:
            self.leaf(sub, "explode", command, "raise", staff=False)
        return sub

    monkeypatch.setattr(Commands, "group", group)
    code = main(["settings", "explode"])
    return code, capsys.readouterr().err


def test_the_command_line_gives_an_escaped_environment_error_its_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run_raising(monkeypatch, _locked(tmp_path), capsys)
    assert code == ENVIRONMENT, err
    assert "busy" in err and "unexpected" not in err
    code, err = _run_raising(monkeypatch, _bug(), capsys)
    assert code == UNEXPECTED, err


def test_the_window_shows_an_escaped_environment_error_calmly(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from staffdesk.ui.errors import describe

    view = describe(_locked(tmp_path))
    assert view.environment and not view.bug
    assert "busy" in view.text
    assert describe(_bug()).bug
