"""Reading the outbox into a batch: the oldest waiting entries, the current local state of each
entity they name, the parents still waiting with them, and the audit events not yet pushed."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, select, true

from staffdesk.services import audit
from staffdesk.store.sync_tables import sync_base
from staffdesk.sync.rows import (
    AUDIT_EVENT,
    AUDIT_HEAD,
    DECISION,
    IDENTITY,
    OUTBOX,
    PASSCODE,
    PRIVILEGED,
    REQUEST,
    SLIP_LOG,
    STAFF,
    STAFF_SCHOOL,
    STAMPED,
    KnownState,
    T,
    digest,
    get_state,
    key_of,
    rows_in,
    save_known,
    unpushed,
)
from staffdesk.sync.upsert import PORTAL_COLUMNS

# the tables a push writes, parents before children
ORDER = (
    "school",
    "student",
    "student_contact",
    "staff_user",
    "setting",
    "access_request",
    "passcode",
    "slip_print_log",
)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which waiting entries one push may send: an admin login sends the privileged ones (staff,
    settings, roster), the workstation's own login everything else and its audit chains."""

    only: frozenset[str] | None = None  # entity types it sends (None: all)
    skip: frozenset[str] = frozenset()
    audit: bool = True  # the workstation's audit chains go along

    def where(self) -> ColumnElement[bool]:
        """The outbox entries in scope."""
        cond: ColumnElement[bool] = true()
        if self.only is not None:
            cond = OUTBOX.c.entity_type.in_(sorted(self.only))
        if self.skip:
            cond = cond & OUTBOX.c.entity_type.not_in(sorted(self.skip))
        return cond


EVERYTHING = Scope()
ADMIN = Scope(only=PRIVILEGED, audit=False)  # the admin login's push
OFFICE = Scope(skip=PRIVILEGED)  # the workstation login's push: never staff, settings, roster


@dataclass(slots=True)
class Entity:
    type: str
    id: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # table → rows
    deleted: bool = False


@dataclass
class Batch:
    seqs: list[int] = field(default_factory=list)
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    bases: dict[str, KnownState] = field(default_factory=dict)
    audit: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    last_seq: int = 0  # the last outbox entry read (held ones included): where the next starts
    held: set[tuple[str, str]] = field(default_factory=set)  # waiting for a parent not sent

    _by_table: dict[str, list[dict[str, Any]]] | None = None

    def rows(self, table: str) -> list[dict[str, Any]]:
        if self._by_table is None:
            self._by_table = {}
            for e in self.entities.values():
                for name, rows in e.rows.items():
                    self._by_table.setdefault(name, []).extend(rows)
        return self._by_table.get(table, [])

    def deleted(self, entity_type: str) -> list[str]:
        return [e.id for e in self.entities.values() if e.type == entity_type and e.deleted]

    def _ordered(self) -> list[Entity]:
        rank = {t: i for i, t in enumerate(ORDER)}
        return sorted(self.entities.values(), key=lambda e: rank.get(e.type, len(ORDER)))

    def units(self) -> list[Batch]:
        """One batch per entity, parents first: for finding the one a database refuses."""
        return [Batch(entities={(e.type, e.id): e}, bases=self.bases) for e in self._ordered()]

    @property
    def empty(self) -> bool:
        return not self.seqs and not self.audit


PARENTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    # entity type: (table holding the reference, column, parent entity type)
    "passcode": (
        ("passcode", "request_id", "access_request"),
        ("passcode", "permanent_id", "student"),
    ),
    "access_request": (
        ("access_request", "permanent_id", "student"),
        ("access_request", "school_code", "school"),
    ),
    "student_contact": (("student_contact", "permanent_id", "student"),),
    "student": (("student", "school_code", "school"),),
    "staff_user": (("staff_school", "school_code", "school"),),
    "slip_print_log": (("slip_print_log", "passcode_id", "passcode"),),
}


def entity_digest(entity: Entity) -> str:
    rows = entity.rows
    return digest(
        rows["access_request"][0], rows.get("identity_check", ()), rows.get("decision", ())
    )


