"""Start the desktop app: Qt application, translations, style, the database worker, sign-in."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from staffdesk.assets import resources_dir
from staffdesk.ui import prefs

if TYPE_CHECKING:
    from staffdesk.ui.main_window import MainWindow
    from staffdesk.ui.signin import SignInDialog

log = logging.getLogger("staffdesk.ui")


def install_translations(app: QApplication, language: str | None = None) -> str:
    """English is built in; STAFFDESK_LANG=es or the preference selects another language
    (ui/i18n.py; the settings dialog switches it while the app runs)."""
    from staffdesk.ui import i18n

    return i18n.install(app, language or prefs.ui_language())


def apply_style(app: QApplication) -> None:
    path = resources_dir() / "ui" / "style.qss"
    if path.exists():
        app.setStyleSheet(path.read_text(encoding="utf-8"))


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("StaffDesk")
    app.setOrganizationName("StaffDesk")
    app.setApplicationDisplayName("StaffDesk")
    return app


class DeskApp:
    """Owns the window and the sign-in loop for one run of the app.

    The sign-in window comes first; the database (and SQLAlchemy itself) opens in the worker
    while the user types, and the main window is built only after a successful sign-in.
    """

    def __init__(self, url: str, demo: bool) -> None:
        from staffdesk.ui.base import Desk
        from staffdesk.ui.worker import DbWorker

        self.worker = DbWorker()
        self.desk = Desk(url=url, worker=self.worker, demo=demo)
        self._window: MainWindow | None = None
        self.ready = False
        self.failed = False  # the database could not be opened or upgraded
        self.problem = ""
        self.sign_in: SignInDialog | None = None

    @property
    def window(self) -> MainWindow:
        if self._window is None:
            from staffdesk.ui.main_window import MainWindow

            self._window = MainWindow(self.desk)
            self._window.signed_out.connect(self.show_sign_in)
        return self._window

    def prepare(self, then: Callable[[], None] | None = None) -> None:
        """Open the database and create or upgrade the schema, in the worker; `then` runs on
        the UI thread once that is done or has failed."""

        def done(staff_count: int) -> None:
            self._prepared(staff_count)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            if then is not None:
                then()

        self.worker.open_store(self.desk.url, done, failed)

    def _prepared(self, staff_count: int, *, pulled: bool = False) -> None:
        if staff_count == 0 and not pulled and self.worker.factory is not None:
            # on a desk with a shared database, its staff come first: never a first account
            # here while the shared database has some
            from staffdesk.ui import operations
            from staffdesk.ui.sync_status import has_shared_database

            url, factory = self.desk.url, self.worker.factory
            pull = operations.staff_from_shared(url, factory)
            pull.success(lambda n: self._prepared(n or 0, pulled=True)).failure(self._failed)
            if has_shared_database(url) and pull.start(self.desk):
                self.ready = False
                self.problem = QApplication.translate(
                    "DeskApp", "Taking this desk's staff accounts from the shared database…"
                )
                if self.sign_in is not None:
                    self.sign_in.set_ready(False, self.problem)
                return
        self.ready = staff_count > 0
        if not self.ready:
            self.problem = QApplication.translate(
                "DeskApp",
                "This database has no staff accounts yet. Create the first admin with:\n"
                "staffdesk staff add admin --role admin",
            )
        if self.sign_in is not None:
            self.sign_in.set_ready(self.ready, self.problem)

    def _failed(self, exc: BaseException) -> None:
        from staffdesk.ui.errors import describe

        self.failed = True
        self.problem = describe(exc).text
        if self.sign_in is not None:
            self.sign_in.set_ready(False, self.problem)

    def show_sign_in(self) -> None:
        from staffdesk.ui.signin import SignInDialog

        dialog = SignInDialog(self.desk)
        dialog.set_ready(self.ready, self.problem)
        dialog.signed_in.connect(lambda _a: self._signed_in())
        dialog.rejected.connect(self._quit_if_signed_out)
        self.sign_in = dialog
        dialog.show()

    def _signed_in(self) -> None:
        self.sign_in = None
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()  # keys go straight to the Permanent ID field
        self.window.start_session()

    def _quit_if_signed_out(self) -> None:
        if self.desk.actor is None:
            QApplication.quit()

    def shutdown(self) -> None:
        """No timer fires and no work starts after this: a sync round from a desk that is
        closing would run on a closed store (and read whatever configuration is current)."""
        if self._window is not None:
            self._window.stop_timers()
        self.worker.close_store()
        self.worker.factory = None


def run(url: str, demo: bool, language: str | None = None) -> int:
    """Entry point used by `staffdesk` and `staffdesk demo`; `language`: `staffdesk --lang`,
    for this run only (else STAFFDESK_LANG or the desk's setting)."""
    from staffdesk import applog
    from staffdesk.ui.errors import install_excepthook

    applog.setup()
    app = make_app()
    install_translations(app, language)
    apply_style(app)
    install_excepthook()
    desk_app = DeskApp(url, demo)
    desk_app.show_sign_in()
    desk_app.prepare()
    try:
        return app.exec()
    finally:
        desk_app.shutdown()
