"""A start of the desktop app that checks an installation and quits (`staffdesk --smoke-test`).

It starts the way `staffdesk` does (translations, style sheet, sign-in window, the database
opened in the worker), waits for the database, loads every Qt Designer form, prints what it
found and exits: 0 when all of that worked, 1 otherwise. The wheel and bundle tests run it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from staffdesk import assets

TIMEOUT_MS = 60_000


def run_smoke(url: str, demo: bool, say: Callable[[str], None] = print) -> int:
    from staffdesk import applog
    from staffdesk.ui.app import DeskApp, apply_style, install_translations, make_app
    from staffdesk.ui.forms import load_form

    applog.setup()
    app = make_app()
    language = install_translations(app)
    apply_style(app)
    desk_app = DeskApp(url, demo)
    desk_app.show_sign_in()
    timed_out: list[bool] = []
    seen: list[str] = []

    def look() -> None:  # before leaving the event loop, which closes every window
        window = desk_app.sign_in
        if window is not None and window.isVisible():
            seen.append(window.windowTitle())
        QApplication.exit(0)

    def give_up() -> None:
        timed_out.append(True)
        QApplication.exit(0)

    QTimer.singleShot(TIMEOUT_MS, give_up)
    desk_app.prepare(then=look)
    try:
        app.exec()
        shown = bool(seen)
        say(f"sign-in window: {'shown: ' + seen[0] if shown else 'NOT shown'}")
        if timed_out:
            say(f"database: no answer within {TIMEOUT_MS // 1000} s")
        elif desk_app.failed:
            say(f"database: cannot be opened: {desk_app.problem}")
        else:
            say("database: ready" if desk_app.ready else f"database: open; {desk_app.problem}")
        names = sorted(p.stem for p in assets.forms_dir().glob("*.ui"))
        for name in names:
            load_form(name, QWidget())
        say(f"forms: {len(names)} loaded from {assets.forms_dir()}")
        say(f"style sheet: {len(app.styleSheet())} characters")
        say(f"interface language: {language}")
    finally:
        desk_app.shutdown()
    ok = shown and bool(names) and bool(app.styleSheet()) and not timed_out and not desk_app.failed
    return 0 if ok else 1
