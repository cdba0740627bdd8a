"""Render each main screen with demo data to PNG: `python -m staffdesk.ui.screenshots DIR`.

Runs offscreen on a throw-away demo database; waits on the real worker with a local event loop
(this is a tool, not the app: the app itself never spins an event loop of its own).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

if TYPE_CHECKING:
    from staffdesk.ui.app import DeskApp
    from staffdesk.ui.models import PagedModel


def wait_until(cond: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready in time")
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def make_demo_db(folder: Path) -> str:
    from staffdesk.services import demo, storage

    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    engine, factory = storage.open_store(url)
    with storage.unit_of_work(factory) as s:
        demo.load_demo(s)
    engine.dispose()
    return url


def sign_in_as(desk_app: DeskApp, username: str) -> None:
    from staffdesk.services import demo, queries, staff
    from staffdesk.services.storage import unit_of_work

    app = desk_app  # DeskApp
    with unit_of_work(app.desk.factory) as s:
        actor = staff.authenticate(s, username, demo.DEMO_PASSWORD)
        schools = queries.list_schools(s, actor)
    app.desk.actor = actor
    app.desk.schools = {x.code: x.name for x in schools}
    app.desk.school = ""
    app.window.show()
    app.window.start_session()


def main(argv: list[str]) -> int:
    from staffdesk.ui.app import DeskApp, apply_style, install_translations, make_app

    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    install_translations(app)
    apply_style(app)
    with tempfile.TemporaryDirectory() as tmp:
        url = make_demo_db(Path(tmp))
        desk_app = DeskApp(url, demo=True)
        desk_app.show_sign_in()
        desk_app.prepare()
        signin = desk_app.sign_in
        assert signin is not None
        wait_until(lambda: desk_app.ready)
        signin.password.setText("••••••••")
        grab(signin, out / "signin.png")
        signin.close()
        shoot_all(desk_app, out)
        for w in QApplication.topLevelWidgets():
            w.hide()
        desk_app.shutdown()
    return 0


def _status(model: PagedModel, row: int) -> str:
    return str(getattr(model.row_at(row), "status", ""))


def shoot_all(desk_app: DeskApp, out: Path) -> None:
    from staffdesk.domain.workflow import Action
    from staffdesk.ui.intake import IdentityCheckDialog
    from staffdesk.ui.queue import DecisionDialog

    sign_in_as(desk_app, "clerk")
    win = desk_app.window
    front = win.front
    front.search.setText("nu")
    front.run_search()
    wait_until(lambda: front.search_model.rowCount() > 0)
    front.load_card("1000006")
    wait_until(lambda: front.card is not None)
    grab(win, out / "frontdesk.png")

    # a new form, with one mistake shown inline
    form = win.new_form()
    assert form is not None
    form.set_text("guardian_name", "Ana Pérez")
    form.set_text("address", "48 Bay Street, Bayside, CA")
    form.set_text("email", "ana.perez@example")
    form.submit()
    wait_until(lambda: bool(form.errors._labels))
    settle()  # let the form grow around the message first
    grab(form, out / "new_form.png")
    form.set_text("email", "ana.perez@example.org")
    form.submit()
    wait_until(
        lambda: any(isinstance(d, IdentityCheckDialog) and d.isVisible() for d in win.dialogs)
    )
    ident = next(d for d in win.dialogs if isinstance(d, IdentityCheckDialog))
    ident.last4.setText("4821")
    grab(ident, out / "identity_check.png")
    ident.submit()
    wait_until(lambda: ident not in win.dialogs)

    # the approver's queue
    win.sign_out()
    sign_in_as(desk_app, "approver")
    win.show_queue()
    wait_until(lambda: win.queue.model.rowCount() > 0)
    win.queue.table.selectRow(0)
    wait_until(lambda: win.queue.ctx is not None)
    grab(win, out / "approval_queue.png")
    # approve a verified one
    model = win.queue.model
    verified = next(i for i in range(model.rowCount()) if _status(model, i) == "verified")
    win.queue.table.selectRow(verified)
    wait_until(lambda: win.queue.ctx is not None and win.queue.ctx.request.status == "verified")
    dialog = win.queue.decide(Action.APPROVE)
    assert isinstance(dialog, DecisionDialog)  # the approver signed in: no countersign
    grab(dialog, out / "approve.png")
    dialog.submit()
    wait_until(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())

    # issue and preview
    approved = win.queue.model
    wait_until(lambda: approved.rowCount() > 0 and not approved.loading)
    rid = next(
        str(getattr(approved.row_at(i), "id", ""))
        for i in range(approved.rowCount())
        if _status(approved, i) == "approved"
    )
    issue = win.open_issue(rid)
    wait_until(lambda: issue.context is not None)
    issue.issue()
    wait_until(lambda: issue.rendered is not None, 60)
    grab(issue, out / "issue_print.png")
    issue.delivered.add("screenshot")
    issue.close()

    win.show_audit()
    wait_until(lambda: win.audit is not None and win.audit.model.rowCount() > 0)
    win.sign_out()
    sign_in_as(desk_app, "admin")
    win.show_audit()
    audit = win.audit
    assert audit is not None
    wait_until(lambda: audit.model.rowCount() > 0 and not audit.model.loading)
    grab(win, out / "audit.png")
    settings = win.settings()
    wait_until(lambda: getattr(settings, "loaded", True))
    grab(settings, out / "settings.png")
    settings.close()
    staff_dialog = win.staff_admin()
    wait_until(lambda: staff_dialog.model.rowCount() > 0)
    grab(staff_dialog, out / "staff_admin.png")
    staff_dialog.close()
    batch = win.batch_print()
    settle(400)
    grab(batch, out / "batch_print.png")
    batch.close()
    win.lock(
        QApplication.translate("MainWindow", "Locked after {0} minutes without use.").format(15)
    )
    grab(win, out / "locked.png")
    _ = QLabel


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
