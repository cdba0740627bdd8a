"""Idempotent batch upserts keyed by primary key, one statement per table per batch.

PostgreSQL and SQLite get `INSERT … ON CONFLICT (key) DO UPDATE … WHERE …`; MariaDB/MySQL gets
`INSERT … ON DUPLICATE KEY UPDATE`, where a condition has to be folded into each assignment and
assignments run left to right (so a column a condition reads is assigned last). Every mode is
safe to replay: running the same rows again changes nothing.
"""

from __future__ import annotations

import copy
import enum
import uuid
import weakref
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    Table,
    and_,
    case,
    column,
    func,
    not_,
    or_,
    select,
)
from sqlalchemy import (
    table as table_clause,
)
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.engine import Dialect

PORTAL_COLUMNS = ("used_at", "used_by_account", "failed_attempts", "locked_until")
REVOCATION = ("revoked_at", "revoked_by", "revoke_reason")


class Mode(enum.Enum):
    IGNORE = "ignore"  # insert new rows; an existing row is left as it is (immutable rows)
    REPLACE = "replace"  # existing rows take the new values
    CHANGED = "changed"  # take the new values only if a compared column differs
    VERSIONED = "versioned"  # take the new values only if the new `version` is higher
    REVOKE = "revoke"  # passcode office columns: only a revocation can change, and only once
    PORTAL = "portal"  # passcode into a local store: portal columns, plus monotonic revocation


def upsert(
    conn: Connection,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    mode: Mode,
    *,
    compare: Sequence[str] = (),
    version: str = "version",
) -> int:
    """Run one executemany; returns the driver's count of rows written (may be approximate)."""
    if not rows:
        return 0
    key = [c.name for c in table.primary_key.columns]
    cols = list(rows[0].keys())
    nonkey = [c for c in cols if c not in key]
    name = conn.dialect.name
    if name in ("postgresql", "sqlite"):
        stmt: Any = _on_conflict(table, key, nonkey, mode, compare, version, name)
    elif name in ("mysql", "mariadb"):
        stmt = _on_duplicate(table, key, nonkey, mode, compare, version)
    else:  # pragma: no cover - only the three engines StaffDesk supports
        raise NotImplementedError(f"no upsert for {name}")
    result = conn.execute(stmt, list(rows))
    return max(result.rowcount, 0)


def upsert_tuples(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    mode: Mode,
    *,
    compare: Sequence[str] = (),
    ready: bool = False,
) -> int:
    """`upsert` for many plain tuples, without per-row work in SQLAlchemy: the statement is
    compiled once and the rows go straight to the driver's executemany. Datetimes are UTC
    (naive or aware); SQLite gets them in SQLAlchemy's text format. `ready`: the values need no
    conversion (datetimes already naive UTC, or text for SQLite)."""
    if not rows:
        return 0
    key = [c.name for c in table.primary_key.columns]
    nonkey = [c for c in columns if c not in key]
    name = conn.dialect.name
    if name == "postgresql" and len(rows) >= COPY_MIN and _unique(columns, key, rows):
        return _copy_upsert(conn, table, columns, key, nonkey, rows, mode, compare, ready)
    if name in ("postgresql", "sqlite"):
        stmt: Any = _on_conflict(table, key, nonkey, mode, compare, "version", name)
    else:
        stmt = _on_duplicate(table, key, nonkey, mode, compare, "version")
    compiled = stmt.compile(dialect=_positional(conn.dialect), column_keys=list(columns))
    assert compiled.positiontup is not None
    order = [list(columns).index(n) for n in compiled.positiontup]
    times = {i for i, c in enumerate(columns) if _is_datetime(table, c)}
    fix = _text_time if name == "sqlite" else _naive
    params: Sequence[Sequence[Any]] = rows
    if ready and order == list(range(len(columns))):
        pass  # the caller's tuples are already what the driver takes
    else:
        params = [tuple(fix(row[i]) if i in times else row[i] for i in order) for row in rows]
    result = conn.exec_driver_sql(compiled.string, params)
    return max(result.rowcount, 0)


