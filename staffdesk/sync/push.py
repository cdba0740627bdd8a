"""Push: send the outbox to the shared database (docs/sync.md).

For every outbox entry, the *current* local state of the entity it names — plus the parents it
needs that are still waiting — goes with one idempotent upsert per table per batch, and the
workstation's audit chains up to their heads, all in one shared transaction; only then are the
entries marked pushed locally. A crash anywhere repeats a batch, never loses or doubles one.

- Roster rows, staff and settings: the last push wins; a row is rewritten only if it changed.
- access_request is versioned: the shared row must be one this workstation knows (the version
  it last pulled or pushed) or already equal to the local one. Anything else is a conflict
  (sync/conflicts.py).
- passcode: office columns are written once; revocation is monotonic (revoked_at is never set
  back to NULL); the portal's columns are never sent.
- Shared rows get `updated_at` = the shared server's clock at push, so pulls can use it as a
  high-water mark (read with an overlap window) whatever the workstations' clocks say.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    Table,
    delete,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.domain.errors import AdminLoginRefused, DuplicateWorkstation
from staffdesk.domain.messages import msg
from staffdesk.services.context import current_workstation, utcnow
from staffdesk.store import name_tokens
from staffdesk.store.sync_tables import sync_tombstone
from staffdesk.sync import faults
from staffdesk.sync.batch import (
    ADMIN,
    EVERYTHING,
    Batch,
    Entity,
    Scope,
    entity_digest,
    mark_in_flight,
    read_batch,
)
from staffdesk.sync.conflicts import Conflict, ConflictView, record_conflict, record_rejection
from staffdesk.sync.rows import (
    AUDIT_BATCH,
    AUDIT_EVENT,
    AUDIT_HEAD,
    BATCH,
    CONTACT,
    DECISION,
    IDENTITY,
    OUTBOX,
    PASSCODE,
    REQUEST,
    SLIP_LOG,
    STAFF,
    STAFF_SCHOOL,
    STAMPED,
    KnownState,
    SharedUnavailable,
    T,
    chunks,
    content_columns,
    digest,
    failure_reason,
    local_transaction,
    log,
    rows_in,
    save_known,
    set_state,
)
from staffdesk.sync.upsert import PORTAL_COLUMNS, Mode, upsert, upsert_tuples

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


@dataclass(frozen=True, slots=True)
class PushReport:
    entries: int = 0  # outbox entries settled
    rows: dict[str, int] = field(default_factory=dict)  # rows sent, per table
    audit_events: int = 0
    conflicts: tuple[ConflictView, ...] = ()
    held: int = 0  # changes held back for a parent only an admin login sends


@dataclass
class _Outcome:
    sent: Counter[str] = field(default_factory=Counter)
    accepted: dict[str, tuple[int, str]] = field(default_factory=dict)  # request → on shared
    conflicts: list[Conflict] = field(default_factory=list)
    rejected: list[tuple[Entity, str]] = field(default_factory=list)
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


PUSH_LOCK_WAIT = "10s"  # PostgreSQL: the longest a push waits for any one lock (default: forever)


def _push_clock(conn: Connection) -> datetime:
    """The stamp of a push's rows (`server_now`); on PostgreSQL, in the same round trip, a
    bound on every lock wait of the push's transaction. Rows stamped now must commit well inside
    the pulls' 2-minute overlap or other desks' marks could pass them by: a push kept waiting by
    another connection's lock (a stolen login's open transaction included) fails instead, is
    reported, and the next round sends it again with a fresh stamp. MariaDB's own bound
    (`innodb_lock_wait_timeout`, 50 s by default) does the same there."""
    if conn.dialect.name != "postgresql":
        return server_now(conn)
    row = conn.execute(
        text(
            "SELECT set_config('lock_timeout', :wait, true), "
            "CAST(clock_timestamp() AT TIME ZONE 'UTC' AS timestamp)"
        ),
        {"wait": PUSH_LOCK_WAIT},
    ).one()
    value: datetime = row[1]
    return value.replace(tzinfo=UTC)


def _any_tombstone(conn: Connection) -> bool:
    q = select(sync_tombstone.c.entity_id).where(sync_tombstone.c.entity_type == "student_contact")
    return conn.execute(q.limit(1)).first() is not None


def _names(rows: Sequence[Mapping[str, Any]]) -> list[name_tokens.NameRow]:
    return [
        (r["permanent_id"], r["school_code"], r["first_name"], r["middle_name"], r["last_name"])
        for r in rows
    ]


def _apply(conn: Connection, batch: Batch, stamp: datetime, blocked: set[str]) -> _Outcome:
    """Write a batch in the caller's shared transaction."""
    out = _Outcome()
    for name in STAMPED:  # the bulk of a roster import: plain tuples, one executemany
        rows = batch.rows(name)
        if rows:
            cols = [*rows[0], "updated_at"]
            naive = stamp.replace(tzinfo=None)  # the only datetime: rows are read without theirs
            values = [(*r.values(), naive) for r in rows]
            renamed = name_tokens.changed(conn, _names(rows)) if name == "student" else []
            upsert_tuples(
                conn,
                T[name],
                cols,
                values,
                Mode.CHANGED,
                compare=content_columns(T[name]),
                ready=True,
            )
            name_tokens.replace(conn, renamed)  # the shared database's own search words
        out.sent[name] += len(rows)
    contacts = [r["id"] for r in batch.rows("student_contact")]
    if contacts and _any_tombstone(conn):  # a contact that is back is no longer deleted
        for chunk in chunks(contacts, 1000):
            conn.execute(
                delete(sync_tombstone).where(
                    sync_tombstone.c.entity_type == "student_contact",
                    sync_tombstone.c.entity_id.in_(chunk),
                )
            )
    gone = batch.deleted("student_contact")
    for chunk in chunks(gone):
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
        upsert(conn, STAFF, staff, Mode.CHANGED, compare=content_columns(STAFF))
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
        for chunk in chunks([r["id"] for r in send]):
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


