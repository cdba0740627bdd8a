"""Shared fixtures: a temporary database per test (SQLite by default; real PostgreSQL and
MariaDB when STAFFDESK_TEST_POSTGRES_URL / STAFFDESK_TEST_MYSQL_URL name them)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.services import roster, staff
from staffdesk.services.context import Actor
from staffdesk.store import db


def _own_resources() -> None:
    """Tests read the forms and resources (translations, slip texts) of the checkout they test.

    An editable install maps staffdesk.forms and staffdesk.resources to the folders of the
    clone it was installed from. A second checkout of the same repository (a git worktree,
    running with PYTHONPATH pointing at it) imports its own staffdesk code but, through that
    mapping, the first clone's .ui and .qm files: tests then check this checkout's code against
    another checkout's texts, and read them while a merge there rewrites them (a .qm read
    half-written leaves part of the interface untranslated for the rest of the run)."""
    import importlib.util
    import sys

    root = Path(__file__).resolve().parents[1]
    for package, folder in (("staffdesk.forms", "forms"), ("staffdesk.resources", "resources")):
        init = root / folder / "__init__.py"
        if not init.is_file():
            continue
        spec = importlib.util.spec_from_file_location(
            package, init, submodule_search_locations=[str(root / folder)]
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[package] = module
        spec.loader.exec_module(module)


_own_resources()


PASSWORD = "test-password-1"


@pytest.fixture(autouse=True, scope="session")
def _private_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Never write to the real user data/log dirs from a test."""
    base = tmp_path_factory.mktemp("staffdesk-home")
    os.environ["STAFFDESK_DATA_DIR"] = str(base / "data")
    os.environ["STAFFDESK_LOG_DIR"] = str(base / "log")
    os.environ["STAFFDESK_CONFIG_DIR"] = str(base / "config")
    os.environ["STAFFDESK_SITE_CONFIG"] = str(base / "site" / "staffdesk.toml")  # none: local
    os.environ.pop("STAFFDESK_DB", None)
    yield


def server_url(var: str) -> str:
    """The server a test runs against; skipped with the reason when it is not named, a failure
    under CI=true. Every read of STAFFDESK_TEST_POSTGRES_URL / _MYSQL_URL goes through here."""
    url = os.environ.get(var)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{var} is not set, and CI must run the server tests for real")
        pytest.skip(f"{var} is not set: no server to test against")
    return url


def unreachable(url: str, exc: Exception) -> NoReturn:
    msg = f"cannot reach {db.redacted(url)}: {exc}"
    if os.environ.get("CI") == "true":
        pytest.fail(msg)
    pytest.skip(msg)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema, named in the URL's search_path, dropped afterwards."""
    base = server_url("STAFFDESK_TEST_POSTGRES_URL")
    schema = f"sd_{uuid.uuid4().hex[:12]}"
    admin = create_engine(db.normalise_url(base), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        admin.dispose()
        unreachable(base, exc)
    url = make_url(db.normalise_url(base)).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def mysql_url() -> Iterator[str]:
    """A fresh MariaDB/MySQL database, dropped afterwards."""
    base = server_url("STAFFDESK_TEST_MYSQL_URL")
    name = f"sd_{uuid.uuid4().hex[:12]}"
    admin = create_engine(db.normalise_url(base), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))
    except Exception as exc:
        admin.dispose()
        unreachable(base, exc)
    url = make_url(db.normalise_url(base)).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE `{name}`"))
        admin.dispose()


# ------------------------------------------------------------------------ seeded databases

STUDENTS_CSV = (
    "\ufeffschool_code,school_name,permanent_id,first_name,middle_name,last_name,grade,"
    "primary_phone,language\n"
    """LINC,Lincoln Elementary,1000001,José,A,Núñez,3,(415) 555-0101,es
LINC,Lincoln Elementary,1000002,Ánh,,Nguyễn,5,415.555.0102,
LINC,Lincoln Elementary,1000003,Liam,,O'Brien-Smith,K,+1 415 555 0103,en
WASH,Washington Middle,2000001,María,,García,7,4155550104,es
LINC,Lincoln Elementary,1000004,Sofía,,Núñez,1,(415) 555-0101,es
"""
)
CONTACTS_CSV = """permanent_id,contact_name,relationship,phone,email,emergency_order,portal_access
1000001,Ana Núñez,Mother,(415) 555-0101,ana@example.org,1,allowed
1000001,Carlos Núñez,Father,(415) 555-0199,,2,restricted
1000002,Thị Nguyễn,Mother,(415) 555-0102,thi@example.org,1,allowed
1000003,Sarah O'Brien-Smith,Mother,(415) 555-0103,,1,allowed
2000001,Rosa García,Mother,(415) 555-0104,rosa@example.org,1,allowed
1000004,Ana Núñez,Mother,(415) 555-0101,ana@example.org,1,allowed
"""


