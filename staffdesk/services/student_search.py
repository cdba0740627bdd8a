"""Finding students as the desk types: any word of any name part, or a permanent id prefix.

The words live in `student_name_token` (store/name_tokens.py, domain/name_search.py): one index
row per word of a student's names, carrying the student's school and other words.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Integer, Select, String, bindparam, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import BindParameter, ColumnElement

from staffdesk.domain import name_search
from staffdesk.services.context import Actor
from staffdesk.services.requests import full_name
from staffdesk.store.models import Student, StudentNamePair, StudentNameToken

PAGE = 100
# the word-pair search (_by_name): when the lead word has over SCAN index rows past the page
# and a typed word starts at most FEW different name words
SCAN = 1000
FEW = 8
_PREFIX: BindParameter[str] = bindparam("prefix", type_=String())
_TOKEN = StudentNameToken.__table__
_Q = TypeVar("_Q", bound="Select[*tuple[Any, ...]]")  # either read's statement
_COLUMNS = (
    Student.permanent_id,
    Student.first_name,
    Student.middle_name,
    Student.last_name,
    Student.school_code,
    Student.grade,
)


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
    over 500,000 students reads about as many index entries as it shows. When many students
    have the lead word and few of them the others ("sofia o"), the same page comes from the
    word pairs instead (_by_name).
    """
    raw = (text or "").strip()
    cols = _COLUMNS
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
        return _by_name(session, name_search.implied_dropped(typed), wanted, offset, limit)
    q = q.offset(offset).limit(limit + 1)
    return _page(session.execute(q, params).all(), limit)


def _page(rows: Sequence[Any], limit: int) -> StudentPage:
    out = tuple(
        StudentRow(pid, _sort_name(first, middle, last), code, grade)
        for pid, first, middle, last, code, grade in rows[:limit]
    )
    return StudentPage(out, len(rows) > limit)


def _by_name(
    session: Session, typed: list[str], wanted: list[str] | None, offset: int, limit: int
) -> StudentPage:
    """The students with a name word starting with each typed word, in the order of the lead
    word's index rows (see search_students). One read of the lead's rows, unless they are many
    (over SCAN past the page), a typed word starts only a few different name words, and the
    students with both it and another typed word are too few to fill the page (so the lead's
    rows would be read to their end): then those students' word pairs (`student_name_pair`),
    and "sofia o" does not read all 25,000 Sofias to find none with an O word. A pair costs a
    look-up of the student and of its lead row (~30 index rows read in order), so with more
    students than the page needs, the lead's rows stay the faster read. Both give the same
    students in the same order."""
    conn = session.connection()
    lead = max(range(len(typed)), key=lambda i: (len(typed[i]), -i))
    others = [w for i, w in enumerate(typed) if i != lead]
    scoped = wanted is not None
    params: dict[str, object] = {
        "lead": typed[lead] + "%",
        "inner": f"% {typed[lead]}%",
        **{f"w{i}": f"% {w}%" for i, w in enumerate(others)},
        "offset": max(offset, 0),
        "limit": limit + 1,
    }
    if scoped:
        params["schools"] = wanted
    at = SCAN + max(offset, 0) + limit
    if others and conn.execute(_lead_row_at(scoped), params | {"at": at}).first() is not None:
        drive = _fewest_words(conn, typed)
        if drive is not None:
            d, tokens = drive
            if not tokens:  # a typed word no name word starts with: nobody
                return StudentPage((), False)
            partner = lead
            if d == lead:
                partner = max(
                    (i for i in range(len(typed)) if i != d), key=lambda i: (len(typed[i]), -i)
                )
            # fewer students than the page needs: the lead's rows would be read to their end
            most = max(offset, 0) + limit + 2
            pairs = {"driver": tokens, "partner": typed[partner] + "%", "most": most}
            if conn.execute(_pairs_count(), pairs).scalar_one() < most:
                found = conn.execute(_by_pairs(len(others), scoped), params | pairs)
                return _page([r[:6] for r in found], limit)
    # a prepared statement per shape, run on the connection: at every keystroke the ORM's
    # per-statement work would cost more than the indexed read itself
    found = conn.execute(_by_words(len(others), scoped), params)
    return _page(found.all(), limit)


@functools.cache
def _pairs_count() -> Select[int]:
    """How many word pairs join a `driver` word to a word starting as `partner`, counting to
    `most` at the most (read from the pair index alone)."""
    p = StudentNamePair.__table__
    some = (
        select(p.c.permanent_id)
        .where(
            p.c.token.in_(bindparam("driver", expanding=True)),
            p.c.other.like(bindparam("partner", type_=String())),
        )
        .limit(bindparam("most", type_=Integer()))
        .subquery()
    )
    return select(func.count()).select_from(some)


