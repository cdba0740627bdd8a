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
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from staffdesk.ui.screen import grow_for_wrapped_text

if TYPE_CHECKING:
    from staffdesk.ui.app import DeskApp
    from staffdesk.ui.main_window import MainWindow
    from staffdesk.ui.models import PagedModel

W = TypeVar("W", bound=QWidget)


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


SCREEN = QSize(1093, 614)  # 1366×768 at 125%: the front desks' common screen, in logical pixels


def at_screen(widget: QWidget, wanted: QSize | None = None) -> None:
    """The main window fills the screen; a dialog keeps the size it asks for, within it."""
    if isinstance(widget, QMainWindow):
        widget.resize(SCREEN)
    else:
        size = widget.sizeHint().expandedTo(wanted or widget.size())
        widget.resize(size.boundedTo(SCREEN))
        grow_for_wrapped_text(widget, SCREEN)


def grab(widget: QWidget, path: Path, wanted: QSize | None = None) -> None:
    at_screen(widget, wanted)
    settle()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def add_history(url: str) -> None:
    """An issued slip whose parent linked a portal account (the card's Portal access column
    and links list), on the demo student 1000013."""
    from staffdesk.services import demo, portal, queries, staff, storage
    from staffdesk.services import requests as req_svc

    engine, factory = storage.connect(url)
    with storage.unit_of_work(factory) as s:
        clerk = staff.authenticate(s, "clerk", demo.DEMO_PASSWORD)
        card = queries.student_card(s, clerk, "1000013")
        rid = next(h.id for h in card.history if h.kind == "request" and h.what == "approved")
        issued = req_svc.issue_passcodes(s, clerk, [rid])
    student = issued.slip.students[0]
    with storage.unit_of_work(factory) as s:
        portal.link(
            s,
            permanent_id=student.permanent_id,
            phone=student.phone_display,
            vpc=student.vpc_grouped,
            account_email="parent.1000013@example.org",
            contact_name=issued.slip.guardian_name,
        )
    engine.dispose()


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
    """`screenshots DIR [--lang es]`: every screen at 1093×614, in the interface language."""
    from staffdesk.ui.app import DeskApp, apply_style, install_translations, make_app

    args = list(argv)
    lang = "en"
    if "--lang" in args:
        at = args.index("--lang")
        lang = args[at + 1]
        del args[at : at + 2]
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    install_translations(app, lang)
    apply_style(app)
    with tempfile.TemporaryDirectory() as tmp:
        url = make_demo_db(Path(tmp))
        add_history(url)
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


def _newest(win: MainWindow, kind: type[W]) -> W:
    wait_until(lambda: any(isinstance(d, kind) and d.isVisible() for d in win.dialogs))
    return next(d for d in reversed(win.dialogs) if isinstance(d, kind))


def shoot_all(desk_app: DeskApp, out: Path) -> None:
    from staffdesk.domain.workflow import Action
    from staffdesk.services.demo import DEMO_PASSWORD
    from staffdesk.ui.countersign import CountersignDialog
    from staffdesk.ui.idcheck import IdentityCheckDialog
    from staffdesk.ui.intake import AccessFormDialog
    from staffdesk.ui.issue import IssueDialog
    from staffdesk.ui.queue import DecisionDialog

    sign_in_as(desk_app, "clerk")
    win = desk_app.window
    win.resize(SCREEN)
    front = win.front
    front.search.setText("nu")
    front.run_search()
    wait_until(lambda: front.search_model.rowCount() > 0)
    front.permanent_id.setText("1000013")
    front.load_card("1000013")  # issued, and the parent linked a portal account
    wait_until(lambda: front.card is not None)
    grab(win, out / "frontdesk.png")

    # a lost slip: the new form prefilled from the last one
    front.lost_slip()
    lost = _newest(win, AccessFormDialog)
    grab(lost, out / "lost_slip.png")
    lost.done(0)  # closed without asking: a screenshot, not a clerk
    wait_until(lambda: lost not in win.dialogs or not lost.isVisible())

    # Not found: the card is emptied, nothing to act on
    front.permanent_id.setText("9999999")
    front.load_card("9999999")
    wait_until(lambda: front.card is None and bool(front.student_facts.text()))
    grab(win, out / "frontdesk_not_found.png")

    # a new form, with one mistake shown inline
    front.load_card("1000006")
    wait_until(lambda: front.card is not None)
    form = win.new_form()
    assert form is not None
    form.set_text("guardian_name", "Ana Pérez")
    form.set_text("address", "48 Bay Street, Bayside, CA")
    form.set_text("email", "ana.perez@example")
    form.paper_form_signed.setChecked(True)
    form.submit()
    wait_until(lambda: bool(form.errors._labels))
    settle()  # let the form grow around the message first
    grab(form, out / "new_form.png")
    form.set_text("email", "ana.perez@example.org")
    form.submit()
    ident = _newest(win, IdentityCheckDialog)
    ident.last4.setText("4821")
    grab(ident, out / "identity_check.png")
    ident.kinds[next(iter(ident.kinds))].setChecked(True)
    ident.submit()
    wait_until(lambda: ident not in win.dialogs or not ident.isVisible())
    wait_until(
        lambda: (
            front.card is not None
            and any(h.what == "verified" for h in front.card.history if h.kind == "request")
        )
    )

    # the approver comes to the counter: countersign, then the slip
    front.approve()
    sign = _newest(win, CountersignDialog)
    sign.reason.setPlainText(
        QApplication.translate(
            "Screenshots", "Aunt with a custody letter; the school called the mother."
        )
    )
    sign.username.setText("approver")
    sign.password.setText("••••••••")
    grab(sign, out / "countersign.png")
    sign.password.setText(DEMO_PASSWORD)
    sign.submit()
    issue = _newest(win, IssueDialog)
    wait_until(lambda: issue.context is not None)
    issue.issue()
    wait_until(lambda: issue.rendered is not None, 60)
    grab(issue, out / "issue_print.png", QSize(980, 760))
    issue.delivered.add("screenshot")
    issue.close()

    # the approver's own desk: the badge, the queue
    win.sign_out()
    sign_in_as(desk_app, "approver")
    win.resize(SCREEN)
    wait_until(lambda: win.badge.count > 0)
    win.show_queue()
    wait_until(lambda: win.queue.model.rowCount() > 0)
    model = win.queue.model
    verified = next(i for i in range(model.rowCount()) if _status(model, i) == "verified")
    win.queue.table.selectRow(verified)
    wait_until(lambda: win.queue.ctx is not None and win.queue.ctx.request.status == "verified")
    grab(win, out / "approval_queue.png")
    dialog = win.queue.decide(Action.APPROVE)
    assert isinstance(dialog, DecisionDialog)  # the approver signed in: no countersign
    grab(dialog, out / "approve.png")
    dialog.reject()

    win.sign_out()
    sign_in_as(desk_app, "admin")
    win.resize(SCREEN)
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
    board = win.codes_dashboard()
    wait_until(lambda: getattr(board, "dashboard", None) is not None)
    grab(board, out / "codes_dashboard.png")
    board.close()
    batch = win.batch_print()
    settle(400)
    grab(batch, out / "batch_print.png")
    batch.close()
    win.lock(
        QApplication.translate("MainWindow", "Locked after {0} minutes without use.").format(15)
    )
    grab(win, out / "locked.png")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