def _apply_requests(conn: Connection, batch: Batch, stamp: datetime, out: _Outcome) -> None:
    rows = batch.rows("access_request")
    if not rows:
        return
    shared: dict[str, dict[str, Any]] = {}
    for chunk in chunks([r["id"] for r in rows]):
        q = select(REQUEST).where(REQUEST.c.id.in_(chunk)).with_for_update()
        shared.update({r["id"]: dict(r) for r in conn.execute(q).mappings()})
    # The request rows are locked, so these reads see every commit that touched them: on
    # PostgreSQL each statement reads afresh (READ COMMITTED; staffdesk_app may not lock these
    # tables); MariaDB's REPEATABLE READ snapshot may be older, so there a locking read.
    lock = conn.dialect.name in ("mysql", "mariadb")
    their_idc = rows_in(conn, IDENTITY, "request_id", list(shared), lock=lock)
    their_dec = rows_in(conn, DECISION, "request_id", list(shared), lock=lock)
    entities = {e.id: e for e in batch.entities.values() if e.type == "access_request"}
    send: list[dict[str, Any]] = []
    accepted: list[str] = []
    lost: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for row in rows:
        rid, ours = row["id"], entity_digest(entities[row["id"]])
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
        elif row["version"] > theirs["version"] and batch.bases.get(rid, KnownState()).knows(
            int(theirs["version"]), theirs_digest
        ):
            send.append(row | {"updated_at": stamp})
        else:
            lost.append((row, theirs))
            continue
        accepted.append(rid)
        out.accepted[rid] = (int(row["version"]), ours)
    # in one order on every desk: each row stamps its school's change counter (migration 0013),
    # so two pushes of several schools lock those counters in the same order, never crosswise
    send.sort(key=lambda r: (r["school_code"], r["id"]))
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
        idc = rows_in(conn, IDENTITY, "request_id", ids)
        dec = rows_in(conn, DECISION, "request_id", ids)
        pcs = rows_in(conn, PASSCODE, "request_id", ids)
        for mine, theirs in lost:
            rid = mine["id"]
            out.conflicts.append(
                Conflict(
                    rid,
                    mine,
                    theirs,
                    [r for r in idc if r["request_id"] == rid],
                    [r for r in dec if r["request_id"] == rid],
                    [r for r in pcs if r["request_id"] == rid],
                )
            )


