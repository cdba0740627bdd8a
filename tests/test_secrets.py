"""The VPC exists in clear only on the slip: never in the database, a log or the audit trail."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CONTACTS_CSV, STUDENTS_CSV
from tests.test_cli import Cli, _vpc_from


def test_plaintext_vpc_is_nowhere_but_the_slip(tmp_path: Path) -> None:
    dbfile = tmp_path / "desk.sqlite3"
    cli = Cli(f"sqlite:///{dbfile}", tmp_path)
    (tmp_path / "s.csv").write_text(STUDENTS_CSV, encoding="utf-8")
    (tmp_path / "c.csv").write_text(CONTACTS_CSV, encoding="utf-8")
    cli("staff", "add", "root", "--role", "admin")
    cli(
        "roster",
        "import",
        str(tmp_path / "s.csv"),
        "--contacts",
        str(tmp_path / "c.csv"),
        "--as",
        "root",
    )
    cli("staff", "add", "abe", "--role", "approver", "--school", "LINC", "--as", "root")
    cli("staff", "add", "cy", "--role", "approver", "--school", "LINC", "--as", "root")
    rid = (
        cli(
            "request",
            "add",
            "--as",
            "abe",
            "--student",
            "1000002",
            "--guardian",
            "Thị Nguyễn",
            "--email",
            "t@example.org",
            "--phone",
            "4155550102",
            "--address",
            "2 Elm",
            "--signed-on",
            "2026-11-27",
            "--paper-form-signed",
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    cli("request", "verify", rid, "--document", "passport", "--as", "abe")
    cli("request", "approve", rid, "--as", "cy")
    slip = tmp_path / "slip.pdf"
    cli("passcode", "issue", rid, "--out", str(slip), "--as", "abe", "--json")
    code = _vpc_from(slip)
    # a wrong try and a right one, so the portal's audit and logs have their say too
    cli(
        "portal",
        "link",
        "--student",
        "1000002",
        "--phone",
        "4155550102",
        "--vpc",
        code,
        "--account",
        "t@example.org",
    )
    cli("audit", "export", "--out", str(tmp_path / "audit.csv"), "--as", "root")
    forms = {
        code,
        code.replace("-", ""),
        code.replace("-", " "),
        code.lower(),
        code.replace("-", "").lower(),
    }
    scanned = 0
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != slip:
            data = path.read_bytes()
            scanned += 1
            for f in forms:
                assert f.encode() not in data, f"plaintext VPC found in {path.name}"
    assert scanned >= 4  # the database (and its WAL), the log, the audit export, the CSVs
    bad_phone = cli(
        "request",
        "add",
        "--as",
        "abe",
        "--student",
        "1000002",
        "--guardian",
        "X",
        "--email",
        "t@example.org",
        "--phone",
        "415555010",
        "--address",
        "2 Elm",
        "--signed-on",
        "2026-11-27",
        "--paper-form-signed",
        ok=False,
    )
    assert "415555010" in bad_phone.stderr  # the person sees what they typed…
    log = (tmp_path / "log" / "staffdesk.log").read_text(encoding="utf-8")
    assert "refused: ValidationError phone" in log
    assert "555010" not in log  # …the log never keeps a phone number
    assert dbfile.exists()
