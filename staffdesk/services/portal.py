"""The reference portal check: the exact algorithm the parent portal runs on the shared database.

permanent id + primary phone + VPC (+ the portal account's email) -> linked, or refused.

- Nothing the caller types is stored or logged as typed: input is validated and normalised
  before any query, and a malformed or over-long value is refused with the ordinary refusal and
  audited only by its field, length and kind of characters.
- No oracle: a wrong id, phone or code, an expired, revoked or used code all get the same
  refusal, and every answer costs one argon2 verification (a dummy one when there is no code to
  verify against) and the same statements.
- The lockout (domain.passcode.LOCKOUT) is counted under a row lock on the student's usable
  codes, so concurrent wrong codes are evaluated one at a time: at most `short_lock_every`
  before the lock. Only right-phone, wrong-code tries count against the code; wrong phones and
  unknown ids are throttled per account and per student id in expiring windows.
- Single use is enforced by one conditional UPDATE, so of many concurrent right attempts
  exactly one links. The caller commits whether the answer is a link or a refusal.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    and_,
    case,
    false,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from staffdesk.domain.errors import StaffDeskError, ValidationError
from staffdesk.domain.messages import msg
from staffdesk.domain.names import match_key
from staffdesk.domain.passcode import LOCKOUT, Throttle
from staffdesk.domain.values import Email, PermanentId, Phone, check_text
from staffdesk.domain.vpc import Vpc, VpcTypo
from staffdesk.services import audit, throttle
from staffdesk.services.context import current_workstation, utcnow
from staffdesk.services.hashing import dummy_verify, verify_secret
from staffdesk.store.models import (
    Passcode,
    PortalLink,
    PortalThrottle,
    Student,
    StudentContact,
    new_id,
)

REFUSED = msg("portal.refused")
TYPO = msg("portal.typo")

# What a person could mean to type in each field, at most; anything longer is malformed.
MAX_LENGTH = {"permanent_id": 32, "phone": 40, "vpc": 40, "contact_name": 200}
ACCOUNT = "account"
STUDENT = "student"


class Refusal(enum.StrEnum):
    BAD_INPUT = "bad_input"  # the portal's own account email is not an email: not audited
    MALFORMED = "malformed"
    TYPO = "typo"
    THROTTLED = "throttled"
    UNKNOWN_STUDENT = "unknown_student"
    WRONG_PHONE = "wrong_phone"
    NO_USABLE_CODE = "no_usable_code"  # expired, revoked or used: right id and phone
    WRONG_CODE = "wrong_code"
    LOCKED = "locked"
    UNKNOWN_CONTACT = "unknown_contact"


class PortalRefused(StaffDeskError):
    """The portal's answer to a failed check; `reason` is for the audit trail, not the parent."""

    def __init__(self, message: str, reason: Refusal) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ContactChoice:
    id: str
    name: str
    relationship: str


@dataclass(frozen=True, slots=True)
class LinkResult:
    permanent_id: str
    student_name: str
    account_email: str
    contacts: tuple[ContactChoice, ...]  # the "which one are you" list: this student's only
    contact: ContactChoice | None


@dataclass(frozen=True, slots=True)
class _Typed:
    """The caller's input once validated: normalised identifiers, or why it is malformed."""

    pid: str = ""
    e164: str = ""
    code: Vpc | None = None
    typo: bool = False
    malformed: dict[str, Any] | None = None


def character_kind(raw: str) -> str:
    """What sort of characters a refused value held, for the audit trail: never the text."""
    kinds = set()
    for ch in raw:
        if ch.isdigit():
            kinds.add("digits")
        elif ch.isalpha():
            kinds.add("letters")
        elif ch.isspace():
            kinds.add("spaces")
        elif ch.isprintable():
            kinds.add("punctuation")
        else:
            kinds.add("controls")
    return "+".join(sorted(kinds)) or "empty"


def _malformed(field: str, raw: str) -> dict[str, Any]:
    return {"field": field, "length": len(raw), "kind": character_kind(raw)}


def _typed(permanent_id: str, phone: str, vpc: str, contact_name: str) -> _Typed:
    """Validate every field before any query; a malformed value stops here."""
    fields = {
        "permanent_id": permanent_id or "",
        "phone": phone or "",
        "vpc": vpc or "",
        "contact_name": contact_name or "",
    }
    for field, raw in fields.items():
        if len(raw) > MAX_LENGTH[field]:
            return _Typed(malformed=_malformed(field, raw))
        try:
            check_text(raw, field)
        except ValidationError:
            return _Typed(malformed=_malformed(field, raw))
    try:
        pid = PermanentId.parse(fields["permanent_id"]).value
    except ValidationError:
        return _Typed(malformed=_malformed("permanent_id", fields["permanent_id"]))
    try:
        e164 = Phone.parse(fields["phone"]).e164
    except ValidationError:
        return _Typed(malformed=_malformed("phone", fields["phone"]))
    try:
        code = Vpc.parse(fields["vpc"])
    except VpcTypo:
        return _Typed(pid=pid, e164=e164, typo=True)
    except ValidationError:
        return _Typed(malformed=_malformed("vpc", fields["vpc"]))
    return _Typed(pid=pid, e164=e164, code=code)