class ChainCollision(DuplicateWorkstation):
    """Met while pushing: the shared chain holds other events at the same places. The round's
    identity check (sync/identity.py) names the case first; this is the backstop for two desks
    of one name pushing at the same moment."""


def _apply_audit(conn: Connection, batch: Batch, out: _Outcome) -> None:
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
                "uses the same name (or this store was restored from a backup); give each "
                "workstation its own name (STAFFDESK_WORKSTATION), or for a restored desk run "
                "`staffdesk sync --new-segment`; nothing waiting here is lost",
                chain,
            )
        missing = [e for e in events if e["seq"] not in there]
        if missing:
            conn.execute(insert(AUDIT_EVENT), missing)
        last = events[-1]
        head = [{"chain": chain, "seq": last["seq"], "hash": last["hash"]}]
        upsert(conn, AUDIT_HEAD, head, Mode.VERSIONED, version="seq")
        out.audit_marks[chain] = hi
        out.audit_events += len(missing)


# What the shared database says about a row's own values (a key taken, a NUL PostgreSQL cannot
# store, a value too long), or about the row itself (the login may not write it; a trigger refuses
# it): that row is quarantined and shown, every other change goes on.
REFUSED_ROW = (IntegrityError, DataError)
POSTGRES_REFUSALS = ("42501",)  # insufficient_privilege; classes 22, 23 and P0 below
MYSQL_DENIED = (1142, 1143, 1227)  # table, column, operation access denied
MYSQL_SIGNAL = 1644  # a trigger's SIGNAL


def denied(exc: DBAPIError) -> bool:
    """The login lacks the privilege (as opposed to the row breaking a rule)."""
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in POSTGRES_REFUSALS:
        return True
    args: tuple[object, ...] = tuple(getattr(orig, "args", ()))
    return bool(args) and args[0] in MYSQL_DENIED


def refused_row(exc: DBAPIError) -> bool:
    """Did the database refuse the rows it was given (rather than fail to work)?"""
    if isinstance(exc, REFUSED_ROW) or denied(exc):
        return True
    state = getattr(exc.orig, "sqlstate", None)
    if isinstance(state, str) and state[:2] in ("22", "23", "P0"):
        return True
    args: tuple[object, ...] = tuple(getattr(exc.orig, "args", ()))
    return bool(args) and args[0] == MYSQL_SIGNAL


def _reason(exc: DBAPIError) -> str:
    return " ".join(str(exc.orig).split())


def _admin_refused(exc: DBAPIError, login: str) -> AdminLoginRefused:
    return AdminLoginRefused(msg("sync.admin_refused", login=login, reason=_reason(exc)))


def _send(shared: Engine, batch: Batch, *, admin: bool = False) -> _Outcome:
    """One shared transaction for the batch; if the database refuses a row, find which. On an
    admin push a login without the privilege is the caller's mistake, not the rows': refused as
    a whole (AdminLoginRefused), nothing quarantined."""
    login = str(shared.url.username or "")
    # The audit events go first: on MariaDB a passcode row is accepted only once its issuance
    # event is there (migration 0008; PostgreSQL checks it at commit).
    try:
        with shared.begin() as conn:
            first = _Outcome()
            stamp = _push_clock(conn)  # first: every lock wait of the transaction is bounded
            _apply_audit(conn, batch, first)
            out = _apply(conn, batch, stamp, set())
            out.audit_marks, out.audit_events = first.audit_marks, first.audit_events
        return out
    except DBAPIError as exc:
        if admin and denied(exc):
            raise _admin_refused(exc, login) from exc
        if not refused_row(exc):
            raise
        log.warning("the shared database refused part of a batch, isolating it: %s", exc.orig)
    out = _Outcome()
    with shared.begin() as conn:
        stamp = _push_clock(conn)
        _apply_audit(conn, batch, out)
        for unit in batch.units():
            savepoint = conn.begin_nested()
            try:
                one = _apply(conn, unit, stamp, out.blocked)
            except DBAPIError as exc:
                if admin and denied(exc):
                    raise _admin_refused(exc, login) from exc
                if not refused_row(exc):
                    raise
                savepoint.rollback()
                (entity,) = unit.entities.values()
                out.rejected.append((entity, _reason(exc)))
                continue
            savepoint.commit()
            out.merge(one)
    return out


