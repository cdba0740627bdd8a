"""`staffdesk doctor`'s checks, each seen passing and failing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text

from staffdesk import assets
from staffdesk.store import db
from staffdesk.sync import config as shared_config
from staffdesk.sync import doctor, secrets


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workstation of its own: data folder, settings files, no shared database."""
    data = tmp_path / "data"
    monkeypatch.setenv("STAFFDESK_DATA_DIR", str(data))
    monkeypatch.setenv("STAFFDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("STAFFDESK_SITE_CONFIG", str(tmp_path / "site.toml"))
    db.data_dir()
    return tmp_path


@pytest.fixture
def ring() -> object:
    previous = keyring.get_keyring()
    secrets.use_memory_keyring()  # the allow-list accepts it only when a test installs it
    yield
    keyring.set_keyring(previous)


def by_name(checks: list[doctor.Check]) -> dict[str, doctor.Check]:
    return {c.name: c for c in checks}


def test_settings_check(desk: Path) -> None:
    assert doctor.check_settings().ok
    (desk / "site.toml").write_text("idle_lock_minutes = 99\n", encoding="utf-8")
    check = doctor.check_settings()
    assert not check.ok and "site.toml" in check.detail and "1 to 30" in check.detail


def test_local_database_missing_then_current_then_behind(desk: Path) -> None:
    url = db.default_url()
    check = doctor.check_local(url)
    assert not check.ok and check.fix == "run `staffdesk init`"
    assert not Path(url.removeprefix("sqlite:///")).exists()  # doctor creates nothing
    engine = db.make_engine(url)
    db.upgrade(engine)
    assert doctor.check_local(url).ok
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '0002'"))
    engine.dispose()
    check = doctor.check_local(url)
    assert not check.ok and "schema 0002" in check.detail and "staffdesk init" in check.fix


def test_a_standalone_desk_has_no_shared_database_to_check(desk: Path) -> None:
    (check,) = doctor.check_shared()
    assert check.ok and "standalone" in check.detail


def test_an_unreachable_shared_database(desk: Path) -> None:
    shared_config.save("postgresql://staffdesk@127.0.0.1:9/nothing", password_in_keyring=False)
    (check,) = doctor.check_shared()
    assert not check.ok and "cannot be reached" in check.detail and check.fix


@pytest.mark.postgres
def test_shared_database_current_guarded_and_on_time(desk: Path, pg_url: str) -> None:
    shared_config.save(pg_url, password_in_keyring=False)
    checks = by_name(doctor.check_shared())
    assert not checks["shared database"].ok  # a fresh schema: nothing built yet
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    engine.dispose()
    checks = by_name(doctor.check_shared())
    assert checks["shared database"].ok, checks["shared database"].line()
    assert checks["trust boundary"].ok, checks["trust boundary"].line()
    assert checks["clock"].ok
    late = by_name(doctor.check_shared(now=lambda: datetime.now(UTC) + timedelta(seconds=300)))
    assert not late["clock"].ok and "+300 s" in late["clock"].detail and "NTP" in late["clock"].fix


@pytest.mark.mysql
def test_clock_against_mariadb(desk: Path, mysql_url: str) -> None:
    engine = db.make_engine(mysql_url)
    db.upgrade(engine)
    engine.dispose()
    shared_config.save(mysql_url, password_in_keyring=False)
    assert by_name(doctor.check_shared())["clock"].ok
    early = doctor.check_shared(now=lambda: datetime.now(UTC) - timedelta(seconds=90))
    assert not by_name(early)["clock"].ok


def test_a_missing_guard_fails_the_trust_boundary_check(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which guards exist is the trust boundary's own list (store.guard, or the roles of 0002
    before it); here: that any missing one turns the line into a ✗ with the fix."""
    monkeypatch.setattr(doctor, "_missing_guards", lambda _e: ["role portal_app is missing"])
    engine = db.make_engine(db.default_url())
    check = doctor._check_guards(engine)
    engine.dispose()
    assert not check.ok and "portal_app" in check.detail and "init" in check.fix


def test_keyring_check(ring: object) -> None:
    assert doctor.check_keyring().ok
    keyring.set_keyring(fail.Keyring())
    check = doctor.check_keyring()
    assert (
        not check.ok and "no keyring backend" in check.detail and "Credential Manager" in check.fix
    )


def test_printer_check(desk: Path) -> None:
    assert doctor.check_printer(doctor.Printers(("Front office",), "Front office")).ok
    assert not doctor.check_printer(doctor.Printers((), "")).ok
    assert not doctor.check_printer(doctor.Printers(("A", "B"), "")).ok
    assert not doctor.check_printer(None).ok
    (desk / "site.toml").write_text('printer = "Front office"\n', encoding="utf-8")
    assert doctor.check_printer(doctor.Printers(("Front office", "Other"), "Other")).ok
    check = doctor.check_printer(doctor.Printers(("Other",), "Other"))
    assert not check.ok and "'Front office' is not installed" in check.detail


def test_files_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check = doctor.check_files()
    assert check.ok and "en" in check.detail
    empty = tmp_path / "forms"
    empty.mkdir()
    monkeypatch.setattr(assets, "forms_dir", lambda: empty)
    check = doctor.check_files()
    assert not check.ok and "no forms" in check.detail and check.fix == "reinstall StaffDesk"


def test_data_folder_must_be_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    folder.chmod(0o700)
    assert doctor.check_data_folder(folder).ok
    folder.chmod(0o755)
    check = doctor.check_data_folder(folder)
    assert not check.ok and check.fix == f"chmod 700 {folder}"


def test_disk_space(tmp_path: Path) -> None:
    assert doctor.check_disk(tmp_path, min_free=1).ok
    check = doctor.check_disk(tmp_path, min_free=2**62)
    assert not check.ok and "free some disk space" in check.fix


def test_every_check_runs_and_each_line_says_pass_or_fail(desk: Path, ring: object) -> None:
    checks = doctor.run_checks(db.default_url(), printers=doctor.Printers(("P",), "P"))
    names = [c.name for c in checks]
    assert names == [
        "settings",
        "local database",
        "shared database",
        "keyring",
        "printer",
        "fonts and forms",
        "data folder",
        "disk space",
    ]
    lines = [c.line() for c in checks]
    assert lines[1].startswith("✗ local database") and "— fix: run `staffdesk init`" in lines[1]
    assert all(line.startswith("✓") for i, line in enumerate(lines) if i != 1), lines


def test_doctor_command_exits_0_only_when_every_check_passes(
    desk: Path, ring: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from staffdesk.cli import doctor as doctor_command
    from staffdesk.cli import main

    assert main(["doctor"]) == 1  # no local database yet
    out = capsys.readouterr().out
    assert "✗ local database" in out and out.rstrip().endswith("check(s) failed")
    assert main(["init"]) == 0
    monkeypatch.setattr(doctor_command, "_printers", lambda: doctor.Printers(("P",), "P"))
    capsys.readouterr()
    assert main(["doctor"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith("✓") for line in lines[:-1]) and lines[-1] == "all checks passed"
    assert main(["doctor", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["ok"] is True and len(shown["checks"]) == 8
    monkeypatch.setattr(doctor_command, "_printers", lambda: doctor.Printers((), ""))
    assert main(["doctor", "--json"]) == 1
    failed = [c for c in json.loads(capsys.readouterr().out)["checks"] if not c["ok"]]
    assert [c["name"] for c in failed] == ["printer"] and failed[0]["fix"]
