"""The codes dashboard: a school's passcodes by state, issued vs linked per week, and reissuing
or revoking a selection of codes in one step.

States (derived, as everywhere: docs/shared-database.md), each a SQL condition so a list pages
in the database: unused (usable, not locked), expiring (unused and expiring within N days),
expired (never used, not revoked, past expiry), locked (usable but locked by the portal), used.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, not_, or_, select
from sqlalchemy.orm import Session

from staffdesk.domain import passcode as policy
from staffdesk.domain.errors import ValidationError, ValidationErrors
from staffdesk.domain.messages import msg
from staffdesk.domain.values import clean_text
from staffdesk.domain.workflow import Action, RequestStatus, Role, next_status
from staffdesk.services import audit, requests
from staffdesk.services.context import Actor, utcnow
from staffdesk.store.models import AccessRequest, Passcode, Student

DEFAULT_WITHIN_DAYS = 7
MAX_WITHIN_DAYS = 60
CHART_WEEKS = 8
PAGE = 100


class CodeState(enum.StrEnum):
    UNUSED = "unused"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    LOCKED = "locked"
    USED = "used"


def _locked(now: datetime) -> ColumnElement[bool]:
    return or_(
        Passcode.failed_attempts >= policy.LOCKOUT.hard_lock_after,
        and_(Passcode.locked_until.is_not(None), Passcode.locked_until > now),
    )


def _condition(state: CodeState, now: datetime, within_days: int) -> ColumnElement[bool]:
    usable = and_(
        Passcode.used_at.is_(None), Passcode.revoked_at.is_(None), Passcode.expires_at > now
    )
    if state is CodeState.UNUSED:
        return and_(usable, not_(_locked(now)))
    if state is CodeState.EXPIRING:
        return and_(
            usable, not_(_locked(now)), Passcode.expires_at <= now + timedelta(days=within_days)
        )
    if state is CodeState.EXPIRED:
        return and_(
            Passcode.used_at.is_(None), Passcode.revoked_at.is_(None), Passcode.expires_at <= now
        )
    if state is CodeState.LOCKED:
        return and_(usable, _locked(now))
    return Passcode.used_at.is_not(None)


def parse_state(raw: str) -> CodeState:
    try:
        return CodeState((raw or "").strip().lower())
    except ValueError:
        raise ValidationError(
            "state", msg("expected.one_of", choices=", ".join(s.value for s in CodeState))
        ) from None


def _within(days: int | None) -> int:
    n = DEFAULT_WITHIN_DAYS if days is None else days
    if not 1 <= n <= MAX_WITHIN_DAYS:
        raise ValidationError("within_days", msg("codes.within", most=MAX_WITHIN_DAYS))
    return n


def _school(actor: Actor, code: str) -> str:
    school = (code or "").strip().upper()
    if not school:
        raise ValidationError("school", msg("codes.school_required"))
    if not actor.can_see_school(school):
        raise ValidationError(
            "school",
            msg(
                "codes.not_your_school",
                code=school,
                mine=", ".join(sorted(actor.schools)) or msg("codes.none"),
            ),
        )
    return school


# ------------------------------------------------------------------------------------ reading


@dataclass(frozen=True, slots=True)
class CodeRow:
    passcode_id: str
    request_id: str
    serial: str
    permanent_id: str
    student: str
    guardian: str
    issued_by: str
    issued_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by_account: str | None
    failed_attempts: int
    locked_until: datetime | None


@dataclass(frozen=True, slots=True)
class CodePage:
    school: str
    state: CodeState
    within_days: int
    rows: tuple[CodeRow, ...]
    more: bool


@dataclass(frozen=True, slots=True)
class WeekRow:
    week_of: date  # the Monday the week starts on (UTC)
    issued: int
    linked: int


@dataclass(frozen=True, slots=True)
class CodesDashboard:
    school: str
    within_days: int
    counts: dict[str, int]  # CodeState value -> how many
    weeks: tuple[WeekRow, ...]  # oldest first: issued vs linked per week, for a small chart


def _base(school: str) -> ColumnElement[bool]:
    return AccessRequest.school_code == school


def list_codes(
    session: Session,
    actor: Actor,
    school: str,
    state: str | CodeState,
    *,
    within_days: int | None = None,
    offset: int = 0,
    limit: int = PAGE,
) -> CodePage:
    """One page of a school's codes in a state; expiring ones soonest first, others newest."""
    code = _school(actor, school)
    st = parse_state(state) if isinstance(state, str) else state
    days = _within(within_days)
    now = utcnow()
    order = (
        (Passcode.expires_at.asc(), Passcode.id)
        if st in (CodeState.EXPIRING, CodeState.UNUSED)
        else (Passcode.issued_at.desc(), Passcode.id)
    )
    q = (
        select(
            Passcode,
            AccessRequest.guardian_name,
            Student.first_name,
            Student.middle_name,
            Student.last_name,
        )
        .join(AccessRequest, AccessRequest.id == Passcode.request_id)
        .join(Student, Student.permanent_id == Passcode.permanent_id)
        .where(_base(code), _condition(st, now, days))
        .order_by(*order)
        .offset(max(offset, 0))
        .limit(limit + 1)
    )
    found = session.execute(q).all()
    rows = tuple(
        CodeRow(
            p.id,
            p.request_id,
            p.serial,
            p.permanent_id,
            requests.full_name(first, middle, last),
            guardian,
            p.issued_by,
            p.issued_at,
            p.expires_at,
            p.used_at,
            p.used_by_account,
            p.failed_attempts,
            p.locked_until,
        )
        for p, guardian, first, middle, last in found[:limit]
    )
    return CodePage(code, st, days, rows, len(found) > limit)


