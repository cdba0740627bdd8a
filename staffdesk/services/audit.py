"""The audit trail: every state change and portal check, chained by SHA-256 per writer.

Also the outbox: the same call that audits a change queues it for the shared database, so the
local store, the outbox and the audit log are written in one transaction.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from staffdesk.private import write_private_text_with
from staffdesk.services.context import Actor, utcnow
from staffdesk.store.models import AuditCheckpoint, AuditEvent, AuditHead, Outbox, new_id
from staffdesk.store.sync_tables import sync_state

if TYPE_CHECKING:
    from staffdesk.services.anchors import Anchor, CheckpointRound

GENESIS = "0" * 64
PORTAL_CHAIN = "portal"
# sync_state key (a workstation's local store only): the chain segment it writes for a
# workstation after `staffdesk sync --new-segment` (sync/identity.py); else the name itself
CHAIN_STATE = "chain:"


def chain_of(session: Session, workstation: str) -> str:
    """The chain this store writes a workstation's events to."""
    if session.get_bind().dialect.name != "sqlite":  # segments are a local store's matter
        return workstation
    found = session.execute(
        select(sync_state.c.value).where(sync_state.c.key == CHAIN_STATE + workstation)
    ).scalar_one_or_none()
    return str(found) if found else workstation


def _digest(prev_hash: str, fields: dict[str, Any]) -> str:
    body = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + "\n" + body).encode()).hexdigest()


def _fields(e: AuditEvent) -> dict[str, Any]:
    return {
        "id": e.id,
        "chain": e.chain,
        "seq": e.seq,
        "at": e.at.isoformat(timespec="microseconds"),
        "actor": e.actor,
        "workstation": e.workstation,
        "action": e.action,
        "entity_type": e.entity_type,
        "entity_id": e.entity_id,
        "details": e.details,
    }


@dataclass(frozen=True, slots=True)
class Change:
    """One state change to audit (and, for office changes, to queue for the shared database)."""

    action: str
    entity_type: str
    entity_id: str
    details: dict[str, Any] | None = None


