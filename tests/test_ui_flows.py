"""The desktop app driven as a clerk, an approver and an admin would: offscreen, real SQLite."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from staffdesk.domain.workflow import Action, RequestStatus
from staffdesk.services import requests as req_svc
from staffdesk.store import db
from tests.ui_helpers import QT_NOISE, signed_in

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


def request_for(desk_app: object, pid: str) -> req_svc.RequestView:
    from sqlalchemy import select

    from staffdesk.store.models import AccessRequest

    desk = desk_app.desk  # type: ignore[attr-defined]
    with db.unit_of_work(desk.factory) as s:
        rid = s.scalars(select(AccessRequest.id).where(AccessRequest.permanent_id == pid)).first()
        assert rid is not None
        return req_svc.get_request(s, desk.actor, rid)


# ------------------------------------------------------------------------------ sign-in


def test_sign_in_shows_demo_accounts_and_refuses_a_wrong_password(qtbot, desk_app, boxes):
    desk_app.show_sign_in()
    desk_app.prepare()
    dialog = desk_app.sign_in
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: desk_app.ready, timeout=15000)
    assert "demo-pass-2026" in dialog.findChild(type(dialog.message), "demo_note").text()
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "clerk")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong username" in dialog.message.text(), timeout=5000)
    qtbot.keyClicks(dialog.password, "demo-pass-2026")
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    # the clerk has three schools: the picker appears
    qtbot.waitUntil(lambda: dialog.school.isVisible(), timeout=5000)
    dialog.school.setCurrentIndex(dialog.school.findData("LINC"))
    with qtbot.waitSignal(dialog.signed_in, timeout=5000):
        qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    assert desk_app.desk.actor.username == "clerk"
    assert desk_app.desk.school == "LINC"
    qtbot.waitUntil(lambda: desk_app.window.isVisible())
    assert not boxes


# ------------------------------------------------------------------------------ front desk


def test_name_search_as_you_type_and_scanner_lookup(qtbot, desk_app, boxes, qtmodeltester):
    win = signed_in(desk_app, "clerk")
    front = win.front
    qtbot.keyClicks(front.search, "nunez")
    qtbot.waitUntil(lambda: front.search_model.rowCount() > 0, timeout=5000)
    names = [front.search_model.row_at(i).name for i in range(front.search_model.rowCount())]
    assert all(n.startswith("Núñez") for n in names)
    qtmodeltester.check(front.search_model)
    # a barcode scanner types digits then Enter
    qtbot.keyClicks(front.permanent_id, "1000006")
    qtbot.keyClick(front.permanent_id, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: front.card is not None, timeout=5000)
    assert front.card.permanent_id == "1000006"
    assert any(c.restricted for c in front.card.contacts)
    assert "restricted" in front.student_facts.text()
    qtmodeltester.check(front.contacts_model)
    qtmodeltester.check(front.history_model)
    assert not boxes


def test_unknown_permanent_id_says_not_found(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    qtbot.keyClicks(win.front.permanent_id, "99999")
    qtbot.keyClick(win.front.permanent_id, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.front.student_name.text() == "Not found", timeout=5000)
    assert "99999" in win.front.student_facts.text()
    assert not boxes  # on the card: a message box would swallow the next scan


# ------------------------------------------------------------------------------ intake


def test_new_form_inline_error_name_mismatch_then_identity_check(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    win.front.load_card("1000002")
    qtbot.waitUntil(lambda: win.front.card is not None, timeout=5000)
    qtbot.keyClick(win, Qt.Key.Key_F2)
    form = win.dialogs[-1]
    assert form.text("permanent_id") == "1000002"
    qtbot.keyClicks(form.f["guardian_name"], "Ana Nunez")  # QTest types ASCII only
    qtbot.keyClicks(form.f["address"], "1 Main St")
    qtbot.keyClicks(form.f["email"], "not-an-email")
    form.set_text("first_name", "Mary")  # differs from the roster
    assert not form.submit_button.isEnabled()  # Record form waits for a valid form
    qtbot.keyClick(form.f["email"], Qt.Key.Key_Return)  # Enter says what is still needed
    qtbot.waitUntil(lambda: bool(form.errors._labels), timeout=5000)
    assert form.f["email"].property("invalid") is True
    assert "email" in form.errors._labels[0].text() or "@" in form.errors._labels[0].text()
    form.set_text("email", "ana@example.org")
    form.errors.clear()
    qtbot.keyClick(form.f["email"], Qt.Key.Key_Return)  # the paper form is not ticked yet
    qtbot.waitUntil(lambda: bool(form.errors._labels), timeout=5000)
    assert form.paper_form_signed.property("invalid") is True
    assert "sign" in form.errors._labels[0].text()
    qtbot.keyClick(form.paper_form_signed, Qt.Key.Key_Space)
    assert form.paper_form_signed.isChecked()
    with qtbot.waitSignal(form.recorded, timeout=5000) as rec:
        qtbot.keyClick(form.f["email"], Qt.Key.Key_Return)  # Enter submits
    assert any(b[0] == "question" and "differs" in b[1] for b in boxes)  # record anyway? yes
    recorded = rec.args[0]
    assert recorded.request.name_mismatch
    ident = win.dialogs[-1]
    assert type(ident).__name__ == "IdentityCheckDialog"
    ident.kinds[next(iter(ident.kinds))].click()  # CA ID
    qtbot.keyClicks(ident.last4, "1234")
    with qtbot.waitSignal(ident.verified, timeout=5000) as ver:
        qtbot.mouseClick(ident.submit_button, Qt.MouseButton.LeftButton)
    view = ver.args[0]
    assert view.status is RequestStatus.VERIFIED
    assert view.identity.verified_by == "clerk" and view.identity.last4 == "1234"
    assert view.identity.document_kind.value == "ca-id"


def test_other_id_needs_a_description(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    view = request_for(desk_app, "1000001")
    dialog = win.open_identity(view)
    dialog.kinds[list(dialog.kinds)[-1]].click()  # other ID
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.errors._labels), timeout=5000)
    assert dialog.description.property("invalid") is True
    assert not boxes


# ------------------------------------------------------------------------------ approval


def test_queue_sorts_in_sql_and_approver_approves(qtbot, desk_app, boxes, qtmodeltester):
    win = signed_in(desk_app, "approver")
    win.menu_actions["go_queue"].trigger()  # F4
    queue = win.queue
    qtbot.waitUntil(lambda: queue.model.rowCount() >= 5 and not queue.model.loading, timeout=5000)
    qtmodeltester.check(queue.model)
    queue.model.sort(3, Qt.SortOrder.DescendingOrder)  # permanent id
    qtbot.waitUntil(lambda: queue.model.rowCount() >= 5 and not queue.model.loading, timeout=5000)
    pids = [queue.model.row_at(i).permanent_id for i in range(queue.model.rowCount())]
    assert pids == sorted(pids, reverse=True)
    row = next(
        i for i in range(queue.model.rowCount()) if queue.model.row_at(i).status == "verified"
    )
    queue.table.selectRow(row)
    qtbot.waitUntil(lambda: queue.ctx is not None, timeout=5000)
    assert queue.buttons["approve"].isEnabled()
    dialog = queue.decide(Action.APPROVE)
    assert "Two-person rule" in dialog.findChild(type(dialog.error), "rules").text()
    with qtbot.waitSignal(dialog.decided, timeout=5000) as done:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert done.args[0].status is RequestStatus.APPROVED
    approved_id = done.args[0].id
    # the approved request stays selected, so the next key (F8) issues it
    qtbot.waitUntil(
        lambda: (
            queue.ctx is not None
            and queue.ctx.request.id == approved_id
            and queue.buttons["issue"].isEnabled()
            and bool(queue.table.selectionModel().selectedRows())
        ),
        timeout=10000,
    )
    (selected,) = queue.table.selectionModel().selectedRows()
    assert queue.model.row_at(selected.row()).id == approved_id
    assert queue.model.data(queue.model.index(selected.row(), 5)) == "approved"
    with qtbot.waitSignal(queue.issue_requested, timeout=5000) as asked:
        win.menu_actions["issue"].trigger()  # F8
    assert asked.args == [approved_id, False]
    for dialog in list(win.dialogs):
        dialog.hide()
    assert not boxes


def test_spanish_interface_names_states_in_spanish(qtbot, desk_app, boxes):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from staffdesk.assets import resources_dir
    from staffdesk.ui import states

    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / "staffdesk_es.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert states.request_state("revoked") == "revocada"
        assert states.history_state(type("Row", (), {"kind": "passcode", "what": "revoked"})) == (
            "revocado"
        )
        assert QCoreApplication.translate("Columns", "Permanent ID") == "ID permanente"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert states.request_state("revoked") == "revoked"


def test_restricted_contact_blocks_approver_and_admin_overrides(qtbot, desk_app, boxes):
    from sqlalchemy import select

    from staffdesk.services import staff
    from staffdesk.store.models import StudentContact

    desk = desk_app.desk
    with db.unit_of_work(desk.factory) as s:
        clerk = staff.authenticate(s, "clerk", "demo-pass-2026")
        restricted = s.scalars(
            select(StudentContact).where(StudentContact.portal_access == "restricted")
        ).first()
        rec = req_svc.record_request(
            s,
            clerk,
            req_svc.AccessForm(
                permanent_id=restricted.permanent_id,
                guardian_name=restricted.contact_name,
                address="1 Main St",
                phone="(415) 555-0100",
                email="x@example.org",
                signed_on=req_svc.utcnow().date(),
                paper_form_signed=True,
            ),
        )
        req_svc.verify_identity(s, clerk, rec.request.id, document_kind="passport")
        rid = rec.request.id
    win = signed_in(desk_app, "approver")
    win.show_queue()
    win.queue.load_detail(rid)
    qtbot.waitUntil(lambda: win.queue.ctx is not None, timeout=5000)
    blocked = win.queue.decide(Action.APPROVE)
    assert not blocked.submit_button.isEnabled()
    assert "admin" in blocked.error.text()
    blocked.reject()
    win.sign_out()
    win = signed_in(desk_app, "admin")
    win.show_queue()
    win.queue.load_detail(rid)
    qtbot.waitUntil(
        lambda: win.queue.ctx is not None and win.queue.ctx.request.id == rid, timeout=5000
    )
    dialog = win.queue.decide(Action.APPROVE)
    assert dialog.reason.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "Reason" in dialog.error.text()  # a written reason is required
    qtbot.keyClicks(dialog.reason, "court order lifted on 2026-01-10, copy on file")
    with qtbot.waitSignal(dialog.decided, timeout=5000) as done:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert done.args[0].decision.override_reason.startswith("court order")


def test_a_guardian_not_on_the_list_is_approved_with_a_written_reason(qtbot, desk_app, boxes):
    from staffdesk.services import staff

    desk = desk_app.desk
    with db.unit_of_work(desk.factory) as s:
        clerk = staff.authenticate(s, "clerk", "demo-pass-2026")
        form = req_svc.AccessForm(
            permanent_id="1000006",
            guardian_name="Pedro Páramo",
            address="1 Main St",
            phone="(415) 555-0100",
            email="pedro@example.org",
            signed_on=req_svc.utcnow().date(),
            paper_form_signed=True,
        )
        rid = req_svc.record_request(s, clerk, form).request.id
        req_svc.verify_identity(s, clerk, rid, document_kind="passport")
    win = signed_in(desk_app, "approver")
    win.show_queue()
    win.queue.load_detail(rid)
    qtbot.waitUntil(
        lambda: win.queue.ctx is not None and win.queue.ctx.request.id == rid, timeout=5000
    )
    dialog = win.queue.decide(Action.APPROVE)
    assert dialog.reason.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "Reason" in dialog.error.text()  # nothing written: not sent
    qtbot.keyClicks(dialog.reason, "Stepfather, custody papers seen")
    with qtbot.waitSignal(dialog.decided, timeout=5000) as done:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    decision = done.args[0].decision
    assert decision.not_a_contact_reason == "Stepfather, custody papers seen"
    assert decision.override_reason == ""


def test_a_second_form_for_the_same_guardian_asks_before_recording(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    first = request_for(desk_app, "1000001")  # the demo's recorded request
    win.front.load_card("1000001")
    qtbot.waitUntil(lambda: win.front.card is not None, timeout=5000)
    qtbot.keyClick(win, Qt.Key.Key_F2)
    form = win.dialogs[-1]
    form.set_text("guardian_name", first.guardian_name)
    form.set_text("address", "12 Harbor Way, Bayside, CA")
    form.set_text("phone", "(415) 555-0100")
    form.set_text("email", "parent@example.org")
    form.paper_form_signed.setChecked(True)
    with qtbot.waitSignal(form.recorded, timeout=5000) as rec:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    asked = [b for b in boxes if b[0] == "question"]
    assert asked and asked[-1][1] == "Already requested or linked"
    assert "open request" in asked[-1][2]
    assert any("open request" in w for w in rec.args[0].warnings)


# ------------------------------------------------------------------------------ issue


def issued_as_clerk(qtbot, desk_app, pid):  # type: ignore[no-untyped-def]
    """Sign in as the clerk, open Issue for the student's request, issue, wait for the slip."""
    win = signed_in(desk_app, "clerk")
    dialog = win.open_issue(request_for(desk_app, pid).id)
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=5000)
    dialog.issue()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=30000)
    return win, dialog