# From this many rows on, PostgreSQL gets them by COPY into a temporary table and one
# INSERT … SELECT … ON CONFLICT with the same conditions: several times faster than one
# prepared INSERT per row, for the big pushes (a roster import, a school's batch).
COPY_MIN = 1000


def _unique(columns: Sequence[str], key: list[str], rows: Sequence[Sequence[Any]]) -> bool:
    """One INSERT … SELECT may not touch a row twice: only rows with distinct keys go that way
    (a batch never holds one entity twice, but a caller could)."""
    at = [list(columns).index(k) for k in key]
    return len(set(map(itemgetter(*at), rows))) == len(rows)


def _copy_upsert(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    key: list[str],
    nonkey: list[str],
    rows: Sequence[Sequence[Any]],
    mode: Mode,
    compare: Sequence[str],
    ready: bool,
) -> int:
    cols = list(columns)
    stage = f"_staffdesk_stage_{uuid.uuid4().hex[:12]}"
    quoted = ", ".join(f'"{c}"' for c in cols)
    # the staged columns take the target's types, without its constraints; gone at commit
    conn.exec_driver_sql(
        f'CREATE TEMPORARY TABLE "{stage}" ON COMMIT DROP AS '
        f'SELECT {quoted} FROM "{table.name}" WITH NO DATA'
    )
    times = {i for i, c in enumerate(cols) if _is_datetime(table, c)}
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(f'COPY "{stage}" ({quoted}) FROM STDIN') as copy_in:
        for row in rows:
            if ready or not times:
                copy_in.write_row(row)
            else:
                copy_in.write_row([_naive(v) if i in times else v for i, v in enumerate(row)])
    staged = table_clause(stage, *[column(c) for c in cols])
    source: Select[Any] = select(*staged.c)
    stmt = _on_conflict(table, key, nonkey, mode, compare, "version", "postgresql", (cols, source))
    result = conn.execute(stmt)
    return max(result.rowcount, 0)


_POSITIONAL: weakref.WeakKeyDictionary[Dialect, Dialect] = weakref.WeakKeyDictionary()


def _positional(dialect: Dialect) -> Dialect:
    """The same dialect rendering positional `%s`/`?` binds, so rows go as plain tuples (both
    psycopg and PyMySQL take `%s`)."""
    if dialect.positional:
        return dialect
    found = _POSITIONAL.get(dialect)
    if found is None:
        found = copy.copy(dialect)
        found.paramstyle = "format"
        found.positional = True
        _POSITIONAL[dialect] = found
    return found


def _is_datetime(table: Table, column: str) -> bool:
    from sqlalchemy import DateTime

    t = table.c[column].type
    return isinstance(t, DateTime) or isinstance(getattr(t, "impl", None), DateTime)


