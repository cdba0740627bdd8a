"""The command line under attack and under a failing environment (issue 12): crash-provoking
portal input leaves no trace in the logs or the audit export, an unreachable database has its
own exit code, a closed pipe ends quietly, and the demo never fills a real database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from staffdesk.store import db
from staffdesk.store.models import StaffUser
from tests.conftest import PASSWORD, Office, office_for, seed
from tests.flow import issued

SERVERS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("pg_url", marks=pytest.mark.postgres, id="postgresql"),
    pytest.param("mysql_url", marks=pytest.mark.mysql, id="mariadb"),
]


class Cli:
    def __init__(self, home: Path, url: str | None = None) -> None:
        self.home = home
        self.url = url
        self.env = {
            **os.environ,
            "STAFFDESK_DATA_DIR": str(home / "data"),
            "STAFFDESK_LOG_DIR": str(home / "log"),
            "STAFFDESK_PASSWORD": PASSWORD,
            "STAFFDESK_WORKSTATION": "front-desk-1",
        }
        self.env.pop("STAFFDESK_DB", None)

    def __call__(self, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
        db_args = ["--db", self.url] if self.url else []
        return subprocess.run(
            [sys.executable, "-m", "staffdesk.cli", *db_args, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
            stdin=subprocess.DEVNULL,
            **kw,  # type: ignore[call-overload]
        )

    def logs(self) -> str:
        folder = self.home / "log"
        return (
            "".join(p.read_text(errors="replace") for p in folder.glob("*"))
            if folder.exists()
            else ""
        )


@pytest.fixture(params=SERVERS)
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Office:
    url = (
        f"sqlite:///{tmp_path / 'office.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue(request.param)
    )
    seed(url, tmp_path)
    return office_for(url)


def test_crash_provoking_portal_input_is_refused_and_leaves_no_trace(
    served: Office, tmp_path: Path
) -> None:
    with db.unit_of_work(served.factory) as s:
        _, code = issued(s, served.clerk, served.approver)
    cli = Cli(tmp_path / "home", served.url)
    long_id = "7" * 65  # overflowed audit_event.entity_id: exit 3, the raw input in the log
    attempts = [
        (code, "(415) 555-0101", code),  # the code typed into the Student ID field
        (long_id, "(415) 555-0101", code),
        ("1000001", "4" * 300, code),
        ("1000001", "(415) 555-0101", code + "Z" * 400),
    ]
    for student, phone, vpc in attempts:
        out = cli(
            "portal",
            "link",
            "--student",
            student,
            "--phone",
            phone,
            "--vpc",
            vpc,
            "--account",
            "ana@example.org",
        )
        assert out.returncode == 1, out.stderr
        assert "We could not verify these details" in out.stderr
        assert "Traceback" not in out.stderr
    export = tmp_path / "audit.csv"
    done = cli("audit", "export", "--out", str(export), "--as", "admin")
    assert done.returncode == 0, done.stderr
    trail = export.read_text(encoding="utf-8")
    assert trail.count("malformed") == len(attempts)
    for secret in (code, code.replace("-", ""), long_id, "4" * 40, "Z" * 40):
        assert secret not in trail
        assert secret not in cli.logs()


def test_an_unreachable_database_has_its_own_exit_code(tmp_path: Path) -> None:
    for url in (
        "postgresql://staffdesk@127.0.0.1:1/staffdesk",
        "mysql://staffdesk@127.0.0.1:1/staffdesk",
    ):
        out = Cli(tmp_path, url)("staff", "list", "--as", "admin")
        assert out.returncode == 4, (url, out.returncode, out.stderr)
        assert "cannot be reached" in out.stderr and "Traceback" not in out.stderr


def test_a_refusal_is_still_1_and_a_usage_error_2(tmp_path: Path) -> None:
    cli = Cli(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert cli("staff", "list", "--as", "nobody").returncode == 1
    assert cli("staff", "frobnicate").returncode == 2


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    seed(url, tmp_path)
    cli = Cli(tmp_path, url)
    proc = subprocess.Popen(
        [sys.executable, "-m", "staffdesk.cli", "--db", url, "staff", "list", "--as", "admin"],
        env=cli.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader went away, as `| head -0` would
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert code == 0, err
    assert err == "", err


@pytest.mark.parametrize("how", ["--db", "STAFFDESK_DB"])
def test_the_demo_never_loads_its_accounts_into_a_named_database(tmp_path: Path, how: str) -> None:
    real = tmp_path / "district.sqlite3"
    url = f"sqlite:///{real}"
    engine = db.make_engine(url)
    db.upgrade(engine)  # a real database with no staff yet: the case that used to be filled
    cli = Cli(tmp_path / "home", url if how == "--db" else None)
    if how == "STAFFDESK_DB":
        cli.env["STAFFDESK_DB"] = url
    out = cli("demo", "--no-gui")
    assert out.returncode == 0, out.stderr
    assert "demo.sqlite3" in out.stdout
    with db.session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(StaffUser)) == 0
    engine.dispose()
    demo_file = tmp_path / "home" / "data" / "demo.sqlite3"
    demo_engine = db.make_engine(f"sqlite:///{demo_file}")
    with db.session_factory(demo_engine)() as s:
        assert s.scalar(select(func.count()).select_from(StaffUser)) == 4
    demo_engine.dispose()


@pytest.mark.parametrize("argv", [["--lang", "es", "demo"], ["--lang", "es-MX"], ["demo"]])
def test_the_desktop_app_opens_in_the_language_given_by_lang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    """`staffdesk --lang es demo` opened an English desk: --lang reached only the command line's
    messages, never the app."""
    import staffdesk.ui.app as ui_app
    from staffdesk.cli import main

    monkeypatch.setenv("STAFFDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("STAFFDESK_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("STAFFDESK_DB", f"sqlite:///{tmp_path / 'office.sqlite3'}")
    opened: list[str | None] = []
    monkeypatch.setattr(
        ui_app, "run", lambda url, demo, language=None: opened.append(language) or 0
    )
    assert main(argv) == 0
    assert opened == (["es"] if "--lang" in argv else [None])
