"""The front desk at a busy counter (issue 13): scans, not found, the approver's badge, the
remembered school, the lost slip, portal links and the printer's name. Offscreen, real SQLite."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from staffdesk.services import demo, staff
from staffdesk.services import requests as req_svc
from staffdesk.store import db
from staffdesk.store.models import AccessRequest, PortalLink
from tests.ui_helpers import QT_NOISE, signed_in

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


def scan(qtbot: object, edit: QLineEdit, code: str) -> None:
    """A barcode scanner: one key event per digit with no pause, then Enter."""
    for ch in code:
        QTest.keyClick(edit, ch)  # no delay between keys, as a scanner sends them
    QTest.keyClick(edit, Qt.Key.Key_Return)


def rid_of(desk_app: object, pid: str) -> str:
    with db.unit_of_work(desk_app.desk.factory) as s:  # type: ignore[attr-defined]
        rid = s.scalars(
            select(AccessRequest.id)
            .where(AccessRequest.permanent_id == pid)
            .order_by(AccessRequest.recorded_at.desc())
        ).first()
    assert rid is not None
    return rid


def in_worker(qtbot: object, desk_app: object, fn: object) -> object:
    """Run `fn(session)` through the desk's own database worker (SQLite allows one writer: a
    write from the test thread would race the desk's background reads), and return its result."""
    done: list[object] = []
    failed: list[BaseException] = []
    desk_app.desk.worker.submit(fn, done.append, failed.append)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(done or failed), timeout=10000)  # type: ignore[attr-defined]
    if failed:
        raise failed[0]
    return done[0]


# ------------------------------------------------------------------------------ #1 scanner


