"""Keeps `student_name_token` in step with `student`: every writer of student rows calls this in
the same transaction (roster import, sync pull into a local store, sync push to the shared one).

The tokens are derived data (domain/name_search.py), so they are never synced themselves: each
database computes its own from the names it holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, insert, select

from staffdesk.domain.name_search import name_tokens
from staffdesk.store.models import Student, StudentNameToken

CHUNK = 2000  # students per statement (an IN list stays short on every engine)
NameRow = tuple[str, str, str, str]  # permanent id, first, middle, last


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
    values = [
        {"permanent_id": pid, "token": t}
        for pid, first, middle, last in rows
        for t in sorted(name_tokens(first, middle, last))
    ]
    if values:
        conn.execute(insert(StudentNameToken), values)
    return len(values)


def changed(conn: Connection, rows: Sequence[NameRow]) -> list[NameRow]:
    """The rows whose names differ from what this database holds (or that it does not hold):
    read before an upsert, so only their tokens are rewritten."""
    out: list[NameRow] = []
    for i in range(0, len(rows), CHUNK):
        part = rows[i : i + CHUNK]
        have = {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute(
                select(
                    Student.permanent_id, Student.first_name, Student.middle_name, Student.last_name
                ).where(Student.permanent_id.in_([r[0] for r in part]))
            )
        }
        out += [r for r in part if have.get(r[0]) != (r[1], r[2], r[3])]
    return out


def rebuild(conn: Connection) -> int:
    """Every student's tokens from scratch (the migration that adds the table, a repair)."""
    conn.execute(delete(StudentNameToken))
    q = select(Student.permanent_id, Student.first_name, Student.middle_name, Student.last_name)
    result = conn.execute(q.execution_options(yield_per=CHUNK))
    written = 0
    for part in result.partitions(CHUNK):
        written += replace(conn, [(p, f, m or "", la) for p, f, m, la in part])
    return written
