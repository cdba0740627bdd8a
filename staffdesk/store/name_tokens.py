"""Keeps `student_name_token` and `student_name_pair` in step with `student`: every writer of
student rows calls this in the same transaction (roster import, sync pull into a local store, sync
push to the shared one).

The tokens are derived data (domain/name_search.py), so they are never synced themselves: each
database computes its own from the names it holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from staffdesk.domain.name_search import name_tokens
from staffdesk.store.models import Student, StudentNamePair, StudentNameToken

CHUNK = 2000  # students per statement (an IN list stays short on every engine)
WORDS_MAX = 250  # the width of `words` and `before`; a name longer than that keeps its start
# permanent id, school code, first, middle, last
NameRow = tuple[str, str, str, str, str]


def rows_for(pid: str, school: str, first: str, middle: str, last: str) -> list[dict[str, Any]]:
    """The token rows of one student."""
    return _token_rows(pid, school, sorted(name_tokens(first, middle, last)))


def _token_rows(pid: str, school: str, tokens: list[str]) -> list[dict[str, Any]]:
    words = _joined(tokens)
    return [
        {
            "permanent_id": pid,
            "token": t,
            "school_code": school,
            "words": words,
            "before": _joined(tokens[:i]),
        }
        for i, t in enumerate(tokens)
    ]


def pairs_for(pid: str, first: str, middle: str, last: str) -> list[dict[str, Any]]:
    """The pair rows of one student: every ordered pair of two different words among those
    its token rows' `words` holds (a name longer than WORDS_MAX keeps its start there too), so
    a search finds the same students through either table."""
    return _pair_rows(pid, sorted(name_tokens(first, middle, last)))


def _pair_rows(pid: str, tokens: list[str]) -> list[dict[str, Any]]:
    kept = _joined(tokens).split()
    return [{"permanent_id": pid, "token": a, "other": b} for a in kept for b in kept if a != b]


def _joined(tokens: Sequence[str]) -> str:
    """ " a b c ": every word has a space on each side, so LIKE '% ab%' finds a word prefix."""
    out = " "
    for t in tokens:
        if len(out) + len(t) + 1 > WORDS_MAX:
            break
        out += t + " "
    return out


def replace(conn: Connection, rows: Iterable[NameRow], *, pairs: bool | None = None) -> int:
    """Replace the tokens and word pairs of these students; returns how many token rows were
    written. The pairs only where `student_name_pair` exists (None: look): a shared database
    not yet at 0012 takes a newer desk's push without them, and 0012 fills them from the
    names it then holds."""
    if pairs is None:
        pairs = has_pairs(conn)
    written = 0
    batch: list[NameRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            written += _replace(conn, batch, pairs)
            batch = []
    if batch:
        written += _replace(conn, batch, pairs)
    return written


def _replace(conn: Connection, rows: Sequence[NameRow], pairs: bool) -> int:
    pids = [r[0] for r in rows]
    conn.execute(delete(StudentNameToken).where(StudentNameToken.permanent_id.in_(pids)))
    values: list[dict[str, Any]] = []
    both: list[dict[str, Any]] = []
    for pid, school, first, middle, last in rows:  # each name folded once, for both tables
        tokens = sorted(name_tokens(first, middle, last))
        values += _token_rows(pid, school, tokens)
        if pairs:
            both += _pair_rows(pid, tokens)
    if values:
        conn.execute(insert(StudentNameToken), values)
    if pairs:
        conn.execute(delete(StudentNamePair).where(StudentNamePair.permanent_id.in_(pids)))
        if both:
            conn.execute(insert(StudentNamePair), both)
    return len(values)


def _columns() -> tuple[Any, ...]:
    return (
        Student.permanent_id,
        Student.school_code,
        Student.first_name,
        Student.middle_name,
        Student.last_name,
    )


def changed(conn: Connection, rows: Sequence[NameRow]) -> list[NameRow]:
    """The rows whose school or names differ from what this database holds (or that it does not
    hold): read before an upsert, so only their tokens are rewritten."""
    out: list[NameRow] = []
    for i in range(0, len(rows), CHUNK):
        part = rows[i : i + CHUNK]
        have = {
            r[0]: tuple(r)
            for r in conn.execute(
                select(*_columns()).where(Student.permanent_id.in_([r[0] for r in part]))
            )
        }
        out += [r for r in part if have.get(r[0]) != tuple(r)]
    return out


def has_pairs(conn: Connection) -> bool:
    """Does this database have `student_name_pair` yet (migration 0012)?"""
    return bool(conn.dialect.has_table(conn, StudentNamePair.__tablename__))


def rebuild(conn: Connection, *, pairs: bool | None = None) -> int:
    """Every student's tokens and word pairs from scratch (the migrations that add the tables,
    a repair); the pairs only where their table exists (None: look, as in `replace`)."""
    if pairs is None:
        pairs = has_pairs(conn)
    conn.execute(delete(StudentNameToken))
    if pairs:
        conn.execute(delete(StudentNamePair))
    result = conn.execute(select(*_columns()).execution_options(yield_per=CHUNK))
    written = 0
    for part in result.partitions(CHUNK):
        written += replace(conn, [(p, sc, f, m or "", la) for p, sc, f, m, la in part], pairs=pairs)
    return written


def rebuild_pairs(conn: Connection) -> int:
    """Every student's word pairs from scratch (migration 0012, which adds them to tokens
    already there); returns how many pair rows were written."""
    conn.execute(delete(StudentNamePair))
    result = conn.execute(select(*_columns()).execution_options(yield_per=CHUNK))
    written = 0
    for part in result.partitions(CHUNK):
        both = [v for pid, _school, f, m, la in part for v in pairs_for(pid, f, m or "", la)]
        if both:
            conn.execute(insert(StudentNamePair), both)
        written += len(both)
    return written
