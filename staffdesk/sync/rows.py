"""What every part of the sync engine shares: the tables it moves, reading rows in chunks on
either side, the local sync state, a request's content digest and the shared state it is known
to have reached (`sync_base`)."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Select, Table, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.domain.errors import StoreUnavailable
from staffdesk.domain.messages import msg
from staffdesk.store.models import Base
from staffdesk.store.sync_tables import sync_base, sync_state

log = logging.getLogger("staffdesk.sync")

T = Base.metadata.tables
SCHOOL, STUDENT, CONTACT = T["school"], T["student"], T["student_contact"]
STAFF, STAFF_SCHOOL, SETTING = T["staff_user"], T["staff_school"], T["setting"]
REQUEST, IDENTITY, DECISION = T["access_request"], T["identity_check"], T["decision"]
PASSCODE, SLIP_LOG, PORTAL_LINK = T["passcode"], T["slip_print_log"], T["portal_link"]
AUDIT_EVENT, AUDIT_HEAD, OUTBOX = T["audit_event"], T["audit_head"], T["outbox"]

BATCH = 5000  # outbox entries per shared transaction
AUDIT_BATCH = 5000  # audit events per shared transaction
CHUNK = 500  # ids per IN (...) list
KEY = {"school": "code", "student": "permanent_id", "setting": "key"}  # else "id"
# tables whose shared rows get updated_at from the shared server at push
STAMPED = ("school", "student", "student_contact", "setting")
# what only an admin login may write on the shared database (docs/shared-database.md, logins):
# a change of these leaves a workstation only in a round given that login (`sync --admin`)
PRIVILEGED = frozenset({"school", "student", "student_contact", "staff_user", "setting"})


def key_of(entity_type: str) -> str:
    return KEY.get(entity_type, "id")


def content_columns(table: Table) -> list[str]:
    """The columns whose change is worth a write: all but the key and updated_at."""
    keys = {c.name for c in table.primary_key.columns}
    return [c.name for c in table.columns if c.name not in keys and c.name != "updated_at"]


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class SharedUnavailable(StoreUnavailable):
    """The shared database could not be reached or refused the round; nothing is lost."""


def failure_reason(exc: BaseException) -> str:
    """The first line of what the driver said: for the report and the log."""
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip().splitlines()
    return text_[0] if text_ else type(exc).__name__


@contextmanager
def local_transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One short local transaction; its database errors are the local store's, not shared."""
    try:
        with factory() as s, s.begin():
            yield s
    except SQLAlchemyError as exc:
        raise StoreUnavailable(msg("sync.local_unwritable", reason=str(exc))) from exc


def get_state(conn: Connection, prefix: str) -> dict[str, str]:
    rows = conn.execute(
        select(sync_state.c.key, sync_state.c.value).where(sync_state.c.key.like(f"{prefix}%"))
    )
    return {k: v for k, v in rows}


def set_state(conn: Connection, key: str, value: str) -> None:
    done = conn.execute(update(sync_state).where(sync_state.c.key == key).values(value=value))
    if done.rowcount == 0:
        conn.execute(insert(sync_state).values(key=key, value=value))


def norm(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def jsonable(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: norm(v) for k, v in row.items()}


REQUEST_CONTENT = tuple(c.name for c in REQUEST.columns if c.name != "updated_at")


def digest(
    row: Mapping[str, Any],
    identity: Sequence[Mapping[str, Any]] = (),
    decision: Sequence[Mapping[str, Any]] = (),
) -> str:
    """The content of a request — its row (but updated_at), identity check and decision — as
    both sides compare it: two workstations' decisions differ even at the same version."""
    body = json.dumps(
        [
            [norm(row[c]) for c in REQUEST_CONTENT],
            [jsonable(r) for r in sorted(identity, key=lambda r: str(r["id"]))],
            [jsonable(r) for r in sorted(decision, key=lambda r: str(r["id"]))],
        ],
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def unpushed(conn: Connection, entity_type: str, ids: Collection[str] | None = None) -> set[str]:
    """Ids of this type with outbox entries not yet pushed (among `ids`, if given)."""
    q = select(OUTBOX.c.entity_id).where(
        OUTBOX.c.pushed_at.is_(None), OUTBOX.c.entity_type == entity_type
    )
    if ids is None:
        return set(conn.scalars(q.distinct()))
    found: set[str] = set()
    for chunk in chunks(list(ids)):
        found.update(conn.scalars(q.where(OUTBOX.c.entity_id.in_(chunk)).distinct()))
    return found


def rows_in(
    conn: Connection,
    table: Table,
    column: str,
    ids: Collection[Any] | Select[Any],
    *,
    lock: bool = False,
    skip: Collection[str] = (),
) -> list[dict[str, Any]]:
    """Rows whose `column` is among `ids` (a list, or a subquery: one statement, no IN list)."""
    cols = [c for c in table.columns if c.name not in skip]
    keys = [c.name for c in cols]
    parts = [ids] if isinstance(ids, Select) else list(chunks(list(ids)))
    out: list[dict[str, Any]] = []
    for part in parts:
        q = select(*cols).where(table.c[column].in_(part))
        if lock:
            q = q.with_for_update()
        out.extend(dict(zip(keys, row, strict=True)) for row in conn.execute(q).all())
    return out


@dataclass
class KnownState:
    """A request's state known to be on the shared database (`sync_base`): the last one pulled
    or pushed, and those sent whose acknowledgement may have been lost."""

    version: int | None = None
    digest: str | None = None
    in_flight: list[tuple[int, str]] = field(default_factory=list)

    def knows(self, version: int, dig: str) -> bool:
        return (version, dig) == (self.version, self.digest) or (version, dig) in self.in_flight


def save_known(conn: Connection, request_id: str, base: KnownState) -> None:
    values = {
        "version": base.version,
        "digest": base.digest,
        "in_flight": json.dumps([list(x) for x in base.in_flight]),
    }
    done = conn.execute(
        update(sync_base)
        .where(sync_base.c.entity_type == "access_request", sync_base.c.entity_id == request_id)
        .values(**values)
    )
    if done.rowcount == 0:
        conn.execute(
            insert(sync_base).values(entity_type="access_request", entity_id=request_id, **values)
        )


def serials_free(conn: Connection, codes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop shared passcodes whose serial a different local passcode holds (one the shared
    database refused): the local store cannot hold both."""
    if not codes:
        return codes
    held = dict(
        conn.execute(
            select(PASSCODE.c.serial, PASSCODE.c.id).where(
                PASSCODE.c.serial.in_([r["serial"] for r in codes])
            )
        ).all()
    )
    keep = [r for r in codes if held.get(r["serial"], r["id"]) == r["id"]]
    if len(keep) < len(codes):
        log.warning(
            "%d shared passcode(s) not pulled: their serial is taken here", len(codes) - len(keep)
        )
    return keep
