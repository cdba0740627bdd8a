"""Audit anchors (issue 8): each chain's head checkpointed into the append-only
`audit_checkpoint` table, and every chain checked against its checkpoints.

The shared database refuses a checkpoint that does not extend its chain's previous one
(migration 0008), so a chain that was truncated, deleted, re-hashed after an edit, or whose head
was moved back no longer matches what was anchored: `verify_anchors` names the chain and the
event from which it differs. An export of the checkpoints kept off the database (`staffdesk
audit checkpoints`) catches a superuser who rewrote the checkpoints as well.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from staffdesk.services.audit import ChainProblem
from staffdesk.services.context import utcnow
from staffdesk.store.models import AuditCheckpoint, AuditEvent, AuditHead, Passcode

CHECKPOINT_FORMAT = "staffdesk-audit-checkpoints"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A chain's head as a checkpoint recorded it."""

    chain: str
    seq: int
    hash: str
    written_at: str = ""
    written_by: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class CheckpointRound:
    """What one `write_checkpoints` did: the heads it anchored, and those the database refused
    (a chain that no longer extends its last checkpoint: `audit verify` says how)."""

    written: tuple[Anchor, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()  # (chain, why)
    busy: bool = False  # another writer was anchoring at that moment: nothing to add


def _anchoring_lock(session: Session) -> bool:
    """One anchoring writer at a time per shared PostgreSQL schema (it reads each statement
    afresh, so two writers could otherwise race to the same checkpoint); never waits."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    got = session.execute(
        text("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.audit_checkpoint'))")
    ).scalar_one()
    return bool(got)


def write_checkpoints(session: Session, source: str) -> CheckpointRound:
    """Anchor every chain head that moved since its last checkpoint, in the caller's
    transaction. `source` says who anchors ("portal", "sync ws-a"); the shared database stamps
    its own clock and login and refuses an anchor that does not extend the chain's previous one.
    A refusal is reported, not raised: the caller's own work goes on, and `audit verify` names
    what happened to the chain."""
    from sqlalchemy.exc import DBAPIError

    from staffdesk.store.driver_errors import database_refusal

    if not _anchoring_lock(session):
        return CheckpointRound(busy=True)
    last = dict(
        session.execute(
            select(AuditCheckpoint.chain, func.max(AuditCheckpoint.seq)).group_by(
                AuditCheckpoint.chain
            )
        ).all()
    )
    heads = session.execute(
        select(AuditHead.chain, AuditHead.seq, AuditHead.hash).order_by(AuditHead.chain)
    ).all()
    written: list[Anchor] = []
    refused: list[tuple[str, str]] = []
    now = utcnow()
    for chain, seq, hash_ in heads:
        if seq <= 0 or seq <= last.get(chain, 0):
            continue
        savepoint = session.begin_nested()
        try:
            session.execute(
                insert(AuditCheckpoint).values(
                    chain=chain, seq=seq, hash=hash_, written_at=now, written_by="", source=source
                )
            )
            savepoint.commit()
        except DBAPIError as exc:
            savepoint.rollback()
            why = database_refusal(exc)
            if why is None:  # another writer anchored the same event first: nothing is lost
                continue
            refused.append((chain, why))
            continue
        written.append(Anchor(chain, seq, hash_, now.isoformat(), "", source))
    return CheckpointRound(tuple(written), tuple(refused))


def checkpoints(session: Session) -> list[Anchor]:
    """Every checkpoint, oldest first per chain."""
    rows = session.execute(
        select(AuditCheckpoint).order_by(AuditCheckpoint.chain, AuditCheckpoint.seq)
    ).scalars()
    return [
        Anchor(
            c.chain,
            c.seq,
            c.hash,
            c.written_at.isoformat(timespec="seconds"),
            c.written_by,
            c.source,
        )
        for c in rows
    ]


def last_checkpoint(session: Session, chain: str) -> Anchor | None:
    """The newest checkpoint of a chain (a desk's sync status shows its own)."""
    row = session.execute(
        select(AuditCheckpoint)
        .where(AuditCheckpoint.chain == chain)
        .order_by(AuditCheckpoint.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    if row is None:
        return None
    return Anchor(
        row.chain,
        row.seq,
        row.hash,
        row.written_at.isoformat(timespec="seconds"),
        row.written_by,
        row.source,
    )


def checkpoints_json(anchors: Sequence[Anchor]) -> bytes:
    """The export `audit verify --against` reads back: kept off the database (printed, mailed,
    archived), it is what a superuser who rewrites the database cannot reach."""
    doc = {
        "format": CHECKPOINT_FORMAT,
        "version": 1,
        "exported_at": utcnow().isoformat(timespec="seconds"),
        "checkpoints": [
            {
                "chain": a.chain,
                "seq": a.seq,
                "hash": a.hash,
                "written_at": a.written_at,
                "written_by": a.written_by,
                "source": a.source,
            }
            for a in anchors
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode()


def export_checkpoints(session: Session, path: Path) -> list[Anchor]:
    """Every checkpoint written to `path` (owner-only, durable): what `verify --against` reads."""
    from staffdesk.private import write_private_bytes

    anchors = checkpoints(session)
    write_private_bytes(path, checkpoints_json(anchors))
    return anchors


def read_checkpoints(path: Path) -> list[Anchor]:
    """An export of `checkpoints_json`; a file that is not one is refused, naming what is off."""
    from staffdesk.domain.errors import ValidationError
    from staffdesk.domain.messages import msg

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(
            "against", msg("audit.against_unreadable", path=str(path), why=exc.strerror)
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise ValidationError("against", msg("audit.against_not_json", path=str(path))) from None
    if not isinstance(doc, dict) or doc.get("format") != CHECKPOINT_FORMAT:
        raise ValidationError("against", msg("audit.against_not_export", path=str(path)))
    out: list[Anchor] = []
    for i, item in enumerate(doc.get("checkpoints") or []):
        try:
            chain, seq, hash_ = item["chain"], item["seq"], item["hash"]
            if not (isinstance(chain, str) and isinstance(seq, int) and isinstance(hash_, str)):
                raise TypeError
        except (KeyError, TypeError):
            raise ValidationError(
                "against", msg("audit.against_entry", path=str(path), n=i + 1)
            ) from None
        out.append(
            Anchor(
                chain,
                seq,
                hash_,
                str(item.get("written_at", "")),
                str(item.get("written_by", "")),
                str(item.get("source", "")),
            )
        )
    return out


def _against(
    chain: str,
    anchors: Sequence[Anchor],
    events: dict[int, str],
    head: tuple[int, str] | None,
    label: str,
) -> list[ChainProblem]:
    """One chain's events and head against its checkpoints (oldest first)."""
    if not anchors:
        return []
    if not events:
        newest = anchors[-1]
        return [
            ChainProblem(
                chain,
                1,
                f"the whole chain is gone: {label} anchored it at event {newest.seq}"
                + ("" if head is None else "; its head was reset"),
            )
        ]
    problems: list[ChainProblem] = []
    last_seq = max(events)
    good = 0  # the newest anchored event the chain still holds unchanged
    for a in anchors:
        found = events.get(a.seq)
        if found is None:
            problems.append(
                ChainProblem(
                    chain,
                    last_seq + 1,
                    f"truncated: events {last_seq + 1} to {a.seq} were deleted ({label} "
                    f"anchored event {a.seq})",
                )
            )
            break
        if found != a.hash:
            problems.append(
                ChainProblem(
                    chain,
                    good + 1,
                    f"rewritten: event {a.seq} is not the one {label} anchored; the chain was "
                    f"changed from event {good + 1} on and its hashes recomputed",
                )
            )
            break
        good = a.seq
    if head is not None and head[0] < anchors[-1].seq:
        problems.append(
            ChainProblem(
                chain,
                head[0] + 1,
                f"head moved back: it says event {head[0]}, {label} anchored event "
                f"{anchors[-1].seq}",
            )
        )
    return problems


def verify_anchors(
    session: Session, against: Sequence[Anchor] | None = None
) -> tuple[ChainProblem, ...]:
    """Every chain against its checkpoints in the database, and against an exported set when
    given (which also shows a checkpoint deleted or changed in the database)."""
    stored = checkpoints(session)
    sets: list[tuple[str, list[Anchor]]] = [("a checkpoint", stored)]
    problems: list[ChainProblem] = []
    if against is not None:
        sets.append(("the exported checkpoint", list(against)))
        mine = {(a.chain, a.seq): a.hash for a in stored}
        for a in against:
            there = mine.get((a.chain, a.seq))
            if there is None:
                problems.append(
                    ChainProblem(
                        a.chain, a.seq, "its exported checkpoint is gone from the database"
                    )
                )
            elif there != a.hash:
                problems.append(
                    ChainProblem(a.chain, a.seq, "its checkpoint in the database was changed")
                )
    heads = {h.chain: (h.seq, h.hash) for h in session.execute(select(AuditHead)).scalars()}
    for label, anchors in sets:
        by_chain: dict[str, list[Anchor]] = {}
        for a in sorted(anchors, key=lambda a: (a.chain, a.seq)):
            by_chain.setdefault(a.chain, []).append(a)
        for chain, chain_anchors in sorted(by_chain.items()):
            events = dict(
                session.execute(
                    select(AuditEvent.seq, AuditEvent.hash).where(AuditEvent.chain == chain)
                ).all()
            )
            for p in _against(chain, chain_anchors, events, heads.get(chain), label):
                if p not in problems and not any(
                    q.chain == p.chain and q.seq == p.seq for q in problems
                ):
                    problems.append(p)
    return tuple(problems)


ISSUE_ACTIONS = ("passcode.issue", "passcode.reissue")


def verify_passcodes(session: Session) -> list[ChainProblem]:
    """The passcodes against the trail, on a shared database (a desk's own store lacks the
    other desks' chains): a code with no issuance event was not issued by StaffDesk, and a code
    the trail revoked that is live again was revived. Either needs the triggers off: only a
    database superuser could have done it (docs/shared-database.md, Threat model)."""
    if session.get_bind().dialect.name == "sqlite":
        return []
    issued = select(AuditEvent.entity_id).where(
        AuditEvent.entity_type == "passcode", AuditEvent.action.in_(ISSUE_ACTIONS)
    )
    problems = [
        ChainProblem(
            workstation,
            0,
            f"passcode {serial} has no issuance event in any chain: StaffDesk did not issue it",
        )
        for serial, workstation in session.execute(
            select(Passcode.serial, Passcode.workstation)
            .where(Passcode.id.not_in(issued))
            .order_by(Passcode.serial)
        )
    ]
    revived = session.execute(
        select(AuditEvent.chain, AuditEvent.seq, Passcode.serial)
        .join(Passcode, Passcode.id == AuditEvent.entity_id)
        .where(
            AuditEvent.entity_type == "passcode",
            AuditEvent.action == "passcode.revoke",
            Passcode.revoked_at.is_(None),
        )
        .order_by(AuditEvent.chain, AuditEvent.seq)
    )
    problems += [
        ChainProblem(chain, seq, f"passcode {serial} was revoked here but is live again")
        for chain, seq, serial in revived
    ]
    return problems
