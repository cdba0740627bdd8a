"""A code held back at issue because the guardian's name is close to a restricted contact that
the approval did not acknowledge (the contact was restricted after the approval): the issue
dialog and the batch dialog let an approver acknowledge it with a written reason, as
`passcode issue --possible-match-reason` does; a clerk is told an approver must."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog
from sqlalchemy import func, select

from staffdesk.services import requests as req_svc
from staffdesk.services import staff
from staffdesk.store import db
from staffdesk.store.models import AuditEvent, Passcode, Student, StudentContact
from tests.test_ui_fit import misfits
from tests.ui_helpers import QT_NOISE, signed_in

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)

PASSWORD = "demo-pass-2026"


def held_back(desk_app: object) -> tuple[str, str, str]:
    """An approved request whose guardian is one letter short of a contact restricted only
    after the approval: (request id, school, the restricted contact's name)."""
    factory = desk_app.desk.factory  # type: ignore[attr-defined]
    with db.unit_of_work(factory) as s:
        clerk = staff.authenticate(s, "clerk", PASSWORD)
        approver = staff.authenticate(s, "approver", PASSWORD)
        contact, school = s.execute(
            select(StudentContact, Student.school_code)
            .join(Student, Student.permanent_id == StudentContact.permanent_id)
            .where(
                StudentContact.portal_access == "restricted",
                Student.school_code.in_(approver.schools & clerk.schools),
            )
        ).first()  # type: ignore[misc]
        contact.portal_access = "allowed"  # not restricted yet when the request is approved
        given, *_, family = contact.contact_name.split()
        rec = req_svc.record_request(
            s,
            clerk,
            req_svc.AccessForm(
                permanent_id=contact.permanent_id,
                guardian_name=f"{given[:-1]} {family}",  # Marco for Marcos
                address="1 Main St",
                phone="(415) 555-0100",
                email="x@example.org",
                signed_on=req_svc.utcnow().date(),
                paper_form_signed=True,
            ),
        )
        req_svc.verify_identity(s, clerk, rec.request.id, document_kind="passport")
        req_svc.approve(s, approver, rec.request.id, not_a_contact_reason="uncle, on the form")
        contact.portal_access = "restricted"  # a roster import restricts them afterwards
        return rec.request.id, school, contact.contact_name


def passcodes(desk_app: object, rid: str) -> int:
    with db.unit_of_work(desk_app.desk.factory) as s:  # type: ignore[attr-defined]
        return int(
            s.scalar(select(func.count()).select_from(Passcode).where(Passcode.request_id == rid))
            or 0
        )


def acknowledgements(desk_app: object, rid: str) -> list[str]:
    with db.unit_of_work(desk_app.desk.factory) as s:  # type: ignore[attr-defined]
        return list(
            s.scalars(
                select(AuditEvent.details).where(
                    AuditEvent.action == "request.possible_match", AuditEvent.entity_id == rid
                )
            )
        )


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The reasons typed into the acknowledgement, in turn (recorded: title, prompt)."""
    asked: list[tuple[str, str]] = []
    typed = ["   ", "Marco's ID seen, born 1961; Marcos is his brother"]

    def ask(dialog: QInputDialog) -> int:
        asked.append((dialog.windowTitle(), dialog.labelText()))
        assert not misfits(dialog)  # the long prompt wraps: the dialog fits the screen
        if not typed:
            return QDialog.DialogCode.Rejected.value
        dialog.setTextValue(typed.pop(0))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QInputDialog, "exec", ask)
    return asked


def test_an_approver_acknowledges_the_possible_match_in_the_issue_dialog(
    qtbot, desk_app, boxes, answers
):
    rid, _school, restricted = held_back(desk_app)
    win = signed_in(desk_app, "approver")
    issue = win.open_issue(rid)
    qtbot.waitUntil(lambda: issue.context is not None, timeout=10000)
    issue.issue()
    qtbot.waitUntil(lambda: issue.issued is not None, timeout=30000)
    # asked with the service's own words, and again when the reason was left blank
    assert len(answers) == 2
    assert restricted in answers[0][1] and "different people" in answers[0][1]
    assert answers[1][1].startswith("Reason: please write why.")
    assert passcodes(desk_app, rid) == 1
    [event] = acknowledgements(desk_app, rid)
    assert "born 1961" in event and restricted in event
    assert not boxes  # no error: the way forward was taken
    issue.delivered.add("test")
    issue.close()
    win.sign_out()


def test_a_clerk_is_told_an_approver_must_acknowledge_it(qtbot, desk_app, boxes, answers):
    rid, _school, restricted = held_back(desk_app)
    win = signed_in(desk_app, "clerk")
    issue = win.open_issue(rid)
    qtbot.waitUntil(lambda: issue.context is not None, timeout=10000)
    issue.issue()
    qtbot.waitUntil(lambda: bool(boxes), timeout=30000)
    [(_kind, _title, text)] = boxes
    assert restricted in text and "An approver must acknowledge" in text
    assert answers == []  # a clerk is not asked for a reason they may not give
    assert issue.issued is None and passcodes(desk_app, rid) == 0
    assert "not acknowledged" in issue.status.text()
    assert issue.issue_button.isEnabled()
    issue.close()
    win.sign_out()


def test_cancelling_the_acknowledgement_issues_nothing(qtbot, desk_app, boxes, monkeypatch):
    rid, _school, _restricted = held_back(desk_app)
    monkeypatch.setattr(QInputDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    win = signed_in(desk_app, "approver")
    issue = win.open_issue(rid)
    qtbot.waitUntil(lambda: issue.context is not None, timeout=10000)
    issue.issue()
    qtbot.waitUntil(lambda: "not acknowledged" in issue.status.text(), timeout=30000)
    assert issue.issued is None and passcodes(desk_app, rid) == 0
    assert acknowledgements(desk_app, rid) == [] and not boxes
    issue.close()
    win.sign_out()


def test_an_approver_acknowledges_it_for_a_batch(qtbot, desk_app, boxes, answers, tmp_path):
    rid, school, restricted = held_back(desk_app)
    win = signed_in(desk_app, "approver")
    dialog = win.batch_print()
    dialog.school.setCurrentIndex(dialog.school.findData(school))
    out = tmp_path / "batch.pdf"
    dialog.out.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_text.startswith("Done: "), timeout=120000)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert len(answers) == 2 and restricted in answers[0][1]
    assert passcodes(desk_app, rid) == 1 and out.exists()
    [event] = acknowledgements(desk_app, rid)
    assert "born 1961" in event
    assert not boxes
    assert not Path(str(out) + ".part").exists()
    win.sign_out()