def dashboard(
    session: Session,
    actor: Actor,
    school: str,
    *,
    within_days: int | None = None,
    weeks: int = CHART_WEEKS,
) -> CodesDashboard:
    code = _school(actor, school)
    days = _within(within_days)
    now = utcnow()
    counts = {}
    for st in CodeState:
        counts[st.value] = (
            session.scalar(
                select(func.count())
                .select_from(Passcode)
                .join(AccessRequest, AccessRequest.id == Passcode.request_id)
                .where(_base(code), _condition(st, now, days))
            )
            or 0
        )
    monday = now.date() - timedelta(days=now.weekday())
    starts = [monday - timedelta(weeks=i) for i in range(weeks - 1, -1, -1)]
    since = datetime.combine(starts[0], datetime.min.time(), tzinfo=now.tzinfo)
    issued = [0] * weeks
    linked = [0] * weeks
    for issued_at, used_at in session.execute(
        select(Passcode.issued_at, Passcode.used_at)
        .join(AccessRequest, AccessRequest.id == Passcode.request_id)
        .where(_base(code), or_(Passcode.issued_at >= since, Passcode.used_at >= since))
    ):
        for when, bucket in ((issued_at, issued), (used_at, linked)):
            if when is not None and when >= since:
                bucket[min((when.date() - starts[0]).days // 7, weeks - 1)] += 1
    return CodesDashboard(
        code,
        days,
        counts,
        tuple(WeekRow(s, i, k) for s, i, k in zip(starts, issued, linked, strict=True)),
    )


# ----------------------------------------------------------------------------------- actions


def _selected(session: Session, actor: Actor, passcode_ids: Sequence[str]) -> list[Passcode]:
    ids = list(dict.fromkeys((p or "").strip() for p in passcode_ids if (p or "").strip()))
    if not ids:
        raise ValidationError("passcode", msg("codes.select_one"))
    found = {p.id: p for p in session.scalars(select(Passcode).where(Passcode.id.in_(ids)))}
    schools = dict(
        session.execute(
            select(AccessRequest.id, AccessRequest.school_code).where(
                AccessRequest.id.in_({p.request_id for p in found.values()})
            )
        ).all()
    )
    errors = [
        ValidationError("passcode", msg("codes.unknown", pid=i))
        for i in ids
        if i not in found or not actor.can_see_school(schools[found[i].request_id])
    ]
    if errors:
        raise ValidationErrors(errors, msg("codes.summary_found", n=len(errors)))
    return [found[i] for i in ids]


def reissue_codes(
    session: Session,
    actor: Actor,
    passcode_ids: Sequence[str],
    *,
    language: str = "",
    pending_sync: bool = False,
) -> list[requests.Issued]:
    """A new code for each selected one (one slip each, the old codes revoked), all or nothing.
    The caller renders and logs the slips as for any reissue."""
    actor.require(Role.APPROVER, "reissuing passcodes")
    codes = _selected(session, actor, passcode_ids)
    newest = dict(
        session.execute(
            select(Passcode.request_id, func.max(Passcode.issued_at))
            .where(Passcode.request_id.in_({p.request_id for p in codes}))
            .group_by(Passcode.request_id)
        ).all()
    )
    errors = []
    for p in codes:
        if p.used_at is not None:
            errors.append(
                ValidationError(
                    "passcode", msg("codes.used", serial=p.serial, when=f"{p.used_at:%Y-%m-%d}")
                )
            )
        elif newest[p.request_id] != p.issued_at:
            errors.append(ValidationError("passcode", msg("codes.replaced", serial=p.serial)))
    if errors:
        raise ValidationErrors(errors, msg("codes.summary_reissued", n=len(errors)))
    rids = list(dict.fromkeys(p.request_id for p in codes))
    return requests.issue_separately(
        session, actor, rids, reissue=True, language=language, pending_sync=pending_sync
    )


@dataclass(frozen=True, slots=True)
class Revoked:
    serials: tuple[str, ...]
    request_ids: tuple[str, ...]


def revoke_codes(
    session: Session, actor: Actor, passcode_ids: Sequence[str], *, reason: str
) -> Revoked:
    """Revoke every selected code that still works, all or nothing; each issued request whose
    code this was becomes revoked, as `passcode revoke` leaves it."""
    actor.require(Role.APPROVER, "revoking passcodes")
    why = clean_text(reason, "reason", max_len=500)
    codes = _selected(session, actor, passcode_ids)
    now = utcnow()
    errors = []
    for p in codes:
        if p.used_at is not None or p.revoked_at is not None:
            state = msg("codes.state_used" if p.used_at is not None else "codes.state_revoked")
            errors.append(
                ValidationError("passcode", msg("codes.not_active", serial=p.serial, state=state))
            )
    if errors:
        raise ValidationErrors(errors, msg("codes.summary_revoked", n=len(errors)))
    reqs = {
        r.id: r
        for r in session.scalars(
            select(AccessRequest).where(AccessRequest.id.in_({p.request_id for p in codes}))
        )
    }
    changes: list[audit.Change] = []
    for p in codes:
        p.revoked_at = now
        p.revoked_by = actor.username
        p.revoke_reason = why
        changes.append(audit.Change("passcode.revoke", "passcode", p.id, {"reason": why}))
    for r in reqs.values():
        if r.status == RequestStatus.ISSUED.value:
            r.status = next_status(RequestStatus(r.status), Action.REVOKE).value
            changes.append(audit.Change("request.revoke", "access_request", r.id, {"reason": why}))
    audit.record_changes(session, actor, changes)
    session.flush()
    return Revoked(tuple(p.serial for p in codes), tuple(reqs))


@dataclass(frozen=True, slots=True)
class Reissued:
    """What reissuing a selection gives the window: one new code per request, and every new
    slip in one PDF (it holds the plaintext codes: print or save it, never log it)."""

    issued: tuple[requests.Issued, ...]
    pdf: bytes

    @property
    def revoked_serials(self) -> tuple[str, ...]:
        return tuple(s for i in self.issued for s in i.revoked_serials)

    def __repr__(self) -> str:  # never the bytes: they hold the codes
        return f"Reissued({len(self.issued)} slip(s), revoked={self.revoked_serials})"


def reissue_selected(
    session: Session, actor: Actor, passcode_ids: Sequence[str], *, language: str = ""
) -> Reissued:
    """The dashboard's Reissue: reissue_codes, then every new slip rendered into one PDF for
    the window to print or save (services.delivery logs it once the slips are out)."""
    from staffdesk.services.delivery import pending_sync
    from staffdesk.slips.render import render_slips_bytes

    issued = reissue_codes(
        session, actor, passcode_ids, language=language, pending_sync=pending_sync(session)
    )
    return Reissued(tuple(issued), render_slips_bytes([i.slip for i in issued]))
