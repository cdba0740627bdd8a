"""What the status bar and `staffdesk sync --status` ask: online or not, how much waits, which
passcodes the portal cannot honour yet, open conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from staffdesk.store.sync_tables import sync_conflict
from staffdesk.sync.rows import OUTBOX, get_state, unpushed


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """For the status bar: is the shared database reachable, and how much waits for it."""

    state: str  # "standalone", "online" or "offline"
    waiting: int  # outbox entries not yet pushed
    pending_passcodes: int  # passcodes issued here that the portal cannot honour yet
    open_conflicts: int
    last_sync_at: datetime | None  # the last round that completed
    last_attempt_at: datetime | None
    last_error: str | None

    @property
    def online(self) -> bool:
        return self.state == "online"

    def text(self) -> str:
        if self.state == "standalone":
            return "standalone (no shared database)"
        when = f"{self.last_sync_at:%Y-%m-%d %H:%M} UTC" if self.last_sync_at else "never"
        parts = [self.state, f"{self.waiting} waiting", f"last sync {when}"]
        if self.open_conflicts:
            parts.append(f"{self.open_conflicts} conflict(s)")
        return " · ".join(parts)


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def count_waiting(conn: Connection) -> int:
    return int(
        conn.scalar(select(func.count()).select_from(OUTBOX).where(OUTBOX.c.pushed_at.is_(None)))
        or 0
    )


def pending_passcode_ids(local_session: Session) -> set[str]:
    """Passcodes with changes not yet on the shared database: the portal cannot honour a new
    one yet, so its slip says "pending sync"."""
    return unpushed(local_session.connection(), "passcode")


def sync_status(local_session: Session, *, configured: bool | None = None) -> SyncStatus:
    """The sync state for the status bar. `configured`: is a shared database set up (default:
    whether the local config names one)."""
    from staffdesk.sync import config

    conn = local_session.connection()
    state = get_state(conn, "")
    if configured is None:
        configured = config.load() is not None
    attempted = bool(state.get("last_attempt_at"))
    if not configured and not attempted:
        mode = "standalone"
    else:
        mode = "online" if state.get("online") == "1" else "offline"
    open_conflicts = conn.scalar(
        select(func.count()).select_from(sync_conflict).where(sync_conflict.c.resolved_at.is_(None))
    )
    return SyncStatus(
        state=mode,
        waiting=count_waiting(conn),
        pending_passcodes=len(pending_passcode_ids(local_session)),
        open_conflicts=int(open_conflicts or 0),
        last_sync_at=_when(state.get("last_sync_at")),
        last_attempt_at=_when(state.get("last_attempt_at")),
        last_error=state.get("last_error") or None,
    )
