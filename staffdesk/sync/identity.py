"""Is the shared database's audit chain for this workstation this store's own? (docs/sync.md)

Each workstation writes one audit chain, named after it, and pushes it to the shared database.
Two things in real life break that, and each round checks for them before it pushes:

- **restored from a backup**: the store is behind what it already sent (the shared chain runs on
  past this store's head, or this store went on from an older event than the shared one's
  head). `RestoredWorkstation`.
- **two desks with one name**: the shared chain holds other events from its very first one.
  `DuplicateWorkstation`.

`new_segment` lets a restored desk go on safely: its events that never reached the shared
database move to a new chain, `NAME~N`, whose first event (`audit.segment`) names the old chain
and the exact event, and the shared head, it continues from; the old chain stays as the shared
database has it. Outbox entries are not touched: the unsent work goes out with the next round.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, String, delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.domain.errors import (
    DuplicateWorkstation,
    RestoredWorkstation,
    ValidationError,
    WorkstationIdentityProblem,
)
from staffdesk.domain.messages import msg
from staffdesk.services import audit
from staffdesk.sync.rows import (
    AUDIT_EVENT,
    AUDIT_HEAD,
    SharedUnavailable,
    failure_reason,
    get_state,
    log,
    set_state,
)

SEGMENT_MARK = "~"  # NAME~2, NAME~3 …: the segments of a workstation's chain
RETIRED = "retired:"  # sync_state: a chain this store no longer writes → the segment after it


@dataclass(frozen=True, slots=True)
class ChainState:
    chain: str
    local_seq: int
    local_hash: str
    shared_seq: int
    shared_hash: str
    agreed: int  # the last event both sides hold alike (from the first one on)


def _local_hash(conn: Connection, chain: str, seq: int) -> str | None:
    found = conn.execute(
        select(AUDIT_EVENT.c.hash).where(AUDIT_EVENT.c.chain == chain, AUDIT_EVENT.c.seq == seq)
    ).scalar_one_or_none()
    return None if found is None else str(found)


def _hashes(conn: Connection, chain: str, upto: int) -> dict[int, str]:
    q = select(AUDIT_EVENT.c.seq, AUDIT_EVENT.c.hash).where(
        AUDIT_EVENT.c.chain == chain, AUDIT_EVENT.c.seq <= upto
    )
    return {int(s): str(h) for s, h in conn.execute(q)}


def _agreed(lconn: Connection, sconn: Connection, chain: str, upto: int) -> int:
    """The length of the history both hold alike: events 1 … n with the same hashes."""
    if upto <= 0:
        return 0
    mine, theirs = _hashes(lconn, chain, upto), _hashes(sconn, chain, upto)
    n = 0
    while n + 1 in mine and mine[n + 1] == theirs.get(n + 1):
        n += 1
    return n


def own_chains(conn: Connection) -> dict[str, tuple[int, str]]:
    """This store's chains that it still writes (not the portal's, not retired): head each."""
    retired = set(get_state(conn, RETIRED))
    return {
        str(c): (int(s), str(h))
        for c, s, h in conn.execute(select(AUDIT_HEAD.c.chain, AUDIT_HEAD.c.seq, AUDIT_HEAD.c.hash))
        if c != audit.PORTAL_CHAIN and f"{RETIRED}{c}" not in retired
    }


def unsent(local: sessionmaker[Session]) -> bool:
    """Has this store audit events not yet on the shared database (a local look only)? Only
    then is its chain compared with the shared one: an idle round asks the shared database
    nothing more."""
    with local() as s:
        conn = s.connection()
        marks = {k.split(":", 1)[1]: int(v) for k, v in get_state(conn, "audit:").items()}
        return any(seq > marks.get(c, 0) for c, (seq, _) in own_chains(conn).items())


def _problem(state: ChainState, workstation: str) -> WorkstationIdentityProblem:
    c = state.chain
    if state.agreed == 0 and state.shared_seq > 0 and state.local_seq > 0:
        return DuplicateWorkstation(
            msg("sync.duplicate", workstation=workstation, chain=c, n=state.shared_seq), c
        )
    if state.local_seq == 0:
        return DuplicateWorkstation(
            msg("sync.duplicate_empty", workstation=workstation, n=state.shared_seq), c
        )
    unsent = state.local_seq - state.agreed
    code = "sync.restored_unsent" if unsent else "sync.restored"
    return RestoredWorkstation(
        msg(code, chain=c, shared=state.shared_seq, agreed=state.agreed, unsent=unsent), c
    )


def inspect(lconn: Connection, sconn: Connection) -> list[ChainState]:
    """The state of each chain this store writes against the shared database's."""
    mine = own_chains(lconn)
    if not mine:
        return []
    theirs = {
        str(c): (int(s), str(h))
        for c, s, h in sconn.execute(
            select(AUDIT_HEAD.c.chain, AUDIT_HEAD.c.seq, AUDIT_HEAD.c.hash).where(
                AUDIT_HEAD.c.chain.in_(sorted(mine))
            )
        )
    }
    out = []
    for chain, (lseq, lhash) in sorted(mine.items()):
        sseq, shash = theirs.get(chain, (0, audit.GENESIS))
        if sseq == 0:
            agreed = 0  # nothing of it there yet
        elif sseq <= lseq and _local_hash(lconn, chain, sseq) == shash:
            agreed = sseq  # the shared head is one of ours: all is well
        else:
            agreed = _agreed(lconn, sconn, chain, min(lseq, sseq))
        out.append(ChainState(chain, lseq, lhash, sseq, shash, agreed))
    return out


