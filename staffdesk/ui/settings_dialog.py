"""Settings: the district's (in the database, admin), this desk's (QSettings) and the shared
database's address, whose password goes only to the OS keyring — never a plaintext fallback."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from staffdesk.domain.errors import SecretStoreUnavailable, StaffDeskError, ValidationError
from staffdesk.domain.workflow import Role
from staffdesk.services import settings
from staffdesk.ui import i18n, operations, prefs
from staffdesk.ui.base import Desk, FieldErrors, FormDialog
from staffdesk.ui.errors import describe, show_error
from staffdesk.ui.languages import interface_language_items, slip_language_items
from staffdesk.ui.screen import available


def keyring_state() -> str:
    """'' when a secure keyring is there, else why not (said to the user as is)."""
    from staffdesk.sync import secrets

    try:
        secrets.check_backend()
    except SecretStoreUnavailable as exc:
        return i18n.core(exc.message)
    return ""


class SettingsDialog(FormDialog):
    """Signals: idle_changed(int) — the new idle-lock minutes for this desk."""

    idle_changed = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("settings", self.tr("Settings"), parent)
        self.desk = desk
        self.loaded = False
        self.current: settings.DistrictSettings | None = None
        self.district_name: QLineEdit = self.w(QLineEdit, "district_name")
        self.portal_url: QLineEdit = self.w(QLineEdit, "portal_url")
        self.support_email: QLineEdit = self.w(QLineEdit, "support_email")
        self.slip_language: QComboBox = self.w(QComboBox, "slip_language")
        self.passcode_days: QSpinBox = self.w(QSpinBox, "passcode_days")
        self.two_person: QCheckBox = self.w(QCheckBox, "two_person_rule")
        self.idle: QSpinBox = self.w(QSpinBox, "idle_minutes")
        self.ui_language: QComboBox = self.w(QComboBox, "ui_language")
        self.shared_url: QLineEdit = self.w(QLineEdit, "shared_url")
        self.shared_password: QLineEdit = self.w(QLineEdit, "shared_password")
        self.keyring_status: QLabel = self.w(QLabel, "keyring_status")
        self.error: QLabel = self.w(QLabel, "error")
        self.error.setObjectName("error_text")
        for code, name in slip_language_items():
            self.slip_language.addItem(name, code)
        for code, name in interface_language_items():
            self.ui_language.addItem(name, code)
        self.idle.setMaximum(prefs.idle_limit())  # IT's site file may allow less than 30
        self.idle.setValue(prefs.idle_minutes())
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(prefs.ui_language())))
        admin = desk.actor is not None and desk.actor.role is Role.ADMIN
        district_box: QGroupBox = self.w(QGroupBox, "district_box")
        district_box.setEnabled(admin)
        shared_box: QGroupBox = self.w(QGroupBox, "shared_box")
        shared_box.setEnabled(admin)
        self.errors = FieldErrors(
            self.w(QFormLayout, "district_form"),
            {
                "district_name": self.district_name,
                "portal_url": self.portal_url,
                "support_email": self.support_email,
                "slip_language": self.slip_language,
                "passcode_days": self.passcode_days,
            },
        )
        try:
            from staffdesk.sync import config

            shared = config.load()
            self.shared_url.setText(shared.url if shared else "")
        except (ImportError, StaffDeskError):
            pass
        self.keyring_status.setText(self.tr("Checking the system keyring…"))
        operations.check_keyring().success(self._keyring_checked).failure(
            lambda exc: self._keyring_checked(describe(exc).text)
        ).run(desk, owner=self)
        buttons: QDialogButtonBox = self.w(QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        operations.load_settings().success(self._loaded).failure(lambda e: show_error(self, e)).run(
            desk, owner=self
        )
        self.setMinimumWidth(620)

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): the keyring's state again."""
        operations.check_keyring().success(self._keyring_checked).failure(
            lambda exc: self._keyring_checked(describe(exc).text)
        ).run(self.desk, owner=self)

    def _keyring_checked(self, problem: str) -> None:
        self.keyring_ok = not problem
        if problem:
            self.keyring_status.setText(
                "<span style='color:#B00020'>"
                + self.tr("No secure keyring: ")
                + problem
                + "<br>"
                + self.tr("The password cannot be saved on this computer.")
                + "</span>"
            )
            self.shared_password.setEnabled(False)
            self._fit_keyring_status()
            QTimer.singleShot(0, self, self._fit_keyring_status)  # once the layout has run
        else:
            self.keyring_status.setText(self.tr("The password is kept in the system keyring."))

    def _fit_keyring_status(self) -> None:
        """QFormLayout does not give a wrapped label its height: say it outright, at the width
        its column has, and grow the dialog around it (never squeezing the fields)."""
        label = self.keyring_status
        width = max(self.shared_password.width(), 200)
        label.setFixedHeight(label.heightForWidth(width))
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        room = available(self)
        wanted = max(self.height(), layout.minimumSize().height(), layout.sizeHint().height())
        self.resize(self.width(), min(wanted, room.height()) if room else wanted)

    def _loaded(self, current: settings.DistrictSettings) -> None:
        self.current = current
        self.district_name.setText(current.district_name)
        self.portal_url.setText(current.portal_url)
        self.support_email.setText(current.support_email)
        self.slip_language.setCurrentIndex(
            max(0, self.slip_language.findData(current.slip_language))
        )
        self.passcode_days.setValue(current.passcode_days)
        self.two_person.setChecked(current.two_person_rule)
        self.loaded = True

    def district_changes(self) -> dict[str, str]:
        if self.current is None:
            return {}
        wanted = {
            "district_name": self.district_name.text(),
            "portal_url": self.portal_url.text(),
            "support_email": self.support_email.text(),
            "slip_language": str(self.slip_language.currentData()),
            "passcode_days": str(self.passcode_days.value()),
            "two_person_rule": "on" if self.two_person.isChecked() else "off",
        }
        old = self.current.as_dict()
        return {k: v for k, v in wanted.items() if v != old[k]}

    def save(self) -> None:
        self.errors.clear()
        self.error.setText("")
        try:
            prefs.save_desk(
                idle_minutes=self.idle.value(), ui_language=str(self.ui_language.currentData())
            )
        except StaffDeskError as exc:
            self.error.setText(describe(exc).text)
            return
        self.idle_changed.emit(prefs.idle_minutes())
        if prefs.ui_language() != i18n.current():
            i18n.switch(prefs.ui_language())  # every open window follows at once
        try:
            self._save_shared()
        except StaffDeskError as exc:
            self.error.setText(describe(exc).text)
            show_error(self, exc)
            return
        changes = self.district_changes()
        if not changes:
            self.accept()
            return
        actor = self.desk.me()
        operations.save_settings(actor, changes).success(lambda _r: self.accept()).failure(
            self._failed
        ).run(self.desk, owner=self)

    def _save_shared(self) -> None:
        url = self.shared_url.text().strip()
        password = self.shared_password.text()
        if not url and not password:
            return
        from staffdesk.sync import config, secrets

        if password:
            if not url:
                raise ValidationError("shared database", self.tr("enter the address first"))
            secrets.store_password(config.strip_password(config.parse_url(url)), password)
        config.save(
            url,
            password_in_keyring=bool(password)
            or bool((config.load() or config.SharedConfig("", False)).password_in_keyring),
        )
        self.shared_password.clear()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and self.errors.show(exc.field, i18n.detail(exc)):
            return
        show_error(self, exc)
