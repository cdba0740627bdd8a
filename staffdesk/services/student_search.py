"""Finding students as the desk types: any word of any name part, or a permanent id prefix.

The words live in `student_name_token` (store/name_tokens.py, domain/name_search.py): one index
row per word of a student's names, carrying the student's school and other words.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, String, bindparam, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from staffdesk.domain import name_search
from staffdesk.services.context import Actor
from staffdesk.services.requests import full_name
from staffdesk.store.models import Student, StudentNameToken

PAGE = 100
_PREFIX: BindParameter[str] = bindparam("prefix", type_=String())
_TOKEN = StudentNameToken.__table__


def schools_wanted(actor: Actor, schools: Sequence[str] | None) -> list[str] | None:
    """The schools a list is narrowed to (None: every school, for an admin)."""
    wanted = {s.upper() for s in schools} if schools else None
    if not actor.is_admin:
        wanted = (wanted & actor.schools) if wanted is not None else set(actor.schools)
    return None if wanted is None else sorted(wanted)


@dataclass(frozen=True, slots=True)
class StudentRow:
    id: str  # the permanent id
    name: str
    school_code: str
    grade: str


@dataclass(frozen=True, slots=True)
class StudentPage:
    rows: tuple[StudentRow, ...]
    more: bool  # another page exists after this one


def search_students(
    session: Session,
    actor: Actor,
    text: str,
    *,
    schools: Sequence[str] | None = None,
    offset: int = 0,
    limit: int = PAGE,
) -> StudentPage:
    """Students with a name word starting with each typed word (any name part, any order):
    "tran bao" finds Trần Bảo Ngọc, "smith" finds O'Brien-Smith. Digits-only text searches the
    permanent id prefix instead.

    The longest typed word leads: its rows of the token index are read in order (district-wide,
    or per school), the other words are checked against the student's words in the same index
    row, and a student whose two words match the lead is counted at the first only, so a page
    over 500,000 students reads about as many index entries as it shows.
    """
    raw = (text or "").strip()
    cols = (
        Student.permanent_id,
        Student.first_name,
        Student.middle_name,
        Student.last_name,
        Student.school_code,
        Student.grade,
    )
    params: dict[str, object] = {}
    typed = name_search.words(raw)
    wanted = schools_wanted(actor, schools)
    if raw.isdigit() or not typed:
        if raw.isdigit():
            q = select(*cols).where(Student.permanent_id.like(_PREFIX))
            q = q.order_by(Student.permanent_id)
            params["prefix"] = raw + "%"
        else:  # nothing searchable typed: everyone, in name order
            q = select(*cols).order_by(Student.name_key, Student.permanent_id)
        if wanted is not None:
            q = q.where(Student.school_code.in_(wanted))
    else:
        lead = max(range(len(typed)), key=lambda i: (len(typed[i]), -i))
        others = [w for i, w in enumerate(typed) if i != lead]
        params = {
            "lead": typed[lead] + "%",
            "inner": f"% {typed[lead]}%",
            **{f"w{i}": f"% {w}%" for i, w in enumerate(others)},
            "offset": max(offset, 0),
            "limit": limit + 1,
        }
        if wanted is not None:
            params["schools"] = wanted
        # a prepared statement per shape, run on the connection: at every keystroke the ORM's
        # per-statement work would cost more than the indexed read itself
        found = session.connection().execute(_by_words(len(others), wanted is not None), params)
        return _page(found.all(), limit)
    q = q.offset(offset).limit(limit + 1)
    return _page(session.execute(q, params).all(), limit)


def _page(rows: Sequence[Any], limit: int) -> StudentPage:
    out = tuple(
        StudentRow(pid, _sort_name(first, middle, last), code, grade)
        for pid, first, middle, last, code, grade in rows[:limit]
    )
    return StudentPage(out, len(rows) > limit)


@functools.cache
def _by_words(others: int, scoped: bool) -> Select[str, str, str, str, str, str]:
    """Students by typed words: the lead word's rows of the token index in order (district-wide,
    or per school when `scoped`), `others` more words checked against the student's words in
    the same index row, a student counted once (at the first of its words the lead matches).
    Patterns are bound as 'abc%' / '% abc%' by the caller: no ESCAPE, so the index is used."""
    t = _TOKEN
    q = (
        select(
            Student.permanent_id,
            Student.first_name,
            Student.middle_name,
            Student.last_name,
            Student.school_code,
            Student.grade,
        )
        .select_from(t.join(Student, Student.permanent_id == t.c.permanent_id))
        .where(t.c.token.like(bindparam("lead", type_=String())))
    )
    # the other words first: SQLite tests the terms in this order, and a word no student of
    # the lead has (the slowest search: "sofia o" where no Sofia has an O surname) then rejects
    # each index entry without decoding `before` as well (~40% of that search's time)
    for i in range(others):
        q = q.where(t.c.words.like(bindparam(f"w{i}", type_=String())))
    q = q.where(t.c.before.not_like(bindparam("inner", type_=String())))
    if scoped:
        q = q.where(t.c.school_code.in_(bindparam("schools", expanding=True)))
    return (
        q.order_by(t.c.token, t.c.permanent_id)
        .offset(bindparam("offset", type_=Integer()))
        .limit(bindparam("limit", type_=Integer()))
    )


def _sort_name(first: str, middle: str, last: str) -> str:
    given = full_name(first, middle, "").strip()
    return f"{last}, {given}" if given else last