def _healthy(state: ChainState) -> bool:
    return state.agreed == state.shared_seq


def check(local: sessionmaker[Session], shared: Engine, workstation: str) -> None:
    """Raise RestoredWorkstation or DuplicateWorkstation if a chain of this store is not the
    shared database's. One small query when all is well."""
    with shared.connect() as sconn, local() as s:  # errors: the round reports them
        for state in inspect(s.connection(), sconn):
            if not _healthy(state):
                raise _problem(state, workstation)


@dataclass(frozen=True, slots=True)
class Segment:
    old_chain: str
    new_chain: str
    continues_from: int  # the old chain's last event this store and the shared database share
    moved: int  # events of this store's that never reached the shared database, now on new_chain
    problem: str  # what was found

    def text(self) -> str:
        return (
            f"{self.problem}\nnew chain segment {self.new_chain!r}: it continues "
            f"{self.old_chain!r} from event {self.continues_from}; {self.moved} audit event(s) "
            "not yet sent moved onto it. Run `staffdesk sync` to send the waiting changes"
        )


def _next_segment(sconn: Connection, lconn: Connection, workstation: str, old: str) -> str:
    """The chain to go on in: the workstation's own name if it was renamed to one no chain has,
    else its next segment NAME~2, NAME~3 …"""
    base = workstation.split(SEGMENT_MARK)[0]
    taken: set[str] = set()
    for conn in (sconn, lconn):
        taken.update(
            str(c)
            for c in conn.scalars(
                select(AUDIT_HEAD.c.chain).where(
                    AUDIT_HEAD.c.chain.like(f"{base}{SEGMENT_MARK}%") | (AUDIT_HEAD.c.chain == base)
                )
            )
        )
    if base != old.split(SEGMENT_MARK)[0] and base not in taken:
        return base
    n = 2
    while f"{base}{SEGMENT_MARK}{n}" in taken:
        n += 1
    name = f"{base}{SEGMENT_MARK}{n}"
    chain_type = AUDIT_HEAD.c.chain.type
    assert isinstance(chain_type, String) and chain_type.length is not None
    if len(name) > chain_type.length:
        raise ValidationError("workstation", msg("sync.segment_name_long"))
    return name


def new_segment(local: sessionmaker[Session], shared: Engine, workstation: str) -> Segment:
    """Continue a restored (or renamed-into-place) desk on a new chain segment. Refused when
    the chain is fine: there is nothing to step aside from."""
    try:
        return _new_segment(local, shared, workstation)
    except SQLAlchemyError as exc:
        raise SharedUnavailable(failure_reason(exc)) from exc


def _new_segment(local: sessionmaker[Session], shared: Engine, workstation: str) -> Segment:
    with shared.connect() as sconn, local() as s, s.begin():
        lconn = s.connection()
        states = [st for st in inspect(lconn, sconn) if not _healthy(st)]
        if not states:
            raise ValidationError("--new-segment", msg("sync.segment_not_needed"))
        state = states[0]
        problem = _problem(state, workstation).message
        old = state.chain
        new = _next_segment(sconn, lconn, workstation, old)
        keep = state.agreed
        mine = [
            dict(r)
            for r in lconn.execute(
                select(AUDIT_EVENT)
                .where(AUDIT_EVENT.c.chain == old, AUDIT_EVENT.c.seq > keep)
                .order_by(AUDIT_EVENT.c.seq)
            ).mappings()
        ]
        kept_hash = (_local_hash(lconn, old, keep) if keep else None) or audit.GENESIS
        # the old chain, here, ends where the shared one agrees with it; it is not written again
        lconn.execute(
            delete(AUDIT_EVENT).where(AUDIT_EVENT.c.chain == old, AUDIT_EVENT.c.seq > keep)
        )
        if keep:
            lconn.execute(
                update(AUDIT_HEAD).where(AUDIT_HEAD.c.chain == old).values(seq=keep, hash=kept_hash)
            )
        else:
            lconn.execute(delete(AUDIT_HEAD).where(AUDIT_HEAD.c.chain == old))
        set_state(lconn, f"audit:{old}", str(keep))
        set_state(lconn, f"{RETIRED}{old}", new)
        set_state(lconn, f"{audit.CHAIN_STATE}{workstation}", new)
        details = {
            "continues": old,
            "from_seq": keep,
            "from_hash": kept_hash,
            "shared_head_seq": state.shared_seq,
            "shared_head_hash": state.shared_hash,
            "moved": len(mine),
            "reason": "restored" if keep else "duplicate",
        }
        s.flush()
        audit.append(
            s,
            actor="sync",
            workstation=workstation,
            action="audit.segment",
            entity_type="audit_chain",
            entity_id=old,
            details=details,
            chain=new,
        )
        if mine:
            audit.rechain(s, mine, new)
        log.warning(
            "audit chain %s continued on %s from event %d; %d unsent event(s) moved",
            old,
            new,
            keep,
            len(mine),
        )
    return Segment(old, new, keep, len(mine), problem)