def _contacts(session: Session, permanent_id: str) -> tuple[ContactChoice, ...]:
    rows = session.scalars(
        select(StudentContact)
        .where(
            StudentContact.permanent_id == permanent_id,
            StudentContact.portal_access == "allowed",
        )
        .order_by(StudentContact.emergency_order, StudentContact.contact_name)
    )
    return tuple(ContactChoice(c.id, c.contact_name, c.relationship) for c in rows)


def _usable(now: datetime) -> ColumnElement[bool]:
    return and_(
        Passcode.used_at.is_(None),
        Passcode.revoked_at.is_(None),
        Passcode.expires_at > now,
    )


def _not_locked(now: datetime) -> ColumnElement[bool]:
    return and_(
        Passcode.failed_attempts < LOCKOUT.hard_lock_after,
        or_(Passcode.locked_until.is_(None), Passcode.locked_until <= now),
    )


def _windows(session: Session, account: str, pid: str) -> dict[str, PortalThrottle]:
    rows = session.scalars(
        select(PortalThrottle).where(
            or_(
                and_(PortalThrottle.scope == ACCOUNT, PortalThrottle.key == account),
                and_(PortalThrottle.scope == STUDENT, PortalThrottle.key == pid),
            )
        )
    ).all()
    return {r.scope: r for r in rows}


def _count_code_failure(
    session: Session, pid: str, codes: list[Passcode], by: int, now: datetime
) -> None:
    """One more failure on each usable code of the student when `by` is 1, in one statement
    (run with 0 on every other path); the codes are row-locked, so the counts are exact."""
    locking = [p.id for p in codes if by and LOCKOUT.locks_after(p.failed_attempts + 1)]
    session.execute(
        update(Passcode)
        .where(
            Passcode.permanent_id == pid,
            Passcode.id.in_([p.id for p in codes]),
            true() if by else false(),
        )
        .values(
            failed_attempts=Passcode.failed_attempts + by,
            locked_until=case(
                (Passcode.id.in_(locking), now + LOCKOUT.short_lock),
                else_=Passcode.locked_until,
            ),
        )
        .execution_options(synchronize_session=False)
    )


def _refuse(
    session: Session,
    account: str,
    pid: str,
    reason: Refusal,
    message: str,
    now: datetime,
    **details: Any,
) -> PortalRefused:
    audit.append(
        session,
        actor=account,
        workstation=current_workstation(),
        action="portal.refused",
        entity_type="student",
        entity_id=pid or "?",
        details={"reason": reason.value, **details},
        chain=audit.PORTAL_CHAIN,
        at=now,
    )
    return PortalRefused(message, reason)


def link(
    session: Session,
    *,
    permanent_id: str,
    phone: str,
    vpc: str,
    account_email: str,
    contact_name: str = "",
    now: datetime | None = None,
) -> LinkResult | PortalRefused:
    """Run the check. Returns the refusal instead of raising so the caller commits the count.
    Every check also anchors the audit chains' heads that moved (audit.write_checkpoints), in
    the same transaction: the portal is the one writer that runs all day."""
    result = _check(
        session,
        permanent_id=permanent_id,
        phone=phone,
        vpc=vpc,
        account_email=account_email,
        contact_name=contact_name,
        now=now,
    )
    audit.write_checkpoints(session, audit.PORTAL_CHAIN)
    return result