def test_issue_preview_and_save_pdf(qtbot, desk_app, boxes, tmp_path):
    win = signed_in(desk_app, "clerk")
    view = request_for(desk_app, "1000010")  # approved in the demo data
    dialog = win.open_issue(view.id)
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=5000)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=30000)
    assert dialog.rendered.pdf.startswith(b"%PDF")
    assert dialog.save_button.isEnabled()
    out = tmp_path / "slip.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=10000) as printed:
        dialog.save_pdf(str(out))
    assert printed.args == ["pdf"]
    assert out.read_bytes().startswith(b"%PDF")
    assert request_for(desk_app, "1000010").status is RequestStatus.ISSUED
    dialog.close()
    assert not boxes


def test_print_sends_the_slip_to_the_chosen_printer_and_logs_it(
    qtbot, desk_app, boxes, tmp_path, monkeypatch
):
    """Print… through the system print dialog; the "printer" here is Qt's PDF printer, so the
    page that would reach paper can be read back."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog
    from sqlalchemy import select

    from staffdesk.store.models import SlipPrintLog
    from staffdesk.ui import issue as issue_ui

    paper = tmp_path / "printed.pdf"
    chosen: list[QPrinter] = []

    class ChosenPrinter:  # the user picks a printer and presses Print
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            self.printer = printer

        def exec(self) -> QDialog.DialogCode:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(paper))
            chosen.append(self.printer)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(issue_ui, "QPrintDialog", ChosenPrinter)
    _win, dialog = issued_as_clerk(qtbot, desk_app, "1000010")
    assert dialog.print_button.isEnabled()
    with qtbot.waitSignal(dialog.printed, timeout=30000) as printed:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed.args == ["print"]
    assert chosen and "Sent to the printer" in dialog.status.text()
    pages = PdfReader(paper).pages
    assert len(pages) == 1  # one slip, one sheet
    assert (round(float(pages[0].mediabox.width)), round(float(pages[0].mediabox.height))) == (
        612,
        792,
    )  # US Letter, the slip's own size, whatever the printer's default
    (image,) = pages[0].images  # the slip, drawn as the rasterised page
    picture = image.image.convert("L")  # Pillow
    assert picture.width > 1000  # printed at print resolution, not the preview's
    inked = sum(
        1
        for x in range(0, picture.width, 20)
        for y in range(0, picture.height, 20)
        if picture.getpixel((x, y)) < 128
    )
    assert inked > 100  # text and the QR code reached the page, not a blank sheet
    with db.unit_of_work(desk_app.desk.factory) as s:
        kinds = s.scalars(select(SlipPrintLog.kind)).all()
    assert "print" in kinds
    dialog.close()
    assert not boxes


def test_with_a_shared_database_the_desk_syncs_in_the_background_and_says_so(
    qtbot, desk_app, boxes, pg_url, tmp_path, monkeypatch
):
    from sqlalchemy import func, select

    from staffdesk.store.models import Passcode
    from staffdesk.sync import config

    monkeypatch.setenv("STAFFDESK_CONFIG_DIR", str(tmp_path / "config"))
    shared = db.make_engine(pg_url)
    db.upgrade(shared)
    config.save(pg_url, password_in_keyring=False)
    # the district's roster and staff reach the shared database with an admin's login first
    from staffdesk.sync.engine import sync_once

    assert sync_once(desk_app.worker.factory, shared, admin=shared).ok
    win, dialog = issued_as_clerk(qtbot, desk_app, "1000010")
    assert "Pending sync" in dialog.status.text()  # on screen, as on the slip
    with qtbot.waitSignal(dialog.printed, timeout=10000):
        dialog.save_pdf(str(tmp_path / "slip.pdf"))
    win.refresh_status()  # what the 30-second timer does

    def codes_on_shared() -> int:
        with shared.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(Passcode.__table__)) or 0)

    qtbot.waitUntil(lambda: codes_on_shared() >= 1, timeout=60000)
    qtbot.waitUntil(lambda: win.sync_label.text().startswith("Online"), timeout=60000)
    qtbot.waitUntil(lambda: " 0 waiting" in win.sync_label.text(), timeout=30000)
    shared.dispose()
    dialog.close()
    assert not boxes


def test_closing_an_unprinted_slip_asks_first(qtbot, desk_app, boxes, monkeypatch):
    _win, dialog = issued_as_clerk(qtbot, desk_app, "1000013")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.reject()
    assert dialog.isVisible()


# ------------------------------------------------------------------------------ lock, audit


def test_lock_hides_student_data_until_the_password(qtbot, desk_app, boxes):
    from PySide6.QtWidgets import QLabel, QLineEdit

    win = signed_in(desk_app, "clerk")
    win.front.load_card("1000006")
    qtbot.waitUntil(lambda: win.front.card is not None, timeout=5000)
    win.idle.idle.emit()
    assert win.stack.currentWidget() is win.lock_page
    password = win.lock_ui.findChild(QLineEdit, "password")
    qtbot.keyClicks(password, "nope-nope")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    message = win.lock_ui.findChild(QLabel, "message")
    qtbot.waitUntil(lambda: "Wrong" in message.text(), timeout=5000)
    qtbot.keyClicks(password, "demo-pass-2026")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.front, timeout=5000)


def test_audit_view_filters_verifies_and_exports(qtbot, desk_app, boxes, tmp_path, qtmodeltester):
    win = signed_in(desk_app, "admin")
    win.show_audit()
    audit = win.audit
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0 and not audit.model.loading, timeout=5000)
    qtmodeltester.check(audit.model)
    audit.action.setCurrentText("request.")
    audit.refresh()
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0 and not audit.model.loading, timeout=5000)
    assert all(
        audit.model.row_at(i).action.startswith("request.") for i in range(audit.model.rowCount())
    )
    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes), timeout=10000)
    assert "intact" in boxes[0][2]
    out = tmp_path / "audit.csv"
    audit.export(str(out))
    qtbot.waitUntil(lambda: out.exists() and "exported" in audit.status.text(), timeout=5000)


def test_settings_save_a_district_value_and_the_idle_lock(qtbot, desk_app, boxes):
    from staffdesk.services import settings
    from staffdesk.ui import prefs

    win = signed_in(desk_app, "admin")
    dialog = win.settings()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.passcode_days.setValue(7)
    dialog.idle.setValue(5)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with db.unit_of_work(desk_app.desk.factory) as s:
        assert settings.load(s).passcode_days == 7
    assert prefs.idle_minutes() == 5


def test_error_mapping_names_the_field_and_tells_environment_from_bugs():
    from staffdesk.domain.errors import StoreUnavailable, ValidationError
    from staffdesk.ui.errors import describe

    v = describe(ValidationError("phone", "expected a telephone number"))
    assert v.field == "phone" and v.text.startswith("Home phone")
    env = describe(StoreUnavailable("the database cannot be reached"))
    assert env.environment and not env.bug
    bug = describe(KeyError("x"))
    assert bug.bug and "unexpected" in bug.text


def test_a_desk_that_shut_down_runs_no_more_sync_rounds(qtbot, desk_app):
    """A closing desk's 30-second timer must not start a round on its closed store, reading
    whatever shared-database configuration is current by then (seen: an earlier desk pushing
    its chain into the next desk's shared database)."""
    win = signed_in(desk_app, "clerk")
    assert win.status_timer.isActive()
    desk_app.shutdown()
    assert not win.status_timer.isActive()
    assert not win.reauth.isActive()
    win.refresh_status()  # what a late timeout would do: nothing reaches the store
    assert desk_app.worker.factory is None
    assert desk_app.worker.wait()
