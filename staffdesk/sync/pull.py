"""Pull: bring what changed on the shared database into the local store (docs/sync.md).

Roster changes, staff accounts, settings, other workstations' requests (with their identity
checks, decisions and passcodes) for the chosen schools, the portal's passcode columns and portal
links. It never overwrites an entity that has unpushed local changes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    Table,
    delete,
    func,
    inspect,
    select,
    type_coerce,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.services.context import utcnow
from staffdesk.store import name_tokens
from staffdesk.store.sync_tables import sync_change, sync_tombstone
from staffdesk.sync import faults
from staffdesk.sync.push import server_now
from staffdesk.sync.rows import (
    CONTACT,
    DECISION,
    IDENTITY,
    PASSCODE,
    PORTAL_LINK,
    REQUEST,
    SCHOOL,
    SETTING,
    STAFF,
    STAFF_SCHOOL,
    STUDENT,
    KnownState,
    SharedUnavailable,
    T,
    chunks,
    content_columns,
    digest,
    failure_reason,
    get_state,
    key_of,
    local_transaction,
    log,
    rows_in,
    save_known,
    serials_free,
    set_state,
    unpushed,
)
from staffdesk.sync.upsert import PORTAL_COLUMNS, Mode, upsert, upsert_tuples

PULL_CHUNK = 10_000  # rows per local transaction when pulling
OVERLAP = timedelta(minutes=2)  # pulls re-read this much before the mark: in-flight pushes
NO_LINK_YET = datetime(2000, 1, 1, tzinfo=UTC)  # the link mark of a scope that has none


@dataclass(frozen=True, slots=True)
class PullReport:
    rows: dict[str, int] = field(default_factory=dict)  # rows changed locally, per table
    kept_local: int = 0  # shared rows not taken because the local copy has unpushed changes


@dataclass
class PullTally:
    """What the pulls of one round have done so far."""

    pulled: Counter[str] = field(default_factory=Counter)
    kept_local: int = 0

    def report(self) -> PullReport:
        return PullReport(dict(self.pulled), self.kept_local)


def _scope_key(schools: Collection[str] | None) -> str:
    if schools is None:
        return "*"
    joined = ",".join(sorted(schools))
    return joined if len(joined) <= 60 else hashlib.sha1(joined.encode()).hexdigest()


def _since(table: Table, column: str, mark: datetime | None) -> Any:
    return table.c[column] > (mark - OVERLAP) if mark else True


def _pull_state(local: sessionmaker[Session]) -> tuple[dict[str, datetime], dict[str, str]]:
    """The high-water marks and the change counters last seen, in one local read."""
    with local_transaction(local) as s:
        conn = s.connection()
        marks = {k: datetime.fromisoformat(v) for k, v in get_state(conn, "pull:").items()}
        return marks, get_state(conn, SEEN)


def _save_mark(local: sessionmaker[Session], key: str, value: datetime | None) -> None:
    if value is None:
        return
    with local_transaction(local) as s:
        set_state(s.connection(), key, value.isoformat())


def _newest(
    current: datetime | None, rows: Sequence[Mapping[str, Any]], column: str
) -> datetime | None:
    values = [r[column] for r in rows if r[column] is not None]
    if current is not None:
        values.append(current)
    return max(values) if values else None


def _names(names: list[str], rows: Sequence[Sequence[Any]]) -> list[name_tokens.NameRow]:
    """A pulled student's key, school and names, as the search words need them."""
    at = [names.index(c) for c in ("permanent_id", "school_code", "first_name", "middle_name")]
    last = names.index("last_name")
    return [(r[at[0]], r[at[1]], r[at[2]], r[at[3]] or "", r[last]) for r in rows]


