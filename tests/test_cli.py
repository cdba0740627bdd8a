"""The `staffdesk` command line, run as a user would: a real process per command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from staffdesk.cli import main
from tests.conftest import CONTACTS_CSV, STUDENTS_CSV

VPC = re.compile(r"\b[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}\b")
PW = "counter-pass-1"


class Cli:
    def __init__(self, url: str, home: Path) -> None:
        self.url = url
        self.env = {
            **os.environ,
            "STAFFDESK_DATA_DIR": str(home / "data"),
            "STAFFDESK_LOG_DIR": str(home / "log"),
            "STAFFDESK_PASSWORD": PW,
            "STAFFDESK_NEW_PASSWORD": PW,
            "STAFFDESK_WORKSTATION": "front-desk-1",
        }

    def __call__(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "staffdesk.cli", "--db", self.url, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        if ok:
            assert proc.returncode == 0, proc.stderr
        return proc


def _vpc_from(pdf: Path) -> str:
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    found = VPC.findall(text)
    assert len(set(found)) == 1, found
    return found[0]


def run_whole_flow(url: str, tmp_path: Path) -> None:
    cli = Cli(url, tmp_path)
    (tmp_path / "students.csv").write_text(STUDENTS_CSV, encoding="utf-8")
    (tmp_path / "contacts.csv").write_text(CONTACTS_CSV, encoding="utf-8")
    cli("init")
    cli("staff", "add", "root", "--role", "admin", "--name", "Dana Admin")
    out = cli(
        "roster",
        "import",
        str(tmp_path / "students.csv"),
        "--contacts",
        str(tmp_path / "contacts.csv"),
        "--as",
        "root",
    )
    assert "students: 5 added" in out.stdout
    cli("staff", "add", "carmen", "--role", "clerk", "--school", "LINC", "--as", "root")
    cli("staff", "add", "abe", "--role", "approver", "--school", "LINC", "--as", "root")
    cli("settings", "set", "portal_url", "https://parents.example.org", "--as", "root")
    out = cli(
        "request",
        "add",
        "--as",
        "carmen",
        "--student",
        "1000001",
        "--guardian",
        "Ana Núñez",
        "--email",
        "ana@example.org",
        "--phone",
        "415 555 0101",
        "--address",
        "1 Main St",
        "--signed-on",
        date.today().isoformat(),
        "--paper-form-signed",
        "--first",
        "Jose",
        "--last",
        "Nunez",
    )
    rid = out.stdout.strip().splitlines()[-1]
    cli(
        "request",
        "verify",
        rid,
        "--document",
        "drivers-licence",
        "--last4",
        "4821",
        "--as",
        "carmen",
    )
    denied = cli("request", "approve", rid, "--as", "carmen", ok=False)
    assert denied.returncode == 1 and "approver role" in denied.stderr
    cli("request", "approve", rid, "--as", "abe")
    slip = tmp_path / "slip.pdf"
    cli("passcode", "issue", rid, "--out", str(slip), "--as", "carmen")
    code = _vpc_from(slip)
    link = [
        "portal",
        "link",
        "--student",
        "1000001",
        "--phone",
        "(415) 555-0101",
        "--account",
        "ana@example.org",
    ]
    first = cli(*link, "--vpc", code, "--contact", "Ana Núñez")
    assert "linked ana@example.org to student 1000001" in first.stdout
    second = cli(*link, "--vpc", code, ok=False)
    assert second.returncode == 1 and "could not verify" in second.stderr
    # a lost slip: reissue, and the old code is refused
    slip2 = tmp_path / "slip2.pdf"
    cli("passcode", "reissue", rid, "--out", str(slip2), "--as", "abe")
    new = _vpc_from(slip2)
    assert new != code
    cli("passcode", "revoke", rid, "--reason", "parent moved", "--as", "abe")
    assert cli(*link, "--vpc", new, ok=False).returncode == 1
    shown = json.loads(cli("request", "show", rid, "--as", "abe", "--json").stdout)
    assert shown["status"] == "revoked"
    assert [p["state"] for p in shown["passcodes"]] == ["used", "revoked"]
    assert "intact" in cli("audit", "verify", "--as", "root").stdout


def test_whole_flow_on_sqlite(tmp_path: Path) -> None:
    run_whole_flow(f"sqlite:///{tmp_path / 'desk.sqlite3'}", tmp_path)


@pytest.mark.postgres
def test_whole_flow_on_postgres(pg_url: str, tmp_path: Path) -> None:
    run_whole_flow(pg_url, tmp_path)


@pytest.mark.mysql
def test_whole_flow_on_mariadb(mysql_url: str, tmp_path: Path) -> None:
    run_whole_flow(mysql_url, tmp_path)


def test_exit_codes_and_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    monkeypatch.setenv("STAFFDESK_NEW_PASSWORD", PW)
    monkeypatch.setenv("STAFFDESK_PASSWORD", PW)
    assert main(["--db", url, "staff", "add", "first", "--role", "clerk", "--school", "X"]) == 1
    assert "role: the first account of a new database must be an admin" in capsys.readouterr().err
    assert main(["--db", url, "staff", "add", "boss", "--role", "admin"]) == 0
    assert main(["--db", url, "staff", "add", "other", "--role", "admin"]) == 1
    assert "needs an admin" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["--db", url, "request", "approve"])
    assert info.value.code == 2
    assert main(["--db", url, "settings", "set", "passcode_days", "45", "--as", "boss"]) == 1
    assert "passcode_days: expected 1 to 30 days" in capsys.readouterr().err
    assert main(["--db", url, "--json", "settings", "show"]) == 0
    assert json.loads(capsys.readouterr().out)["passcode_days"] == "14"
    monkeypatch.setenv("STAFFDESK_PASSWORD", "wrong-password")
    assert main(["--db", url, "staff", "list", "--as", "boss"]) == 1
    assert "wrong username or password" in capsys.readouterr().err
    assert main(["--db", "postgresql://nobody@127.0.0.1:1/none", "init"]) == 4  # environment
    assert "cannot" in capsys.readouterr().err
    assert main(["--db", "not a url", "init"]) == 1
    assert "database URL: expected e.g." in capsys.readouterr().err
    assert main(["--db", "oracle://x@y/z", "init"]) == 1
    assert "'oracle' is not supported" in capsys.readouterr().err
    assert main(["--db", "sqlite:////proc/no/such/dir/x.sqlite3", "init"]) == 4
    assert "cannot create the store" in capsys.readouterr().err
