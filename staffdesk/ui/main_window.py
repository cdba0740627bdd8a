"""The front-desk window: menus with shortcuts, the pages, the status bar and the idle lock."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from staffdesk.domain.errors import AuthenticationFailed
from staffdesk.domain.workflow import Action, Role
from staffdesk.services import queries
from staffdesk.services import requests as req_svc
from staffdesk.ui import counter, operations, prefs, states
from staffdesk.ui.badge import ApproverBadge
from staffdesk.ui.base import Desk, DeskEvents
from staffdesk.ui.errors import show_error
from staffdesk.ui.forms import child, load_form
from staffdesk.ui.frontdesk import FrontDesk
from staffdesk.ui.idcheck import IdentityCheckDialog
from staffdesk.ui.idle import IdleWatcher
from staffdesk.ui.intake import AccessFormDialog
from staffdesk.ui.issue import IssueDialog
from staffdesk.ui.queue import ApprovalQueue
from staffdesk.ui.screen import fit_to_screen

if TYPE_CHECKING:  # these load when first needed
    from staffdesk.ui.admin import SchoolsDialog, StaffDialog
    from staffdesk.ui.audit_view import AuditView
    from staffdesk.ui.batch import BatchPrintDialog
    from staffdesk.ui.codes import CodesDashboard
    from staffdesk.ui.settings_dialog import SettingsDialog

D = TypeVar("D", bound=QWidget)

log = logging.getLogger("staffdesk.ui")


class MainWindow(QMainWindow):
    """Signals: signed_out() — the user signed out; the app shows the sign-in again."""

    signed_out = Signal()

    PAGE_LOCK, PAGE_DESK, PAGE_QUEUE, PAGE_AUDIT = range(4)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.events = DeskEvents(self)
        self.setWindowTitle(self.tr("StaffDesk") + (self.tr(" — DEMO") if desk.demo else ""))
        self.setAccessibleName(self.tr("StaffDesk front desk"))
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.lock_page = QWidget()
        self.lock_ui = load_form("lock", self.lock_page)
        self.lock_page.setObjectName("lock_page")
        self.front = FrontDesk(desk)
        self.queue = ApprovalQueue(desk)
        self.audit: AuditView | None = None
        self.stack.addWidget(self.lock_page)
        self.stack.addWidget(self.front)
        self.stack.addWidget(self.queue)
        self._audit_placeholder = QLabel(self.tr("Audit log"))
        self.stack.addWidget(self._audit_placeholder)
        self.locked = False
        self.lock_reason = ""
        self.signed_in_at = time.monotonic()
        self._hidden_dialogs: list[QWidget] = []
        self.dialogs: list[QWidget] = []
        self.menu_actions: dict[str, QAction] = {}
        self._build_menus()
        self._build_status()
        self._connect()
        self.idle = IdleWatcher(prefs.idle_minutes(), self)
        self.idle.idle.connect(
            lambda: self.lock(
                self.tr("Locked after {0} minutes without use.").format(prefs.idle_minutes())
            )
        )
        self.reauth = QTimer(self)
        self.reauth.setInterval(60_000)
        self.reauth.timeout.connect(self._check_reauth)
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(30_000)
        self.status_timer.timeout.connect(self.refresh_status)
        fit_to_screen(self, QSize(1200, 760))

    # ------------------------------------------------------------------ construction
    def _act(
        self,
        key: str,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence = "",
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        seq = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = tip or text.replace("&", "").rstrip("…")
        action.setToolTip(f"{tip} ({seq})" if seq else tip)
        action.setStatusTip(action.toolTip())
        action.triggered.connect(lambda _checked=False: slot())
        self.menu_actions[key] = action
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self._act("new_form", self.tr("&New access form…"), self.new_form, "F2"))
        m.addAction(self._act("lost_slip", self.tr("&Lost slip…"), self.front.lost_slip, "F7"))
        m.addSeparator()
        m.addAction(self._act("switch_school", self.tr("S&witch school…"), self.switch_school))
        m.addAction(
            self._act(
                "lock",
                self.tr("&Lock"),
                lambda: self.lock(self.tr("Locked by {0}.").format(self.desk.me().display_name)),
                "Ctrl+L",
            )
        )
        m.addAction(self._act("sign_out", self.tr("Sign &out"), self.sign_out, "Ctrl+Shift+L"))
        m.addAction(self._act("quit", self.tr("&Quit"), self.close, "Ctrl+Q"))
        m = bar.addMenu(self.tr("&Find"))
        m.addAction(
            self._act("find_name", self.tr("Find student by &name"), self.find_name, "Ctrl+F")
        )
        m.addAction(
            self._act("find_pid", self.tr("Find by &Permanent ID"), self.find_pid, "Ctrl+I")
        )
        m = bar.addMenu(self.tr("&Go"))
        m.addAction(self._act("go_desk", self.tr("&Front desk"), self.show_desk, "F3"))
        m.addAction(self._act("go_queue", self.tr("&Approval queue"), self.show_queue, "F4"))
        m.addAction(self._act("go_audit", self.tr("A&udit log"), self.show_audit, "F9"))
        m.addAction(self._act("refresh", self.tr("&Refresh"), self.refresh, "F5"))
        m = bar.addMenu(self.tr("&Request"))
        m.addAction(self._act("check_id", self.tr("Check &ID…"), self.check_id, "F6"))
        m.addAction(
            self._act(
                "approve",
                self.tr("&Approve…"),
                lambda: self._decide(Action.APPROVE),
                "Ctrl+Shift+A",
            )
        )
        m.addAction(
            self._act(
                "reject", self.tr("Re&ject…"), lambda: self._decide(Action.REJECT), "Ctrl+Shift+R"
            )
        )
        m.addAction(self._act("issue", self.tr("Issue && &print…"), self.issue, "F8"))
        m.addAction(
            self._act(
                "reissue",
                self.tr("Re&issue passcode…"),
                lambda: self.queue.issue(True),
                "Ctrl+Shift+I",
            )
        )
        m.addAction(
            self._act(
                "revoke",
                self.tr("Re&voke passcode…"),
                lambda: self._decide(Action.REVOKE),
                "Ctrl+Shift+V",
            )
        )
        m.addSeparator()
        m.addAction(
            self._act(
                "batch", self.tr("&Batch print a school's slips…"), self.batch_print, "Ctrl+Shift+P"
            )
        )
        m.addAction(
            self._act("codes", self.tr("Codes &dashboard…"), self.codes_dashboard, "Ctrl+Shift+D")
        )
        self.admin_menu = bar.addMenu(self.tr("&Admin"))
        self.admin_menu.addAction(
            self._act("settings", self.tr("&Settings…"), self.settings, "Ctrl+,")
        )
        self.admin_menu.addAction(
            self._act("staff", self.tr("S&taff accounts…"), self.staff_admin, "Ctrl+Shift+S")
        )
        self.admin_menu.addAction(
            self._act("schools", self.tr("Sc&hools…"), self.schools_admin, "Ctrl+Shift+H")
        )
        m = bar.addMenu(self.tr("&Help"))
        m.addAction(self._act("keys", self.tr("&Keyboard shortcuts"), self.show_keys, "F1"))

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel()
        self.user_label.setAccessibleName(self.tr("Signed-in staff member"))
        self.sync_label = QLabel(self.tr("Standalone"))
        self.sync_label.setAccessibleName(self.tr("Sync status"))
        self.busy_label = QLabel()
        self.busy_label.setAccessibleName(self.tr("Working indicator"))
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.user_label)
        self.desk.worker.busy_changed.connect(
            lambda busy: self.busy_label.setText(self.tr("Working…") if busy else "")
        )
        self.badge = ApproverBadge(self.desk, self)
        self.menuBar().setCornerWidget(self.badge, Qt.Corner.TopRightCorner)

    def _connect(self) -> None:
        self.front.new_form_requested.connect(self.new_form)
        self.front.check_id_requested.connect(self.check_id_for)
        self.front.issue_requested.connect(lambda rid: self.open_issue(rid, False))
        self.front.lost_slip_requested.connect(self.lost_slip)
        self.front.approve_requested.connect(lambda rid: counter.approve_here(self, rid))
        self.badge.clicked.connect(self.show_queue)
        self.events.request_changed.connect(lambda _rid: self.badge.refresh())
        self.queue.check_id_requested.connect(self.open_identity)
        self.queue.issue_requested.connect(self.open_issue)
        self.queue.request_changed.connect(self.events.request_changed)
        self.events.request_changed.connect(lambda _rid: self.front.reload_card())
        password = child(self.lock_ui, QLineEdit, "password")
        password.returnPressed.connect(self.unlock)
        child(self.lock_ui, QPushButton, "unlock").clicked.connect(self.unlock)
        child(self.lock_ui, QPushButton, "sign_out").clicked.connect(self.sign_out)

    # ------------------------------------------------------------------ session
    def start_session(self) -> None:
        actor = self.desk.me()
        self.signed_in_at = time.monotonic()
        self._show_user()
        self.admin_menu.menuAction().setVisible(actor.role is Role.ADMIN)
        for key in ("reject", "reissue", "revoke", "batch"):  # a clerk approves by countersign
            self.menu_actions[key].setEnabled(actor.role is not Role.CLERK)
        self.queue.set_schools()
        self.locked = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.idle.set_minutes(prefs.idle_minutes())
        self.reauth.start()
        self.status_timer.start()
        self.refresh_status()
        self.badge.start()
        self.show_desk()
        self.front.focus_permanent_id()

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): what the window composes itself."""
        if self.desk.actor is not None:
            self._show_user()
            self.badge.refresh()

    def _show_user(self) -> None:
        actor = self.desk.me()
        school = self.desk.school or self.tr("all my schools")
        role = states.role(actor.role.value)
        self.user_label.setText(f"{actor.display_name} ({role}) · {school}")

    def switch_school(self) -> None:
        counter.switch_school(self)

    def school_switched(self) -> None:
        self._show_user()
        self.queue.set_schools()
        self.front.clear()
        self.badge.refresh()
        self.show_desk()
        self.front.focus_permanent_id()

    def sign_out(self) -> None:
        for dialog in self._hidden_dialogs + self.dialogs:
            dialog.deleteLater()
        self._hidden_dialogs.clear()
        self.dialogs.clear()
        self.front.clear()
        if self.audit is not None:
            self.audit.clear()
        self.statusBar().clearMessage()
        self.desk.actor = None
        self.locked = False
        self.stop_timers()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.stack.setCurrentIndex(self.PAGE_LOCK)
        self.hide()
        self.signed_out.emit()

    def stop_timers(self) -> None:
        """The session's timers (re-authentication, the 30-second sync round, the approver
        badge): stopped at sign-out and when the desk shuts down, so no round runs after it."""
        self.reauth.stop()
        self.status_timer.stop()
        self.badge.stop()

    def refresh_status(self) -> None:
        """Every 30 s while signed in: a sync round when a shared database is configured
        (in the background; the desk keeps working), then the status bar."""
        url = self.desk.url
        factory = self.desk.worker.factory
        if factory is not None and self.desk.actor is not None:
            schools = None if self.desk.actor.is_admin else self.desk.actor.schools
            operations.sync_round(url, factory, schools).success(
                lambda ran: self._show_status(url) if ran else None  # standalone: nothing new
            ).failure(self._sync_failed).run(self.desk, owner=self)
        self._show_status(url)

    def _sync_failed(self, exc: BaseException) -> None:
        """The round could not start (e.g. no password in the keyring): say why on hover."""
        from staffdesk.ui.errors import describe

        self.sync_label.setText(self.tr("Offline"))
        self.sync_label.setToolTip(describe(exc).text)

    def _show_status(self, url: str) -> None:
        def show(parts: tuple[str, str]) -> None:
            self.sync_label.setText(parts[0])
            self.sync_label.setToolTip(parts[1])

        operations.sync_status(url).success(show).failure(
            lambda exc: self.sync_label.setText(self.tr("Offline"))
        ).run(self.desk, owner=self)

    # ------------------------------------------------------------------ lock
    def lock(self, reason: str) -> None:
        if self.desk.actor is None or self.locked:
            return
        self.locked = True
        self.lock_reason = reason
        self._page_before_lock = self.stack.currentIndex()
        for w in QApplication.topLevelWidgets():
            if w is not self and w.isVisible() and w.isWindow():
                w.hide()
                self._hidden_dialogs.append(w)
        child(self.lock_ui, QLabel, "reason").setText(
            reason
            + "\n"
            + self.tr("{0}, enter your password to continue.").format(self.desk.me().display_name)
        )
        child(self.lock_ui, QLabel, "message").setText("")
        self.stack.setCurrentIndex(self.PAGE_LOCK)
        self.badge.stop()
        self.menuBar().setEnabled(False)
        for action in self.menu_actions.values():
            action.setEnabled(False)
        password = child(self.lock_ui, QLineEdit, "password")
        password.clear()
        password.setFocus()

    def unlock(self) -> None:
        password = child(self.lock_ui, QLineEdit, "password")
        secret, username = password.text(), self.desk.me().username
        password.clear()
        if not secret:
            return

        operations.unlock(username, secret).success(lambda _a: self._unlocked()).failure(
            self._unlock_failed
        ).run(self.desk, owner=self)

    def _unlocked(self) -> None:
        self.locked = False
        self.signed_in_at = time.monotonic()
        self.menuBar().setEnabled(True)
        for action in self.menu_actions.values():
            action.setEnabled(True)
        self.start_session_actions()
        self.badge.start()
        self.stack.setCurrentIndex(getattr(self, "_page_before_lock", self.PAGE_DESK))
        for w in self._hidden_dialogs:
            w.show()
        self._hidden_dialogs.clear()

    def start_session_actions(self) -> None:
        actor = self.desk.me()
        for key in ("reject", "reissue", "revoke", "batch"):  # a clerk approves by countersign
            self.menu_actions[key].setEnabled(actor.role is not Role.CLERK)

    def _unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AuthenticationFailed):
            child(self.lock_ui, QLabel, "message").setText(self.tr("Wrong password."))
        else:
            show_error(self, exc)

    def _check_reauth(self) -> None:
        hours = prefs.reauth_hours()
        if time.monotonic() - self.signed_in_at >= hours * 3600:
            self.lock(
                self.tr("Signed in for {0} hours: please confirm it is still you.").format(hours)
            )

    # ------------------------------------------------------------------ pages
    def show_desk(self) -> None:
        if not self.locked:
            self.stack.setCurrentIndex(self.PAGE_DESK)

    def show_queue(self) -> None:
        if self.locked:
            return
        self.stack.setCurrentIndex(self.PAGE_QUEUE)
        self.queue.refresh()
        self.queue.table.setFocus()

    def show_audit(self) -> None:
        if self.locked:
            return
        if self.audit is None:
            from staffdesk.ui.audit_view import AuditView

            self.audit = AuditView(self.desk)
            self.stack.removeWidget(self._audit_placeholder)
            self._audit_placeholder.deleteLater()
            self.stack.insertWidget(self.PAGE_AUDIT, self.audit)
        self.stack.setCurrentIndex(self.PAGE_AUDIT)
        self.audit.refresh()

    def refresh(self) -> None:
        page = self.stack.currentIndex()
        if page == self.PAGE_QUEUE:
            self.queue.refresh()
        elif page == self.PAGE_DESK:
            self.front.reload_card()
        elif page == self.PAGE_AUDIT and self.audit is not None:
            self.audit.refresh()
        self.refresh_status()

    def find_name(self) -> None:
        self.show_desk()
        self.front.focus_search()

    def find_pid(self) -> None:
        self.show_desk()
        self.front.focus_permanent_id()

    # ------------------------------------------------------------------ dialogs
    def keep_dialog(self, dialog: D) -> D:
        return self._keep(dialog)

    def _keep(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(dialog)
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget(d))
        return dialog

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def new_form(self, card: queries.StudentCard | None = None) -> AccessFormDialog | None:
        if self.locked:
            return None
        card = card if card is not None else self.front.card
        dialog = AccessFormDialog(self.desk, card, self)
        dialog.recorded.connect(self._recorded)
        self._keep(dialog).open()
        return dialog

    def lost_slip(self, card: queries.StudentCard) -> None:
        if not self.locked:
            counter.start_lost_slip(self, card)

    def _recorded(self, result: req_svc.Recorded) -> None:
        self.events.request_changed.emit(result.request.id)
        self.statusBar().showMessage(self.tr("Form recorded. Now check the parent's ID."), 8000)
        self.open_identity(result.request, result.warnings)

    def check_id(self) -> None:
        if self.stack.currentIndex() == self.PAGE_QUEUE:
            self.queue.check_id()
        else:
            self.front.check_id()

    def check_id_for(self, request_id: str) -> None:
        actor = self.desk.me()
        operations.get_request(actor, request_id).success(self.open_identity).failure(
            lambda exc: show_error(self, exc)
        ).run(self.desk, owner=self)

    def open_identity(
        self, view: req_svc.RequestView, warnings: tuple[str, ...] = ()
    ) -> IdentityCheckDialog:
        dialog = IdentityCheckDialog(self.desk, view, warnings, self)
        dialog.verified.connect(self._verified)
        self._keep(dialog).open()
        return dialog

    def _verified(self, view: req_svc.RequestView) -> None:
        self.events.request_changed.emit(view.id)
        self.queue.refresh() if self.stack.currentIndex() == self.PAGE_QUEUE else None
        self.statusBar().showMessage(
            self.tr(
                "ID check recorded for {0}. Next: approval here (Ctrl+Shift+A) or in the "
                "queue (F4)."
            ).format(view.guardian_name),
            10000,
        )

    def _decide(self, action: Action) -> None:
        if action is Action.APPROVE and self.stack.currentIndex() == self.PAGE_DESK:
            self.front.approve()  # at the counter: approve or countersign the card's request
            return
        if self.stack.currentIndex() != self.PAGE_QUEUE:
            self.show_queue()
            return
        self.queue.decide(action)

    def issue(self) -> None:
        if self.stack.currentIndex() == self.PAGE_QUEUE:
            self.queue.issue(False)
        else:
            self.front.issue()

    def open_issue(self, request_id: str, reissue: bool = False) -> IssueDialog:
        dialog = IssueDialog(self.desk, request_id, reissue=reissue, parent=self)
        dialog.issued_signal.connect(self._requests_changed)
        dialog.issued_signal.connect(lambda _ids: self.queue.refresh())
        self._keep(dialog).open()
        return dialog

    def _requests_changed(self, ids: Iterable[str]) -> None:
        for request_id in ids:
            self.events.request_changed.emit(request_id)

    def batch_print(self) -> BatchPrintDialog:
        from staffdesk.ui.batch import BatchPrintDialog

        dialog = BatchPrintDialog(self.desk, self)
        self._keep(dialog).open()
        return dialog

    def codes_dashboard(self) -> CodesDashboard:
        from staffdesk.ui.codes import CodesDashboard

        dialog = CodesDashboard(self.desk, self)
        dialog.changed.connect(self._requests_changed)
        self._keep(dialog).show()
        return dialog

    def settings(self) -> SettingsDialog:
        from staffdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.desk, self)
        dialog.idle_changed.connect(self.idle.set_minutes)
        self._keep(dialog).open()
        return dialog

    def staff_admin(self) -> StaffDialog:
        from staffdesk.ui.admin import StaffDialog

        dialog = StaffDialog(self.desk, self)
        self._keep(dialog).open()
        return dialog

    def schools_admin(self) -> SchoolsDialog:
        from staffdesk.ui.admin import SchoolsDialog

        dialog = SchoolsDialog(self.desk, self)
        self._keep(dialog).open()
        return dialog

    def show_keys(self) -> None:
        lines = []
        for action in self.menu_actions.values():
            seq = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if seq:
                lines.append(
                    f"{seq}\t{action.text().replace('&&', '§').replace('&', '')}".replace("§", "&")
                )
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "\n".join(lines))

    def closeEvent(self, event: QCloseEvent) -> None:
        for dialog in list(self.dialogs):
            if not dialog.close():
                event.ignore()
                return
        event.accept()
