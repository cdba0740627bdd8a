"""Batch printing and the admin screens, driven as an approver and an admin would."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, QMetaObject, Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from staffdesk.services import batch as batch_svc
from staffdesk.store import db
from staffdesk.store.models import AccessRequest, Passcode, School, StaffUser
from tests.ui_helpers import QT_NOISE, signed_in

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


def count(desk_app: object, stmt: object) -> int:
    with db.unit_of_work(desk_app.desk.factory) as s:  # type: ignore[attr-defined]
        return int(s.scalar(stmt) or 0)


def approved_at(desk_app: object, school: str) -> int:
    return count(
        desk_app,
        select(func.count())
        .select_from(AccessRequest)
        .where(AccessRequest.school_code == school, AccessRequest.status == "approved"),
    )


def select_row(table: object, row: int) -> None:
    index = table.model().index(row, 0)  # type: ignore[attr-defined]
    table.selectionModel().select(  # type: ignore[attr-defined]
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


# ------------------------------------------------------------------------------ batch printing


def test_batch_print_issues_every_approved_request_and_says_what_it_did(
    qtbot, desk_app, boxes, tmp_path
):
    waiting = approved_at(desk_app, "LINC")
    assert waiting >= 2  # the demo district has approved requests at Lincoln
    win = signed_in(desk_app, "approver")
    dialog = win.batch_print()
    dialog.school.setCurrentIndex(dialog.school.findData("LINC"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    out = tmp_path / "lincoln.pdf"
    dialog.out.setText(str(out))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.running and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert dialog.result_text.startswith("Done: ")
    assert f"{waiting} passcode(s) issued for LINC" in dialog.result_text
    assert dialog.progress.value() == dialog.progress.maximum()
    assert len(PdfReader(out).pages) == waiting
    assert not Path(str(out) + ".part").exists()
    assert approved_at(desk_app, "LINC") == 0
    assert not boxes
    # nothing left to print: the dialog says why, and nothing is written
    again = tmp_path / "again.pdf"
    dialog.out.setText(str(again))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert "no approved requests without a passcode at LINC" in dialog.result_text
    assert not again.exists()
    assert boxes  # the refusal is also shown as a dialog


def test_cancelling_a_batch_issues_nothing_and_writes_no_file(
    qtbot, desk_app, boxes, tmp_path, monkeypatch
):
    win = signed_in(desk_app, "approver")
    dialog = win.batch_print()
    dialog.school.setCurrentIndex(dialog.school.findData("LINC"))
    real_hash_all = batch_svc._hash_all

    def hash_then_cancel(*args: object) -> list[str]:
        hashes = real_hash_all(*args)  # type: ignore[arg-type]
        # the user presses Cancel while the codes are hashed: the click runs on the UI thread,
        # and this worker waits for it (a click from here would be queued, and could land
        # after the batch's last look at the cancel flag)
        QMetaObject.invokeMethod(
            dialog.cancel_button, "click", Qt.ConnectionType.BlockingQueuedConnection
        )
        return hashes

    monkeypatch.setattr(batch_svc, "_hash_all", hash_then_cancel)
    before = count(desk_app, select(func.count()).select_from(Passcode))
    out = tmp_path / "cancelled.pdf"
    dialog.out.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert dialog.result_text == "Cancelled: no passcode was issued and no file written."
    assert not out.exists() and not Path(str(out) + ".part").exists()
    assert count(desk_app, select(func.count()).select_from(Passcode)) == before
    assert not boxes


def test_a_clerk_cannot_batch_print(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "clerk")
    assert not win.menu_actions["batch"].isEnabled()


# ------------------------------------------------------------------------------ admin screens


def test_admin_adds_a_staff_account_with_inline_errors_and_disables_it(
    qtbot, desk_app, boxes, qtmodeltester
):
    win = signed_in(desk_app, "admin")
    dialog = win.staff_admin()
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 4, timeout=10000)
    qtmodeltester.check(dialog.model)
    names = {dialog.model.row_at(r).id for r in range(dialog.model.rowCount())}
    assert {"admin", "clerk", "approver", "approver2"} <= names

    edit = dialog.add()
    qtbot.keyClicks(edit.username, "dana")
    qtbot.keyClicks(edit.display_name, "Dana Desk")
    edit.role.setCurrentIndex(edit.role.findData("clerk"))
    edit.school_boxes[0][0].setChecked(True)
    qtbot.keyClicks(edit.password, "short")
    edit.save()
    qtbot.waitUntil(lambda: bool(edit.errors._labels), timeout=10000)
    problem = edit.findChild(QLabel, "field_error")
    assert problem is not None and "at least 8 characters" in problem.text()
    assert edit.errors._marked == [edit.password]  # shown under the field it names
    assert edit.isVisible()
    edit.password.clear()
    qtbot.keyClicks(edit.password, "a-long-enough-passphrase")
    with qtbot.waitSignal(edit.accepted, timeout=10000):
        edit.save()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == len(names) + 1, timeout=10000)
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.row_at(r).id == "dana")
    select_row(dialog.table, row)
    assert dialog.toggle.isEnabled() and dialog.toggle.text() == "&Disable"
    qtbot.mouseClick(dialog.toggle, Qt.MouseButton.LeftButton)

    def dana_disabled() -> bool:
        return (
            count(
                desk_app,
                select(func.count())
                .select_from(StaffUser)
                .where(StaffUser.username == "dana", StaffUser.active.is_(False)),
            )
            == 1
        )

    qtbot.waitUntil(dana_disabled, timeout=10000)
    assert not boxes


def test_admin_renames_a_school(qtbot, desk_app, boxes, qtmodeltester):
    win = signed_in(desk_app, "admin")
    dialog = win.schools_admin()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10000)
    qtmodeltester.check(dialog.model)
    codes = [dialog.model.row_at(r).id for r in range(3)]
    assert codes == ["LINC", "ROOS", "WASH"]
    assert all(dialog.model.row_at(r).students > 0 for r in range(3))
    select_row(dialog.table, codes.index("ROOS"))
    dialog.rename("Eleanor Roosevelt High School")
    qtbot.waitUntil(
        lambda: (
            dialog.model.row_at(1) is not None
            and dialog.model.row_at(1).name == "Eleanor Roosevelt High School"
        ),
        timeout=10000,
    )
    with db.unit_of_work(desk_app.desk.factory) as s:
        assert s.get(School, "ROOS").name == "Eleanor Roosevelt High School"
    assert not boxes


def test_only_an_admin_sees_the_admin_menu(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "approver")
    assert not win.admin_menu.menuAction().isVisible()