def _pull_roster(
    sconn: Connection,
    local: sessionmaker[Session],
    marks: dict[str, datetime],
    read_at: datetime,
    news: set[str],
    p: PullTally,
) -> None:
    for name in ("school", "student", "student_contact"):
        if name not in news:
            continue
        table, key = T[name], key_of(name)
        mark = marks.get(f"pull:{name}")
        # plain tuples, datetimes as the naive UTC they are stored as: no per-row conversions
        names = [c.name for c in table.columns]
        cols = [type_coerce(c, DateTime()) if c.name == "updated_at" else c for c in table.columns]
        ki = names.index(key)
        q = select(*cols).where(_since(table, "updated_at", mark))
        result = sconn.execute(q.execution_options(stream_results=True, yield_per=PULL_CHUNK))
        for part in result.partitions(PULL_CHUNK):
            with local_transaction(local) as s:
                conn = s.connection()
                mine = unpushed(conn, name)
                take = [r for r in part if r[ki] not in mine] if mine else part
                p.kept_local += len(part) - len(take)
                renamed = (
                    name_tokens.changed(conn, _names(names, take)) if name == "student" else []
                )
                p.pulled[name] += upsert_tuples(
                    conn, table, names, take, Mode.CHANGED, compare=content_columns(table)
                )
                name_tokens.replace(conn, renamed)  # search words follow, same transaction
        _save_mark(local, f"pull:{name}", read_at)
    if "sync_tombstone" not in news:
        return
    mark = marks.get("pull:sync_tombstone")
    stones = [  # stamped by the shared server, like the roster: read_at is the mark
        dict(r)
        for r in sconn.execute(
            select(sync_tombstone).where(
                sync_tombstone.c.entity_type == "student_contact",
                _since(sync_tombstone, "deleted_at", mark),
            )
        ).mappings()
    ]
    if stones:
        with local_transaction(local) as s:
            conn = s.connection()
            mine = unpushed(conn, "student_contact")
            gone = [r["entity_id"] for r in stones if r["entity_id"] not in mine]
            for chunk in chunks(gone):
                n = conn.execute(delete(CONTACT).where(CONTACT.c.id.in_(chunk))).rowcount
                p.pulled["student_contact deleted"] += max(n, 0)
    _save_mark(local, "pull:sync_tombstone", read_at)


def _pull_staff_and_settings(sconn: Connection, local: sessionmaker[Session], p: PullTally) -> None:
    staff = [dict(r) for r in sconn.execute(select(STAFF)).mappings()]
    links = [dict(r) for r in sconn.execute(select(STAFF_SCHOOL)).mappings()]
    settings = [dict(r) for r in sconn.execute(select(SETTING)).mappings()]
    with local_transaction(local) as s:
        conn = s.connection()
        mine = unpushed(conn, "staff_user")
        names = {u: i for i, u in conn.execute(select(STAFF.c.id, STAFF.c.username))}
        # an account made separately here under the same name stays as it is
        take = [
            r for r in staff if r["id"] not in mine and names.get(r["username"], r["id"]) == r["id"]
        ]
        p.kept_local += len(staff) - len(take)
        p.pulled["staff_user"] += upsert(
            conn, STAFF, take, Mode.CHANGED, compare=content_columns(STAFF)
        )
        known = {r["id"] for r in take}
        schools = set(conn.scalars(select(SCHOOL.c.code)))
        upsert(
            conn,
            STAFF_SCHOOL,
            [r for r in links if r["staff_id"] in known and r["school_code"] in schools],
            Mode.IGNORE,
        )
        # a school taken from an account on the shared database is taken here too
        there = {(r["staff_id"], r["school_code"]) for r in links}
        here = conn.execute(select(STAFF_SCHOOL.c.staff_id, STAFF_SCHOOL.c.school_code)).all()
        for staff_id, code in here:
            if staff_id in known and (staff_id, code) not in there:
                conn.execute(
                    delete(STAFF_SCHOOL).where(
                        STAFF_SCHOOL.c.staff_id == staff_id, STAFF_SCHOOL.c.school_code == code
                    )
                )
                p.pulled["staff_school deleted"] += 1
        mine = unpushed(conn, "setting")
        take = [r for r in settings if r["key"] not in mine]
        p.pulled["setting"] += upsert(
            conn, SETTING, take, Mode.CHANGED, compare=content_columns(SETTING)
        )


