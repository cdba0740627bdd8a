"""Issue 13's dialogs driven from the keyboard as a clerk and an approver would: countersign at
the clerk's desk, fields that never trap focus, Escape that asks, an ID check with nothing
preselected, a guardian not on the contact list, duplicates, the codes dashboard, Save as PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from staffdesk.domain.workflow import Action, RequestStatus
from staffdesk.services import requests as req_svc
from staffdesk.store import db
from tests.ui_helpers import QT_NOISE, signed_in

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)

PASSWORD = "demo-pass-2026"


def request_for(desk_app: object, pid: str) -> req_svc.RequestView:
    from sqlalchemy import select

    from staffdesk.store.models import AccessRequest

    desk = desk_app.desk  # type: ignore[attr-defined]
    with db.unit_of_work(desk.factory) as s:
        rid = s.scalars(
            select(AccessRequest.id)
            .where(AccessRequest.permanent_id == pid)
            .order_by(AccessRequest.recorded_at.desc())
        ).first()
        assert rid is not None
        return req_svc.get_request(s, desk.actor, rid)


def select_in_queue(qtbot, win, rid):  # type: ignore[no-untyped-def]
    win.show_queue()
    win.queue.load_detail(rid)
    qtbot.waitUntil(
        lambda: win.queue.ctx is not None and win.queue.ctx.request.id == rid, timeout=5000
    )


# ------------------------------------------------------------------------------ countersign


def type_password(qtbot, sign, password):  # type: ignore[no-untyped-def]
    """Into the password field as the approver would (focus there), then Enter."""
    sign.password.setFocus()
    qtbot.keyClicks(sign.password, password)
    qtbot.keyClick(sign.password, Qt.Key.Key_Return)


def test_countersign_approves_at_the_clerks_desk_without_signing_the_clerk_out(
    qtbot, desk_app, boxes
):
    win = signed_in(desk_app, "clerk")
    view = request_for(desk_app, "1000004")  # verified by the clerk in the demo
    select_in_queue(qtbot, win, view.id)
    assert win.queue.buttons["approve"].isEnabled()  # a clerk's Approve is a countersign
    sign = win.queue.decide(Action.APPROVE)
    assert type(sign).__name__ == "CountersignDialog"
    assert sign.username.hasFocus() or sign.focusWidget() is sign.username
    qtbot.keyClicks(sign.username, "approver")
    qtbot.keyClick(sign.username, Qt.Key.Key_Return)  # Enter moves on to the password
    assert sign.focusWidget() is sign.password
    qtbot.keyClicks(sign.password, PASSWORD)
    with qtbot.waitSignal(sign.approved, timeout=5000) as done:
        qtbot.keyClick(sign.password, Qt.Key.Key_Return)
    result = done.args[0]
    assert result.approver == "approver" and result.desk_user == "clerk"
    assert result.request.status is RequestStatus.APPROVED
    assert result.request.decision.decided_by == "approver"
    assert desk_app.desk.actor.username == "clerk"  # nobody was signed out
    assert win.isVisible()
    assert sign.password.text() == ""
    assert not boxes


def test_countersign_refuses_the_id_checker_and_says_a_wrong_password(qtbot, desk_app, boxes):
    from staffdesk.services import staff

    desk = desk_app.desk
    with db.unit_of_work(desk.factory) as s:
        approver = staff.authenticate(s, "approver", PASSWORD)
        clerk = staff.authenticate(s, "clerk", PASSWORD)
        form = req_svc.AccessForm(
            permanent_id="1000002",
            guardian_name="Rosa Parent",
            address="1 Main St",
            phone="(415) 555-0100",
            email="p@example.org",
            signed_on=req_svc.utcnow().date(),
            paper_form_signed=True,
        )
        rid = req_svc.record_request(s, clerk, form, accept_duplicate=True).request.id
        req_svc.verify_identity(s, approver, rid, document_kind="passport")  # approver checked
    win = signed_in(desk_app, "clerk")
    select_in_queue(qtbot, win, rid)
    sign = win.queue.decide(Action.APPROVE)
    if sign.reason.isVisibleTo(sign):  # the guardian may not be on this student's list
        qtbot.keyClicks(sign.reason, "Aunt, custody papers seen")
    qtbot.keyClicks(sign.username, "approver")
    type_password(qtbot, sign, PASSWORD)
    assert "another approver" in sign.error.text()  # the ID checker cannot countersign
    assert sign.password.text() == ""
    # the service refuses it as well, had the dialog let it through
    sign.ctx = type(sign.ctx)(sign.ctx.request, False)
    sign.username.setText("approver")
    type_password(qtbot, sign, PASSWORD)
    qtbot.waitUntil(lambda: "Checking" not in sign.error.text(), timeout=30000)
    assert "verified" in sign.error.text(), sign.error.text()
    sign.ctx = type(sign.ctx)(sign.ctx.request, True)
    # a wrong password is said as such, and the desk stays the clerk's
    sign.username.setText("approver2")
    type_password(qtbot, sign, "not-the-password")
    qtbot.waitUntil(lambda: "Wrong username or password" in sign.error.text(), timeout=5000)
    assert "Carmen Clerk" in sign.error.text()
    assert request_for(desk_app, "1000002").status is RequestStatus.VERIFIED
    # the other approver's own password approves it
    with qtbot.waitSignal(sign.approved, timeout=5000) as done:
        type_password(qtbot, sign, PASSWORD)
    assert done.args[0].request.decision.decided_by == "approver2"
    assert desk_app.desk.actor.username == "clerk"
