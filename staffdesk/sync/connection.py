"""Reaching the shared database: the configured URL plus the keyring's password, and an engine
that gives up quickly when the server is not there (the workstation works on regardless)."""

from __future__ import annotations

import os
import random
import select
import threading
from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.domain.errors import SecretStoreUnavailable
from staffdesk.domain.messages import msg
from staffdesk.store import db
from staffdesk.sync import config, secrets
from staffdesk.sync.engine import SyncReport, sync_once

PASSWORD_ENV = "STAFFDESK_SHARED_PASSWORD"
CONNECT_TIMEOUT = 5  # seconds
MAX_DELAY = 60.0  # the longest wait between tries while the shared database is down


def resolve_url(explicit: str | None = None) -> str | None:
    """The shared database's URL with its password, or None for a standalone desk.

    The password comes from the URL itself, else STAFFDESK_SHARED_PASSWORD, else the keyring
    (when `staffdesk connect` put it there for this URL); none at all is fine for servers that
    authenticate otherwise (peer, certificates, trust).
    """
    saved = config.load()
    if explicit:
        url = config.parse_url(explicit)
        if config.password_of(url) is not None:
            return url
    elif saved is None:
        return None
    else:
        url = saved.url
    if os.environ.get(PASSWORD_ENV):
        return config.with_password(url, os.environ[PASSWORD_ENV])
    if saved is not None and saved.password_in_keyring and saved.url == config.strip_password(url):
        password = secrets.load_password(saved.url)
        if password is None:
            raise SecretStoreUnavailable(msg("sync.keyring_no_password", url=saved.url))
        return config.with_password(url, password)
    return url


def shared_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for the shared database that fails fast when it cannot connect.

    On PostgreSQL a pooled connection is checked without a round trip: a sync round with
    nothing new is one statement, and a liveness ping before it would double its cost (issue 11,
    benchmarks/bench_district.py). A connection the server closed while it sat in the pool (a
    restart, a terminated backend) has its socket readable: it is replaced before use. One
    that died without a word fails its round, which is reported; the next round reconnects."""
    backend = make_url(config.parse_url(url)).get_backend_name()
    connect_args = dict(kwargs.pop("connect_args", {}))
    connect_args.setdefault("connect_timeout", CONNECT_TIMEOUT)
    if backend != "postgresql":
        return db.make_engine(url, connect_args=connect_args, **kwargs)
    connect_args.setdefault("application_name", "staffdesk-sync")
    kwargs.setdefault("pool_pre_ping", False)
    engine = db.make_engine(url, connect_args=connect_args, **kwargs)
    event.listen(engine, "checkout", _closed_by_server)
    return engine


def _closed_by_server(dbapi_connection: Any, record: Any, proxy: Any) -> None:
    """An idle connection has nothing to read unless the server ended it: then the pool is
    told to connect afresh (DisconnectionError makes it retry the checkout)."""
    try:
        if dbapi_connection.closed or dbapi_connection.broken:
            raise DisconnectionError("the shared database closed this connection")
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError) as exc:
        raise DisconnectionError("the shared database connection is gone") from exc
    if readable:
        raise DisconnectionError("the shared database closed this connection")


def next_delay(failures: int, max_delay: float = MAX_DELAY) -> float:
    """Exponential back-off with a little jitter: 1, 2, 4, … seconds, never above max_delay."""
    base: float = min(max_delay, 2.0 ** min(failures, 16))
    return min(max_delay, base * random.uniform(0.9, 1.0))


def watch(
    local: sessionmaker[Session],
    shared: Engine,
    *,
    interval: float = 30.0,
    max_delay: float = MAX_DELAY,
    stop: threading.Event | None = None,
    on_report: Callable[[SyncReport, float], None] | None = None,
    workstation: str | None = None,
    schools: Collection[str] | None = None,
) -> None:
    """Sync every `interval` seconds; while the shared database is down, back off up to
    `max_delay`. Returns when `stop` is set (a Ctrl-C in the caller's thread also ends it)."""
    stop = stop or threading.Event()
    failures = 0
    while not stop.is_set():
        report = sync_once(local, shared, workstation=workstation, schools=schools)
        if report.ok:
            failures, wait = 0, interval
        else:
            wait = next_delay(failures, max_delay)
            failures += 1
        if on_report is not None:
            on_report(report, wait)
        stop.wait(wait)