def _naive(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _text_time(value: Any) -> Any:
    if isinstance(value, datetime):
        return _naive(value).isoformat(" ", "microseconds")
    return value


def _on_conflict(
    table: Table,
    key: list[str],
    nonkey: list[str],
    mode: Mode,
    compare: Sequence[str],
    version: str,
    dialect: str,
    source: tuple[list[str], Any] | None = None,
) -> Any:
    """`source`: (columns, SELECT) to insert from, instead of bound values."""
    ins = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    if source is not None:
        ins = ins.from_select(*source)
    ex = ins.excluded
    t = table.c
    if mode is Mode.IGNORE or not nonkey:
        return ins.on_conflict_do_nothing(index_elements=key)
    if mode is Mode.REPLACE:
        return ins.on_conflict_do_update(index_elements=key, set_={c: ex[c] for c in nonkey})
    if mode is Mode.CHANGED:
        differs = or_(*[t[c].is_distinct_from(ex[c]) for c in compare])
        return ins.on_conflict_do_update(
            index_elements=key, set_={c: ex[c] for c in nonkey}, where=differs
        )
    if mode is Mode.VERSIONED:
        return ins.on_conflict_do_update(
            index_elements=key,
            set_={c: ex[c] for c in nonkey},
            where=t[version] < ex[version],
        )
    if mode is Mode.REVOKE:
        return ins.on_conflict_do_update(
            index_elements=key,
            set_={c: ex[c] for c in REVOCATION},
            where=and_(t["revoked_at"].is_(None), ex["revoked_at"].is_not(None)),
        )
    # PORTAL: the portal's columns as the shared database has them; a revocation is kept
    portal = [c for c in PORTAL_COLUMNS if c in nonkey]
    set_: dict[str, Any] = {c: ex[c] for c in portal}
    set_["revoked_at"] = func.coalesce(t["revoked_at"], ex["revoked_at"])
    for c in ("revoked_by", "revoke_reason"):
        set_[c] = case((t["revoked_at"].is_(None), ex[c]), else_=t[c])
    differs = or_(
        *[t[c].is_distinct_from(ex[c]) for c in portal],
        and_(t["revoked_at"].is_(None), ex["revoked_at"].is_not(None)),
    )
    return ins.on_conflict_do_update(index_elements=key, set_=set_, where=differs)


def _same(a: ColumnElement[Any], b: ColumnElement[Any], text: bool) -> ColumnElement[bool]:
    """Null-safe equality; byte-wise for text (MariaDB's collations ignore case and accents)."""
    same = a.op("<=>", is_comparison=True)
    if text:
        same = func.binary(a).op("<=>", is_comparison=True)
        b = func.binary(b)
    return same(b)


def _on_duplicate(
    table: Table,
    key: list[str],
    nonkey: list[str],
    mode: Mode,
    compare: Sequence[str],
    version: str,
) -> Any:
    ins = mysql.insert(table)
    new = ins.inserted  # renders VALUES(col)
    t = table.c
    pairs: list[tuple[Any, Any]]
    if mode is Mode.IGNORE or not nonkey:
        pairs = [(key[0], t[key[0]])]
    elif mode is Mode.REPLACE:
        pairs = [(c, new[c]) for c in nonkey]
    elif mode is Mode.CHANGED:
        differs = or_(*[not_(_same(t[c], new[c], isinstance(t[c].type, String))) for c in compare])
        # columns outside the comparison (updated_at) first, while the old values still stand
        pairs = [(c, case((differs, new[c]), else_=t[c])) for c in nonkey if c not in compare]
        pairs += [(c, new[c]) for c in nonkey if c in compare]
    elif mode is Mode.VERSIONED:
        newer = new[version] > t[version]
        pairs = [(c, case((newer, new[c]), else_=t[c])) for c in nonkey if c != version]
        pairs.append((version, case((newer, new[version]), else_=t[version])))
    elif mode is Mode.REVOKE:
        first = t["revoked_at"].is_(None)
        pairs = [(c, case((first, new[c]), else_=t[c])) for c in ("revoked_by", "revoke_reason")]
        pairs.append(("revoked_at", func.coalesce(t["revoked_at"], new["revoked_at"])))
    else:  # PORTAL
        first = t["revoked_at"].is_(None)
        pairs = [(c, new[c]) for c in PORTAL_COLUMNS if c in nonkey]
        pairs += [(c, case((first, new[c]), else_=t[c])) for c in ("revoked_by", "revoke_reason")]
        pairs.append(("revoked_at", func.coalesce(t["revoked_at"], new["revoked_at"])))
    if mode is not Mode.IGNORE and nonkey:
        # ON DUPLICATE KEY fires on any unique key: a row that only shares a secondary one
        # (another account's username, another passcode's serial) must be left alone
        same_row = and_(*[t[k] == new[k] for k in key])
        pairs = [(c, case((same_row, expr), else_=t[c])) for c, expr in pairs]
    return ins.on_duplicate_key_update(pairs)