def _pull_workflow(
    sconn: Connection,
    local: sessionmaker[Session],
    marks: dict[str, datetime],
    read_at: datetime,
    scope: str,
    schools: Collection[str] | None,
    p: PullTally,
) -> None:
    key = f"pull:access_request:{scope}"
    mark = marks.get(key)
    q = select(REQUEST).where(_since(REQUEST, "updated_at", mark))
    if schools is not None:
        q = q.where(REQUEST.c.school_code.in_(sorted(schools)))
    requests = [dict(r) for r in sconn.execute(q).mappings()]
    for chunk in chunks(requests):
        ids = [r["id"] for r in chunk]
        idc = rows_in(sconn, IDENTITY, "request_id", ids)
        dec = rows_in(sconn, DECISION, "request_id", ids)
        pcs = rows_in(sconn, PASSCODE, "request_id", ids)
        with local_transaction(local) as s:
            conn = s.connection()
            busy = unpushed(conn, "access_request", ids)
            take = [r for r in chunk if r["id"] not in busy]
            p.kept_local += len(chunk) - len(take)
            ok = {r["id"] for r in take}
            p.pulled["access_request"] += upsert(
                conn, REQUEST, take, Mode.CHANGED, compare=content_columns(REQUEST)
            )
            for r in take:
                checks = [x for x in idc if x["request_id"] == r["id"]]
                decisions = [x for x in dec if x["request_id"] == r["id"]]
                save_known(
                    conn, r["id"], KnownState(int(r["version"]), digest(r, checks, decisions))
                )
            for table, rows in ((IDENTITY, idc), (DECISION, dec)):
                rows = [r for r in rows if r["request_id"] in ok]
                for part in chunks(rows):
                    conn.execute(
                        delete(table).where(
                            table.c.request_id.in_([r["request_id"] for r in part]),
                            table.c.id.not_in([r["id"] for r in part]),
                        )
                    )
                p.pulled[table.name] += upsert(
                    conn, table, rows, Mode.CHANGED, compare=content_columns(table)
                )
            local_codes = set(
                conn.scalars(select(PASSCODE.c.id).where(PASSCODE.c.request_id.in_(ids)))
            )
            codes = [r for r in pcs if r["request_id"] in ok or r["id"] in local_codes]
            p.pulled["passcode"] += upsert(conn, PASSCODE, serials_free(conn, codes), Mode.PORTAL)
    _save_mark(local, key, read_at)


def _pull_portal_columns(sconn: Connection, local: sessionmaker[Session], p: PullTally) -> bool:
    """The portal's columns change without a timestamp: re-read every passcode still in play."""
    horizon = utcnow() - timedelta(days=1)
    with local_transaction(local) as s:
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
    theirs = rows_in(sconn, PASSCODE, "id", list(watched))
    fields = (*PORTAL_COLUMNS, "revoked_at")
    changed = [r for r in theirs if any(r[c] != watched[r["id"]][c] for c in fields)]
    if changed:
        with local_transaction(local) as s:
            p.pulled["passcode (portal)"] += upsert(s.connection(), PASSCODE, changed, Mode.PORTAL)
    return bool(changed)


def _pull_links(
    sconn: Connection,
    local: sessionmaker[Session],
    marks: dict[str, datetime],
    scope: str,
    schools: Collection[str] | None,
    p: PullTally,
) -> None:
    # linked_at is the portal's clock, not the shared server's: the mark is the newest seen
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
    if not links:  # none yet: the next read is of every link from now on, in the portal's clock
        _save_mark(local, key, mark or NO_LINK_YET)
        return
    with local_transaction(local) as s:
        conn = s.connection()
        have = set(
            conn.scalars(
                select(PASSCODE.c.id).where(PASSCODE.c.id.in_({r["passcode_id"] for r in links}))
            )
        )
        take = [r for r in links if r["passcode_id"] in have]
        p.pulled["portal_link"] += upsert(
            conn, PORTAL_LINK, take, Mode.CHANGED, compare=content_columns(PORTAL_LINK)
        )
    newest = _newest(mark, take, "linked_at")
    waiting = [r["linked_at"] for r in links if r["passcode_id"] not in have]
    if waiting:  # a link whose passcode is not here yet: read it again next time
        newest = min([*waiting, *([newest] if newest else [])])
    _save_mark(local, key, newest)


ROSTER = ("school", "student", "student_contact", "sync_tombstone")  # each its own counter, mark
PART = {"staff": "small", "access_request": "workflow"}  # the part a kind of counter stands for
SEEN = "seen:"  # sync_state: the change counters of sync_change as this desk last read each part


