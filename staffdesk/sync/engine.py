"""The sync engine: push the outbox to the shared database, pull the rest back (docs/sync.md).

Push sends, for every outbox entry, the *current* local state of the entity it names — plus the
parents it needs that are still waiting — with one idempotent upsert per table per batch, and
the workstation's audit chains up to their heads, all in one shared transaction; only then are
the entries marked pushed locally. A crash anywhere repeats a batch, never loses or doubles one.

- Roster rows, staff and settings: the last push wins; a row is rewritten only if it changed.
- access_request is versioned: the shared row must be one this workstation knows (the version
  it last pulled or pushed) or already equal to the local one. Anything else is a conflict: it
  is recorded with both versions, the local copy is refreshed from the shared one, and passcodes
  issued on the losing copy are revoked locally and never pushed.
- passcode: office columns are written once; revocation is monotonic (revoked_at is never set
  back to NULL); the portal's columns are never sent.
- Shared rows get `updated_at` = the shared server's clock at push, so pulls can use it as a
  high-water mark (read with an overlap window) whatever the workstations' clocks say.

Pull brings roster changes, staff accounts, settings, other workstations' requests (with their
identity checks, decisions and passcodes) for the chosen schools, the portal's passcode columns
and portal links. It never overwrites an entity that has unpushed local changes.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    MetaData,
    Select,
    Table,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    type_coerce,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.domain.errors import StaffDeskError, StoreUnavailable
from staffdesk.services import audit
from staffdesk.services.context import current_workstation, utcnow
from staffdesk.store.models import Base
from staffdesk.sync import faults
from staffdesk.sync.tables import sync_base, sync_conflict, sync_state, sync_tombstone
from staffdesk.sync.upsert import PORTAL_COLUMNS, Mode, upsert, upsert_tuples

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
PULL_CHUNK = 10_000  # rows per local transaction when pulling
OVERLAP = timedelta(minutes=2)  # pulls re-read this much before the mark: in-flight pushes
SYNC_ACTOR = "sync"

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
KEY = {"school": "code", "student": "permanent_id", "setting": "key"}
STAMPED = ("school", "student", "student_contact", "setting")
OFFICE_PASSCODE = tuple(c.name for c in PASSCODE.columns if c.name not in PORTAL_COLUMNS)
# what a push may write of a passcode: the office columns only, and no client-side defaults (the
# model's default for failed_attempts would otherwise be sent; the database has its own)
PASSCODE_OFFICE = Table(
    "passcode",
    MetaData(),
    *[
        Column(c.name, c.type, primary_key=c.primary_key)
        for c in PASSCODE.columns
        if c.name in OFFICE_PASSCODE
    ],
)
REQUEST_CONTENT = tuple(c.name for c in REQUEST.columns if c.name != "updated_at")


def _key(entity_type: str) -> str:
    return KEY.get(entity_type, "id")


def _content(table: Table) -> list[str]:
    """The columns whose change is worth a write: all but the key and updated_at."""
    keys = {c.name for c in table.primary_key.columns}
    return [c.name for c in table.columns if c.name not in keys and c.name != "updated_at"]


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ------------------------------------------------------------------------------ plain results


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


@dataclass(frozen=True, slots=True)
class PushReport:
    entries: int = 0  # outbox entries settled
    rows: dict[str, int] = field(default_factory=dict)  # rows sent, per table
    audit_events: int = 0
    conflicts: tuple[ConflictView, ...] = ()


@dataclass(frozen=True, slots=True)
class PullReport:
    rows: dict[str, int] = field(default_factory=dict)  # rows changed locally, per table
    kept_local: int = 0  # shared rows not taken because the local copy has unpushed changes


@dataclass(frozen=True, slots=True)
class SyncReport:
    started_at: datetime
    push: PushReport
    pull: PullReport
    waiting: int  # outbox entries still to push
    error: str | None = None

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
        if self.error:
            out.append(f"shared database unavailable: {self.error}")
        out.append(f"waiting to push: {self.waiting}")
        return out


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


class SharedUnavailable(StoreUnavailable):
    """The shared database could not be reached or refused the round; nothing is lost."""


# ---------------------------------------------------------------------- local helpers, state


@contextmanager
def _local(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One short local transaction; its database errors are the local store's, not shared."""
    try:
        with factory() as s, s.begin():
            yield s
    except SQLAlchemyError as exc:
        raise StoreUnavailable(f"the local store cannot be written: {exc}") from exc


def _get_state(conn: Connection, prefix: str) -> dict[str, str]:
    rows = conn.execute(
        select(sync_state.c.key, sync_state.c.value).where(sync_state.c.key.like(f"{prefix}%"))
    )
    return {k: v for k, v in rows}


