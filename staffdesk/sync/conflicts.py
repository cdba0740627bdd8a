"""Conflicts: a request someone else changed first, or a change the shared database refused.

Both versions are kept for staff to review; the local copy is refreshed from the shared one, and
passcodes issued on the losing copy are revoked locally and never pushed."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from staffdesk.domain.messages import msg
from staffdesk.services import audit
from staffdesk.services.context import utcnow
from staffdesk.store.sync_tables import sync_conflict
from staffdesk.sync.batch import Entity
from staffdesk.sync.rows import (
    DECISION,
    IDENTITY,
    OUTBOX,
    PASSCODE,
    REQUEST,
    KnownState,
    digest,
    jsonable,
    rows_in,
    save_known,
    serials_free,
)
from staffdesk.sync.upsert import Mode, upsert

SYNC_ACTOR = "sync"  # who revokes a passcode a conflict voided


@dataclass(frozen=True, slots=True)
class ConflictView:
    """A change the shared database did not take, with both versions, for staff to review."""

    id: int
    kind: str  # "conflict": someone else changed it first; "rejected": the database refused it
    entity_type: str
    entity_id: str
    local_version: int | None
    shared_version: int | None
    local: dict[str, Any]  # this workstation's version (the one that lost)
    shared: dict[str, Any]  # the shared database's version (kept, and now the local copy)
    message: str
    detected_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None


@dataclass
class Conflict:
    request_id: str
    local: dict[str, Any]
    shared: dict[str, Any]
    shared_identity: list[dict[str, Any]]
    shared_decision: list[dict[str, Any]]
    shared_passcodes: list[dict[str, Any]]


def _conflict_view(row: Mapping[str, Any]) -> ConflictView:
    return ConflictView(
        id=row["id"],
        kind=row["kind"],
        entity_type=row["entity_type"],
        entity_id=row["entity_id"],
        local_version=row["local_version"],
        shared_version=row["shared_version"],
        local=json.loads(row["local_state"]),
        shared=json.loads(row["shared_state"]),
        message=row["message"],
        detected_at=row["detected_at"],
        resolved_at=row["resolved_at"],
        resolved_by=row["resolved_by"],
    )


def _insert_conflict(conn: Connection, values: dict[str, Any]) -> ConflictView:
    key = conn.execute(insert(sync_conflict).values(**values)).inserted_primary_key
    assert key is not None
    new_id = key[0]
    row = conn.execute(select(sync_conflict).where(sync_conflict.c.id == new_id)).mappings().one()
    return _conflict_view(dict(row))


def _describe(row: Mapping[str, Any], decision: list[dict[str, Any]]) -> str:
    text_ = f"version {row['version']}, {row['status']}"
    if decision:
        d = decision[0]
        text_ += f" by {d['decided_by']} at {d['workstation']}"
    return text_


def record_conflict(s: Session, c: Conflict, workstation: str, now: datetime) -> ConflictView:
    """Keep both versions, refresh the local copy from the shared one, revoke what it issued."""
    conn = s.connection()
    rid = c.request_id
    mine = dict(conn.execute(select(REQUEST).where(REQUEST.c.id == rid)).mappings().one())
    my_idc = rows_in(conn, IDENTITY, "request_id", [rid])
    my_dec = rows_in(conn, DECISION, "request_id", [rid])
    my_codes = rows_in(conn, PASSCODE, "request_id", [rid])
    shared_ids = {p["id"] for p in c.shared_passcodes}
    orphans = [p["id"] for p in my_codes if p["id"] not in shared_ids]
    message = (
        f"request {rid} (student {c.shared['permanent_id']}) was changed on another "
        f"workstation first: the shared copy is at {_describe(c.shared, c.shared_decision)}; "
        f"yours was at {_describe(mine, my_dec)}. The shared copy was kept and is now shown; "
        "check the request and act on it again if needed"
        + (f"; {len(orphans)} passcode(s) issued on your copy were revoked" if orphans else "")
    )
    view = _insert_conflict(
        conn,
        {
            "kind": "conflict",
            "entity_type": "access_request",
            "entity_id": rid,
            "local_version": mine["version"],
            "shared_version": c.shared["version"],
            "local_state": json.dumps(_state(mine, my_idc, my_dec, my_codes), ensure_ascii=False),
            "shared_state": json.dumps(
                _state(c.shared, c.shared_identity, c.shared_decision, c.shared_passcodes),
                ensure_ascii=False,
            ),
            "message": message,
            "detected_at": now,
        },
    )
    # the fresh view: the shared copy replaces the local one
    conn.execute(
        update(REQUEST)
        .where(REQUEST.c.id == rid)
        .values(**{k: v for k, v in c.shared.items() if k != "id"})
    )
    for table, rows in ((IDENTITY, c.shared_identity), (DECISION, c.shared_decision)):
        keep = [r["id"] for r in rows]
        conn.execute(delete(table).where(table.c.request_id == rid, table.c.id.not_in(keep)))
        upsert(conn, table, rows, Mode.REPLACE)
    upsert(conn, PASSCODE, serials_free(conn, c.shared_passcodes), Mode.PORTAL)
    if orphans:
        conn.execute(
            update(PASSCODE)
            .where(PASSCODE.c.id.in_(orphans), PASSCODE.c.revoked_at.is_(None))
            .values(
                revoked_at=now,
                revoked_by=SYNC_ACTOR,
                revoke_reason=f"sync conflict #{view.id}: the request changed elsewhere first",
            )
        )
    conn.execute(
        update(OUTBOX)
        .where(
            OUTBOX.c.pushed_at.is_(None),
            or_(
                and_(OUTBOX.c.entity_type == "access_request", OUTBOX.c.entity_id == rid),
                and_(OUTBOX.c.entity_type == "passcode", OUTBOX.c.entity_id.in_(orphans)),
            ),
        )
        .values(pushed_at=now)
    )
    shared_digest = digest(c.shared, c.shared_identity, c.shared_decision)
    save_known(conn, rid, KnownState(int(c.shared["version"]), shared_digest))
    audit.append(
        s,
        actor=SYNC_ACTOR,
        workstation=workstation,
        action="sync.conflict",
        entity_type="access_request",
        entity_id=rid,
        details={
            "conflict": view.id,
            "local_version": mine["version"],
            "shared_version": c.shared["version"],
            "revoked_passcodes": orphans,
        },
    )
    return view


def _state(
    row: Mapping[str, Any],
    identity: list[dict[str, Any]],
    decision: list[dict[str, Any]],
    passcodes: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "access_request": jsonable(row),
        "identity_check": jsonable(identity[0]) if identity else None,
        "decision": jsonable(decision[0]) if decision else None,
        # the hash is a secret's stand-in: leave it out of what staff are shown
        "passcodes": [jsonable({k: v for k, v in p.items() if k != "vpc_hash"}) for p in passcodes],
    }


def record_rejection(conn: Connection, entity: Entity, message: str, now: datetime) -> ConflictView:
    main = entity.rows.get(entity.type, [{}])
    local_state = {t: [jsonable(r) for r in rows] for t, rows in entity.rows.items()}
    local_state.get("passcode", [{}])[0].pop("vpc_hash", None)
    view = _insert_conflict(
        conn,
        {
            "kind": "rejected",
            "entity_type": entity.type,
            "entity_id": entity.id,
            "local_version": main[0].get("version") if main else None,
            "shared_version": None,
            "local_state": json.dumps(local_state, ensure_ascii=False),
            "shared_state": "{}",
            "message": f"the shared database refused {entity.type} {entity.id}: {message}",
            "detected_at": now,
        },
    )
    if entity.type == "passcode":  # the portal will never see it: its slip is void
        conn.execute(
            update(PASSCODE)
            .where(PASSCODE.c.id == entity.id, PASSCODE.c.revoked_at.is_(None))
            .values(
                revoked_at=now,
                revoked_by=SYNC_ACTOR,
                revoke_reason=f"sync #{view.id}: refused by the shared database",
            )
        )
    return view


def list_conflicts(local_session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    """Conflicts and refused changes, newest first, each with both versions."""
    q = select(sync_conflict).order_by(sync_conflict.c.id.desc())
    if not include_resolved:
        q = q.where(sync_conflict.c.resolved_at.is_(None))
    return [_conflict_view(dict(r)) for r in local_session.connection().execute(q).mappings()]


def resolve_conflict(local_session: Session, conflict_id: int, username: str) -> ConflictView:
    """Staff have seen it: take it off the open list (the caller commits)."""
    conn = local_session.connection()
    done = conn.execute(
        update(sync_conflict)
        .where(sync_conflict.c.id == conflict_id, sync_conflict.c.resolved_at.is_(None))
        .values(resolved_at=utcnow(), resolved_by=username)
    )
    row = conn.execute(select(sync_conflict).where(sync_conflict.c.id == conflict_id)).mappings()
    found = row.one_or_none()
    if found is None or (done.rowcount == 0 and found["resolved_at"] is None):
        from staffdesk.domain.errors import NotFound

        raise NotFound(msg("sync.no_conflict", id=conflict_id))
    return _conflict_view(dict(found))