def _news(
    sconn: Connection,
    marks: dict[str, datetime],
    seen: dict[str, str],
    scope: str,
    schools: Collection[str] | None,
) -> tuple[set[str], dict[str, str]]:
    """Which parts changed since this desk last read them, and their counters to keep once
    read: one statement of the change counters the server's triggers keep (`sync_change`,
    migration 0013) for this desk's kinds and schools, compared with the ones last seen. A
    counter moves whenever a change commits, however late: a change is never left behind a
    mark. A roster or workflow part without a mark yet is read too. Portal links need no
    look-up: a link comes with its passcode's `used_at`, which the re-read of the passcodes in
    play sees (`_pull_portal_columns`)."""
    parts = {kind: (f"{SEEN}{kind}", f"pull:{kind}") for kind in ROSTER}
    parts["staff"] = (f"{SEEN}staff", "")  # read whole: no mark
    if schools is None or schools:  # a desk of no school reads no requests
        parts["access_request"] = (f"{SEEN}access_request:{scope}", f"pull:access_request:{scope}")
    q = (
        select(sync_change.c.kind, func.sum(sync_change.c.changes))
        .where(sync_change.c.kind.in_(sorted(parts)))
        .group_by(sync_change.c.kind)
    )
    if schools is not None:  # the requests of these schools; '' is every other kind's scope
        q = q.where(sync_change.c.scope.in_(["", *sorted(schools)]))
    news: set[str] = set()
    try:
        counts = {kind: str(int(total)) for kind, total in sconn.execute(q)}
    except DBAPIError:
        if inspect(sconn).has_table(sync_change.name):
            raise
        # a shared database not upgraded to 0013 yet (its desks were first): every part is read
        # past its marks, as before the counters; `staffdesk doctor` says the schema is behind
        log.warning("the shared database has no change counters (schema before 0013)")
        return {PART.get(kind, kind) for kind in parts} | {"portal_link"}, {}
    moved: dict[str, str] = {}
    for kind, (key, mark) in parts.items():
        count = counts.get(kind, "0")
        if seen.get(key) != count or (mark and mark not in marks):
            news.add(PART.get(kind, kind))
            moved[key] = count
    if marks.get(f"pull:portal_link:{scope}") is None:
        news.add("portal_link")
    return news, moved


def pull_all(
    local: sessionmaker[Session],
    shared: Engine,
    schools: Collection[str] | None,
    progress: PullTally,
) -> None:
    """Every kind of row, from one consistent read of the shared database.

    First one statement asks which parts changed since they were last read (`_news`, by the
    shared database's change counters); a round with nothing new stops there, after
    re-reading the portal's columns of the passcodes still in play. The others read those
    parts in one REPEATABLE READ transaction. Rows stamped by the shared
    server take as their next mark the server's clock at that read: everything stamped more
    than OVERLAP before it was committed and seen, so an old roster is never read again."""
    faults.point("pull.begin")
    marks, seen = _pull_state(local)
    scope = _scope_key(schools)
    with shared.connect() as sconn:
        sconn.execution_options(isolation_level="AUTOCOMMIT")
        news, moved = _news(sconn, marks, seen, scope, schools)
        portal_done = False
        if not news:
            if not _pull_portal_columns(sconn, local, progress):
                sconn.commit()  # no round trip: in autocommit there is no transaction to end
                return
            news, portal_done = {"portal_link"}, True  # a code was used: its link is there
        sconn.commit()
        sconn.execution_options(isolation_level="REPEATABLE READ")
        with sconn.begin():
            read_at = server_now(sconn)
            _pull_roster(sconn, local, marks, read_at, news, progress)
            if "small" in news:
                _pull_staff_and_settings(sconn, local, progress)
            if "workflow" in news:
                _pull_workflow(sconn, local, marks, read_at, scope, schools, progress)
            if not portal_done and _pull_portal_columns(sconn, local, progress):
                news.add("portal_link")
            if news & {"workflow", "portal_link"}:
                _pull_links(sconn, local, marks, scope, schools, progress)
    if moved:  # every part that moved is read: its counter is seen
        with local_transaction(local) as s:
            for key, count in moved.items():
                set_state(s.connection(), key, count)


def pull(
    local: sessionmaker[Session],
    shared: Engine,
    *,
    schools: Collection[str] | None = None,
) -> PullReport:
    """Pull what changed on the shared database (office workflow for `schools`; None: all)."""
    progress = PullTally()
    try:
        pull_all(local, shared, schools, progress)
    except SQLAlchemyError as exc:
        raise SharedUnavailable(failure_reason(exc)) from exc
    return progress.report()
