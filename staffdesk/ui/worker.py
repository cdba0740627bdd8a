"""The one database worker: each user action runs as one small operation off the UI thread.

A QThreadPool with a single thread serialises database work. Each operation opens its own unit
of work (commit on success, roll back on error) and reports back on the UI thread through a
queued signal; a result whose owner widget has gone is dropped.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

if TYPE_CHECKING:  # SQLAlchemy loads in the worker, after the sign-in window is up
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("staffdesk.ui")


class _Reply(QObject):
    """Lives on the UI thread; the worker emits, the queued slot calls back.

    Signals: succeeded(object), failed(object).
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        owner: QObject | None,
        on_done: Callable[[Any], object] | None,
        on_error: Callable[[BaseException], object] | None,
        forget: Callable[[_Reply], None],
    ) -> None:
        super().__init__()  # never a child of the owner: it must outlive a closed window
        self._owner = owner
        self._on_done = on_done
        self._on_error = on_error
        self._forget = forget
        queued = Qt.ConnectionType.QueuedConnection
        self.succeeded.connect(self._deliver_result, queued)
        self.failed.connect(self._deliver_error, queued)

    def _owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        self._forget(self)
        if self._owner_gone():
            return
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, exc: object) -> None:
        self._forget(self)
        assert isinstance(exc, BaseException)
        if self._owner_gone():
            log.info("a result arrived for a closed window: %s", type(exc).__name__)
            return
        if self._on_error is not None:
            self._on_error(exc)
        else:
            from staffdesk.ui.errors import show_error

            show_error(None, exc)


class _Operation(QRunnable):
    def __init__(self, fn: Callable[[], Any], reply: _Reply) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._reply = reply

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:
            self._emit(self._reply.failed, exc)
        else:
            self._emit(self._reply.succeeded, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        # the owner window closed while we worked: nobody to tell
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class DbWorker(QObject):
    """Runs `fn(session)` in one transaction on the single database thread.

    Signals: busy_changed(bool) — True while operations are queued or running.
    """

    busy_changed = Signal(bool)

    def __init__(
        self, factory: sessionmaker[Session] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.factory = factory
        self.engine: Engine | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)
        self._pending: set[_Reply] = set()
        self.cpu = QThreadPool(self)  # slip rendering and rasterising: never the DB thread
        self.cpu.setMaxThreadCount(1)
        # sync rounds with the shared database: may wait on the network, so never in the way
        # of the desk's own work, and not shown as "working"
        self.sync_pool = QThreadPool(self)
        self.sync_pool.setMaxThreadCount(1)
        self._background: set[_Reply] = set()

    def submit(
        self,
        fn: Callable[[Session], Any],
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        def work() -> Any:
            from staffdesk.services.storage import unit_of_work

            if self.factory is None:
                raise RuntimeError("the database was not opened")
            with unit_of_work(self.factory) as session:
                return fn(session)

        self._start(self.pool, work, on_done, on_error, owner)

    def open_store(
        self,
        url: str,
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
    ) -> None:
        """Open the database in the worker thread (importing SQLAlchemy there, too), then
        create or upgrade the schema; `on_done` gets the number of staff accounts."""

        def work() -> int:
            from staffdesk.services import staff, storage

            if self.factory is None:
                self.engine, self.factory = storage.connect(url)
            storage.upgrade(self.engine or storage.engine_of(self.factory))
            with storage.unit_of_work(self.factory) as session:
                return staff.staff_count(session)

        self._start(self.pool, work, on_done, on_error, None)

    def close_store(self) -> None:
        self.wait()
        if self.engine is not None:
            self.engine.dispose()

    def compute(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """CPU work without the database (render a PDF, rasterise a page)."""
        self._start(self.cpu, fn, on_done, on_error, owner)

    def in_background(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        *,
        owner: QObject | None = None,
    ) -> bool:
        """Quiet background work (a sync round); False when one is still running."""
        if self.sync_pool.activeThreadCount():
            return False
        reply = _Reply(owner, on_done, on_error, self._forget_background)
        self._background.add(reply)  # held until it reports back
        self.sync_pool.start(_Operation(fn, reply))
        return True

    def _forget_background(self, reply: _Reply) -> None:
        self._background.discard(reply)
        reply.deleteLater()

    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object] | None,
        on_error: Callable[[BaseException], object] | None,
        owner: QObject | None,
    ) -> None:
        reply = _Reply(owner, on_done, on_error, self._forget)
        was_idle = not self._pending
        self._pending.add(reply)
        if was_idle:
            self.busy_changed.emit(True)
        pool.start(_Operation(fn, reply))

    def _forget(self, reply: _Reply) -> None:
        self._pending.discard(reply)
        reply.deleteLater()
        if not self._pending:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30000) -> bool:
        """Let queued work finish (at shutdown and in tests); never called from a slot."""
        a = self.pool.waitForDone(msecs)
        b = self.cpu.waitForDone(msecs)
        c = self.sync_pool.waitForDone(msecs)
        return a and b and c
