"""Read-side queries for the desk: student search, student card, approval queue, audit rows.

Plain functions over a Session returning plain dataclasses. Filtering, sorting and paging happen
in SQL, so a list over 500,000 rows costs one indexed page at a time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    func,
    or_,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from staffdesk.domain.errors import NotFound
from staffdesk.domain.messages import Join, Term, msg
from staffdesk.domain.names import match_key
from staffdesk.domain.values import Phone
from staffdesk.domain.workflow import PasscodeState, RequestStatus, Role, person_of
from staffdesk.services.context import Actor, utcnow
from staffdesk.services.requests import full_name, passcode_view
from staffdesk.services.student_search import (
    StudentPage,
    StudentRow,
    schools_wanted,
    search_students,
)
from staffdesk.store.models import (
    AccessRequest,
    AuditEvent,
    Decision,
    IdentityCheck,
    Outbox,
    Passcode,
    PortalLink,
    School,
    Student,
    StudentContact,
)

PAGE = 100


def _phone(e164: str) -> str:
    try:
        return Phone(e164).display() if e164 else ""
    except Exception:  # a number the roster stored oddly still shows as written
        return e164


# ------------------------------------------------------------------------------------ schools


@dataclass(frozen=True, slots=True)
class SchoolRow:
    code: str
    name: str
    students: int


def list_schools(session: Session, actor: Actor) -> list[SchoolRow]:
    """The schools the actor may see, with how many students each has on the roster."""
    counts = (
        select(Student.school_code, func.count().label("n"))
        .group_by(Student.school_code)
        .subquery()
    )
    q = (
        select(School.code, School.name, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.school_code == School.code)
        .order_by(School.code)
    )
    if not actor.is_admin:
        q = q.where(School.code.in_(sorted(actor.schools)))
    return [SchoolRow(c, n, int(k)) for c, n, k in session.execute(q)]


def _school_filter(
    actor: Actor,
    schools: Sequence[str] | None,
    column: InstrumentedAttribute[str] | ColumnElement[str],
) -> ColumnElement[bool] | None:
    """Narrow to the schools asked for, and never beyond the actor's own."""
    wanted = schools_wanted(actor, schools)
    if wanted is None:
        return None
    return column.in_(wanted)


# -------------------------------------------------------------------------------- student card


@dataclass(frozen=True, slots=True)
class ContactRow:
    name: str
    relationship: str
    phone: str
    email: str
    order: int
    restricted: bool
    portal_account: str = ""  # the account this contact linked to the student, if any
    linked_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PortalLinkRow:
    """An account linked to the student in the portal (portal_link): which contact, when."""

    contact: str  # "" when the account holder has not picked their name yet
    account: str
    linked_at: datetime


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One line of a student's history: a request, or a passcode issued for it."""

    id: str  # request id (kind "request") or passcode id (kind "passcode")
    request_id: str
    kind: str  # "request" | "passcode"
    when: datetime
    what: str  # request status or passcode state
    who: str  # guardian (request) or issuing staff (passcode)
    detail: str  # e.g. serial, expiry, "used at …"


@dataclass(frozen=True, slots=True)
class StudentCard:
    permanent_id: str
    name: str
    first_name: str
    middle_name: str
    last_name: str
    school_code: str
    school_name: str
    grade: str
    phone: str  # as a parent reads it
    language: str
    contacts: tuple[ContactRow, ...]
    history: tuple[HistoryRow, ...]
    portal_links: tuple[PortalLinkRow, ...] = ()


