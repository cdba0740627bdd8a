"""One sync round (docs/sync.md): push the outbox to the shared database (sync/push.py), then
pull the rest back (sync/pull.py). Conflicts are in sync/conflicts.py, what the status bar shows
in sync/status.py, how the outbox becomes a batch in sync/batch.py."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.services.context import current_workstation, utcnow
from staffdesk.sync.pull import PullReport, PullTally, pull_all
from staffdesk.sync.push import ChainCollision, PushReport, PushTally, push_batches
from staffdesk.sync.rows import BATCH, failure_reason, local_transaction, log, set_state
from staffdesk.sync.status import count_waiting


@dataclass(frozen=True, slots=True)
class SyncReport:
    started_at: datetime
    push: PushReport
    pull: PullReport
    waiting: int  # outbox entries still to push
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def lines(self) -> list[str]:
        """What moved, for `staffdesk sync` and the log."""
        out = []
        if self.push.entries or self.push.audit_events:
            rows = ", ".join(f"{k} {v}" for k, v in sorted(self.push.rows.items()) if v)
            out.append(
                f"pushed {self.push.entries} change(s)"
                + (f" ({rows})" if rows else "")
                + f", {self.push.audit_events} audit event(s)"
            )
        else:
            out.append("nothing to push")
        pulled = ", ".join(f"{k} {v}" for k, v in sorted(self.pull.rows.items()) if v)
        out.append(f"pulled {pulled}" if pulled else "nothing new to pull")
        if self.pull.kept_local:
            out.append(f"kept {self.pull.kept_local} local change(s) that are still to be pushed")
        for c in self.push.conflicts:
            out.append(f"CONFLICT #{c.id}: {c.message}")
        if self.error:
            out.append(f"shared database unavailable: {self.error}")
        out.append(f"waiting to push: {self.waiting}")
        return out


def sync_once(
    local: sessionmaker[Session],
    shared: Engine,
    *,
    workstation: str | None = None,
    schools: Collection[str] | None = None,
    batch_size: int = BATCH,
) -> SyncReport:
    """Push, then pull. A shared database that fails is reported (`error`), not raised: the
    workstation keeps working and the next round picks up where this one stopped."""
    started = utcnow()
    pushed, pulled = PushTally(), PullTally()
    error: str | None = None
    try:
        push_batches(local, shared, workstation or current_workstation(), batch_size, pushed)
        pull_all(local, shared, schools, pulled)
    except SQLAlchemyError as exc:
        error = failure_reason(exc)
    except ChainCollision as exc:
        error = exc.message
    if error:
        log.warning("sync round failed: %s", error)
    with local_transaction(local) as s:
        conn = s.connection()
        set_state(conn, "last_attempt_at", started.isoformat())
        set_state(conn, "last_error", error or "")
        set_state(conn, "online", "0" if error else "1")
        if error is None:
            set_state(conn, "last_sync_at", started.isoformat())
        waiting = count_waiting(conn)
    report = SyncReport(started, pushed.report(), pulled.report(), waiting, error)
    log.info("sync round: %s", "; ".join(report.lines()))
    return report
