"""Start-of-year batch printing: sorted, all-or-nothing, cancellable, revocable as a whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from staffdesk.cli import main
from staffdesk.domain.errors import PermissionDenied, PrintFailed, ValidationError
from staffdesk.services import batch, requests
from staffdesk.store import db
from staffdesk.store.models import Passcode, SlipPrintLog
from tests.conftest import PASSWORD, Office
from tests.flow import approved

LINC = [
    ("1000001", "Ana Núñez"),
    ("1000002", "Thị Nguyễn"),
    ("1000003", "Sarah O'Brien-Smith"),
    ("1000004", "Ana Núñez"),
]


def _approve_all(office: Office) -> list[str]:
    with db.unit_of_work(office.factory) as s:
        return [approved(s, office.clerk, office.approver, pid, g) for pid, g in LINC]


def _codes(office: Office) -> int:
    with office.session() as s:
        return s.scalar(select(func.count()).select_from(Passcode)) or 0


def test_batch_sorted_by_grade_then_last_name(office: Office) -> None:
    _approve_all(office)
    with office.session() as s:
        ids = batch.candidates(s, office.approver, "LINC")
        order = [requests.get_request(s, office.approver, i).permanent_id for i in ids]
    # grades: 1000003 K, 1000004 1, 1000001 3, 1000002 5
    assert order == ["1000003", "1000004", "1000001", "1000002"]


def test_batch_issues_and_prints_every_page(office: Office) -> None:
    _approve_all(office)
    out = io.BytesIO()
    seen: list[tuple[str, int, int]] = []
    with db.unit_of_work(office.factory) as s:
        r = batch.issue_batch(s, office.approver, "LINC", out, progress=lambda *a: seen.append(a))
    assert (r.issued, r.pages) == (4, 4)
    assert ("render", 4, 4) in seen and ("hash", 4, 4) in seen
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == 4
    assert "O'Brien-Smith" in reader.pages[0].extract_text()
    with office.session() as s:
        assert {p.batch_id for p in s.scalars(select(Passcode))} == {r.batch_id}
        assert s.scalar(select(func.count()).select_from(SlipPrintLog)) == 4
        # nothing left to print: a second batch refuses clearly
        with pytest.raises(ValidationError, match="no approved requests without a passcode"):
            batch.issue_batch(s, office.approver, "LINC", io.BytesIO())


def test_cancelled_batch_issues_nothing(office: Office) -> None:
    _approve_all(office)
    calls = {"n": 0}

    def cancel_during_render() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(PrintFailed, match="cancel"):
        with db.unit_of_work(office.factory) as s:
            batch.issue_batch(
                s, office.approver, "LINC", io.BytesIO(), cancelled=cancel_during_render
            )
    assert _codes(office) == 0
    with office.session() as s:
        assert len(batch.candidates(s, office.approver, "LINC")) == 4


def test_batch_rights_and_school(office: Office) -> None:
    with office.session() as s:
        with pytest.raises(PermissionDenied):
            batch.issue_batch(s, office.clerk, "LINC", io.BytesIO())
        with pytest.raises(PermissionDenied):
            batch.issue_batch(s, office.approver, "WASH", io.BytesIO())
        with pytest.raises(ValidationError, match="unknown school"):
            batch.issue_batch(s, office.approver, "NOPE", io.BytesIO())


def test_batch_and_revoke_batch_from_the_command_line(
    office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _approve_all(office)
    monkeypatch.setenv("STAFFDESK_PASSWORD", PASSWORD)
    out = tmp_path / "linc.pdf"
    args = ["--db", office.url, "slips", "batch", "--school", "LINC", "--out", str(out)]
    assert main([*args, "--as", "approver", "--grade", "K"]) == 0
    assert len(PdfReader(out).pages) == 1
    assert main([*args, "--as", "approver", "--json"]) == 0
    text = capsys.readouterr().out
    batch_id = text[text.rindex('"batch_id": "') + 13 :][:36]
    assert len(PdfReader(out).pages) == 3
    assert (
        main(
            [
                "--db",
                office.url,
                "passcode",
                "revoke",
                "--batch",
                batch_id,
                "--reason",
                "box of slips lost",
                "--as",
                "approver",
            ]
        )
        == 0
    )
    assert "revoked 3 passcode(s)" in capsys.readouterr().out
    with office.session() as s:
        revoked = s.scalars(select(Passcode).where(Passcode.batch_id == batch_id)).all()
        assert len(revoked) == 3 and all(p.revoked_at for p in revoked)


def test_failed_batch_leaves_no_pdf(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _approve_all(office)
    monkeypatch.setenv("STAFFDESK_PASSWORD", PASSWORD)

    def broken(*_a: object, **_k: object) -> int:
        raise PrintFailed("the printer caught fire")

    monkeypatch.setattr("staffdesk.slips.render.render_slips", broken)
    out = tmp_path / "linc.pdf"
    assert (
        main(
            [
                "--db",
                office.url,
                "slips",
                "batch",
                "--school",
                "LINC",
                "--out",
                str(out),
                "--as",
                "approver",
            ]
        )
        == 1
    )
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    assert _codes(office) == 0


def test_blank_form_command(tmp_path: Path, office: Office) -> None:
    out = tmp_path / "form.pdf"
    assert (
        main(
            [
                "--db",
                office.url,
                "forms",
                "blank",
                "--out",
                str(out),
                "--lang",
                "es",
                "--school",
                "LINC",
            ]
        )
        == 0
    )
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    assert "Lincoln Elementary" in reader.pages[1].extract_text()
