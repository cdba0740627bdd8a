"""Sign-in: username and password, then the school to work at when there are several."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from staffdesk.domain.errors import AuthenticationFailed, SignInThrottled, StaffDeskError
from staffdesk.services.context import Actor
from staffdesk.ui import operations, prefs
from staffdesk.ui.base import Desk, FormDialog
from staffdesk.ui.errors import describe, show_error

if TYPE_CHECKING:
    from staffdesk.services.queries import SchoolRow


def _directory_domain() -> str:
    """The directory's domain when this workstation signs staff in through it, else ""."""
    from staffdesk.services import directory

    try:
        site = directory.settings()
    except StaffDeskError:  # a broken site config is reported when someone signs in
        return ""
    return site.domain if site is not None else ""


class SignInDialog(FormDialog):
    """Signals: signed_in(object) — the Actor, after the school (if any) was picked."""

    signed_in = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("signin", self.tr("Sign in — StaffDesk"), parent)
        self.desk = desk
        self.username: QLineEdit = self.w(QLineEdit, "username")
        self.password: QLineEdit = self.w(QLineEdit, "password")
        self.school: QComboBox = self.w(QComboBox, "school")
        self.school_label: QLabel = self.w(QLabel, "school_label")
        self.message: QLabel = self.w(QLabel, "message")
        self.button: QPushButton = self.w(QPushButton, "sign_in")
        self.quit_button: QPushButton = self.w(QPushButton, "quit")
        self._actor: Actor | None = None
        self._ready = False
        self._waiting = False
        self._problem = ""
        self.button.clicked.connect(self.submit)
        self.quit_button.clicked.connect(self.reject)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        note: QLabel = self.w(QLabel, "demo_note")
        if desk.demo:
            from staffdesk.services.demo import DEMO_PASSWORD

            note.setText(
                self.tr(
                    "<b>Demo district</b> — made-up students, nothing real. Sign in as "
                    "<b>clerk</b> (records forms, checks ID, prints slips), <b>approver</b> or "
                    "<b>approver2</b> (approve), or <b>admin</b>. Password for all: <b>{0}</b>"
                ).format(DEMO_PASSWORD)
            )
            note.setObjectName("demo_note")
            note.setVisible(True)
        elif domain := _directory_domain():
            note.setText(
                self.tr(
                    "Sign in with your district account and its password ({0}\\name, or just name)."
                ).format(domain)
            )
            note.setVisible(True)
            self.username.setPlaceholderText(f"{domain}\\name")
        self.username.setText(prefs.get("last_username") or ("clerk" if desk.demo else ""))
        (self.password if self.username.text() else self.username).setFocus()
        self.setMinimumWidth(440)

    def set_ready(self, ready: bool, problem: str = "") -> None:
        """The database is open and up to date (or it is not, and why)."""
        self._ready = ready
        self._problem = problem
        self.button.setEnabled(not problem)
        self.message.setText(problem)
        if ready and self._waiting:
            self._waiting = False
            self.submit()

    def submit(self) -> None:
        if not self._ready:
            if not self._problem:  # typed faster than the database opened: go once it is
                self._waiting = True
                self.message.setText(self.tr("Opening the database…"))
            return
        if self._actor is not None:  # second step: the school was picked
            self.desk.school = str(self.school.currentData() or "")
            prefs.remember_school(self._actor.username, self.desk.school)
            self._finish(self._actor)
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Enter your username and password."))
            (self.username if not username else self.password).setFocus()
            return
        self.button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        operations.sign_in(username, password).success(self._authenticated).failure(
            self._refused
        ).run(self.desk, owner=self)

    def _authenticated(self, result: tuple[Actor, list[SchoolRow]]) -> None:
        actor, schools = result
        self.button.setEnabled(True)
        self.password.clear()
        self.desk.schools = {s.code: s.name for s in schools}
        prefs.put("last_username", actor.username)
        if len(schools) <= 1:
            self.desk.school = schools[0].code if schools and not actor.is_admin else ""
            self._finish(actor)
            return
        remembered = prefs.last_school(actor.username)
        if remembered is not None and (remembered == "" or remembered in self.desk.schools):
            # the school picked last time is still one of theirs: no picker (File › Switch school)
            self.desk.school = remembered
            self._finish(actor)
            return
        self._actor = actor
        self.school.clear()
        self.school.addItem(self.tr("All my schools"), "")
        for s in schools:
            self.school.addItem(f"{s.code} — {s.name}", s.code)
        self.school.setCurrentIndex(max(0, self.school.findData(prefs.default_school())))
        self.school_label.setVisible(True)
        self.school.setVisible(True)
        self.username.setEnabled(False)
        self.password.setEnabled(False)
        self.button.setText(self.tr("&Continue"))
        self.message.setText(
            self.tr("Welcome, {0}. Pick the school you are working at.").format(actor.display_name)
        )
        self.school.setFocus()

    def _refused(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        if isinstance(exc, SignInThrottled):
            self.message.setText(
                self.tr("Too many failed sign-ins here. Try again in {0} minutes.").format(
                    exc.minutes
                )
            )
            self.password.clear()
        elif isinstance(exc, AuthenticationFailed):
            self.message.setText(self.tr("Wrong username or password, or the account is disabled."))
            self.password.selectAll()
            self.password.setFocus()
        elif isinstance(exc, StaffDeskError):
            self.message.setText(describe(exc).text)
        else:
            self.message.setText("")
            show_error(self, exc)

    def _finish(self, actor: Actor) -> None:
        self.desk.actor = actor
        self.signed_in.emit(actor)
        self.accept()
