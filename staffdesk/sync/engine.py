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

from staffdesk.domain.errors import (
    AdminLoginRefused,
    DuplicateWorkstation,
    RestoredWorkstation,
    StaffDeskError,
)
from staffdesk.domain.messages import dumps, msg
from staffdesk.services.context import current_workstation, utcnow
from staffdesk.sync import identity
from staffdesk.sync.anchor import AnchorReport, anchor, needs_anchor
from staffdesk.sync.batch import ADMIN, OFFICE
from staffdesk.sync.pull import PullReport, PullTally, pull_all
from staffdesk.sync.push import PushReport, PushTally, push_batches
from staffdesk.sync.rows import BATCH, failure_reason, local_transaction, log, set_state
from staffdesk.sync.status import count_needing_admin, count_waiting


def problem_kind(problem: StaffDeskError | None) -> str:
    """The kind of a round's problem, for the status bar (SyncStatus.problem)."""
    if isinstance(problem, RestoredWorkstation):
        return "restored"
    if isinstance(problem, DuplicateWorkstation):
        return "duplicate"
    if isinstance(problem, AdminLoginRefused):
        return "admin"
    return ""


@dataclass(frozen=True, slots=True)
class SyncReport:
    started_at: datetime
    push: PushReport
    pull: PullReport
    waiting: int  # outbox entries still to push
    error: str | None = None
    needs_admin: int = 0  # of those, staff/settings/roster changes: they wait for `--admin`
    anchors: AnchorReport | None = None  # the checkpoints this round wrote and verified
    # a refusal that is not the database being away (an admin login without the privilege, a
    # workstation identity clash): the command line raises it, with its own exit code
    problem: StaffDeskError | None = None

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
        if self.anchors is not None:
            a = self.anchors
            if a.verified is not None:
                out.append(
                    f"checkpointed {a.written} chain head(s); this desk's chain "
                    f"{a.verified.chain!r} is anchored up to event {a.verified.seq}"
                )
            elif a.written:
                out.append(f"checkpointed {a.written} chain head(s)")
            if a.mismatch:
                out.append(a.mismatch)
            if a.missing:
                out.append(
                    "no checkpoints: the shared database is not upgraded (run `staffdesk --db "
                    "SHARED_URL init` as its owner)"
                )
            for chain, why in a.refused:
                out.append(f"checkpoint of chain {chain!r} refused: {why}")
        if self.problem is not None:
            out.append(self.problem.message)
        elif self.error:
            out.append(f"shared database unavailable: {self.error}")
        out.append(f"waiting to push: {self.waiting}")
        if self.needs_admin:
            out.append(
                f"{self.needs_admin} staff, settings or roster change(s) need an admin: run "
                "`staffdesk sync --admin DBUSER` with a database login granted staffdesk_admin"
                + (f" ({self.push.held} other change(s) wait for them)" if self.push.held else "")
            )
        return out


def sync_once(
    local: sessionmaker[Session],
    shared: Engine,
    *,
    workstation: str | None = None,
    schools: Collection[str] | None = None,
    batch_size: int = BATCH,
    admin: Engine | None = None,
) -> SyncReport:
    """Push, then pull. A shared database that fails is reported (`error`), not raised: the
    workstation keeps working and the next round picks up where this one stopped.

    Staff, settings and roster changes go only with `admin`, an engine logged in as a database
    login granted staffdesk_admin (`staffdesk sync --admin DBUSER`), before the rest; without
    it they wait, counted in `needs_admin`. Everything else goes with `shared`, the
    workstation's own login."""
    started = utcnow()
    pushed, pulled = PushTally(), PullTally()
    error: str | None = None
    said: str = ""  # the error as a message, said again in the desk's language (status bar)
    problem: StaffDeskError | None = None
    anchored: AnchorReport | None = None
    ws = workstation or current_workstation()
    try:
        if identity.unsent(local):  # before its chain goes out: a restored desk, or a twin?
            identity.check(local, shared, ws)
        if admin is not None:
            push_batches(local, admin, ws, batch_size, pushed, ADMIN)
        push_batches(local, shared, ws, batch_size, pushed, OFFICE)
        pull_all(local, shared, schools, pulled)
        if pushed.audit_events or needs_anchor(local, ws):  # idle rounds stay one statement
            anchored = anchor(local, shared, ws)  # every chain head, then this desk's verified
    except SQLAlchemyError as exc:
        error = failure_reason(exc)
        said = msg("sync.driver", reason=error)  # the driver's own words, introduced as such
    except StaffDeskError as exc:
        problem, error = exc, exc.message
        said = exc.message
    if error:
        log.warning("sync round failed: %s", error)
    with local_transaction(local) as s:
        conn = s.connection()
        set_state(conn, "last_attempt_at", started.isoformat())
        set_state(conn, "last_error", error or "")
        set_state(conn, "last_error_message", dumps(said) if said else "")
        set_state(conn, "last_problem", problem_kind(problem))
        set_state(conn, "online", "0" if error else "1")
        if error is None:
            set_state(conn, "last_sync_at", started.isoformat())
        waiting = count_waiting(conn)
        needs_admin = count_needing_admin(conn)
    report = SyncReport(
        started, pushed.report(), pulled.report(), waiting, error, needs_admin, anchored, problem
    )
    log.info("sync round: %s", "; ".join(report.lines()))
    return report