def _load(
    conn: Connection, entity_type: str, ids: Collection[str], within: Select[Any] | None = None
) -> dict[str, Entity]:
    """The current local state of these entities, as rows per table (`within`: a subquery
    naming the same ids, read in one statement)."""
    found: dict[str, Entity] = {}
    source: Collection[str] | Select[Any] = ids if within is None else within

    def add(table: str, rows: list[dict[str, Any]], column: str) -> None:
        for r in rows:
            e = found.get(r[column])
            if e is None:
                e = found[r[column]] = Entity(entity_type, r[column])
            if table in e.rows:
                e.rows[table].append(r)
            else:
                e.rows[table] = [r]

    if entity_type in STAMPED:  # updated_at is the shared server's to set: not read
        key = key_of(entity_type)
        add(entity_type, rows_in(conn, T[entity_type], key, source, skip=("updated_at",)), key)
    elif entity_type == "slip_print_log":
        add(entity_type, rows_in(conn, SLIP_LOG, "id", source), "id")
    elif entity_type == "staff_user":
        add("staff_user", rows_in(conn, STAFF, "id", source), "id")
        add("staff_school", rows_in(conn, STAFF_SCHOOL, "staff_id", source), "staff_id")
    elif entity_type == "access_request":
        add("access_request", rows_in(conn, REQUEST, "id", source), "id")
        add("identity_check", rows_in(conn, IDENTITY, "request_id", source), "request_id")
        add("decision", rows_in(conn, DECISION, "request_id", source), "request_id")
    elif entity_type == "passcode":
        portal = PORTAL_COLUMNS
        add("passcode", rows_in(conn, PASSCODE, "id", source, skip=portal), "id")
        add("slip_print_log", rows_in(conn, SLIP_LOG, "passcode_id", source), "passcode_id")
    if entity_type == "student_contact":
        for i in ids:
            found.setdefault(i, Entity(entity_type, i, deleted=True))
    return found


def read_batch(
    conn: Connection, limit: int, audit_limit: int, scope: Scope = EVERYTHING, after: int = 0
) -> Batch:
    """The oldest waiting entries in `scope` after outbox entry `after`, with the current state
    of what they name, and the parents (in scope) that wait with them. Entries that hang on a
    parent still waiting outside the scope (a request for a student whose roster row waits for
    an admin) are held: read, not sent, left waiting (`held`)."""
    batch = Batch()
    entries = conn.execute(
        select(OUTBOX.c.seq, OUTBOX.c.entity_type, OUTBOX.c.entity_id)
        .where(OUTBOX.c.pushed_at.is_(None), OUTBOX.c.seq > after, scope.where())
        .order_by(OUTBOX.c.seq)
        .limit(limit)
    ).all()
    batch.seqs = [seq for seq, _, _ in entries]
    batch.last_seq = batch.seqs[-1] if batch.seqs else 0
    wanted: dict[str, set[str]] = {}
    for _, etype, eid in entries:
        wanted.setdefault(etype, set()).add(eid)
    # a parent goes along only if it too waits to be pushed (out-of-order entries): only types
    # with entries waiting beyond this batch can be such parents
    later: set[str] = set()
    if batch.seqs:
        later = set(
            conn.scalars(
                select(OUTBOX.c.entity_type)
                .where(OUTBOX.c.pushed_at.is_(None), OUTBOX.c.seq > batch.seqs[-1], scope.where())
                .distinct()
            )
        )
    first = True
    while wanted:
        parents: dict[str, set[str]] = {}
        for etype, ids in wanted.items():
            within = None
            if first:  # the batch's own entries: name them by their outbox range
                within = select(OUTBOX.c.entity_id).where(
                    OUTBOX.c.entity_type == etype,
                    OUTBOX.c.seq.between(batch.seqs[0], batch.seqs[-1]),
                    OUTBOX.c.pushed_at.is_(None),
                    scope.where(),
                )
            for eid, entity in _load(conn, etype, ids, within).items():
                batch.entities[(etype, eid)] = entity
                for table, column, ptype in PARENTS.get(etype, ()):
                    if ptype not in later:
                        continue
                    for r in entity.rows.get(table, ()):
                        if (ptype, r[column]) not in batch.entities:
                            parents.setdefault(ptype, set()).add(r[column])
        wanted = {}
        for ptype, pids in parents.items():
            pids -= {eid for (t, eid) in batch.entities if t == ptype}
            waiting = unpushed(conn, ptype, pids)
            if waiting:
                wanted[ptype] = waiting
        first = False
    if batch.seqs and scope.skip and _parents_may_wait(conn, batch.seqs[0], scope):
        _hold_orphans(conn, batch)
        if batch.held:
            batch.seqs = [seq for seq, etype, eid in entries if (etype, eid) not in batch.held]
    request_ids = [eid for (t, eid) in batch.entities if t == "access_request"]
    for r in rows_in(conn, sync_base, "entity_id", request_ids):
        if r["entity_type"] == "access_request":
            flight = [(int(v), str(d)) for v, d in json.loads(r["in_flight"] or "[]")]
            batch.bases[r["entity_id"]] = KnownState(r["version"], r["digest"], flight)
    if scope.audit:
        _read_audit(conn, batch, audit_limit)
    return batch