@dataclass
class Office:
    """A seeded district: roster, staff of every role, a session factory."""

    url: str
    factory: sessionmaker[Session]
    admin: Actor
    clerk: Actor
    approver: Actor
    approver2: Actor
    wash_clerk: Actor

    def session(self) -> Session:
        return self.factory()


def seed(url: str, folder: Path) -> None:
    engine = db.make_engine(url)
    db.upgrade(engine)
    (folder / "students.csv").write_text(STUDENTS_CSV, encoding="utf-8")
    (folder / "contacts.csv").write_text(CONTACTS_CSV.replace("\n", "\r\n"), encoding="utf-8")
    with db.unit_of_work(db.session_factory(engine)) as s:
        staff.add_staff(s, None, username="admin", role="admin", password=PASSWORD)
        admin = staff.authenticate(s, "admin", PASSWORD)
        roster.import_roster(s, admin, folder / "students.csv", folder / "contacts.csv")
        for user, role, schools in (
            ("clerk", "clerk", ["LINC"]),
            ("approver", "approver", ["LINC"]),
            ("approver2", "approver", ["LINC", "WASH"]),
            ("washclerk", "clerk", ["WASH"]),
        ):
            staff.add_staff(
                s,
                admin,
                username=user,
                role=role,
                password=PASSWORD,
                schools=schools,
                display_name=user.title(),
            )
    engine.dispose()


def office_for(url: str) -> Office:
    engine = db.make_engine(url)
    factory = db.session_factory(engine)
    with factory() as s:
        actors = {
            u: staff.authenticate(s, u, PASSWORD, workstation="desk-1")
            for u in ("admin", "clerk", "approver", "approver2", "washclerk")
        }
    return Office(
        url,
        factory,
        actors["admin"],
        actors["clerk"],
        actors["approver"],
        actors["approver2"],
        actors["washclerk"],
    )


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    path = folder / "seeded.sqlite3"
    seed(f"sqlite:///{path}", folder)
    return path


@pytest.fixture
def office(seeded_template: Path, tmp_path: Path) -> Office:
    """A seeded SQLite district, copied from a template so each test starts clean."""
    path = tmp_path / "office.sqlite3"
    shutil.copy(seeded_template, path)
    return office_for(f"sqlite:///{path}")


@pytest.fixture
def pg_office(pg_url: str, tmp_path: Path) -> Office:
    seed(pg_url, tmp_path)
    return office_for(pg_url)


@pytest.fixture
def mysql_office(mysql_url: str, tmp_path: Path) -> Office:
    seed(mysql_url, tmp_path)
    return office_for(mysql_url)


# ------------------------------------------------------------------ the desktop app (UI tests)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.ui_helpers import make_template

    return make_template(tmp_path_factory.mktemp("ui-template"))


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every message box the app shows, recorded instead of shown; questions answer Yes."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str, str]] = []

    def record(kind: str, answer: object = QMessageBox.StandardButton.Ok) -> object:
        def show(_parent: object, title: str, text: str, *args: object, **kw: object) -> object:
            shown.append((kind, title, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    return shown


@pytest.fixture
def desk_app(
    qtbot: object, demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[object]:
    """The app on a copy of the demo district, database open, nobody signed in yet; this
    desk's remembered choices (last user, school) start empty."""
    from PySide6.QtCore import Qt

    monkeypatch.setenv("STAFFDESK_CONFIG_DIR", str(tmp_path / "desk-config"))
    from staffdesk.ui.app import DeskApp
    from tests.ui_helpers import copy_db

    app = DeskApp(copy_db(demo_template, tmp_path), demo=True)
    app.prepare()
    app.worker.wait()  # the database is open (the ready callback follows on the event loop)
    qtbot.addWidget(app.window)  # type: ignore[attr-defined]
    yield app
    for dialog in list(app.window.dialogs):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.hide()
    app.shutdown()
