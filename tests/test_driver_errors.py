"""Driver errors sorted into environment problems and bugs in the unit of work (issue 12: an
unreachable database exited 1, the same as a refused action)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from staffdesk.domain.errors import EnvironmentProblem, StoreUnavailable
from staffdesk.store import db
from staffdesk.store.driver_errors import environment_problem


def _write(url: str, sql: str = "UPDATE setting SET value = value") -> None:
    engine = db.make_engine(url)
    try:
        with db.unit_of_work(db.session_factory(engine)) as s:
            s.execute(text(sql))
    finally:
        engine.dispose()


def test_store_problems_are_environment_problems() -> None:
    assert issubclass(StoreUnavailable, EnvironmentProblem)


def test_a_read_only_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    engine.dispose()
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    with pytest.raises(StoreUnavailable, match="read-only"):
        _write(
            url,
            "INSERT INTO setting (key, value, updated_by, updated_at) "
            "VALUES ('k', 'v', '', '2026-01-01')",
        )


def test_a_locked_sqlite_file_is_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as info:
        other.execute("INSERT INTO t VALUES (1)")
    holder.rollback()
    wrapped = OperationalError("INSERT INTO t VALUES (1)", {}, info.value)
    assert (
        environment_problem(wrapped) == "the database is busy: another program held a lock too long"
    )


def test_a_bug_stays_a_bug(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bug.sqlite3'}"
    db.upgrade(db.make_engine(url))
    with pytest.raises(DBAPIError) as info:
        _write(url, "SELECT * FROM no_such_table")
    assert not isinstance(info.value, StoreUnavailable)
    assert environment_problem(info.value) is None


@pytest.mark.postgres
def test_postgres_unreachable_and_read_only(pg_url: str) -> None:
    dead = make_url(pg_url).set(port=1).render_as_string(hide_password=False)
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        _write(dead, "SELECT 1")
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    engine.dispose()
    u = make_url(pg_url)
    ro = u.update_query_dict(
        {"options": f"{u.query['options']} -cdefault_transaction_read_only=on"}
    ).render_as_string(hide_password=False)
    with pytest.raises(StoreUnavailable, match="read-only"):
        _write(ro)


@pytest.mark.mysql
def test_mariadb_unreachable_and_lock_timeout(mysql_url: str) -> None:
    dead = make_url(mysql_url).set(port=1).render_as_string(hide_password=False)
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        _write(dead, "SELECT 1")
    engine = db.make_engine(mysql_url)
    db.upgrade(engine)
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO setting (`key`, value, updated_by, updated_at) "
                "VALUES ('k', 'v', '', '2026-01-01')"
            )
        )
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with engine.begin() as c:
            c.execute(text("SELECT * FROM setting WHERE `key` = 'k' FOR UPDATE"))
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        with pytest.raises(StoreUnavailable, match="lock was held too long"):
            with db.unit_of_work(db.session_factory(engine)) as s:
                s.execute(text("SET SESSION innodb_lock_wait_timeout = 1"))
                s.execute(text("UPDATE setting SET value = 'w' WHERE `key` = 'k'"))
    finally:
        release.set()
        holder.join()
        engine.dispose()