def append_many(
    session: Session,
    *,
    actor: str,
    workstation: str,
    changes: Sequence[Change],
    chain: str | None = None,
    at: datetime | None = None,
) -> None:
    """Add events at the end of their chain; the head row lock serialises concurrent writers."""
    if not changes:
        return
    chain = chain or chain_of(session, workstation)
    head = session.execute(
        select(AuditHead).where(AuditHead.chain == chain).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        head = AuditHead(chain=chain, seq=0, hash=GENESIS)
        session.add(head)
    when = at or utcnow()
    rows: list[dict[str, Any]] = []
    seq, prev = head.seq, head.hash
    for c in changes:
        seq += 1
        event = AuditEvent(
            id=new_id(),
            chain=chain,
            seq=seq,
            at=when,
            actor=actor,
            workstation=workstation,
            action=c.action,
            entity_type=c.entity_type,
            entity_id=c.entity_id,
            details=json.dumps(c.details or {}, sort_keys=True, ensure_ascii=False, default=str),
            prev_hash=prev,
        )
        event.hash = prev = _digest(event.prev_hash, _fields(event))
        rows.append({col: getattr(event, col) for col in _COLUMNS})
    session.execute(insert(AuditEvent), rows)
    head.seq, head.hash = seq, prev
    session.flush()


_COLUMNS = [c.key for c in AuditEvent.__table__.columns]


def rechain(session: Session, events: Sequence[dict[str, Any]], chain: str) -> None:
    """Append events that never left this store to the end of another chain (a new segment):
    the same ids and content, new places and hashes. The caller has removed them from their
    old chain."""
    head = session.execute(
        select(AuditHead).where(AuditHead.chain == chain).with_for_update()
    ).scalar_one()
    seq, prev = head.seq, head.hash
    rows: list[dict[str, Any]] = []
    for old in events:
        seq += 1
        event = AuditEvent(
            **{c: old[c] for c in _COLUMNS if c not in ("chain", "seq", "prev_hash", "hash")},
            chain=chain,
            seq=seq,
            prev_hash=prev,
        )
        event.hash = prev = _digest(event.prev_hash, _fields(event))
        rows.append({col: getattr(event, col) for col in _COLUMNS})
    session.execute(insert(AuditEvent), rows)
    head.seq, head.hash = seq, prev
    session.flush()


def append(
    session: Session,
    *,
    actor: str,
    workstation: str,
    action: str,
    entity_type: str,
    entity_id: str,
    details: dict[str, Any] | None = None,
    chain: str | None = None,
    at: datetime | None = None,
) -> None:
    append_many(
        session,
        actor=actor,
        workstation=workstation,
        changes=[Change(action, entity_type, entity_id, details)],
        chain=chain,
        at=at,
    )


def record_changes(session: Session, actor: Actor, changes: Sequence[Change]) -> None:
    """Audit state changes and queue them for the shared database, in the caller's transaction."""
    if not changes:
        return
    append_many(session, actor=actor.username, workstation=actor.workstation, changes=changes)
    session.execute(
        insert(Outbox),
        [
            {"entity_type": c.entity_type, "entity_id": c.entity_id, "action": c.action}
            for c in changes
        ],
    )


def record_change(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: str,
    details: dict[str, Any] | None = None,
) -> None:
    record_changes(session, actor, [Change(action, entity_type, entity_id, details)])


@dataclass(frozen=True, slots=True)
class ChainProblem:
    chain: str
    seq: int
    problem: str


@dataclass(frozen=True, slots=True)
class AuditReport:
    events: int
    chains: int
    problems: tuple[ChainProblem, ...]
    anchored: int = 0  # chains with at least one checkpoint

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, against: Sequence[Anchor] | None = None) -> AuditReport:
    """Recompute every chain: an edited, deleted, inserted or reordered event breaks it. Then
    check each chain against its checkpoints (and an exported set, `against`): a truncated or
    deleted chain, a chain re-hashed after an edit, a head moved back are named with the event
    from which the chain differs."""
    problems: list[ChainProblem] = []
    heads = {h.chain: h for h in session.execute(select(AuditHead)).scalars()}
    chains: dict[str, tuple[int, str]] = {}
    count = 0
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.chain, AuditEvent.seq)).scalars()
    for e in rows:
        count += 1
        seq, prev = chains.get(e.chain, (0, GENESIS))
        if e.seq != seq + 1:
            problems.append(ChainProblem(e.chain, e.seq, f"expected event {seq + 1}: missing"))
        if e.prev_hash != prev:
            problems.append(ChainProblem(e.chain, e.seq, "does not follow the previous event"))
        if _digest(e.prev_hash, _fields(e)) != e.hash:
            problems.append(ChainProblem(e.chain, e.seq, "its content was changed"))
        chains[e.chain] = (e.seq, e.hash)
        session.expunge(e)
    for chain, head in heads.items():
        seq, last = chains.get(chain, (0, GENESIS))
        if (seq, last) != (head.seq, head.hash):
            problems.append(
                ChainProblem(chain, head.seq, f"chain ends at event {seq}, expected {head.seq}")
            )
    for chain in chains.keys() - heads.keys():
        problems.append(ChainProblem(chain, 0, "chain has no head record"))
    from staffdesk.services.anchors import verify_anchors, verify_passcodes

    for p in [*verify_anchors(session, against), *verify_passcodes(session)]:
        if p not in problems:
            problems.append(p)
    anchored = len(session.scalars(select(AuditCheckpoint.chain).distinct()).all())
    return AuditReport(count, len(chains), tuple(problems), anchored)


EXPORT_COLUMNS = (
    "chain",
    "seq",
    "at",
    "actor",
    "workstation",
    "action",
    "entity_type",
    "entity_id",
    "details",
    "hash",
)


# OWASP CSV injection: a cell a spreadsheet would read as a formula gets a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """The cell as text, prefixed with ' when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_csv(session: Session, actor: Actor, path: Path) -> int:
    """Write the whole trail as CSV (admin only), owner-only and safe to open in a spreadsheet;
    the export itself is audited."""
    from staffdesk.domain.workflow import Role

    actor.require(Role.ADMIN, "exporting the audit trail")

    def write(fh: TextIO) -> int:
        w = csv.writer(fh)
        w.writerow(EXPORT_COLUMNS)
        rows = session.execute(
            select(AuditEvent).order_by(AuditEvent.at, AuditEvent.chain, AuditEvent.seq)
        ).scalars()
        count = 0
        for e in rows:
            d = _fields(e) | {"hash": e.hash}
            w.writerow([spreadsheet_safe(d[c]) for c in EXPORT_COLUMNS])
            count += 1
        return count

    n = write_private_text_with(path, write)
    append(
        session,
        actor=actor.username,
        workstation=actor.workstation,
        action="audit.export",
        entity_type="audit",
        entity_id="*",
        details={"events": n},
    )
    return n


def write_checkpoints(session: Session, source: str) -> CheckpointRound:
    """Anchor every chain head that moved since its last checkpoint (services/anchors.py): the
    portal check and every sync round call it in their own transaction."""
    from staffdesk.services import anchors

    return anchors.write_checkpoints(session, source)
