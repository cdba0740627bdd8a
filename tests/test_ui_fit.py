"""Every window and dialog fits a common front-desk screen: 1366×768 at 125% scaling is about
1093×614 logical pixels. Each one is laid out at that size (or its own, when smaller): its
minimum size fits, every button lies inside the visible area (or inside a scroll area's
content, reachable by scrolling), and no table column is cut off behind a scroll bar."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QTableView,
    QWidget,
)
from sqlalchemy import select

from staffdesk.domain.workflow import Action
from staffdesk.store import db
from staffdesk.store.models import AccessRequest
from tests.ui_helpers import QT_NOISE, signed_in

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)

SCREEN = QSize(1093, 614)


def _inside_scroll_content(widget: QWidget, top: QWidget) -> QWidget | None:
    """The scroll area content widget holding `widget`, if any (reachable by scrolling)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if grand is not None and isinstance(grand.parentWidget(), QScrollArea):
            return parent
        parent = grand
    return None


def misfits(window: QWidget) -> list[str]:
    """What does not fit when `window` is laid out at the screen size."""
    problems: list[str] = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > SCREEN.width() or minimum.height() > SCREEN.height():
        problems.append(f"minimum size {minimum.width()}×{minimum.height()}")
    window.resize(window.size().expandedTo(window.sizeHint()).boundedTo(SCREEN))
    if window.layout() is not None:
        window.layout().activate()
    QTest.qWait(30)  # let queued layout and column fitting run
    area = window.rect()
    if area.width() > SCREEN.width() or area.height() > SCREEN.height():
        problems.append(f"laid out at {area.width()}×{area.height()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        if isinstance(button.parentWidget(), QAbstractScrollArea) or type(button).__name__ in (
            "QTableCornerButton",
        ):
            continue
        content = _inside_scroll_content(button, window)
        frame = content.rect() if content is not None else area
        origin = button.mapTo(content if content is not None else window, QPoint(0, 0))
        rect = QRect(origin, button.size())
        if not frame.contains(rect):
            name = button.objectName() or button.text() or type(button).__name__
            problems.append(f"button {name!r} at {rect.getRect()} outside {frame.getRect()}")
    for field in window.findChildren(QWidget):
        if not isinstance(field, QLineEdit | QComboBox | QAbstractSpinBox) or isinstance(
            field.parentWidget(), QComboBox | QAbstractSpinBox
        ):
            continue  # an editor inside a spin box or combo box is that box's business
        if field.isVisibleTo(window) and field.height() < field.minimumSizeHint().height():
            problems.append(
                f"field {field.objectName()!r} squeezed to {field.height()} px "
                f"(needs {field.minimumSizeHint().height()})"
            )
    tables = window.findChildren(QTableView)
    for table in [window, *tables] if isinstance(window, QTableView) else tables:
        if not table.isVisibleTo(window) or table.model() is None:
            continue
        header = table.horizontalHeader()
        if header.length() > table.viewport().width() + 1:
            problems.append(
                f"table {table.objectName()!r}: columns {header.length()} px in "
                f"{table.viewport().width()} px"
            )
    return problems


def request_id(desk_app: object, pid: str) -> str:
    with db.unit_of_work(desk_app.desk.factory) as s:  # type: ignore[attr-defined]
        rid = s.scalars(select(AccessRequest.id).where(AccessRequest.permanent_id == pid)).first()
    assert rid is not None
    return rid


def wait_for(qtbot: object, cond: Callable[[], bool]) -> None:
    qtbot.waitUntil(cond, timeout=30000)  # type: ignore[attr-defined]


def test_the_main_window_fits_on_every_page(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "admin")
    front = win.front
    front.load_card("1000006")  # restricted contacts, the longest card
    wait_for(qtbot, lambda: front.card is not None)
    front.search.setText("nu")
    front.run_search()
    wait_for(qtbot, lambda: front.search_model.rowCount() > 0)
    assert misfits(win) == []
    assert win.statusBar().geometry().bottom() < SCREEN.height()
    win.show_queue()
    wait_for(qtbot, lambda: win.queue.model.rowCount() > 0)
    win.queue.table.selectRow(0)
    wait_for(qtbot, lambda: win.queue.ctx is not None)
    assert misfits(win) == []
    win.show_audit()
    wait_for(qtbot, lambda: win.audit.model.rowCount() > 0)
    assert misfits(win) == []
    win.lock("Locked for the test.")
    assert misfits(win) == []


