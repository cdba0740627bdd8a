"""Engines, sessions and schema upgrades for SQLite (embedded), PostgreSQL and MariaDB/MySQL."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from staffdesk.domain.errors import (
    ConflictError,
    DatabaseRefused,
    StoreUnavailable,
    ValidationError,
)
from staffdesk.domain.messages import msg
from staffdesk.private import PRIVATE_DIR, create_private, private_dir, tighten
from staffdesk.store.driver_errors import database_refusal, environment_problem

log = logging.getLogger("staffdesk.store")

APP = "StaffDesk"
MIGRATIONS = Path(__file__).with_name("migrations")


SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def data_dir() -> Path:
    """The store's folder, owner-only: it holds the local store and its WAL."""
    return private_dir(
        Path(os.environ.get("STAFFDESK_DATA_DIR") or platformdirs.user_data_dir(APP, False))
    )


def _private_store(database: str) -> None:
    """The SQLite store is created owner-only before SQLite opens it, so its WAL, shared-memory
    and journal files (which SQLite gives the database's own mode) are owner-only too; an older
    store made world-readable is tightened."""
    path = Path(database)
    create_private(path)
    tighten([path, *(Path(f"{database}{s}") for s in SQLITE_COMPANIONS)])


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'staffdesk.sqlite3'}"


def demo_url() -> str:
    """The demo district lives in its own file, never mixed with real records."""
    return f"sqlite:///{data_dir() / 'demo.sqlite3'}"


def normalise_url(url: str) -> str:
    """Pick the project's drivers: psycopg 3 for PostgreSQL, PyMySQL for MariaDB/MySQL."""
    try:
        u = make_url(url)
    except ArgumentError:
        raise ValidationError(
            "database URL",
            msg("store.url_format"),
        ) from None
    if u.get_backend_name() not in ("sqlite", "postgresql", "mysql", "mariadb"):
        raise ValidationError(
            "database URL",
            msg("store.unsupported", backend=u.get_backend_name()),
        )
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    elif u.drivername in ("mysql", "mariadb"):
        u = u.set(drivername="mysql+pymysql")
        if "charset" not in u.query:
            u = u.update_query_dict({"charset": "utf8mb4"})
    return u.render_as_string(hide_password=False)


def redacted(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine whose errors never carry bound values: a typed code, phone or name stays out
    of every message, crash log and export (`hide_parameters`)."""
    url = normalise_url(url or default_url())
    u = make_url(url)
    kwargs.setdefault("hide_parameters", True)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:" and u.query.get("uri") != "true":
            try:
                Path(u.database).parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
                _private_store(u.database)
            except OSError as exc:
                raise StoreUnavailable(
                    msg("store.cannot_create", path=u.database, reason=exc.strerror)
                ) from None
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        # let SQLAlchemy, not pysqlite, open transactions, so BEGIN IMMEDIATE is ours to send
        event.listen(engine, "connect", lambda c, _r: setattr(c, "isolation_level", None))
        event.listen(engine, "begin", lambda c: c.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def sort_driver_error(exc: DBAPIError) -> DatabaseRefused | StoreUnavailable | None:
    """A driver error as the person is told it: a trust guard's or a privilege's refusal, the
    environment's problem (store/driver_errors.py), or None when it is a bug."""
    refused = database_refusal(exc)  # a trust guard or a privilege: say what and why
    if refused is not None:
        return DatabaseRefused(msg("store.refused", reason=refused))
    reason = environment_problem(exc)
    if reason is None:
        return None
    first = str(exc.orig).strip().splitlines()[0][:200] if exc.orig else ""
    return StoreUnavailable(
        msg("store.problem_detail", reason=reason, detail=first)
        if first
        else msg("store.problem", reason=reason)
    )


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One user action: commit on success, roll back on any error. A driver error that is the
    environment's (store/driver_errors.py) becomes StoreUnavailable; a bug stays a bug."""
    session = factory()
    try:
        yield session
        session.commit()
    except StaleDataError:
        session.rollback()
        raise ConflictError(msg("store.stale")) from None
    except DBAPIError as exc:
        with suppress(DBAPIError):  # the connection may be gone with the error
            session.rollback()
        known = sort_driver_error(exc)
        if known is None:
            raise  # a bug: the crash log gets it (bound values hidden by make_engine)
        if isinstance(known, DatabaseRefused):
            raise known from None
        raise known from exc
    except BaseException:
        with suppress(Exception):  # a failing rollback must not replace what happened (Ctrl-C)
            session.rollback()
        raise
    finally:
        session.close()


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration (the only way the schema changes)."""
    try:
        if schema_is_current(engine):
            return  # the common case on every start: one query, Alembic not even imported
    except (OperationalError, DBAPIError) as exc:
        raise StoreUnavailable(
            msg("store.unreachable", url=redacted(str(engine.url)), detail=str(exc.orig))
        ) from exc
    from alembic import command
    from alembic.util import CommandError

    try:
        command.upgrade(alembic_config(engine), "head")
    except CommandError as exc:  # e.g. a revision this build does not know
        raise StoreUnavailable(
            msg("store.newer_schema", url=redacted(str(engine.url)), detail=str(exc))
        ) from None
    except (OperationalError, DBAPIError) as exc:
        raise StoreUnavailable(
            msg("store.cannot_upgrade", url=redacted(str(engine.url)), detail=str(exc.orig))
        ) from exc


# The newest migration in store/migrations/versions; tests/test_schema.py checks it against
# Alembic's own reading of that folder, so the start-up check needs no Alembic at all.
# chain: 0003 → 0007 → 0006 → 0005 → 0008 → 0010 → 0011 → 0012 → 0013 (numbered by issue,
# chained by merge)
SCHEMA_HEAD = "0013"


def schema_is_current(engine: Engine) -> bool:
    """True when the store already stands at this build's newest migration: one query, the
    check every start makes (loading Alembic and its scripts would cost a fifth of a second)."""
    with engine.connect() as conn:
        try:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except (OperationalError, ProgrammingError):  # no such table: a new, empty database
            return False
    return found == [SCHEMA_HEAD]


def is_initialised(engine: Engine) -> bool:
    try:
        return inspect(engine).has_table("alembic_version")
    except (OperationalError, DBAPIError) as exc:
        raise StoreUnavailable(
            msg("store.unreachable", url=redacted(str(engine.url)), detail=str(exc.orig))
        ) from exc
