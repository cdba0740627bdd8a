"""Helpers for the UI tests: a demo-district template database copied per test, a signed-in desk."""

from __future__ import annotations

import shutil
from pathlib import Path

from staffdesk.services import demo, queries, staff
from staffdesk.store import db

# the offscreen platform says this whenever a window is shown; it is not our warning
# the offscreen platform has no window manager: it says so when asked to size or raise a window
QT_NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)


def make_template(folder: Path) -> Path:
    path = folder / "demo-template.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with db.unit_of_work(db.session_factory(engine)) as s:
        demo.load_demo(s)
    engine.dispose()
    return path


def copy_db(template: Path, folder: Path) -> str:
    path = folder / "desk.sqlite3"
    shutil.copy(template, path)
    return f"sqlite:///{path}"


def sign_in(desk: object, username: str) -> None:
    """Put an authenticated actor on the desk without going through the sign-in dialog."""
    with db.unit_of_work(desk.factory) as s:  # type: ignore[attr-defined]
        actor = staff.authenticate(s, username, demo.DEMO_PASSWORD)
        schools = queries.list_schools(s, actor)
    desk.actor = actor  # type: ignore[attr-defined]
    desk.schools = {x.code: x.name for x in schools}  # type: ignore[attr-defined]
    desk.school = ""  # type: ignore[attr-defined]


def signed_in(desk_app: object, username: str) -> object:
    """Sign `username` in and open the main window; returns it."""
    sign_in(desk_app.desk, username)  # type: ignore[attr-defined]
    win = desk_app.window  # type: ignore[attr-defined]
    win.show()
    win.start_session()
    return win