def _check(
    session: Session,
    *,
    permanent_id: str,
    phone: str,
    vpc: str,
    account_email: str,
    contact_name: str,
    now: datetime | None,
) -> LinkResult | PortalRefused:
    now = now or utcnow()
    try:
        if len(account_email or "") > 254:
            raise ValidationError("account email", msg("text.too_long", max_len=254))
        account = Email.parse(account_email, "account email").value
    except ValidationError:
        return PortalRefused(msg("portal.account_email"), Refusal.BAD_INPUT)
    typed = _typed(permanent_id, phone, vpc, contact_name)
    pid = typed.pid  # "" when malformed: every query below still runs, and matches nothing

    # The same statements on every path, so the time of an answer tells nothing.
    student = session.get(Student, pid)
    codes = session.scalars(
        select(Passcode)
        .where(Passcode.permanent_id == pid, _usable(now))
        .order_by(Passcode.id)
        .with_for_update()  # failures are counted one check at a time (SQLite: BEGIN IMMEDIATE)
    ).all()
    windows = _windows(session, account, pid)

    def window_full(scope: str, throttle: Throttle) -> int:
        w = windows.get(scope)
        if w is not None and throttle.is_full(w.failures, w.window_start, now):
            return throttle.wait(w.window_start, now)
        return 0

    wait = window_full(ACCOUNT, LOCKOUT.account) or window_full(STUDENT, LOCKOUT.student)
    right_phone = student is not None and student.primary_phone == typed.e164
    locked = next(
        (
            p
            for p in codes
            if LOCKOUT.is_locked(
                failed_attempts=p.failed_attempts, locked_until=p.locked_until, now=now
            )
        ),
        None,
    )
    evaluate = (
        not wait and typed.code is not None and right_phone and locked is None and bool(codes)
    )
    match: Passcode | None = None
    if evaluate:
        assert typed.code is not None
        match = next((p for p in codes if verify_secret(p.vpc_hash, typed.code.symbols)), None)
    else:
        dummy_verify(typed.code.symbols if typed.code else "")

    wrong_phone = not typed.malformed and not wait and not typed.typo and not right_phone
    wrong_code = evaluate and match is None
    counted = (
        typed.malformed is not None
        or wrong_phone
        or wrong_code
        or (not wait and not typed.typo and right_phone and locked is None and not codes)
    )
    throttle.count(session, PortalThrottle, ACCOUNT, account, int(counted), LOCKOUT.account, now)
    throttle.count(session, PortalThrottle, STUDENT, pid, int(wrong_phone), LOCKOUT.student, now)
    _count_code_failure(session, pid, list(codes), int(wrong_code), now)

    if typed.malformed is not None:
        return _refuse(session, account, "", Refusal.MALFORMED, REFUSED, now, **typed.malformed)
    if wait:
        return _refuse(
            session, account, pid, Refusal.THROTTLED, LOCKOUT.throttled_message(wait), now
        )
    if typed.typo:
        return _refuse(session, account, pid, Refusal.TYPO, TYPO, now)
    if wrong_phone:
        reason = Refusal.UNKNOWN_STUDENT if student is None else Refusal.WRONG_PHONE
        return _refuse(session, account, pid, reason, REFUSED, now)
    if locked is not None:
        message = LOCKOUT.locked_message(
            failed_attempts=locked.failed_attempts, locked_until=locked.locked_until, now=now
        )
        return _refuse(session, account, pid, Refusal.LOCKED, message, now)
    if not codes:
        return _refuse(session, account, pid, Refusal.NO_USABLE_CODE, REFUSED, now)
    if match is None:
        return _refuse(session, account, pid, Refusal.WRONG_CODE, REFUSED, now)
    assert student is not None
    return _consume(session, student, match, account, contact_name, now)


def _consume(
    session: Session,
    student: Student,
    match: Passcode,
    account: str,
    contact_name: str,
    now: datetime,
) -> LinkResult | PortalRefused:
    pid = student.permanent_id
    contacts = _contacts(session, pid)
    chosen: ContactChoice | None = None
    if contact_name.strip():
        wanted = match_key(contact_name)
        chosen = next((c for c in contacts if match_key(c.name) == wanted), None)
        if chosen is None:
            names = ", ".join(c.name for c in contacts) or "none"
            return _refuse(
                session,
                account,
                pid,
                Refusal.UNKNOWN_CONTACT,
                f"Pick your name from the student's contact list: {names}.",
                now,
            )

    won = cast(
        CursorResult[Any],
        session.execute(
            update(Passcode)
            .where(Passcode.id == match.id, _usable(now), _not_locked(now))
            .values(used_at=now, used_by_account=account)
            .execution_options(synchronize_session=False)
        ),
    ).rowcount
    if won != 1:  # another attempt used it a moment ago
        return _refuse(session, account, pid, Refusal.NO_USABLE_CODE, REFUSED, now)
    existing = session.scalar(
        select(PortalLink).where(
            PortalLink.permanent_id == pid, PortalLink.account_email == account
        )
    )
    if existing is None:
        session.add(
            PortalLink(
                id=new_id(),
                permanent_id=pid,
                account_email=account,
                passcode_id=match.id,
                contact_id=chosen.id if chosen else None,
                linked_at=now,
            )
        )
    else:
        existing.passcode_id = match.id
        existing.contact_id = chosen.id if chosen else existing.contact_id
        existing.linked_at = now
    audit.append(
        session,
        actor=account,
        workstation=current_workstation(),
        action="portal.link",
        entity_type="passcode",
        entity_id=match.id,
        details={"permanent_id": pid, "contact": chosen.id if chosen else None},
        chain=audit.PORTAL_CHAIN,
        at=now,
    )
    session.flush()
    name = " ".join(x for x in (student.first_name, student.last_name) if x)
    return LinkResult(pid, name, account, contacts, chosen)
