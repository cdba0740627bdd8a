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


# ------------------------------------------------------------------------------ intake


def open_form(qtbot, desk_app, pid="1000002"):  # type: ignore[no-untyped-def]
    win = signed_in(desk_app, "clerk")
    win.front.load_card(pid)
    qtbot.waitUntil(lambda: win.front.card is not None, timeout=5000)
    form = win.new_form()
    qtbot.waitExposed(form)
    activate(qtbot, form)
    return win, form


def activate(qtbot, window):  # type: ignore[no-untyped-def]
    """Make the dialog the active window, so Tab sends real focus events (as on a desk)."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def test_tab_leaves_an_invalid_phone_and_the_next_text_lands_in_email(qtbot, desk_app, boxes):
    _win, form = open_form(qtbot, desk_app)
    phone, email = form.f["phone"], form.f["email"]
    phone.clear()
    phone.setFocus()
    qtbot.keyClicks(phone, "555-12")
    qtbot.keyClick(phone, Qt.Key.Key_Tab)  # leaves the field, invalid as it is
    assert form.focusWidget() is email
    qtbot.keyClicks(form.focusWidget(), "pedro@example.org")
    assert phone.text() == "555-12"
    assert email.text() == "pedro@example.org"
    assert phone.property("invalid") is True  # its problem is shown under it
    assert any(
        "phone" in lbl.text().lower() or "number" in lbl.text() for lbl in form.errors._labels
    )
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    assert form.focusWidget() is not email  # a valid email never held the cursor either
    assert not form.submit_button.isEnabled()  # the phone is still wrong
    assert "Home phone" in form.missing.text()
    # the other way round: an invalid email lets Tab go on too
    email.setFocus()
    email.selectAll()
    qtbot.keyClicks(email, "pedro@")
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    assert form.focusWidget() is not email
    assert email.property("invalid") is True
    # fixing everything enables Record form and clears the marks
    phone.setText("(415) 555-0123")
    email.setText("pedro@example.org")
    form.f["guardian_name"].setText(form.card.contacts[0].name)
    form.f["address"].setText("1 Main St")
    assert not form.submit_button.isEnabled()  # the signed paper form is not ticked yet
    form.paper_form_signed.setFocus()
    qtbot.keyClick(form.paper_form_signed, Qt.Key.Key_Space)  # reachable from the keyboard
    assert form.paper_form_signed.isChecked()
    assert form.submit_button.isEnabled()
    assert phone.property("invalid") is not True and email.property("invalid") is not True
    assert not boxes


def test_escape_on_a_changed_form_asks_and_an_untouched_one_closes(
    qtbot, desk_app, boxes, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    _win, form = open_form(qtbot, desk_app)
    qtbot.keyClicks(form.f["address"], "1 Main St")
    answers = [QMessageBox.StandardButton.No]
    asked: list[str] = []

    def question(_parent, title, text, *args, **kw):  # type: ignore[no-untyped-def]
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked == ["Discard what you typed?"]
    assert form.isVisible()  # No: the form and what was typed stay
    assert form.text("address") == "1 Main St"
    answers.append(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(form.rejected, timeout=2000):
        qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert len(asked) == 2
    # a form prefilled from the roster and not touched closes at once, without a question
    _win, untouched = open_form(qtbot, desk_app)
    with qtbot.waitSignal(untouched.rejected, timeout=2000):
        qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert len(asked) == 2


def test_the_id_check_has_no_preselected_document(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    view = request_for(desk_app, "1000001")  # recorded in the demo
    dialog = win.open_identity(view)
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    assert all(not b.isChecked() for b in dialog.kinds.values())
    assert dialog.kind() is None
    assert not dialog.submit_button.isEnabled()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter records nothing
    assert dialog.isVisible()
    assert dialog.kind_hint.isVisible()
    assert request_for(desk_app, "1000001").status is RequestStatus.RECORDED
    # Space picks the focused document; then Enter records that one
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)  # arrows only move, with none picked
    assert dialog.kind() is None
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    chosen = dialog.kind()
    assert chosen is not None
    assert dialog.submit_button.isEnabled()
    with qtbot.waitSignal(dialog.verified, timeout=5000) as done:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert done.args[0].identity.document_kind is chosen
    assert not boxes


# ------------------------------------------------------------------- not on the contact list


def test_a_guardian_not_on_the_list_is_warned_at_intake_and_the_reason_is_shown(
    qtbot, desk_app, boxes
):
    win, form = open_form(qtbot, desk_app)
    guardian = form.f["guardian_name"]
    guardian.setFocus()
    qtbot.keyClicks(guardian, "Pedro Paramo")
    qtbot.keyClick(guardian, Qt.Key.Key_Tab)
    assert form.contacts_notice.isVisible()
    notice = form.contacts_notice.text()
    assert "not on this student's contact list" in notice
    assert all(c.name in notice for c in form.card.contacts)  # the list, to check against
    assert "restricted" not in notice  # nobody on this student's list is
    form.show_contact_list("Pedro Paramo", (req_svc.ListedContact("Ana Lopez", "Mother", True),))
    assert "Ana Lopez (Mother) — <b>restricted</b>" in form.contacts_notice.text()
    form.show_contact_list("Pedro Paramo", form.card.contacts)
    form.set_text("address", "1 Main St")
    form.set_text("email", "pedro@example.org")
    form.paper_form_signed.setChecked(True)
    with qtbot.waitSignal(form.recorded, timeout=5000) as rec:
        qtbot.keyClick(form.f["email"], Qt.Key.Key_Return)
    ident = win.dialogs[-1]
    ident.kinds[next(iter(ident.kinds))].setChecked(True)
    with qtbot.waitSignal(ident.verified, timeout=5000):
        qtbot.keyClick(ident.last4, Qt.Key.Key_Return)
    rid = rec.args[0].request.id
    # the clerk's desk: the approver countersigns, and must write why
    select_in_queue(qtbot, win, rid)
    sign = win.queue.decide(Action.APPROVE)
    assert sign.reason.isVisibleTo(sign) and sign.focusWidget() is sign.reason
    qtbot.keyClicks(sign.username, "approver")
    with qtbot.assertNotEmitted(sign.approved):
        type_password(qtbot, sign, PASSWORD)
    assert "Reason" in sign.error.text()
    sign.reason.setFocus()
    qtbot.keyClicks(sign.reason, "Stepfather; custody papers seen")
    assert sign.password.text() == PASSWORD  # kept only until it is sent
    with qtbot.waitSignal(sign.approved, timeout=5000) as done:
        qtbot.keyClick(sign.reason, Qt.Key.Key_Tab)
        qtbot.keyClick(sign.focusWidget(), Qt.Key.Key_Tab)
        assert sign.focusWidget() is sign.password
        qtbot.keyClick(sign.password, Qt.Key.Key_Return)
    decision = done.args[0].request.decision
    assert decision.not_a_contact_reason == "Stepfather; custody papers seen"
    # the request's detail and the student's history show it
    qtbot.waitUntil(
        lambda: win.queue.ctx is not None and win.queue.ctx.request.decision is not None,
        timeout=5000,
    )
    assert "Stepfather; custody papers seen" in win.queue.detail.toPlainText()
    win.front.load_card("1000002")
    qtbot.waitUntil(
        lambda: any(
            "Stepfather" in r.detail for r in (win.front.card.history if win.front.card else ())
        ),
        timeout=5000,
    )
    assert not boxes


# ------------------------------------------------------------------------------ duplicates


def test_a_guardian_who_already_linked_is_refused_then_recorded_when_confirmed(
    qtbot, desk_app, boxes, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from staffdesk.services import portal, staff
    from staffdesk.store.models import Student

    desk = desk_app.desk
    _win, form = open_form(qtbot, desk_app, "1000010")
    approved = request_for(desk_app, "1000010")  # approved in the demo
    name = approved.guardian_name
    with db.unit_of_work(desk.factory) as s:
        clerk = staff.authenticate(s, "clerk", PASSWORD)
        vpc = req_svc.issue_passcodes(s, clerk, [approved.id]).slip.students[0].vpc_grouped
    with db.unit_of_work(desk.factory) as s:
        student = s.get(Student, "1000010")
        assert student is not None
        linked = portal.link(
            s,
            permanent_id="1000010",
            phone=student.primary_phone,
            vpc=vpc,
            account_email="linked@example.org",
            contact_name=name,
        )
        assert isinstance(linked, portal.LinkResult)
    form.set_text("guardian_name", name)
    form.set_text("address", "1 Main St")
    form.set_text("email", "other@example.org")
    form.paper_form_signed.setChecked(True)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[tuple[str, str]] = []

    def question(_parent, title, text, *args, **kw):  # type: ignore[no-untyped-def]
        asked.append((title, text))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(form.f["email"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    title, text = asked[0]
    assert title == "Already requested or linked"
    assert "linked@example.org" in text and "password recovery" in text
    qtbot.waitUntil(lambda: bool(form.errors._labels), timeout=5000)  # No: refused, said why
    assert form.isVisible()
    assert "password recovery" in form.errors._labels[0].text()
    with qtbot.waitSignal(form.recorded, timeout=5000) as rec:  # asked again: Yes this time
        qtbot.keyClick(form.f["email"], Qt.Key.Key_Return)
    assert any("linked" in w for w in rec.args[0].warnings)
    assert not boxes


# ------------------------------------------------------------------------------ codes dashboard


def issue_codes(desk_app: object, pids: list[str]) -> dict[str, str]:
    """Issue a code for each approved demo request; returns permanent id -> passcode id."""
    from staffdesk.services import staff

    desk = desk_app.desk  # type: ignore[attr-defined]
    views = {pid: request_for(desk_app, pid) for pid in pids}
    out = {}
    with db.unit_of_work(desk.factory) as s:
        clerk = staff.authenticate(s, "clerk", PASSWORD)
        for pid, view in views.items():
            out[pid] = req_svc.issue_passcodes(s, clerk, [view.id]).passcode_ids[0]
    return out


def test_codes_dashboard_lists_states_and_reissues_and_revokes(
    qtbot, desk_app, boxes, monkeypatch, tmp_path
):
    import os
    import stat
    from datetime import timedelta

    from PySide6.QtWidgets import QInputDialog

    from staffdesk.services import codes
    from staffdesk.services.context import utcnow
    from staffdesk.store.models import Passcode

    win = signed_in(desk_app, "approver")
    school = request_for(desk_app, "1000010").school_code
    assert request_for(desk_app, "1000013").school_code == school
    ids = issue_codes(desk_app, ["1000010", "1000013"])
    with db.unit_of_work(desk_app.desk.factory) as s:  # the portal locked one of them
        locked = s.get(Passcode, ids["1000013"])
        locked.failed_attempts = 5
        locked.locked_until = utcnow() + timedelta(minutes=15)
    desk_app.desk.school = school
    dash = win.codes_dashboard()
    qtbot.waitUntil(lambda: dash.dashboard is not None, timeout=5000)
    assert dash.dashboard.counts["unused"] == 1 and dash.dashboard.counts["locked"] == 1
    assert "Locked by the portal" in dash.counts.text()
    assert sum(w.issued for w in dash.chart.weeks) == 2
    assert "2 issued" in dash.chart.accessibleDescription()
    qtmodel = dash.model
    qtbot.waitUntil(lambda: qtmodel.rowCount() == 1, timeout=5000)
    assert qtmodel.row_at(0).passcode_id == ids["1000010"]
    # the locked list, then reissue the locked code
    dash.state.setCurrentIndex(dash.state.findData(codes.CodeState.LOCKED.value))
    dash.refresh()
    qtbot.waitUntil(
        lambda: qtmodel.rowCount() == 1 and qtmodel.row_at(0).passcode_id == ids["1000013"],
        timeout=5000,
    )
    assert not dash.reissue_button.isEnabled()  # nothing selected yet
    dash.table.selectRow(0)
    locked_serial = qtmodel.row_at(0).serial
    assert "1 code(s) selected" in dash.selected_label.text()
    assert dash.reissue_button.isEnabled() and dash.revoke_button.isEnabled()
    dash.reissue()
    qtbot.waitUntil(lambda: dash.reissued is not None, timeout=30000)
    assert not dash.reissue_button.isEnabled()  # not again before these slips are out
    asked = [b for b in boxes if b[0] == "question"]
    assert asked and "Reissue 1 code" in asked[-1][1]
    assert dash.reissued.pdf.startswith(b"%PDF")
    assert dash.reissued.revoked_serials == (locked_serial,)  # the status names it
    assert locked_serial in dash.status.text()
    assert dash.print_button.isVisibleTo(dash) and dash.save_button.isVisibleTo(dash)
    out = tmp_path / "private" / "reissued.pdf"
    out.parent.mkdir(mode=0o700)
    dash.save_pdf(str(out))
    qtbot.waitUntil(lambda: "pdf" in dash.delivered, timeout=10000)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert not dash.slips_waiting()  # slips out: the next selection may be reissued
    with db.unit_of_work(desk_app.desk.factory) as s:
        assert s.get(Passcode, ids["1000013"]).revoked_at is not None  # the old code is gone
    # revoke the unused one, with a reason asked for
    dash.state.setCurrentIndex(dash.state.findData(codes.CodeState.UNUSED.value))
    dash.refresh()
    qtbot.waitUntil(
        lambda: qtmodel.rowCount() == 2 and dash.dashboard.counts["locked"] == 0, timeout=5000
    )
    row = next(i for i in range(2) if qtmodel.row_at(i).passcode_id == ids["1000010"])
    dash.table.selectRow(row)
    assert dash.reissue_button.isEnabled()  # the reissued slips are out: reissue works again
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("Family moved away", True)
    )
    dash.revoke()
    qtbot.waitUntil(lambda: "Revoked 1 code" in dash.status.text(), timeout=5000)
    with db.unit_of_work(desk_app.desk.factory) as s:
        revoked = s.get(Passcode, ids["1000010"])
        assert revoked.revoked_at is not None and revoked.revoke_reason == "Family moved away"
    qtbot.waitUntil(lambda: qtmodel.rowCount() == 1, timeout=5000)
    dash.close()
    assert not [b for b in boxes if b[0] in ("warning", "critical")]


def test_a_clerk_sees_the_dashboard_but_cannot_reissue(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    issue_codes(desk_app, ["1000010"])
    desk_app.desk.school = request_for(desk_app, "1000010").school_code
    dash = win.codes_dashboard()
    qtbot.waitUntil(lambda: dash.model.rowCount() == 1, timeout=5000)
    dash.table.selectRow(0)
    assert not dash.reissue_button.isEnabled() and not dash.revoke_button.isEnabled()
    dash.close()


# ------------------------------------------------------------------------------ Save as PDF


def test_save_as_pdf_starts_in_a_private_folder_and_writes_an_owner_only_file(
    qtbot, desk_app, boxes, monkeypatch
):
    import os
    import stat
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from staffdesk.store.db import data_dir

    win = signed_in(desk_app, "clerk")
    dialog = win.open_issue(request_for(desk_app, "1000010").id)
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=5000)
    dialog.issue()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=30000)
    offered: list[tuple[str, str]] = []

    def pick(_parent, title, start, _filter, *a, **k):  # type: ignore[no-untyped-def]
        offered.append((title, start))
        return start, "PDF files (*.pdf)"  # the clerk accepts where it starts

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)
    with qtbot.waitSignal(dialog.printed, timeout=10000):
        dialog.save_pdf()
    title, start = offered[0]
    assert "passcode" in title and "private" in title  # it warns
    folder = Path(start).parent
    assert data_dir() in folder.parents  # under the user data dir
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert Path(start).read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(start).st_mode) == 0o600
    assert "holds a passcode" in dialog.status.text()
    dialog.close()


def test_the_codes_dashboard_fits_a_small_screen(qtbot, desk_app, boxes):
    from tests.test_ui_fit import misfits

    win = signed_in(desk_app, "approver")
    issue_codes(desk_app, ["1000010", "1000013"])
    desk_app.desk.school = request_for(desk_app, "1000010").school_code
    dash = win.codes_dashboard()
    qtbot.waitUntil(lambda: dash.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: dash.dashboard is not None, timeout=5000)
    assert misfits(dash) == []
    dash.close()


def test_countersign_says_when_sign_in_is_throttled(qtbot, desk_app, boxes):
    from staffdesk.domain.errors import AuthenticationFailed
    from staffdesk.domain.passcode import SIGN_IN
    from staffdesk.services import staff

    win = signed_in(desk_app, "clerk")
    view = request_for(desk_app, "1000004")
    for _ in range(SIGN_IN.limit):
        try:
            with db.unit_of_work(desk_app.desk.factory) as s:
                staff.authenticate(s, "approver", "not-the-password")
        except AuthenticationFailed:
            pass
    select_in_queue(qtbot, win, view.id)
    sign = win.queue.decide(Action.APPROVE)
    qtbot.keyClicks(sign.username, "approver")
    type_password(qtbot, sign, PASSWORD)  # the right password, but sign-in is paused here
    qtbot.waitUntil(lambda: "Checking" not in sign.error.text(), timeout=30000)
    assert "Too many failed sign-ins" in sign.error.text()
    assert request_for(desk_app, "1000004").status is RequestStatus.VERIFIED
    assert desk_app.desk.actor.username == "clerk"


def test_escape_asks_in_the_id_check_and_the_decision_once_something_is_typed(
    qtbot, desk_app, boxes
):
    win = signed_in(desk_app, "approver")
    ident = win.open_identity(request_for(desk_app, "1000001"))
    qtbot.waitExposed(ident)
    ident.kinds[next(iter(ident.kinds))].setChecked(True)
    with qtbot.waitSignal(ident.rejected, timeout=2000):
        qtbot.keyClick(ident, Qt.Key.Key_Escape)  # the fixture answers Yes: discard
    assert [b[1] for b in boxes] == ["Discard what you typed?"]
    select_in_queue(qtbot, win, request_for(desk_app, "1000004").id)
    decision = win.queue.decide(Action.REJECT)
    qtbot.waitExposed(decision)
    with qtbot.waitSignal(decision.rejected, timeout=2000):
        qtbot.keyClick(decision, Qt.Key.Key_Escape)  # nothing written: closes, no question
    assert len(boxes) == 1
    decision = win.queue.decide(Action.REJECT)
    qtbot.keyClicks(decision.reason, "Signature does not match")
    with qtbot.waitSignal(decision.rejected, timeout=2000):
        qtbot.keyClick(decision, Qt.Key.Key_Escape)
    assert [b[1] for b in boxes] == ["Discard what you typed?"] * 2


def test_a_form_that_grows_with_its_messages_stays_on_the_screen(qtbot, desk_app, boxes):
    """Seen at 1366×768 at 125%: the form opened in the middle of the screen, grew downwards as
    the field errors and the contact list appeared, and Record form ended below the screen's
    bottom edge (the window manager does not move a window that resizes itself)."""
    _win, form = open_form(qtbot, desk_app)
    room = form.screen().availableGeometry()
    form.move(form.x(), room.bottom() - form.frameGeometry().height() - 20)
    guardian = form.f["guardian_name"]
    guardian.setFocus()
    qtbot.keyClicks(guardian, "Pedro Paramo")
    qtbot.keyClick(guardian, Qt.Key.Key_Tab)
    form.set_text("phone", "555-12")
    form.set_text("email", "pedro")
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)  # every problem shown under its field
    qtbot.wait(100)  # the layout settles and the window grows
    qtbot.waitUntil(lambda: room.contains(form.frameGeometry()), timeout=3000)
    button = form.submit_button
    origin = button.mapToGlobal(button.rect().topLeft())
    assert room.contains(origin) and room.contains(origin + button.rect().bottomRight())


def test_a_form_taller_than_the_screen_scrolls_and_keeps_its_buttons_on_screen(
    qtbot, desk_app, boxes
):
    """Every field error, the restricted-contact notice and a long contact list make the form
    taller than a 1366×768 screen at 125%: the form scrolls, Record form stays reachable."""
    _win, form = open_form(qtbot, desk_app)
    room = form.screen().availableGeometry()
    many = tuple(
        req_svc.ListedContact(f"Contact Number{i} Example", "Guardian", i % 3 == 0)
        for i in range(40)
    )
    form.show_contact_list("Pedro Paramo", many)
    form.set_text("phone", "555-12")
    form.set_text("email", "pedro")
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)  # every problem shown under its field
    qtbot.waitUntil(lambda: form.form_scroll.verticalScrollBar().maximum() > 0, timeout=3000)
    qtbot.waitUntil(lambda: room.contains(form.frameGeometry()), timeout=3000)
    for button in (form.submit_button,):
        origin = button.mapToGlobal(button.rect().topLeft())
        assert room.contains(origin) and room.contains(origin + button.rect().bottomRight())
    # the fields keep their height: the form scrolls rather than squeezing them
    phone = form.f["phone"]
    assert phone.height() >= phone.minimumSizeHint().height()


def test_the_restricted_contact_notice_keeps_its_warning_box(qtbot, desk_app, boxes):
    """The notice is renamed notice_warning after the style sheet was applied: it must be
    styled again, or it shows as plain text (seen once the form sat in a scroll area)."""
    from PySide6.QtWidgets import QApplication

    from staffdesk.ui.app import apply_style

    app = QApplication.instance()
    apply_style(app)  # the desk's style sheet (the other tests run without it)
    try:
        _win, form = open_form(qtbot, desk_app, pid="1000006")  # the demo's restricted contact
        assert form.notice.isVisible() and form.notice.objectName() == "notice_warning"
        image = form.notice.grab().toImage()
        inside = image.pixelColor(image.width() // 2, 3)  # in the padding, above the text
        assert inside.name().upper() == "#FFF4E0"
    finally:
        app.setStyleSheet("")
