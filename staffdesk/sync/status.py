"""What the status bar and `staffdesk sync --status` ask: online or not, how much waits, which
passcodes the portal cannot honour yet, open conflicts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from staffdesk.domain.messages import loads
from staffdesk.store.sync_tables import sync_conflict
from staffdesk.sync.rows import OUTBOX, PRIVILEGED, get_state, unpushed


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
    needs_admin: int = 0  # waiting staff/settings/roster changes: only `sync --admin` sends them
    # what stopped the last round when it was not the network: "restored" (a desk restored from
    # a backup), "duplicate" (two desks of one name), "admin" (the --admin login lacks rights)
    problem: str | None = None
    checkpoint: Checkpoint | None = None  # the last checkpoint of this desk's chain it verified

    @property
    def online(self) -> bool:
        return self.state == "online"

    def text(self) -> str:
        if self.state == "standalone":
            return "standalone (no shared database)"
        when = f"{self.last_sync_at:%Y-%m-%d %H:%M} UTC" if self.last_sync_at else "never"
        parts = [self.state, f"{self.waiting} waiting", f"last sync {when}"]
        if self.needs_admin:
            parts.append(f"{self.needs_admin} need an admin")
        if self.open_conflicts:
            parts.append(f"{self.open_conflicts} conflict(s)")
        if self.checkpoint is not None:
            parts.append(self.checkpoint.text())
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A checkpoint of this desk's audit chain on the shared database that matched this store's
    own event when a sync round read it back: the chain is anchored up to there."""

    chain: str
    seq: int
    written_at: datetime | None  # the shared server's clock
    verified_at: datetime  # when this desk compared it

    def text(self) -> str:
        return f"checkpoint {self.chain} #{self.seq} verified {self.verified_at:%Y-%m-%d %H:%M} UTC"

    def to_state(self) -> str:
        return json.dumps(
            {
                "chain": self.chain,
                "seq": self.seq,
                "written_at": self.written_at.isoformat() if self.written_at else None,
                "verified_at": self.verified_at.isoformat(),
            }
        )

    @classmethod
    def from_state(cls, value: str | None) -> Checkpoint | None:
        if not value:
            return None
        try:
            d = json.loads(value)
            return cls(
                str(d["chain"]),
                int(d["seq"]),
                datetime.fromisoformat(d["written_at"]) if d.get("written_at") else None,
                datetime.fromisoformat(d["verified_at"]),
            )
        except (ValueError, KeyError, TypeError):
            return None


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def count_waiting(conn: Connection) -> int:
    return int(
        conn.scalar(select(func.count()).select_from(OUTBOX).where(OUTBOX.c.pushed_at.is_(None)))
        or 0
    )


def count_needing_admin(conn: Connection) -> int:
    """Waiting staff, settings and roster changes: only an admin login pushes them."""
    return int(
        conn.scalar(
            select(func.count())
            .select_from(OUTBOX)
            .where(OUTBOX.c.pushed_at.is_(None), OUTBOX.c.entity_type.in_(sorted(PRIVILEGED)))
        )
        or 0
    )


def describe_privileged(local_session: Session) -> list[str]:
    """The staff, settings and roster changes waiting for an admin login, for its holder to see
    before sending them: each staff account and setting by name, the roster counted."""
    from staffdesk.sync.rows import SETTING, STAFF, STAFF_SCHOOL

    conn = local_session.connection()
    waiting = {
        t: unpushed(conn, t) for t in sorted(PRIVILEGED) if t not in ("staff_user", "setting")
    }
    out: list[str] = []
    staff_ids = sorted(unpushed(conn, "staff_user"))
    for row in conn.execute(select(STAFF).where(STAFF.c.id.in_(staff_ids))).mappings():
        schools = sorted(
            conn.scalars(
                select(STAFF_SCHOOL.c.school_code).where(STAFF_SCHOOL.c.staff_id == row["id"])
            )
        )
        out.append(
            f"staff {row['username']}: {row['role']}, "
            + ("active" if row["active"] else "disabled")
            + (f", schools {', '.join(schools)}" if schools else ", district-wide")
        )
    keys = sorted(unpushed(conn, "setting"))
    for key, value in conn.execute(
        select(SETTING.c.key, SETTING.c.value).where(SETTING.c.key.in_(keys))
    ):
        out.append(f"setting {key} = {value}")
    roster = [f"{len(ids)} {t.replace('_', ' ')}(s)" for t, ids in waiting.items() if ids]
    if roster:
        out.append("roster: " + ", ".join(roster))
    return out


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
        # as a message when the round kept one (the desk says it in its language), else as text
        last_error=loads(state.get("last_error_message") or '""')
        or state.get("last_error")
        or None,
        needs_admin=count_needing_admin(conn),
        problem=state.get("last_problem") or None,
        checkpoint=Checkpoint.from_state(state.get("checkpoint")),
    )