def _set_state(conn: Connection, key: str, value: str) -> None:
    done = conn.execute(update(sync_state).where(sync_state.c.key == key).values(value=value))
    if done.rowcount == 0:
        conn.execute(insert(sync_state).values(key=key, value=value))


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _norm(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _jsonable(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _norm(v) for k, v in row.items()}


def digest(
    row: Mapping[str, Any],
    identity: Sequence[Mapping[str, Any]] = (),
    decision: Sequence[Mapping[str, Any]] = (),
) -> str:
    """The content of a request — its row (but updated_at), identity check and decision — as
    both sides compare it: two workstations' decisions differ even at the same version."""
    body = json.dumps(
        [
            [_norm(row[c]) for c in REQUEST_CONTENT],
            [_jsonable(r) for r in sorted(identity, key=lambda r: str(r["id"]))],
            [_jsonable(r) for r in sorted(decision, key=lambda r: str(r["id"]))],
        ],
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _unpushed(conn: Connection, entity_type: str, ids: Collection[str] | None = None) -> set[str]:
    """Ids of this type with outbox entries not yet pushed (among `ids`, if given)."""
    q = select(OUTBOX.c.entity_id).where(
        OUTBOX.c.pushed_at.is_(None), OUTBOX.c.entity_type == entity_type
    )
    if ids is None:
        return set(conn.scalars(q.distinct()))
    found: set[str] = set()
    for chunk in _chunks(list(ids)):
        found.update(conn.scalars(q.where(OUTBOX.c.entity_id.in_(chunk)).distinct()))
    return found


def _rows(
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
    parts = [ids] if isinstance(ids, Select) else list(_chunks(list(ids)))
    out: list[dict[str, Any]] = []
    for part in parts:
        q = select(*cols).where(table.c[column].in_(part))
        if lock:
            q = q.with_for_update()
        out.extend(dict(zip(keys, row, strict=True)) for row in conn.execute(q).all())
    return out


# ------------------------------------------------------------------------------- the batch


@dataclass
class _Base:
    version: int | None = None
    digest: str | None = None
    in_flight: list[tuple[int, str]] = field(default_factory=list)

    def knows(self, version: int, dig: str) -> bool:
        return (version, dig) == (self.version, self.digest) or (version, dig) in self.in_flight


@dataclass(slots=True)
class _Entity:
    type: str
    id: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # table → rows
    deleted: bool = False


@dataclass
class _Batch:
    seqs: list[int] = field(default_factory=list)
    entities: dict[tuple[str, str], _Entity] = field(default_factory=dict)
    bases: dict[str, _Base] = field(default_factory=dict)
    audit: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

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

    def _ordered(self) -> list[_Entity]:
        rank = {t: i for i, t in enumerate(ORDER)}
        return sorted(self.entities.values(), key=lambda e: rank.get(e.type, len(ORDER)))

    def units(self) -> list[_Batch]:
        """One batch per entity, parents first: for finding the one a database refuses."""
        return [_Batch(entities={(e.type, e.id): e}, bases=self.bases) for e in self._ordered()]

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


def _entity_digest(entity: _Entity) -> str:
    rows = entity.rows
    return digest(
        rows["access_request"][0], rows.get("identity_check", ()), rows.get("decision", ())
    )


def _load(
    conn: Connection, entity_type: str, ids: Collection[str], within: Select[Any] | None = None
) -> dict[str, _Entity]:
    """The current local state of these entities, as rows per table (`within`: a subquery
    naming the same ids, read in one statement)."""
    found: dict[str, _Entity] = {}
    source: Collection[str] | Select[Any] = ids if within is None else within

    def add(table: str, rows: list[dict[str, Any]], column: str) -> None:
        for r in rows:
            e = found.get(r[column])
            if e is None:
                e = found[r[column]] = _Entity(entity_type, r[column])
            if table in e.rows:
                e.rows[table].append(r)
            else:
                e.rows[table] = [r]

    if entity_type in STAMPED:  # updated_at is the shared server's to set: not read
        key = _key(entity_type)
        add(entity_type, _rows(conn, T[entity_type], key, source, skip=("updated_at",)), key)
    elif entity_type == "slip_print_log":
        add(entity_type, _rows(conn, SLIP_LOG, "id", source), "id")
    elif entity_type == "staff_user":
        add("staff_user", _rows(conn, STAFF, "id", source), "id")
        add("staff_school", _rows(conn, STAFF_SCHOOL, "staff_id", source), "staff_id")
    elif entity_type == "access_request":
        add("access_request", _rows(conn, REQUEST, "id", source), "id")
        add("identity_check", _rows(conn, IDENTITY, "request_id", source), "request_id")
        add("decision", _rows(conn, DECISION, "request_id", source), "request_id")
    elif entity_type == "passcode":
        portal = PORTAL_COLUMNS
        add("passcode", _rows(conn, PASSCODE, "id", source, skip=portal), "id")
        add("slip_print_log", _rows(conn, SLIP_LOG, "passcode_id", source), "passcode_id")
    if entity_type == "student_contact":
        for i in ids:
            found.setdefault(i, _Entity(entity_type, i, deleted=True))
    return found


def _read_batch(conn: Connection, limit: int, audit_limit: int) -> _Batch:
    """The oldest waiting entries with the current state of what they name, and its parents."""
    batch = _Batch()
    entries = conn.execute(
        select(OUTBOX.c.seq, OUTBOX.c.entity_type, OUTBOX.c.entity_id)
        .where(OUTBOX.c.pushed_at.is_(None))
        .order_by(OUTBOX.c.seq)
        .limit(limit)
    ).all()
    batch.seqs = [seq for seq, _, _ in entries]
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
                .where(OUTBOX.c.pushed_at.is_(None), OUTBOX.c.seq > batch.seqs[-1])
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
            waiting = _unpushed(conn, ptype, pids)
            if waiting:
                wanted[ptype] = waiting
        first = False
    request_ids = [eid for (t, eid) in batch.entities if t == "access_request"]
    for r in _rows(conn, sync_base, "entity_id", request_ids):
        if r["entity_type"] == "access_request":
            flight = [(int(v), str(d)) for v, d in json.loads(r["in_flight"] or "[]")]
            batch.bases[r["entity_id"]] = _Base(r["version"], r["digest"], flight)
    _read_audit(conn, batch, audit_limit)
    return batch


def _read_audit(conn: Connection, batch: _Batch, limit: int) -> None:
    marks = {k.split(":", 1)[1]: int(v) for k, v in _get_state(conn, "audit:").items()}
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


def _mark_in_flight(conn: Connection, batch: _Batch) -> None:
    """Remember the request states about to be sent: if the commit is lost to a crash, the
    shared row may hold one of them, and that is not a conflict."""
    for (etype, eid), entity in batch.entities.items():
        if etype != "access_request" or not entity.rows.get("access_request"):
            continue
        row = entity.rows["access_request"][0]
        state = (int(row["version"]), _entity_digest(entity))
        base = batch.bases.setdefault(eid, _Base())
        if state in base.in_flight or state == (base.version, base.digest):
            continue
        base.in_flight.append(state)
        _save_base(conn, eid, base)


def _save_base(conn: Connection, request_id: str, base: _Base) -> None:
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


# ------------------------------------------------------------------------ the shared side


@dataclass
class _Conflict:
    request_id: str
    local: dict[str, Any]
    shared: dict[str, Any]
    shared_identity: list[dict[str, Any]]
    shared_decision: list[dict[str, Any]]
    shared_passcodes: list[dict[str, Any]]


@dataclass
class _Outcome:
    sent: Counter[str] = field(default_factory=Counter)
    accepted: dict[str, tuple[int, str]] = field(default_factory=dict)  # request → on shared
    conflicts: list[_Conflict] = field(default_factory=list)
    rejected: list[tuple[_Entity, str]] = field(default_factory=list)
    audit_marks: dict[str, int] = field(default_factory=dict)
    audit_events: int = 0

    def merge(self, other: _Outcome) -> None:
        self.sent.update(other.sent)
        self.accepted.update(other.accepted)
        self.conflicts += other.conflicts
        self.rejected += other.rejected

    @property
    def blocked(self) -> set[str]:
        """Requests whose passcodes must not be inserted on the shared database."""
        ids = {c.request_id for c in self.conflicts}
        ids.update(e.id for e, _ in self.rejected if e.type == "access_request")
        return ids


def server_now(conn: Connection) -> datetime:
    """The shared server's clock (UTC): one clock for every workstation's high-water marks."""
    name = conn.dialect.name
    if name == "postgresql":
        sql = "SELECT CAST(clock_timestamp() AT TIME ZONE 'UTC' AS timestamp)"
    elif name in ("mysql", "mariadb"):
        sql = "SELECT UTC_TIMESTAMP(6)"
    else:
        return utcnow()
    value: datetime = conn.execute(text(sql)).scalar_one()
    return value.replace(tzinfo=UTC)


def _any_tombstone(conn: Connection) -> bool:
    q = select(sync_tombstone.c.entity_id).where(sync_tombstone.c.entity_type == "student_contact")
    return conn.execute(q.limit(1)).first() is not None


def _apply(conn: Connection, batch: _Batch, stamp: datetime, blocked: set[str]) -> _Outcome:
    """Write a batch in the caller's shared transaction."""
    out = _Outcome()
    for name in STAMPED:  # the bulk of a roster import: plain tuples, one executemany
        rows = batch.rows(name)
        if rows:
            cols = [*rows[0], "updated_at"]
            naive = stamp.replace(tzinfo=None)  # the only datetime: rows are read without theirs
            values = [(*r.values(), naive) for r in rows]
            upsert_tuples(
                conn, T[name], cols, values, Mode.CHANGED, compare=_content(T[name]), ready=True
            )
        out.sent[name] += len(rows)
    contacts = [r["id"] for r in batch.rows("student_contact")]
    if contacts and _any_tombstone(conn):  # a contact that is back is no longer deleted
        for chunk in _chunks(contacts, 1000):
            conn.execute(
                delete(sync_tombstone).where(
                    sync_tombstone.c.entity_type == "student_contact",
                    sync_tombstone.c.entity_id.in_(chunk),
                )
            )
    gone = batch.deleted("student_contact")
    for chunk in _chunks(gone):
        conn.execute(delete(CONTACT).where(CONTACT.c.id.in_(chunk)))
    if gone:
        stones = [
            {"entity_type": "student_contact", "entity_id": i, "deleted_at": stamp} for i in gone
        ]
        upsert(conn, sync_tombstone, stones, Mode.REPLACE)
        out.sent["student_contact deleted"] += len(gone)
    staff = batch.rows("staff_user")
    if staff:  # a name another desk gave to another account first is refused, not merged
        taken = dict(
            conn.execute(
                select(STAFF.c.username, STAFF.c.id).where(
                    STAFF.c.username.in_([r["username"] for r in staff])
                )
            ).all()
        )
        clash = {r["id"] for r in staff if taken.get(r["username"], r["id"]) != r["id"]}
        for staff_id in sorted(clash):
            entity = batch.entities[("staff_user", staff_id)]
            name = entity.rows["staff_user"][0]["username"]
            out.rejected.append(
                (entity, f"username {name!r} belongs to another account on the shared database")
            )
        staff = [r for r in staff if r["id"] not in clash]
        links = [r for r in batch.rows("staff_school") if r["staff_id"] not in clash]
        upsert(conn, STAFF, staff, Mode.CHANGED, compare=_content(STAFF))
        upsert(conn, STAFF_SCHOOL, links, Mode.IGNORE)
    out.sent["staff_user"] += len(staff)

    _apply_requests(conn, batch, stamp, out)
    faults.point("push.mid", connection=conn)

    held: set[str] = set()
    codes = batch.rows("passcode")
    stop = blocked | out.blocked
    doubtful = [r["id"] for r in codes if r["request_id"] in stop]
    if doubtful:
        # issued on a copy that lost: a new passcode stays off the shared database; one
        # already there may still take a revocation
        there = set(conn.scalars(select(PASSCODE.c.id).where(PASSCODE.c.id.in_(doubtful))))
        held = set(doubtful) - there
    send = [r for r in codes if r["id"] not in held]
    upsert(conn, PASSCODE_OFFICE, send, Mode.REVOKE)
    if send:  # MariaDB skips, without an error, a row whose serial another passcode holds
        arrived: set[str] = set()
        for chunk in _chunks([r["id"] for r in send]):
            arrived.update(conn.scalars(select(PASSCODE.c.id).where(PASSCODE.c.id.in_(chunk))))
        for r in send:
            if r["id"] not in arrived:
                held.add(r["id"])
                out.rejected.append(
                    (
                        batch.entities[("passcode", r["id"])],
                        f"serial {r['serial']} belongs to another passcode on the shared database",
                    )
                )
        send = [r for r in send if r["id"] in arrived]
    out.sent["passcode"] += len(send)
    logs = [r for r in batch.rows("slip_print_log") if r["passcode_id"] not in held]
    upsert(conn, SLIP_LOG, logs, Mode.IGNORE)
    return out


def _apply_requests(conn: Connection, batch: _Batch, stamp: datetime, out: _Outcome) -> None:
    rows = batch.rows("access_request")
    if not rows:
        return
    shared: dict[str, dict[str, Any]] = {}
    for chunk in _chunks([r["id"] for r in rows]):
        q = select(REQUEST).where(REQUEST.c.id.in_(chunk)).with_for_update()
        shared.update({r["id"]: dict(r) for r in conn.execute(q).mappings()})
    # The request rows are locked, so these reads see every commit that touched them: on
    # PostgreSQL each statement reads afresh (READ COMMITTED; staffdesk_app may not lock these
    # tables); MariaDB's REPEATABLE READ snapshot may be older, so there a locking read.
    lock = conn.dialect.name in ("mysql", "mariadb")
    their_idc = _rows(conn, IDENTITY, "request_id", list(shared), lock=lock)
    their_dec = _rows(conn, DECISION, "request_id", list(shared), lock=lock)
    entities = {e.id: e for e in batch.entities.values() if e.type == "access_request"}
    send: list[dict[str, Any]] = []
    accepted: list[str] = []
    lost: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for row in rows:
        rid, ours = row["id"], _entity_digest(entities[row["id"]])
        theirs = shared.get(rid)
        theirs_digest = ""
        if theirs is not None:
            theirs_digest = digest(
                theirs,
                [r for r in their_idc if r["request_id"] == rid],
                [r for r in their_dec if r["request_id"] == rid],
            )
        if theirs is None:
            send.append(row | {"updated_at": stamp})
        elif theirs["version"] == row["version"] and theirs_digest == ours:
            pass  # already there: a replay, or a commit whose acknowledgement was lost
        elif row["version"] > theirs["version"] and batch.bases.get(rid, _Base()).knows(
            int(theirs["version"]), theirs_digest
        ):
            send.append(row | {"updated_at": stamp})
        else:
            lost.append((row, theirs))
            continue
        accepted.append(rid)
        out.accepted[rid] = (int(row["version"]), ours)
    upsert(conn, REQUEST, send, Mode.VERSIONED)
    out.sent["access_request"] += len(send)
    ok = set(accepted)
    upsert(
        conn,
        IDENTITY,
        [r for r in batch.rows("identity_check") if r["request_id"] in ok],
        Mode.IGNORE,
    )
    upsert(
        conn, DECISION, [r for r in batch.rows("decision") if r["request_id"] in ok], Mode.IGNORE
    )
    if lost:
        ids = [mine["id"] for mine, _ in lost]
        idc = _rows(conn, IDENTITY, "request_id", ids)
        dec = _rows(conn, DECISION, "request_id", ids)
        pcs = _rows(conn, PASSCODE, "request_id", ids)
        for mine, theirs in lost:
            rid = mine["id"]
            out.conflicts.append(
                _Conflict(
                    rid,
                    mine,
                    theirs,
                    [r for r in idc if r["request_id"] == rid],
                    [r for r in dec if r["request_id"] == rid],
                    [r for r in pcs if r["request_id"] == rid],
                )
            )


class ChainCollision(StaffDeskError):
    """Two workstations write the same audit chain: their names must differ."""


def _apply_audit(conn: Connection, batch: _Batch, out: _Outcome) -> None:
    for chain, events in batch.audit.items():
        lo, hi = events[0]["seq"], events[-1]["seq"]
        there = dict(
            conn.execute(
                select(AUDIT_EVENT.c.seq, AUDIT_EVENT.c.id).where(
                    AUDIT_EVENT.c.chain == chain, AUDIT_EVENT.c.seq.between(lo, hi)
                )
            ).all()
        )
        if any(there[e["seq"]] != e["id"] for e in events if e["seq"] in there):
            raise ChainCollision(
                f"the shared audit chain {chain!r} holds other events: another workstation "
                "uses the same name; give each workstation its own STAFFDESK_WORKSTATION"
            )
        missing = [e for e in events if e["seq"] not in there]
        if missing:
            conn.execute(insert(AUDIT_EVENT), missing)
        last = events[-1]
        head = [{"chain": chain, "seq": last["seq"], "hash": last["hash"]}]
        upsert(conn, AUDIT_HEAD, head, Mode.VERSIONED, version="seq")
        out.audit_marks[chain] = hi
        out.audit_events += len(missing)


def _send(shared: Engine, batch: _Batch) -> _Outcome:
    """One shared transaction for the batch; if the database refuses a row, find which."""
    try:
        with shared.begin() as conn:
            out = _apply(conn, batch, server_now(conn), set())
            _apply_audit(conn, batch, out)
        return out
    except IntegrityError as exc:
        log.warning("the shared database refused part of a batch, isolating it: %s", exc.orig)
    out = _Outcome()
    with shared.begin() as conn:
        stamp = server_now(conn)
        for unit in batch.units():
            savepoint = conn.begin_nested()
            try:
                one = _apply(conn, unit, stamp, out.blocked)
            except IntegrityError as exc:
                savepoint.rollback()
                (entity,) = unit.entities.values()
                out.rejected.append((entity, " ".join(str(exc.orig).split())))
                continue
            savepoint.commit()
            out.merge(one)
        _apply_audit(conn, batch, out)
    return out


# ------------------------------------------------------------------------- acknowledgement


def _settle(conn: Connection, seqs: Sequence[int], now: datetime) -> None:
    """Mark a batch pushed: the waiting entries of its seq range are exactly its entries."""
    if seqs:
        conn.execute(
            update(OUTBOX)
            .where(OUTBOX.c.seq.between(seqs[0], seqs[-1]), OUTBOX.c.pushed_at.is_(None))
            .values(pushed_at=now)
        )


def _acknowledge(
    local: sessionmaker[Session], batch: _Batch, out: _Outcome, workstation: str
) -> list[ConflictView]:
    views: list[ConflictView] = []
    with _local(local) as s:
        conn = s.connection()
        now = utcnow()
        _settle(conn, batch.seqs, now)
        for rid, (version, dig) in out.accepted.items():
            _save_base(conn, rid, _Base(version, dig))
        for c in out.conflicts:
            views.append(_record_conflict(s, c, workstation, now))
        for entity, message in out.rejected:
            views.append(_record_rejection(conn, entity, message, now))
        for chain, seq in out.audit_marks.items():
            _set_state(conn, f"audit:{chain}", str(seq))
        _set_state(conn, "last_push_at", now.isoformat())
    return views


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


def _record_conflict(s: Session, c: _Conflict, workstation: str, now: datetime) -> ConflictView:
    """Keep both versions, refresh the local copy from the shared one, revoke what it issued."""
    conn = s.connection()
    rid = c.request_id
    mine = dict(conn.execute(select(REQUEST).where(REQUEST.c.id == rid)).mappings().one())
    my_idc = _rows(conn, IDENTITY, "request_id", [rid])
    my_dec = _rows(conn, DECISION, "request_id", [rid])
    my_codes = _rows(conn, PASSCODE, "request_id", [rid])
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
    upsert(conn, PASSCODE, _serials_free(conn, c.shared_passcodes), Mode.PORTAL)
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
    _save_base(conn, rid, _Base(int(c.shared["version"]), shared_digest))
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
        "access_request": _jsonable(row),
        "identity_check": _jsonable(identity[0]) if identity else None,
        "decision": _jsonable(decision[0]) if decision else None,
        # the hash is a secret's stand-in: leave it out of what staff are shown
        "passcodes": [
            _jsonable({k: v for k, v in p.items() if k != "vpc_hash"}) for p in passcodes
        ],
    }


def _record_rejection(
    conn: Connection, entity: _Entity, message: str, now: datetime
) -> ConflictView:
    main = entity.rows.get(entity.type, [{}])
    local_state = {t: [_jsonable(r) for r in rows] for t, rows in entity.rows.items()}
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


# ----------------------------------------------------------------------------------- push


@dataclass
class _Progress:
    entries: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    audit_events: int = 0
    conflicts: list[ConflictView] = field(default_factory=list)
    pulled: Counter[str] = field(default_factory=Counter)
    kept_local: int = 0

    def push_report(self) -> PushReport:
        return PushReport(self.entries, dict(self.rows), self.audit_events, tuple(self.conflicts))

    def pull_report(self) -> PullReport:
        return PullReport(dict(self.pulled), self.kept_local)


def _push(
    local: sessionmaker[Session],
    shared: Engine,
    workstation: str,
    batch_size: int,
    progress: _Progress,
) -> None:
    while True:
        with _local(local) as s:
            conn = s.connection()
            batch = _read_batch(conn, batch_size, AUDIT_BATCH)
            _mark_in_flight(conn, batch)
        if batch.empty:
            return
        faults.point("push.begin")
        out = _send(shared, batch)
        faults.point("push.after_server_commit")
        _push_acknowledged(local, batch, out, workstation, progress)


def _push_acknowledged(
    local: sessionmaker[Session],
    batch: _Batch,
    out: _Outcome,
    workstation: str,
    progress: _Progress,
) -> None:
    views = _acknowledge(local, batch, out, workstation)
    progress.entries += len(batch.seqs)
    progress.rows.update(out.sent)
    progress.audit_events += out.audit_events
    progress.conflicts += views
    log.info(
        "pushed %d outbox entries, %d audit events, %d conflict(s)",
        len(batch.seqs),
        out.audit_events,
        len(views),
    )


def push(
    local: sessionmaker[Session],
    shared: Engine,
    *,
    workstation: str | None = None,
    batch_size: int = BATCH,
) -> PushReport:
    """Push everything waiting; raises SharedUnavailable if the shared database fails."""
    progress = _Progress()
    try:
        _push(local, shared, workstation or current_workstation(), batch_size, progress)
    except SQLAlchemyError as exc:
        raise SharedUnavailable(_reason(exc)) from exc
    return progress.push_report()


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip().splitlines()
    return text_[0] if text_ else type(exc).__name__


# ----------------------------------------------------------------------------------- pull


def _scope_key(schools: Collection[str] | None) -> str:
    if schools is None:
        return "*"
    joined = ",".join(sorted(schools))
    return joined if len(joined) <= 60 else hashlib.sha1(joined.encode()).hexdigest()


def _since(table: Table, column: str, mark: datetime | None) -> Any:
    return table.c[column] > (mark - OVERLAP) if mark else True


def _pull_marks(local: sessionmaker[Session]) -> dict[str, datetime]:
    with _local(local) as s:
        return {
            k: datetime.fromisoformat(v) for k, v in _get_state(s.connection(), "pull:").items()
        }


def _save_mark(local: sessionmaker[Session], key: str, value: datetime | None) -> None:
    if value is None:
        return
    with _local(local) as s:
        _set_state(s.connection(), key, value.isoformat())


def _newest(
    current: datetime | None, rows: Sequence[Mapping[str, Any]], column: str
) -> datetime | None:
    values = [r[column] for r in rows if r[column] is not None]
    if current is not None:
        values.append(current)
    return max(values) if values else None


def _pull_roster(
    sconn: Connection, local: sessionmaker[Session], marks: dict[str, datetime], p: _Progress
) -> None:
    for name in ("school", "student", "student_contact"):
        table, key = T[name], _key(name)
        mark = marks.get(f"pull:{name}")
        # plain tuples, datetimes as the naive UTC they are stored as: no per-row conversions
        names = [c.name for c in table.columns]
        cols = [type_coerce(c, DateTime()) if c.name == "updated_at" else c for c in table.columns]
        at, ki = names.index("updated_at"), names.index(key)
        q = select(*cols).where(_since(table, "updated_at", mark))
        result = sconn.execute(q.execution_options(stream_results=True, yield_per=PULL_CHUNK))
        newest = mark
        for part in result.partitions(PULL_CHUNK):
            last = max(r[at] for r in part).replace(tzinfo=UTC)
            newest = last if newest is None else max(newest, last)
            with _local(local) as s:
                conn = s.connection()
                mine = _unpushed(conn, name)
                take = [r for r in part if r[ki] not in mine] if mine else part
                p.kept_local += len(part) - len(take)
                p.pulled[name] += upsert_tuples(
                    conn, table, names, take, Mode.CHANGED, compare=_content(table)
                )
        _save_mark(local, f"pull:{name}", newest)
    mark = marks.get("pull:sync_tombstone")
    stones = [
        dict(r)
        for r in sconn.execute(
            select(sync_tombstone).where(
                sync_tombstone.c.entity_type == "student_contact",
                _since(sync_tombstone, "deleted_at", mark),
            )
        ).mappings()
    ]
    if stones:
        with _local(local) as s:
            conn = s.connection()
            mine = _unpushed(conn, "student_contact")
            gone = [r["entity_id"] for r in stones if r["entity_id"] not in mine]
            for chunk in _chunks(gone):
                n = conn.execute(delete(CONTACT).where(CONTACT.c.id.in_(chunk))).rowcount
                p.pulled["student_contact deleted"] += max(n, 0)
        _save_mark(local, "pull:sync_tombstone", _newest(mark, stones, "deleted_at"))


def _pull_staff_and_settings(sconn: Connection, local: sessionmaker[Session], p: _Progress) -> None:
    staff = [dict(r) for r in sconn.execute(select(STAFF)).mappings()]
    links = [dict(r) for r in sconn.execute(select(STAFF_SCHOOL)).mappings()]
    settings = [dict(r) for r in sconn.execute(select(SETTING)).mappings()]
    with _local(local) as s:
        conn = s.connection()
        mine = _unpushed(conn, "staff_user")
        names = {u: i for i, u in conn.execute(select(STAFF.c.id, STAFF.c.username))}
        # an account made separately here under the same name stays as it is
        take = [
            r for r in staff if r["id"] not in mine and names.get(r["username"], r["id"]) == r["id"]
        ]
        p.kept_local += len(staff) - len(take)
        p.pulled["staff_user"] += upsert(conn, STAFF, take, Mode.CHANGED, compare=_content(STAFF))
        known = {r["id"] for r in take}
        schools = set(conn.scalars(select(SCHOOL.c.code)))
        upsert(
            conn,
            STAFF_SCHOOL,
            [r for r in links if r["staff_id"] in known and r["school_code"] in schools],
            Mode.IGNORE,
        )
        mine = _unpushed(conn, "setting")
        take = [r for r in settings if r["key"] not in mine]
        p.pulled["setting"] += upsert(conn, SETTING, take, Mode.CHANGED, compare=_content(SETTING))


def _serials_free(conn: Connection, codes: list[dict[str, Any]]) -> list[dict[str, Any]]:
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


def _pull_workflow(
    sconn: Connection,
    local: sessionmaker[Session],
    marks: dict[str, datetime],
    scope: str,
    schools: Collection[str] | None,
    p: _Progress,
) -> None:
    key = f"pull:access_request:{scope}"
    mark = marks.get(key)
    q = select(REQUEST).where(_since(REQUEST, "updated_at", mark))
    if schools is not None:
        q = q.where(REQUEST.c.school_code.in_(sorted(schools)))
    requests = [dict(r) for r in sconn.execute(q).mappings()]
    for chunk in _chunks(requests):
        ids = [r["id"] for r in chunk]
        idc = _rows(sconn, IDENTITY, "request_id", ids)
        dec = _rows(sconn, DECISION, "request_id", ids)
        pcs = _rows(sconn, PASSCODE, "request_id", ids)
        with _local(local) as s:
            conn = s.connection()
            busy = _unpushed(conn, "access_request", ids)
            take = [r for r in chunk if r["id"] not in busy]
            p.kept_local += len(chunk) - len(take)
            ok = {r["id"] for r in take}
            p.pulled["access_request"] += upsert(
                conn, REQUEST, take, Mode.CHANGED, compare=_content(REQUEST)
            )
            for r in take:
                checks = [x for x in idc if x["request_id"] == r["id"]]
                decisions = [x for x in dec if x["request_id"] == r["id"]]
                _save_base(conn, r["id"], _Base(int(r["version"]), digest(r, checks, decisions)))
            for table, rows in ((IDENTITY, idc), (DECISION, dec)):
                rows = [r for r in rows if r["request_id"] in ok]
                for part in _chunks(rows):
                    conn.execute(
                        delete(table).where(
                            table.c.request_id.in_([r["request_id"] for r in part]),
                            table.c.id.not_in([r["id"] for r in part]),
                        )
                    )
                p.pulled[table.name] += upsert(
                    conn, table, rows, Mode.CHANGED, compare=_content(table)
                )
            local_codes = set(
                conn.scalars(select(PASSCODE.c.id).where(PASSCODE.c.request_id.in_(ids)))
            )
            codes = [r for r in pcs if r["request_id"] in ok or r["id"] in local_codes]
            p.pulled["passcode"] += upsert(conn, PASSCODE, _serials_free(conn, codes), Mode.PORTAL)
    _save_mark(local, key, _newest(mark, requests, "updated_at"))


def _pull_portal(
    sconn: Connection,
    local: sessionmaker[Session],
    marks: dict[str, datetime],
    scope: str,
    schools: Collection[str] | None,
    p: _Progress,
) -> None:
    # the portal's columns change without a timestamp: re-read every passcode still in play
    horizon = utcnow() - timedelta(days=1)
    with _local(local) as s:
        watched = {
            r["id"]: dict(r)
            for r in s.connection()
            .execute(
                select(PASSCODE).where(
                    PASSCODE.c.used_at.is_(None), PASSCODE.c.expires_at > horizon
                )
            )
            .mappings()
        }
    theirs = _rows(sconn, PASSCODE, "id", list(watched))
    fields = (*PORTAL_COLUMNS, "revoked_at")
    changed = [r for r in theirs if any(r[c] != watched[r["id"]][c] for c in fields)]
    if changed:
        with _local(local) as s:
            p.pulled["passcode (portal)"] += upsert(s.connection(), PASSCODE, changed, Mode.PORTAL)
    key = f"pull:portal_link:{scope}"
    mark = marks.get(key)
    q = (
        select(PORTAL_LINK)
        .join(STUDENT, STUDENT.c.permanent_id == PORTAL_LINK.c.permanent_id)
        .where(_since(PORTAL_LINK, "linked_at", mark))
    )
    if schools is not None:
        q = q.where(STUDENT.c.school_code.in_(sorted(schools)))
    links = [dict(r) for r in sconn.execute(q).mappings()]
    if not links:
        return
    with _local(local) as s:
        conn = s.connection()
        have = set(
            conn.scalars(
                select(PASSCODE.c.id).where(PASSCODE.c.id.in_({r["passcode_id"] for r in links}))
            )
        )
        take = [r for r in links if r["passcode_id"] in have]
        p.pulled["portal_link"] += upsert(
            conn, PORTAL_LINK, take, Mode.CHANGED, compare=_content(PORTAL_LINK)
        )
    newest = _newest(mark, take, "linked_at")
    waiting = [r["linked_at"] for r in links if r["passcode_id"] not in have]
    if waiting:  # a link whose passcode is not here yet: read it again next time
        newest = min([*waiting, *([newest] if newest else [])])
    _save_mark(local, key, newest)


def _pull(
    local: sessionmaker[Session],
    shared: Engine,
    schools: Collection[str] | None,
    progress: _Progress,
) -> None:
    faults.point("pull.begin")
    marks = _pull_marks(local)
    scope = _scope_key(schools)
    with shared.connect() as sconn:
        sconn = sconn.execution_options(isolation_level="REPEATABLE READ")
        with sconn.begin():
            _pull_roster(sconn, local, marks, progress)
            _pull_staff_and_settings(sconn, local, progress)
            _pull_workflow(sconn, local, marks, scope, schools, progress)
            _pull_portal(sconn, local, marks, scope, schools, progress)


def pull(
    local: sessionmaker[Session],
    shared: Engine,
    *,
    schools: Collection[str] | None = None,
) -> PullReport:
    """Pull what changed on the shared database (office workflow for `schools`; None: all)."""
    progress = _Progress()
    try:
        _pull(local, shared, schools, progress)
    except SQLAlchemyError as exc:
        raise SharedUnavailable(_reason(exc)) from exc
    return progress.pull_report()


# ------------------------------------------------------------------------------ one round


def sync_once(
    local: sessionmaker[Session],
    shared: Engine,
    *,
    workstation: str | None = None,
    schools: Collection[str] | None = None,
    batch_size: int = BATCH,
) -> SyncReport:
    """Push, then pull. A shared database that fails is reported (`error`), not raised: the
    workstation keeps working and the next round picks up where this one stopped."""
    started = utcnow()
    progress = _Progress()
    error: str | None = None
    try:
        _push(local, shared, workstation or current_workstation(), batch_size, progress)
        _pull(local, shared, schools, progress)
    except SQLAlchemyError as exc:
        error = _reason(exc)
    except ChainCollision as exc:
        error = exc.message
    if error:
        log.warning("sync round failed: %s", error)
    with _local(local) as s:
        conn = s.connection()
        _set_state(conn, "last_attempt_at", started.isoformat())
        _set_state(conn, "last_error", error or "")
        _set_state(conn, "online", "0" if error else "1")
        if error is None:
            _set_state(conn, "last_sync_at", started.isoformat())
        waiting = _waiting(conn)
    report = SyncReport(started, progress.push_report(), progress.pull_report(), waiting, error)
    log.info("sync round: %s", "; ".join(report.lines()))
    return report


# ------------------------------------------------------------------ what the UI asks about


def _waiting(conn: Connection) -> int:
    return int(
        conn.scalar(select(func.count()).select_from(OUTBOX).where(OUTBOX.c.pushed_at.is_(None)))
        or 0
    )


def pending_passcode_ids(local_session: Session) -> set[str]:
    """Passcodes with changes not yet on the shared database: the portal cannot honour a new
    one yet, so its slip says "pending sync"."""
    return _unpushed(local_session.connection(), "passcode")


def status(local_session: Session, *, configured: bool | None = None) -> SyncStatus:
    """The sync state for the status bar. `configured`: is a shared database set up (default:
    whether the local config names one)."""
    from staffdesk.sync import config

    conn = local_session.connection()
    state = _get_state(conn, "")
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
        waiting=_waiting(conn),
        pending_passcodes=len(pending_passcode_ids(local_session)),
        open_conflicts=int(open_conflicts or 0),
        last_sync_at=_when(state.get("last_sync_at")),
        last_attempt_at=_when(state.get("last_attempt_at")),
        last_error=state.get("last_error") or None,
    )


def conflicts(local_session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
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

        raise NotFound(f"no sync conflict #{conflict_id}")
    return _conflict_view(dict(found))
