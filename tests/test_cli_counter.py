"""The counter's command-line contracts: `student find`, `passcode list`, and the intake and
approval flags (`--paper-form-signed`, `--accept-duplicate`, `--not-a-contact-reason`)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import update

from staffdesk.cli import main
from staffdesk.services.context import utcnow
from staffdesk.store import db
from staffdesk.store.models import Passcode
from tests.conftest import PASSWORD, Office
from tests.flow import issued


@pytest.fixture
def run(
    office: Office, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> object:
    monkeypatch.setenv("STAFFDESK_PASSWORD", PASSWORD)

    def call(*args: str) -> tuple[int, str, str]:
        code = main(["--db", office.url, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def test_student_find(run: object) -> None:
    code, out, _ = run("student", "find", "smith", "--as", "clerk")  # type: ignore[operator]
    assert code == 0 and out.splitlines() == ["1000003      LINC       K  O'Brien-Smith, Liam"]
    code, out, _ = run("student", "find", "sofia nunez", "--json", "--as", "clerk")  # type: ignore[operator]
    data = json.loads(out)
    assert [s["id"] for s in data["students"]] == ["1000004"] and data["more"] is False
    code, out, _ = run("--json", "student", "find", "zz", "--as", "clerk")  # type: ignore[operator]
    assert json.loads(out) == {"students": [], "more": False}
    code, out, _ = run("student", "find", "zz", "--as", "clerk")  # type: ignore[operator]
    assert "no student found for 'zz'" in out


def test_student_find_in_every_script(office: Office, run: object, tmp_path: object) -> None:
    """`staffdesk student find` with the names of issue 13 and issue 10: Vietnamese without
    its tones, either word of a hyphenated name, a Han family name."""
    from pathlib import Path

    students = Path(str(tmp_path)) / "more.csv"
    students.write_text(
        "school_code,permanent_id,first_name,middle_name,last_name,grade,primary_phone\n"
        "LINC,1000011,Ngọc,,Trần Bảo,2,(415) 555-0111\n"
        "LINC,1000014,小明,,王,3,(415) 555-0114\n",
        encoding="utf-8",
    )
    code, _, err = run("roster", "import", str(students), "--as", "admin")  # type: ignore[operator]
    assert code == 0, err
    for typed, pid in (
        ("tran bao", "1000011"),
        ("Trần Bảo Ngọc", "1000011"),
        ("obrien", "1000003"),
        ("smith", "1000003"),
        ("王", "1000014"),
        ("王小明", "1000014"),
    ):
        code, out, err = run("--json", "student", "find", typed, "--as", "clerk")  # type: ignore[operator]
        assert code == 0, err
        assert [s["id"] for s in json.loads(out)["students"]] == [pid], typed


def test_passcode_list(office: Office, run: object) -> None:
    with db.unit_of_work(office.factory) as s:
        _, _ = issued(s, office.clerk, office.approver)
        rid2, _ = issued(s, office.clerk, office.approver, "1000004")
        s.execute(
            update(Passcode)
            .where(Passcode.request_id == rid2)
            .values(expires_at=utcnow() + timedelta(days=2))
        )
    code, out, _ = run(  # type: ignore[operator]
        "passcode", "list", "--school", "LINC", "--state", "unused", "--as", "approver"
    )
    assert code == 0 and out.startswith("LINC: 2 unused codes")
    assert "Sofía Núñez — Ana Núñez" in out.splitlines()[1]  # soonest to expire first
    code, out, _ = run(  # type: ignore[operator]
        "passcode", "list", "--school", "LINC", "--state", "expiring", "--within-days", "3",
        "--json", "--as", "approver",
    )  # fmt: skip
    data = json.loads(out)
    assert (data["state"], data["within_days"], data["count"]) == ("expiring", 3, 1)
    assert data["codes"][0]["permanent_id"] == "1000004"
    assert set(data["codes"][0]) >= {"serial", "expires_at", "guardian", "passcode_id"}
    for state in ("expired", "locked", "used"):
        code, out, _ = run(  # type: ignore[operator]
            "passcode", "list", "--school", "linc", "--state", state, "--json", "--as", "clerk"
        )
        assert code == 0 and json.loads(out)["count"] == 0
    with pytest.raises(SystemExit) as usage:
        run("passcode", "list", "--school", "LINC", "--state", "active", "--as", "clerk")  # type: ignore[operator]
    assert usage.value.code == 2
    with pytest.raises(SystemExit):
        run(  # type: ignore[operator]
            "passcode", "list", "--school", "LINC", "--state", "used", "--within-days", "3",
            "--as", "clerk",
        )  # fmt: skip
    code, _, err = run(  # type: ignore[operator]
        "passcode", "list", "--school", "WASH", "--state", "unused", "--as", "clerk"
    )
    assert code == 1 and "school: school WASH is not one of your schools" in err


def test_intake_and_approval_flags(run: object) -> None:
    add = [
        "request", "add", "--student", "1000001", "--guardian", "Pedro Núñez",
        "--email", "pedro@example.org", "--phone", "415 555 0101", "--address", "1 Main St",
        "--signed-on", date.today().isoformat(), "--as", "clerk",
    ]  # fmt: skip
    code, _, err = run(*add)  # type: ignore[operator]
    assert code == 1 and "error: paper_form_signed:" in err
    code, out, err = run(*add, "--paper-form-signed")  # type: ignore[operator]
    assert code == 0 and "not on the student's emergency-contact list (Ana Núñez)" in err
    rid = out.strip().splitlines()[-1]
    code, _, err = run(*add, "--paper-form-signed")  # type: ignore[operator]
    assert code == 1 and "already has an open request" in err and "--accept-duplicate" in err
    code, out, _ = run(*add, "--paper-form-signed", "--accept-duplicate", "--json")  # type: ignore[operator]
    assert code == 0 and [c["name"] for c in json.loads(out)["contacts"]] == [
        "Ana Núñez",
        "Carlos Núñez",
    ]
    run("request", "verify", rid, "--document", "passport", "--as", "clerk")  # type: ignore[operator]
    code, _, err = run("request", "approve", rid, "--as", "approver")  # type: ignore[operator]
    assert code == 1 and "not_a_contact_reason:" in err
    code, _, _ = run(  # type: ignore[operator]
        "request",
        "approve",
        rid,
        "--not-a-contact-reason",
        "Uncle, court papers",
        "--as",
        "approver",
    )
    assert code == 0
    code, out, _ = run("request", "show", rid, "--json", "--as", "clerk")  # type: ignore[operator]
    shown = json.loads(out)
    assert shown["decision"]["not_a_contact_reason"] == "Uncle, court papers"
    assert shown["paper_form_signed"] is True
    code, out, _ = run("request", "show", rid, "--as", "clerk")  # type: ignore[operator]
    assert "approved because: Uncle, court papers" in out