def student_card(
    session: Session, actor: Actor, permanent_id: str, *, show_unsynced: bool = False
) -> StudentCard:
    """The card at the desk. `show_unsynced`: mark passcodes the shared database has not got
    yet ("pending sync": the portal refuses them until the next sync)."""
    pid = "".join((permanent_id or "").split()).replace("-", "")
    student = session.get(Student, pid)
    if student is None or not actor.can_see_school(student.school_code):
        raise NotFound(msg("student.not_found", pid=pid or msg("student.empty_id")))
    school = session.get(School, student.school_code)
    listed = session.scalars(
        select(StudentContact)
        .where(StudentContact.permanent_id == pid)
        .order_by(StudentContact.emergency_order, StudentContact.contact_name)
    ).all()
    names = {c.id: c.contact_name for c in listed}
    links = tuple(
        PortalLinkRow(names.get(p.contact_id or "", ""), p.account_email, p.linked_at)
        for p in session.scalars(
            select(PortalLink)
            .where(PortalLink.permanent_id == pid)
            .order_by(PortalLink.linked_at.desc())
        )
    )
    by_contact: dict[str, PortalLinkRow] = {}
    for link in links:  # newest first: a contact's newest account
        by_contact.setdefault(link.contact, link)
    contacts = tuple(
        ContactRow(
            c.contact_name,
            c.relationship,
            _phone(c.phone),
            c.email,
            c.emergency_order,
            c.portal_access == "restricted",
            by_contact[c.contact_name].account if c.contact_name in by_contact else "",
            by_contact[c.contact_name].linked_at if c.contact_name in by_contact else None,
        )
        for c in listed
    )
    history: list[HistoryRow] = []
    reqs = session.scalars(
        select(AccessRequest)
        .where(AccessRequest.permanent_id == pid)
        .order_by(AccessRequest.recorded_at.desc())
    ).all()
    decisions = {
        d.request_id: d
        for d in session.scalars(
            select(Decision).where(Decision.request_id.in_([r.id for r in reqs]))
        )
    }
    for r in reqs:
        history.append(
            HistoryRow(
                r.id,
                r.id,
                "request",
                r.recorded_at,
                r.status,
                r.guardian_name,
                _request_detail(r, decisions.get(r.id)),
            )
        )
    now = utcnow()
    codes = session.scalars(
        select(Passcode).where(Passcode.permanent_id == pid).order_by(Passcode.issued_at.desc())
    ).all()
    unsynced: set[str] = set()
    if show_unsynced and codes:
        unsynced = set(
            session.scalars(
                select(Outbox.entity_id).where(
                    Outbox.entity_type == "passcode",
                    Outbox.pushed_at.is_(None),
                    Outbox.entity_id.in_([p.id for p in codes]),
                )
            )
        )
    for p in codes:
        v = passcode_view(p, now)
        state = (
            PasscodeState.LOCKED.value
            if v.locked and v.state is PasscodeState.ACTIVE
            else (v.state.value)
        )
        detail = msg("history.code_expires", serial=v.serial, date=f"{v.expires_at:%Y-%m-%d}")
        if v.used_at is not None:
            detail = msg("history.code_used", serial=v.serial, when=f"{v.used_at:%Y-%m-%d %H:%M}")
        elif v.revoked_at is not None:
            detail = msg("history.code_revoked", serial=v.serial, date=f"{v.revoked_at:%Y-%m-%d}")
        if v.id in unsynced:
            detail = msg("history.pending_sync", detail=detail)
        history.append(
            HistoryRow(v.id, v.request_id, "passcode", v.issued_at, state, v.issued_by, detail)
        )
    history.sort(key=lambda h: h.when, reverse=True)
    return StudentCard(
        permanent_id=pid,
        name=full_name(student.first_name, student.middle_name, student.last_name),
        first_name=student.first_name,
        middle_name=student.middle_name,
        last_name=student.last_name,
        school_code=student.school_code,
        school_name=school.name if school else student.school_code,
        grade=student.grade,
        phone=_phone(student.primary_phone),
        language=student.language,
        contacts=contacts,
        history=tuple(history),
        portal_links=links,
    )


def _request_detail(r: AccessRequest, d: Decision | None) -> str:
    """The history line of a request, catalogued so the card shows it in the interface
    language (what staff typed, a reason, stays as typed)."""
    parts = [msg("history.recorded_by", user=r.recorded_by)]
    if not r.paper_form_signed:
        parts.append(msg("history.unsigned"))
    if r.replaces_request_id:
        parts.append(msg("history.replaces", rid=r.replaces_request_id))
    if d is not None:
        parts.append(
            msg("history.decided_by", outcome=Term("request_state", d.outcome), user=d.decided_by)
        )
        if d.not_a_contact_reason:
            parts.append(msg("history.not_a_contact", reason=d.not_a_contact_reason))
        if d.override_reason:
            parts.append(msg("history.override", reason=d.override_reason))
        if d.reason:
            parts.append(msg("history.text", text=d.reason))
    return msg("history.joined", parts=Join("; ", tuple(parts)))


# ------------------------------------------------------------------------------ approval queue

OPEN_STATUSES = (RequestStatus.RECORDED, RequestStatus.VERIFIED, RequestStatus.APPROVED)

QUEUE_SORT = {
    "recorded_at": AccessRequest.recorded_at,
    "school": AccessRequest.school_code,
    "student": AccessRequest.student_last_name,
    "permanent_id": AccessRequest.permanent_id,
    "guardian": AccessRequest.guardian_name,
    "status": AccessRequest.status,
    "verified_by": IdentityCheck.verified_by,
}


