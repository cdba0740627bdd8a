"""Keeps `student_name_token` in step with `student`: every writer of student rows calls this in
the same transaction (roster import, sync pull into a local store, sync push to the shared one).

The tokens are derived data (domain/name_search.py), so they are never synced themselves: each
database computes its own from the names it holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from staffdesk.domain.name_search import name_tokens
from staffdesk.store.models import Student, StudentNameToken

CHUNK = 2000  # students per statement (an IN list stays short on every engine)
WORDS_MAX = 250  # the width of `words` and `before`; a name longer than that keeps its start
# permanent id, school code, first, middle, last
NameRow = tuple[str, str, str, str, str]


def rows_for(pid: str, school: str, first: str, middle: str, last: str) -> list[dict[str, Any]]:
    """The token rows of one student."""
    tokens = sorted(name_tokens(first, middle, last))
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


def _joined(tokens: Sequence[str]) -> str:
    """ " a b c ": every word has a space on each side, so LIKE '% ab%' finds a word prefix."""
    out = " "
    for t in tokens:
        if len(out) + len(t) + 1 > WORDS_MAX:
            break
        out += t + " "
    return out


def replace(conn: Connection, rows: Iterable[NameRow]) -> int:
    """Replace the tokens of these students; returns how many token rows were written."""
    written = 0
    batch: list[NameRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            written += _replace(conn, batch)
            batch = []
    if batch:
        written += _replace(conn, batch)
    return written


def _replace(conn: Connection, rows: Sequence[NameRow]) -> int:
    conn.execute(
        delete(StudentNameToken).where(StudentNameToken.permanent_id.in_([r[0] for r in rows]))
    )
    values = [v for row in rows for v in rows_for(*row)]
    if values:
        conn.execute(insert(StudentNameToken), values)
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


def rebuild(conn: Connection) -> int:
    """Every student's tokens from scratch (the migration that adds the table, a repair)."""
    conn.execute(delete(StudentNameToken))
    result = conn.execute(select(*_columns()).execution_options(yield_per=CHUNK))
    written = 0
    for part in result.partitions(CHUNK):
        written += replace(conn, [(p, sc, f, m or "", la) for p, sc, f, m, la in part])
    return written
