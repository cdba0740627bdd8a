"""Idempotent batch upserts keyed by primary key, one statement per table per batch.

PostgreSQL and SQLite get `INSERT … ON CONFLICT (key) DO UPDATE … WHERE …`; MariaDB/MySQL gets
`INSERT … ON DUPLICATE KEY UPDATE`, where a condition has to be folded into each assignment and
assignments run left to right (so a column a condition reads is assigned last). Every mode is
safe to replay: running the same rows again changes nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, Table, and_, case, func, not_, or_
from sqlalchemy.dialects import mysql, postgresql, sqlite

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


def _on_conflict(
    table: Table,
    key: list[str],
    nonkey: list[str],
    mode: Mode,
    compare: Sequence[str],
    version: str,
    dialect: str,
) -> Any:
    ins = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
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
    return ins.on_duplicate_key_update(pairs)