@dataclass(frozen=True, slots=True)
class QueueFilter:
    schools: tuple[str, ...] = ()  # empty: every school the actor may see
    statuses: tuple[str, ...] = tuple(s.value for s in OPEN_STATUSES)
    older_than_days: int = 0  # 0: any age
    sort: str = "recorded_at"
    descending: bool = False


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: str
    recorded_at: datetime
    school: str
    student: str
    permanent_id: str
    guardian: str
    status: str
    verified_by: str


@dataclass(frozen=True, slots=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    more: bool


# sort columns with an index of their own: the page is read in index order and stops early
_INDEXED_SORTS = {"recorded_at", "school", "permanent_id", "student", "guardian"}
_RARE_STATUSES = {RequestStatus.REJECTED.value, RequestStatus.REVOKED.value}


def _queue_query(actor: Actor, f: QueueFilter) -> Select[*tuple[Any, ...]]:
    q = select(
        AccessRequest.id,
        AccessRequest.recorded_at,
        AccessRequest.school_code,
        AccessRequest.student_first_name,
        AccessRequest.student_last_name,
        AccessRequest.permanent_id,
        AccessRequest.guardian_name,
        AccessRequest.status,
        IdentityCheck.verified_by,
    ).outerjoin(IdentityCheck, IdentityCheck.request_id == AccessRequest.id)
    if f.statuses:
        status: ColumnElement[str] | InstrumentedAttribute[str] = AccessRequest.status
        if f.sort in _INDEXED_SORTS and not set(f.statuses) <= _RARE_STATUSES:
            # a common status matches many rows: reading the sort index and skipping the others
            # beats fetching every match by status and sorting them all (only rejected and
            # revoked are rare enough to look up by status first)
            status = func.coalesce(AccessRequest.status, "")
        q = q.where(status.in_(list(f.statuses)))
    cond = _school_filter(actor, f.schools, AccessRequest.school_code)
    if cond is not None:
        q = q.where(cond)
    if f.older_than_days > 0:
        q = q.where(AccessRequest.recorded_at <= utcnow() - timedelta(days=f.older_than_days))
    return q


def queue_count(session: Session, actor: Actor, f: QueueFilter) -> int:
    sub = _queue_query(actor, f).with_only_columns(AccessRequest.id).subquery()
    return session.scalar(select(func.count()).select_from(sub)) or 0


def queue_page(
    session: Session, actor: Actor, f: QueueFilter, *, offset: int = 0, limit: int = PAGE
) -> QueuePage:
    column = QUEUE_SORT.get(f.sort, AccessRequest.recorded_at)
    order = column.desc() if f.descending else column.asc()
    tie = AccessRequest.id.desc() if f.descending else AccessRequest.id.asc()
    q = _queue_query(actor, f).order_by(order, tie).offset(offset).limit(limit + 1)
    rows = session.execute(q).all()
    out = tuple(
        QueueRow(rid, at, code, f"{last}, {first}", pid, guardian, status, verifier or "")
        for rid, at, code, first, last, pid, guardian, status, verifier in rows[:limit]
    )
    return QueuePage(out, len(rows) > limit)


@dataclass(frozen=True, slots=True)
class FamilyCandidate:
    request_id: str
    permanent_id: str
    student: str


def family_candidates(session: Session, actor: Actor, request_id: str) -> list[FamilyCandidate]:
    """Other approved requests from the same guardian at the same school: a family slip."""
    req = session.get(AccessRequest, request_id)
    if req is None or not actor.can_see_school(req.school_code):
        raise NotFound(msg("request.not_found", rid=request_id))
    folded = match_key(req.guardian_name)
    out = []
    for r in session.scalars(
        select(AccessRequest).where(
            AccessRequest.school_code == req.school_code,
            AccessRequest.status == RequestStatus.APPROVED.value,
            AccessRequest.id != req.id,
            AccessRequest.permanent_id != req.permanent_id,
        )
    ):
        if match_key(r.guardian_name) == folded:
            out.append(
                FamilyCandidate(
                    r.id,
                    r.permanent_id,
                    full_name(r.student_first_name, r.student_middle_name, r.student_last_name),
                )
            )
    return out


# ------------------------------------------------------------------------------------ audit


@dataclass(frozen=True, slots=True)
class AuditFilter:
    actor: str = ""
    action_prefix: str = ""
    entity_id: str = ""
    since: datetime | None = None


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: str
    at: datetime
    actor: str
    workstation: str
    action: str
    entity_type: str
    entity_id: str
    details: str


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    more: bool


def audit_page(
    session: Session, actor: Actor, f: AuditFilter, *, offset: int = 0, limit: int = PAGE
) -> AuditPage:
    """Newest first. Staff below admin see only their own events."""
    q = select(AuditEvent)
    conds = []
    who = f.actor.strip().lower()
    if not actor.is_admin:
        who = actor.username
    if who:
        conds.append(AuditEvent.actor == who)
    if f.action_prefix.strip():
        conds.append(AuditEvent.action.like(bindparam("action", f.action_prefix.strip() + "%")))
    if f.entity_id.strip():
        conds.append(AuditEvent.entity_id == f.entity_id.strip())
    if f.since is not None:
        conds.append(AuditEvent.at >= f.since)
    if conds:
        q = q.where(and_(*conds))
    q = q.order_by(AuditEvent.at.desc(), AuditEvent.id).offset(offset).limit(limit + 1)
    events = session.scalars(q).all()
    out = tuple(
        AuditRow(
            e.id,
            e.at,
            e.actor,
            e.workstation,
            e.action,
            e.entity_type,
            e.entity_id,
            _details(e.details),
        )
        for e in events[:limit]
    )
    return AuditPage(out, len(events) > limit)


def _details(details: str) -> str:
    """An event's details as "key=value, …": a Message whose keys are fields in words and whose
    stored codes (a state, an ID document, yes/no) read in the interface language."""
    if not details:
        return ""
    try:
        data = json.loads(details)
    except ValueError:
        return details
    if isinstance(data, dict):
        parts = tuple(
            msg("audit.detail", key=Term("field", k), value=_detail_value(k, v))
            for k, v in sorted(data.items())
        )
        return msg("audit.details", parts=Join(", ", parts))
    return str(data)


_DETAIL_TERMS = {  # a detail holding a stored code: shown in words
    "outcome": "request_state",
    "status": "request_state",
    "document": "document",
    "document_kind": "document",
    "role": "role",
    "relationship": "relationship",
}


def _detail_value(key: str, value: Any) -> Any:
    if isinstance(value, bool):
        return msg("audit.yes" if value else "audit.no")
    kind = _DETAIL_TERMS.get(key)
    if kind is not None and isinstance(value, str) and value:
        return Term(kind, value)
    return value


# -------------------------------------------------------------------------------- sync status


def pending_requests(session: Session, actor: Actor) -> int:
    """How many requests at the actor's schools wait for someone (recorded or verified)."""
    q = (
        select(func.count())
        .select_from(AccessRequest)
        .where(or_(*(AccessRequest.status == s.value for s in OPEN_STATUSES[:2])))
    )
    cond = _school_filter(actor, None, AccessRequest.school_code)
    if cond is not None:
        q = q.where(cond)
    return session.scalar(q) or 0


def waiting_for_me(session: Session, actor: Actor, *, two_person_rule: bool = True) -> int:
    """The approver's badge: verified requests at their schools that they may approve (with the
    two-person rule, not the ones whose ID they checked, under any of their accounts). Two
    counts over the index access_request (status, school_code), the second looking each
    verified request's check up by its unique request_id: the verified requests are the ones
    waiting, cheap enough to poll every 30 seconds over 500,000 requests. Clerks have nothing
    waiting for them."""
    if actor.role is Role.CLERK:
        return 0
    verified = AccessRequest.status == RequestStatus.VERIFIED.value
    cond = _school_filter(actor, None, AccessRequest.school_code)
    q = select(func.count()).select_from(AccessRequest).where(verified)
    if cond is not None:
        q = q.where(cond)
    total = session.scalar(q) or 0
    if not two_person_rule or total == 0:
        return total
    # the verified requests (by status and school) whose ID this person checked, under any of
    # their accounts: `jdoe` and `DISTRICT\jdoe` are one person (workflow.person_of), as the
    # approval's own two-person check takes them
    person = person_of(actor.username)
    checker = func.lower(IdentityCheck.verified_by)
    pattern = "%\\" + person.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    mine = (
        select(func.count())
        .select_from(AccessRequest)
        .join(IdentityCheck, IdentityCheck.request_id == AccessRequest.id)
        .where(verified, or_(checker == person, checker.like(pattern, escape="!")))
    )
    if cond is not None:
        mine = mine.where(cond)
    return total - (session.scalar(mine) or 0)


__all__ = [
    "AuditFilter",
    "AuditPage",
    "AuditRow",
    "ContactRow",
    "FamilyCandidate",
    "HistoryRow",
    "PortalLinkRow",
    "QueueFilter",
    "QueuePage",
    "QueueRow",
    "SchoolRow",
    "StudentCard",
    "StudentPage",
    "StudentRow",
    "audit_page",
    "family_candidates",
    "list_schools",
    "pending_requests",
    "queue_count",
    "queue_page",
    "search_students",
    "student_card",
    "waiting_for_me",
]