def _parents_may_wait(conn: Connection, first: int, scope: Scope) -> bool:
    """Can a parent wait outside this batch: an entry out of scope (privileged) waits, or one in
    scope before the batch (held in an earlier batch)? One cheap look before the per-row one."""
    q = select(OUTBOX.c.seq).where(
        OUTBOX.c.pushed_at.is_(None), (OUTBOX.c.seq < first) | ~scope.where()
    )
    return conn.execute(q.limit(1)).first() is not None


def _hold_orphans(conn: Connection, batch: Batch) -> None:
    """Take out of the batch every entity whose parent waits locally but is not in the batch
    (it is out of scope, or itself held), transitively: sent now, it would be refused for the
    missing parent and quarantined for good; held, it goes once the parent has."""
    refs: dict[str, set[str]] = {}
    for (etype, _), entity in batch.entities.items():
        for table, column, ptype in PARENTS.get(etype, ()):
            for r in entity.rows.get(table, ()):
                if (ptype, r[column]) not in batch.entities:
                    refs.setdefault(ptype, set()).add(r[column])
    missing = {(t, i) for t, ids in refs.items() for i in unpushed(conn, t, ids)}
    held: set[tuple[str, str]] = set()
    changed = bool(missing)
    while changed:
        changed = False
        for key, entity in batch.entities.items():
            if key in held:
                continue
            for table, column, ptype in PARENTS.get(entity.type, ()):
                if any(
                    (ptype, r[column]) in missing or (ptype, r[column]) in held
                    for r in entity.rows.get(table, ())
                ):
                    held.add(key)
                    changed = True
                    break
    for key in held:
        del batch.entities[key]
    batch.held = held


def _read_audit(conn: Connection, batch: Batch, limit: int) -> None:
    marks = {k.split(":", 1)[1]: int(v) for k, v in get_state(conn, "audit:").items()}
    heads = conn.execute(
        select(AUDIT_HEAD.c.chain, AUDIT_HEAD.c.seq)
        .where(AUDIT_HEAD.c.chain != audit.PORTAL_CHAIN)
        .order_by(AUDIT_HEAD.c.chain)
    ).all()
    for chain, head in heads:
        mark = marks.get(chain, 0)
        if head <= mark or limit <= 0:
            continue
        events = [
            dict(r)
            for r in conn.execute(
                select(AUDIT_EVENT)
                .where(AUDIT_EVENT.c.chain == chain, AUDIT_EVENT.c.seq > mark)
                .order_by(AUDIT_EVENT.c.seq)
                .limit(limit)
            ).mappings()
        ]
        if events:
            batch.audit[chain] = events
            limit -= len(events)


def mark_in_flight(conn: Connection, batch: Batch) -> None:
    """Remember the request states about to be sent: if the commit is lost to a crash, the
    shared row may hold one of them, and that is not a conflict."""
    for (etype, eid), entity in batch.entities.items():
        if etype != "access_request" or not entity.rows.get("access_request"):
            continue
        row = entity.rows["access_request"][0]
        state = (int(row["version"]), entity_digest(entity))
        base = batch.bases.setdefault(eid, KnownState())
        if state in base.in_flight or state == (base.version, base.digest):
            continue
        base.in_flight.append(state)
        save_known(conn, eid, base)
