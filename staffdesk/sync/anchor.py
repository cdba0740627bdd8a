"""Every sync round anchors the audit chains (issue 8, docs/sync.md): it checkpoints every chain
head on the shared database (`services.anchors.write_checkpoints`: the append-only
`audit_checkpoint` table, whose trigger refuses a checkpoint that does not extend the chain's
previous one), then reads back the newest checkpoint of this desk's own chain and compares it
with this store's event at that place. A match is the desk's *last verified checkpoint*, shown
in its sync status; a mismatch is said, and `staffdesk audit verify` names what happened."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.services import anchors, audit
from staffdesk.services.context import utcnow
from staffdesk.store.sync_tables import sync_state
from staffdesk.sync.rows import AUDIT_EVENT, AUDIT_HEAD, local_transaction, log, set_state
from staffdesk.sync.status import Checkpoint

STATE = "checkpoint"  # sync_state: the last verified checkpoint (status.Checkpoint)
CHECKPOINT_TABLE = "audit_checkpoint"


@dataclass(frozen=True, slots=True)
class AnchorReport:
    written: int = 0  # chain heads this round checkpointed
    refused: tuple[tuple[str, str], ...] = ()  # (chain, why): `audit verify` names it
    verified: Checkpoint | None = None  # this desk's chain, anchored up to here
    mismatch: str | None = None  # the shared checkpoint disagrees with this store's event
    missing: bool = False  # the shared database is not upgraded (no checkpoint table)


_UPGRADED: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def _has_checkpoints(shared: Engine) -> bool:
    """Has the shared database the checkpoint table (migration 0008)? Asked once per engine
    until it has: a shared database not yet upgraded still syncs, unanchored."""
    if not _UPGRADED.get(shared):
        _UPGRADED[shared] = inspect(shared).has_table(CHECKPOINT_TABLE)
    return _UPGRADED[shared]


def needs_anchor(local: sessionmaker[Session], workstation: str) -> bool:
    """Is this desk's chain ahead of its last verified checkpoint (a round that pushed but
    died before anchoring, a first round)? A local look only."""
    with local() as s:
        chain = audit.chain_of(s, workstation)
        head = s.execute(
            select(AUDIT_HEAD.c.seq).where(AUDIT_HEAD.c.chain == chain)
        ).scalar_one_or_none()
        if not head:
            return False
        found = s.execute(select(sync_state.c.value).where(sync_state.c.key == STATE)).scalar()
    last = Checkpoint.from_state(found)
    return last is None or last.chain != chain or last.seq < int(head)


def anchor(local: sessionmaker[Session], shared: Engine, workstation: str) -> AnchorReport:
    """Checkpoint every chain head (one short shared transaction), then verify this desk's
    newest checkpoint against its own store."""
    if not _has_checkpoints(shared):
        log.warning("the shared database has no %s table: upgrade it", CHECKPOINT_TABLE)
        return AnchorReport(missing=True)
    with Session(shared) as s, s.begin():
        done = anchors.write_checkpoints(s, f"sync {workstation}")
    for chain, why in done.refused:
        log.warning("the shared database refused a checkpoint of chain %s: %s", chain, why)
    with local_transaction(local) as s:
        chain = audit.chain_of(s, workstation)
    with Session(shared) as s:
        last = anchors.last_checkpoint(s, chain)
    if last is None:
        return AnchorReport(len(done.written), done.refused)
    with local_transaction(local) as s:
        conn = s.connection()
        ours = conn.execute(
            select(AUDIT_EVENT.c.hash).where(
                AUDIT_EVENT.c.chain == chain, AUDIT_EVENT.c.seq == last.seq
            )
        ).scalar_one_or_none()
        if ours != last.hash:
            why = (
                f"the shared checkpoint of chain {chain!r} at event {last.seq} does not match "
                "this store's event there: run `staffdesk audit verify` on the shared database"
            )
            log.warning("%s", why)
            return AnchorReport(len(done.written), done.refused, None, why)
        written = datetime.fromisoformat(last.written_at) if last.written_at else None
        verified = Checkpoint(chain, last.seq, written, utcnow())
        set_state(conn, STATE, verified.to_state())
    return AnchorReport(len(done.written), done.refused, verified)
