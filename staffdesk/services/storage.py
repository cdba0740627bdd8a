"""The edges' one way into the store: open it (creating or upgrading its schema) and run one
unit of work per user action.

The window (ui/worker.py) and the command line (cli/app.py) reach the database only through
these; neither imports staffdesk.store nor makes a session of its own (tests/test_layers.py).
A unit of work commits on success, rolls back on any error, and turns the driver's environment
errors into StoreUnavailable (store/driver_errors.py); everything else stays a bug.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeAlias

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.domain.errors import StaffDeskError
from staffdesk.store import db

SessionFactory: TypeAlias = sessionmaker[Session]

default_url = db.default_url
demo_url = db.demo_url
redacted = db.redacted
is_initialised = db.is_initialised


def connect(url: str) -> tuple[Engine, SessionFactory]:
    """An engine and its session factory for `url`; the schema is not touched."""
    engine = db.make_engine(url)
    return engine, db.session_factory(engine)


def upgrade(engine: Engine) -> None:
    """Create the schema, or bring an older one to this build's head (Alembic)."""
    db.upgrade(engine)


def open_store(url: str) -> tuple[Engine, SessionFactory]:
    """connect, then upgrade: a new store is created on first use, an older one migrated (one
    version query when it is already current)."""
    engine, factory = connect(url)
    upgrade(engine)
    return engine, factory


def engine_of(factory: SessionFactory) -> Engine:
    bind = factory.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def known_error(exc: BaseException) -> StaffDeskError | None:
    """A driver error that escaped a unit of work (a sync round's shared engine, a schema
    upgrade) sorted as the unit of work sorts them: a refusal or the environment's problem, or
    None for anything else (a bug stays a bug)."""
    if isinstance(exc, DBAPIError):
        return db.sort_driver_error(exc)
    return None


@contextmanager
def unit_of_work(factory: SessionFactory) -> Iterator[Session]:
    """One transaction: commit on success, roll back on error, environment errors mapped."""
    with db.unit_of_work(factory) as session:
        yield session