def _settle(conn: Connection, batch: Batch, now: datetime, scope: Scope) -> None:
    """Mark a batch pushed: the waiting entries in scope of its seq range, but those held, are
    its entries."""
    seqs = batch.seqs
    if not seqs:
        return
    q = update(OUTBOX).where(
        OUTBOX.c.seq.between(seqs[0], seqs[-1]), OUTBOX.c.pushed_at.is_(None), scope.where()
    )
    held: dict[str, list[str]] = {}
    for etype, eid in batch.held:
        held.setdefault(etype, []).append(eid)
    for etype, ids in held.items():
        q = q.where(~((OUTBOX.c.entity_type == etype) & OUTBOX.c.entity_id.in_(ids)))
    conn.execute(q.values(pushed_at=now))


def _acknowledge(
    local: sessionmaker[Session], batch: Batch, out: _Outcome, workstation: str, scope: Scope
) -> list[ConflictView]:
    views: list[ConflictView] = []
    with local_transaction(local) as s:
        conn = s.connection()
        now = utcnow()
        _settle(conn, batch, now, scope)
        for rid, (version, dig) in out.accepted.items():
            save_known(conn, rid, KnownState(version, dig))
        for c in out.conflicts:
            views.append(record_conflict(s, c, workstation, now))
        for entity, message in out.rejected:
            views.append(record_rejection(conn, entity, message, now))
        for chain, seq in out.audit_marks.items():
            set_state(conn, f"audit:{chain}", str(seq))
        set_state(conn, "last_push_at", now.isoformat())
    return views


@dataclass
class PushTally:
    """What the pushes of one round have done so far (a round that fails midway reports it)."""

    entries: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    audit_events: int = 0
    conflicts: list[ConflictView] = field(default_factory=list)
    held: int = 0  # entries held for a parent that waits for an admin login

    def report(self) -> PushReport:
        return PushReport(
            self.entries, dict(self.rows), self.audit_events, tuple(self.conflicts), self.held
        )


def push_batches(
    local: sessionmaker[Session],
    shared: Engine,
    workstation: str,
    batch_size: int,
    progress: PushTally,
    scope: Scope = EVERYTHING,
) -> None:
    """Batch after batch until nothing in `scope` waits; `progress` counts each batch as it is
    settled. The ADMIN scope is pushed as an admin login (see `_send`)."""
    after = 0
    while True:
        with local_transaction(local) as s:
            conn = s.connection()
            batch = read_batch(conn, batch_size, AUDIT_BATCH, scope, after)
            mark_in_flight(conn, batch)
        progress.held += len(batch.held)
        if batch.empty:
            if not batch.last_seq:
                return
            after = batch.last_seq  # all of it held: on to the next entries
            continue
        after = batch.last_seq
        faults.point("push.begin")
        out = _send(shared, batch, admin=scope is ADMIN)
        faults.point("push.after_server_commit")
        _push_acknowledged(local, batch, out, workstation, progress, scope)


def _push_acknowledged(
    local: sessionmaker[Session],
    batch: Batch,
    out: _Outcome,
    workstation: str,
    progress: PushTally,
    scope: Scope,
) -> None:
    views = _acknowledge(local, batch, out, workstation, scope)
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
    progress = PushTally()
    try:
        push_batches(local, shared, workstation or current_workstation(), batch_size, progress)
    except SQLAlchemyError as exc:
        raise SharedUnavailable(failure_reason(exc)) from exc
    return progress.report()