def test_the_desk_dialogs_fit(qtbot, desk_app, boxes):
    from staffdesk.ui.countersign import load_countersign

    win = signed_in(desk_app, "admin")
    front = win.front
    front.load_card("1000004")  # verified
    wait_for(qtbot, lambda: front.card is not None)
    form = win.new_form()
    assert form is not None
    form.set_text("email", "not-an-email")
    form.submit()  # with inline errors the form grows: it must still fit
    wait_for(qtbot, lambda: bool(form.errors._labels))
    assert misfits(form) == []
    form.reject()
    from staffdesk.services import requests as req_svc

    with db.unit_of_work(desk_app.desk.factory) as s:
        recorded = req_svc.get_request(s, desk_app.desk.actor, request_id(desk_app, "1000001"))
    ident = win.open_identity(recorded, ("guardian_name: not on the student's contact list",))
    assert misfits(ident) == []
    ident.close()
    opened: list[QWidget] = []
    load_countersign(desk_app.desk, request_id(desk_app, "1000004"), opened.append, win)
    wait_for(qtbot, lambda: bool(opened))
    opened[0].show()
    assert misfits(opened[0]) == []
    opened[0].hide()
    win.show_queue()
    wait_for(qtbot, lambda: win.queue.model.rowCount() > 0)
    model = win.queue.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).status == "verified")
    win.queue.table.selectRow(row)
    wait_for(
        qtbot, lambda: win.queue.ctx is not None and win.queue.ctx.request.status == "verified"
    )
    decision = win.queue.decide(Action.APPROVE)
    assert decision is not None
    assert misfits(decision) == []
    decision.hide()
    issue = win.open_issue(request_id(desk_app, "1000010"))
    wait_for(qtbot, lambda: issue.context is not None)
    assert misfits(issue) == []
    issue.issue()
    wait_for(qtbot, lambda: issue.rendered is not None)
    assert misfits(issue) == []
    # the slip's page is scaled to the preview's width: it reads top to bottom, never sideways
    preview = issue.findChild(QScrollArea, "preview_area")
    QTest.qWait(30)
    assert preview.horizontalScrollBar().maximum() == 0
    assert not preview.horizontalScrollBar().isVisible()
    assert preview.widget().width() <= preview.viewport().width()
    issue.delivered.add("test")
    issue.close()


def test_the_admin_windows_fit(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "admin")
    board = win.codes_dashboard()
    wait_for(qtbot, lambda: getattr(board, "dashboard", None) is not None)
    assert misfits(board) == []
    board.close()
    batch = win.batch_print()
    assert misfits(batch) == []
    batch.close()
    settings = win.settings()
    wait_for(qtbot, lambda: getattr(settings, "loaded", True))
    assert misfits(settings) == []
    settings.close()
    staff_dialog = win.staff_admin()
    wait_for(qtbot, lambda: staff_dialog.model.rowCount() > 0)
    assert misfits(staff_dialog) == []
    edit = staff_dialog.add()
    assert misfits(edit) == []
    edit.close()
    staff_dialog.close()
    schools = win.schools_admin()
    wait_for(qtbot, lambda: schools.model.rowCount() > 0)
    assert misfits(schools) == []
    schools.close()


def test_the_sign_in_fits(qtbot, desk_app, boxes):
    desk_app.show_sign_in()
    dialog = desk_app.sign_in
    qtbot.addWidget(dialog)
    assert misfits(dialog) == []


def test_a_window_that_does_not_fit_is_caught(qtbot):
    """The check itself: a minimum taller than 614 pixels, a button placed below the bottom edge
    and a column cut off behind the scroll bar are each reported."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    tall = QWidget()
    qtbot.addWidget(tall)
    QVBoxLayout(tall).addWidget(QWidget(minimumHeight=700))
    tall.show()
    assert any("minimum size" in p for p in misfits(tall))

    low = QWidget()
    qtbot.addWidget(low)
    low.resize(400, 300)
    QPushButton("Out of reach", low).move(10, 700)
    low.show()
    assert any("Out of reach" in p for p in misfits(low))

    wide = QTableView()
    qtbot.addWidget(wide)
    wide.setObjectName("wide")
    wide.setModel(QStringListModel(["x" * 400]))
    wide.resizeColumnsToContents()
    wide.resize(300, 200)
    wide.show()
    assert any("'wide'" in p for p in misfits(wide))
