"""What the window says about the hardening (issue 12): the sign-in wait with its time, and a
guardian close to a restricted contact approved only with a reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from staffdesk.domain.passcode import SIGN_IN
from tests.ui_helpers import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


def test_the_sign_in_window_says_how_long_to_wait(qtbot, desk_app, boxes):  # type: ignore[no-untyped-def]
    desk_app.show_sign_in()
    desk_app.prepare()
    dialog = desk_app.sign_in
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: desk_app.ready, timeout=15000)
    for _ in range(SIGN_IN.limit):
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, "clerk")
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, "wrong-password")
        dialog.message.setText("")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Wrong username" in dialog.message.text(), timeout=5000)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "demo-pass-2026")  # the right one, too late
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Try again in 15 minutes" in dialog.message.text(), timeout=5000)
    assert desk_app.desk.actor is None
    qtbot.waitUntil(lambda: not desk_app.worker.busy, timeout=10000)
    assert not boxes


def test_a_name_close_to_a_restricted_contact_is_approved_only_with_a_reason(
    qtbot, desk_app, boxes
):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from staffdesk.domain.workflow import Action
    from staffdesk.services import requests as req_svc
    from staffdesk.services import staff
    from staffdesk.store import db
    from staffdesk.store.models import StudentContact
    from tests.ui_helpers import signed_in

    desk = desk_app.desk
    with db.unit_of_work(desk.factory) as s:
        clerk = staff.authenticate(s, "clerk", "demo-pass-2026")
        restricted = s.scalars(
            select(StudentContact).where(StudentContact.portal_access == "restricted")
        ).first()
        given, *_, family = restricted.contact_name.split()
        near = f"{given[:-1]} {family}"  # one letter short: Marco for Marcos
        rec = req_svc.record_request(
            s,
            clerk,
            req_svc.AccessForm(
                permanent_id=restricted.permanent_id,
                guardian_name=near,
                address="1 Main St",
                phone="(415) 555-0100",
                email="x@example.org",
                signed_on=req_svc.utcnow().date(),
                paper_form_signed=True,
            ),
        )
        assert rec.request.possible_match == restricted.contact_name
        req_svc.verify_identity(s, clerk, rec.request.id, document_kind="passport")
        rid = rec.request.id
    win = signed_in(desk_app, "approver")
    win.show_queue()
    win.queue.load_detail(rid)
    qtbot.waitUntil(lambda: win.queue.ctx is not None, timeout=5000)
    dialog = win.queue.decide(Action.APPROVE)
    assert dialog.reason.isVisibleTo(dialog) and dialog.submit_button.isEnabled()
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "Reason" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "grandfather, ID checked, born 1950")
    with qtbot.waitSignal(dialog.decided, timeout=5000) as done:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "grandfather" in done.args[0].decision.reason
    qtbot.waitUntil(lambda: not desk_app.worker.busy, timeout=10000)
    win.sign_out()  # its timers stop: nothing of this desk runs on into a later test
    assert not boxes


def test_the_no_staff_message_names_a_command_that_works(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, monkeypatch
):
    """The sign-in window of an empty database tells IT how to create the first admin: that
    command, typed as shown, must be one the command line accepts and that creates the admin."""
    import shlex
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from staffdesk.cli import main
    from staffdesk.ui.app import DeskApp

    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    app = DeskApp(url, demo=False)
    try:
        app._prepared(0)
        assert not app.ready
        commands = [line for line in app.problem.splitlines() if line.startswith("staffdesk ")]
    finally:
        app.shutdown()
    assert len(commands) == 1, app.problem
    monkeypatch.setenv("STAFFDESK_NEW_PASSWORD", "first-admin-pass")
    monkeypatch.setenv("STAFFDESK_PASSWORD", "first-admin-pass")
    words = shlex.split(commands[0])
    assert main(["--db", url, *words[1:]]) == 0
    user = words[words.index("add") + 1]
    assert main(["--db", url, "staff", "list", "--as", user]) == 0
    # every translation shows the same command, not a stale copy of it
    for ts in (Path(__file__).parents[1] / "resources" / "i18n").glob("staffdesk_*.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            if "no staff accounts" in source:
                shown = message.findtext("translation") or source
                assert commands[0] in shown.splitlines() or not shown.strip(), ts.name