def _fewest_words(conn: Connection, typed: list[str]) -> tuple[int, list[str]] | None:
    """The typed word that starts the fewest different name words (at most FEW), and those
    words, found one index seek each; None when every typed word starts more. A typed word
    that starts none answers at once (no student has it: an empty list)."""
    best: tuple[int, list[str]] | None = None
    seek = _next_word(conn.dialect.name)
    for i in sorted(range(len(typed)), key=lambda i: (-len(typed[i]), i)):
        cap = FEW if best is None else len(best[1]) - 1
        found: list[str] = []
        params = {"p": typed[i] + "%", "lo": typed[i], "hi": typed[i] + _LAST, "after": ""}
        while len(found) <= cap:
            word = conn.execute(seek, params).scalar()
            if word is None:
                break
            found.append(word)
            params["lo"], params["after"] = word + _NEXT, word
        if not found:
            return i, []
        if len(found) <= cap:
            best = (i, found)
    return best


# `lo` past a word: the least string after it (no name word holds a control character);
# `hi` past every word starting with a prefix
_NEXT, _LAST = "\x01", "\U0010ffff"


@functools.cache
def _next_word(dialect: str) -> Select[str]:
    """The first name word from `lo` (below `hi`, starting with `p`): one index seek. The
    range is the index's own order (PostgreSQL's `text_pattern_ops`), and not LIKE's, which
    SQLite would take instead and then walk every row of a common word to pass it."""
    t = _TOKEN
    lo, hi = bindparam("lo", type_=String()), bindparam("hi", type_=String())
    if dialect == "postgresql":
        q = select(t.c.token).where(t.c.token.op("~>=~")(lo), t.c.token.op("~<~")(hi))
    elif dialect == "sqlite":
        q = select(t.c.token).where(t.c.token >= lo, t.c.token < hi)
    else:  # MariaDB's collation orders the index (and pads with spaces, so "a\x01" < "a"):
        after = bindparam("after", type_=String())  # LIKE says what starts with the prefix
        q = select(t.c.token).where(
            t.c.token.like(bindparam("p", type_=String())), t.c.token > after
        )
    return q.order_by(t.c.token).limit(1)


@functools.cache
def _lead_row_at(scoped: bool) -> Select[int]:
    """Is there a row of the lead word's index at position `at`? (one index walk, no rows)"""
    t = _TOKEN
    q = select(literal(1)).where(t.c.token.like(bindparam("lead", type_=String())))
    if scoped:
        q = q.where(t.c.school_code.in_(bindparam("schools", expanding=True)))
    return q.order_by(t.c.token, t.c.permanent_id).offset(bindparam("at", type_=Integer())).limit(1)


@functools.cache
def _by_pairs(others: int, scoped: bool) -> Select[str, str, str, str, str, str, str]:
    """Students by typed words through `student_name_pair`: the pairs of the `driver` words
    (the name words the fewest-starting typed word starts) with a word starting as `partner`
    (another typed word), then the student's lead-word index row, checked as in _by_words. The
    same students in the same order as _by_words; a student whose several words pair up is
    listed once (DISTINCT over the lead row and the student)."""
    t, p = _TOKEN, StudentNamePair.__table__
    q = (
        select(*_COLUMNS, t.c.token)
        .distinct()
        .select_from(
            p.join(t, t.c.permanent_id == p.c.permanent_id).join(
                Student, Student.permanent_id == p.c.permanent_id
            )
        )
        .where(
            p.c.token.in_(bindparam("driver", expanding=True)),
            p.c.other.like(bindparam("partner", type_=String())),
            t.c.token.like(bindparam("lead", type_=String())),
        )
    )
    return _checked_and_paged(q, others, scoped, Student.permanent_id)


@functools.cache
def _by_words(others: int, scoped: bool) -> Select[str, str, str, str, str, str]:
    """Students by typed words: the lead word's rows of the token index in order (district-wide,
    or per school when `scoped`), `others` more words checked against the student's words in
    the same index row, a student counted once (at the first of its words the lead matches).
    Patterns are bound as 'abc%' / '% abc%' by the caller: no ESCAPE, so the index is used."""
    t = _TOKEN
    q = (
        select(*_COLUMNS)
        .select_from(t.join(Student, Student.permanent_id == t.c.permanent_id))
        .where(t.c.token.like(bindparam("lead", type_=String())))
    )
    # the other words first: SQLite tests the terms in this order, and a word no student of
    # the lead has (the slowest search: "sofia o" where no Sofia has an O surname) then rejects
    # each index entry without decoding `before` as well (~40% of that search's time)
    return _checked_and_paged(q, others, scoped, t.c.permanent_id)


def _checked_and_paged(
    q: _Q, others: int, scoped: bool, student: ColumnElement[str] | InstrumentedAttribute[str]
) -> _Q:
    """The lead-word index row's checks shared by both reads: the `others` typed words among
    the student's words, the student counted once (not at an inner word), the schools when
    `scoped`; then the page, in (lead word, student) order."""
    t = _TOKEN
    for i in range(others):
        q = q.where(t.c.words.like(bindparam(f"w{i}", type_=String())))
    q = q.where(t.c.before.not_like(bindparam("inner", type_=String())))
    if scoped:
        q = q.where(t.c.school_code.in_(bindparam("schools", expanding=True)))
    return (
        q.order_by(t.c.token, student)
        .offset(bindparam("offset", type_=Integer()))
        .limit(bindparam("limit", type_=Integer()))
    )


def _sort_name(first: str, middle: str, last: str) -> str:
    given = full_name(first, middle, "").strip()
    return f"{last}, {given}" if given else last