def test_two_scans_in_a_row_each_open_their_own_student(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    front = win.front
    scan(qtbot, front.permanent_id, "1000001")
    qtbot.waitUntil(lambda: front.card is not None, timeout=5000)
    assert front.card.permanent_id == "1000001"
    assert front.permanent_id.selectedText() == "1000001"  # a new scan replaces it
    scan(qtbot, front.permanent_id, "1000013")
    qtbot.waitUntil(
        lambda: front.card is not None and front.card.permanent_id == "1000013", timeout=5000
    )
    assert front.permanent_id.text() == "1000013"  # not "10000011000013"
    # a click in the box took the selection away: the next scan still starts fresh
    front.permanent_id.deselect()
    front.permanent_id.setCursorPosition(3)
    scan(qtbot, front.permanent_id, "1000002")
    qtbot.waitUntil(
        lambda: front.card is not None and front.card.permanent_id == "1000002", timeout=5000
    )
    assert front.permanent_id.text() == "1000002"
    assert not boxes


def test_correcting_a_typed_id_edits_it_rather_than_starting_over(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    front = win.front
    scan(qtbot, front.permanent_id, "1000001")
    qtbot.waitUntil(lambda: front.card is not None, timeout=5000)
    QTest.keyClick(front.permanent_id, Qt.Key.Key_End)
    QTest.keyClick(front.permanent_id, Qt.Key.Key_Backspace)
    QTest.keyClick(front.permanent_id, "3")
    assert front.permanent_id.text() == "1000003"


def test_an_id_typed_without_enter_leaves_no_card_for_the_previous_child(qtbot, desk_app, boxes):
    """The box must never show one Permanent ID while F2 acts on another child: a scan whose
    Enter was lost (a scanner set to send a line feed), or an ID typed and F2 pressed at once,
    used to open the form for the student still on the card."""
    win = signed_in(desk_app, "clerk")
    front = win.front
    scan(qtbot, front.permanent_id, "1000001")
    qtbot.waitUntil(lambda: front.card is not None, timeout=5000)
    for ch in "1000002":  # no Enter
        QTest.keyClick(front.permanent_id, ch)
    assert front.permanent_id.text() == "1000002"
    assert front.card is None
    QTest.keyClick(win, Qt.Key.Key_F2)
    form = win.dialogs[-1]
    assert form.text("permanent_id") != "1000001" and form.card is None
    form.reject()
    # Enter then looks the typed ID up as usual
    QTest.keyClick(front.permanent_id, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: front.card is not None and front.card.permanent_id == "1000002", timeout=5000
    )
    assert not boxes


# ------------------------------------------------------------------------------ #2 not found


def test_not_found_clears_the_card_and_leaves_nothing_to_act_on(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    front = win.front
    scan(qtbot, front.permanent_id, "1000010")  # approved: Issue is possible
    qtbot.waitUntil(lambda: front.card is not None, timeout=5000)
    assert front.issue_button.isEnabled()
    # the second scan appended would have been "10000101000013": now it is a fresh wrong ID
    scan(qtbot, front.permanent_id, "9999999")
    qtbot.waitUntil(lambda: front.student_name.text() == "Not found", timeout=5000)
    assert front.card is None
    assert "9999999" in front.student_facts.text()
    assert front.contacts_model.rowCount() == 0 and front.history_model.rowCount() == 0
    assert front.links_model.rowCount() == 0
    for button in (front.check_id_button, front.issue_button, front.lost_slip_button):
        assert not button.isEnabled()
    assert not boxes  # said on the card: a message box would swallow the next scan
    assert front.permanent_id.selectedText() == "9999999"
    # F2 now opens a blank form, not one for the previous child
    QTest.keyClick(win, Qt.Key.Key_F2)
    form = win.dialogs[-1]
    assert form.text("permanent_id") == "" and form.card is None
    form.reject()
    # F8 has nothing to issue
    QTest.keyClick(win, Qt.Key.Key_F8)
    assert not any(type(d).__name__ == "IssueDialog" for d in win.dialogs)


# ------------------------------------------------------------------------------ #3 badge, school


def test_approver_badge_counts_what_waits_and_refreshes_by_itself(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "approver")
    badge = win.badge
    assert badge.timer.isActive()  # refreshed by itself
    qtbot.waitUntil(lambda: badge.count == 2, timeout=5000)  # the demo's two verified requests
    assert badge.isVisible() and badge.text() == "2 request(s) waiting for you"
    # a clerk at another desk checks an ID: the next tick counts it, without anyone asking
    rid = rid_of(desk_app, "1000001")

    def clerk_checks_id(s: object) -> None:
        clerk = staff.authenticate(s, "clerk", demo.DEMO_PASSWORD)
        req_svc.verify_identity(s, clerk, rid, document_kind="passport", last4="")

    in_worker(qtbot, desk_app, clerk_checks_id)
    assert badge.count == 2  # not asked yet
    badge.timer.setInterval(50)
    qtbot.waitUntil(lambda: badge.count == 3, timeout=5000)
    badge.click()
    assert win.stack.currentIndex() == win.PAGE_QUEUE
    win.sign_out()
    assert not badge.isVisible() and not badge.timer.isActive()


def test_clerk_sees_no_badge(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    assert not win.badge.timer.isActive()
    assert not win.badge.isVisible()


def test_the_school_picker_remembers_the_last_choice(qtbot, desk_app, boxes):
    def sign_in_as_clerk() -> object:
        desk_app.show_sign_in()
        dialog = desk_app.sign_in
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: desk_app.ready, timeout=15000)
        dialog.username.setText("clerk")
        qtbot.keyClicks(dialog.password, demo.DEMO_PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        return dialog

    desk_app.prepare()
    dialog = sign_in_as_clerk()
    qtbot.waitUntil(lambda: dialog.school.isVisible(), timeout=5000)  # first time: asked
    dialog.school.setCurrentIndex(dialog.school.findData("WASH"))
    with qtbot.waitSignal(dialog.signed_in, timeout=5000):
        qtbot.keyClick(dialog.school, Qt.Key.Key_Return)
    assert desk_app.desk.school == "WASH"
    desk_app.window.sign_out()
    dialog = sign_in_as_clerk()
    qtbot.waitUntil(lambda: desk_app.desk.actor is not None, timeout=5000)  # not asked again
    assert not dialog.school.isVisible()
    assert desk_app.desk.school == "WASH"
    assert "WASH" in desk_app.window.user_label.text()


def test_a_remembered_school_no_longer_valid_asks_again(qtbot, desk_app, boxes):
    from staffdesk.ui import prefs

    prefs.remember_school("clerk", "GONE")
    desk_app.show_sign_in()
    desk_app.prepare()
    dialog = desk_app.sign_in
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: desk_app.ready, timeout=15000)
    dialog.username.setText("clerk")
    qtbot.keyClicks(dialog.password, demo.DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.school.isVisible(), timeout=5000)
    assert desk_app.desk.actor is None


# ------------------------------------------------------------------------------ #6 lost slip


def issue_for(qtbot: object, desk_app: object, pid: str) -> req_svc.Issued:
    rid = rid_of(desk_app, pid)

    def issue(s: object) -> req_svc.Issued:
        clerk = staff.authenticate(s, "clerk", demo.DEMO_PASSWORD)
        return req_svc.issue_passcodes(s, clerk, [rid])

    return in_worker(qtbot, desk_app, issue)  # type: ignore[return-value]


def test_lost_slip_prefills_a_new_form_and_issuing_it_revokes_the_old_code(qtbot, desk_app, boxes):
    old = issue_for(qtbot, desk_app, "1000010")
    win = signed_in(desk_app, "clerk")
    front = win.front
    scan(qtbot, front.permanent_id, "1000010")
    qtbot.waitUntil(lambda: front.card is not None, timeout=5000)
    assert front.lost_slip_button.isEnabled()
    QTest.keyClick(win, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: bool(win.dialogs), timeout=5000)
    form = win.dialogs[-1]
    assert form.text("guardian_name") and form.text("address") == "12 Harbor Way, Bayside, CA"
    assert form.text("email") == "parent@example.org"
    assert old.serials[0] in form.notice.text() and "revokes" in form.notice.text()
    assert not form.paper_form_signed.isChecked()  # the parent signs a new paper form
    QTest.keyClick(form.paper_form_signed, Qt.Key.Key_Space)
    with qtbot.waitSignal(form.recorded, timeout=5000) as rec:
        QTest.keyClick(form.paper_form_signed, Qt.Key.Key_Return)
    new = rec.args[0].request
    assert new.replaces_request_id == old.request_ids[0]

    def check_and_approve(s: object) -> None:
        clerk = staff.authenticate(s, "clerk", demo.DEMO_PASSWORD)
        req_svc.verify_identity(s, clerk, new.id, document_kind="passport", last4="")
        approver = staff.authenticate(s, "approver", demo.DEMO_PASSWORD)
        req_svc.approve(s, approver, new.id)

    in_worker(qtbot, desk_app, check_and_approve)
    for d in list(win.dialogs):
        d.hide()
    dialog = win.open_issue(new.id)
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=5000)
    dialog.issue()
    qtbot.waitUntil(lambda: dialog.issued is not None, timeout=30000)
    assert old.serials[0] in dialog.status.text() and "revoked" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=30000)
    dialog.delivered.add("test")
    dialog.close()
    qtbot.waitUntil(
        lambda: (
            front.card is not None
            and any(
                h.kind == "passcode" and h.what == "revoked" and old.serials[0] in h.detail
                for h in front.card.history
            )
        ),
        timeout=5000,
    )


def test_lost_slip_needs_an_issued_slip(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    front = win.front
    scan(qtbot, front.permanent_id, "1000002")
    qtbot.waitUntil(lambda: front.card is not None, timeout=5000)
    assert not front.lost_slip_button.isEnabled()
    QTest.keyClick(win, Qt.Key.Key_F7)
    assert not win.dialogs


def test_card_shows_portal_access_and_links(qtbot, desk_app, boxes):
    from datetime import UTC, datetime

    from staffdesk.store.models import StudentContact

    issued = issue_for(qtbot, desk_app, "1000010")
    with db.unit_of_work(desk_app.desk.factory) as s:
        first = s.scalars(
            select(StudentContact)
            .where(StudentContact.permanent_id == "1000010")
            .order_by(StudentContact.emergency_order)
        ).first()
        assert first is not None
        s.add(
            PortalLink(
                permanent_id="1000010",
                contact_id=first.id,
                account_email="parent@example.org",
                passcode_id=issued.passcode_ids[0],
                linked_at=datetime(2026, 9, 1, 8, 30, tzinfo=UTC),
            )
        )
        name = first.contact_name
    win = signed_in(desk_app, "clerk")
    front = win.front
    scan(qtbot, front.permanent_id, "1000010")
    qtbot.waitUntil(lambda: front.card is not None, timeout=5000)
    model = front.contacts_model
    column = next(i for i, c in enumerate(model.columns) if c.title == "Portal access")
    shown = {model.row_at(r).name: model.index(r, column).data() for r in range(model.rowCount())}
    assert shown[name] == "Linked: parent@example.org (2026-09-01)"
    assert all(v for v in shown.values())  # ordinary contacts are no longer blank
    assert "Allowed, not linked" in shown.values()
    links = front.links_model
    assert links.rowCount() == 1
    assert [links.index(0, c).data() for c in range(2)] == [name, "parent@example.org"]
    assert links.index(0, 2).data().startswith("2026-09-01")


# ------------------------------------------------------------------------------ #9 printer


def test_print_status_names_the_printer(qtbot, desk_app, boxes, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    from staffdesk.ui import issue as issue_ui

    paper = tmp_path / "front-office.pdf"

    class ChosenPrinter:  # the clerk picks the printer in the system dialog and presses Print
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            self.printer = printer

        def exec(self) -> QDialog.DialogCode:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(paper))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(issue_ui, "QPrintDialog", ChosenPrinter)
    win = signed_in(desk_app, "clerk")
    dialog = win.open_issue(rid_of(desk_app, "1000010"))
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=5000)
    dialog.issue()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=30000)
    with qtbot.waitSignal(dialog.printed, timeout=30000):
        dialog.print_slip()
    assert dialog.status.text() == f"Sent to the printer {paper}."
    dialog.close()
    assert not boxes
