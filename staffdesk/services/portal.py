"""The reference portal check: the exact algorithm the parent portal runs on the shared database.

permanent id + primary phone + VPC (+ the portal account's email) -> linked, or refused. A wrong
id, phone or code gets the same refusal (no oracle); a typo caught by the check symbol may say
"check the code". Single use is enforced by one conditional UPDATE, so of many concurrent right
attempts exactly one links. Failures are counted and locks set in the same transaction, which the
caller commits whether the answer is a link or a refusal.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, or_, select, update
from sqlalchemy.orm import Session

from staffdesk.domain import passcode as policy
from staffdesk.domain.errors import StaffDeskError, ValidationError
from staffdesk.domain.values import Email, PermanentId, Phone, fold_name
from staffdesk.domain.vpc import Vpc, VpcTypo
from staffdesk.services import audit
from staffdesk.services.context import current_workstation, utcnow
from staffdesk.services.hashing import verify_secret
from staffdesk.store.models import Passcode, PortalLink, Student, StudentContact, new_id

REFUSED = (
    "We could not verify these details. Check the Student Permanent ID, the primary telephone "
    "number and the Verification PassCode on your slip, and try again."
)
TYPO = "This passcode has a typo. Check each character against your slip and try again."
LOCKED = "Too many attempts. Try again in 15 minutes, or ask the school office for a new passcode."


class Refusal(enum.StrEnum):
    BAD_INPUT = "bad_input"
    TYPO = "typo"
    UNKNOWN_STUDENT = "unknown_student"
    WRONG_PHONE = "wrong_phone"
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
        Passcode.failed_attempts < policy.HARD_LOCK_AFTER,
        or_(Passcode.locked_until.is_(None), Passcode.locked_until <= now),
    )


def _refuse(
    session: Session, account: str, pid: str, reason: Refusal, message: str, now: datetime
) -> PortalRefused:
    audit.append(
        session,
        actor=account or "anonymous",
        workstation=current_workstation(),
        action="portal.refused",
        entity_type="student",
        entity_id=pid or "?",
        details={"reason": reason.value},
        chain=audit.PORTAL_CHAIN,
        at=now,
    )
    return PortalRefused(message, reason)


def _count_failure(session: Session, pid: str, now: datetime) -> None:
    """One more failure on each usable code of the student; every 5th locks for 15 minutes."""
    session.execute(
        update(Passcode)
        .where(Passcode.permanent_id == pid, _usable(now))
        .values(failed_attempts=Passcode.failed_attempts + 1)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Passcode)
        .where(
            Passcode.permanent_id == pid,
            _usable(now),
            Passcode.failed_attempts < policy.HARD_LOCK_AFTER,
            Passcode.failed_attempts % policy.SHORT_LOCK_EVERY == 0,
        )
        .values(locked_until=now + policy.SHORT_LOCK)
        .execution_options(synchronize_session=False)
    )


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
    """Run the check. Returns the refusal instead of raising so the caller commits the count."""
    now = now or utcnow()
    try:
        account = Email.parse(account_email, "account email").value
    except ValidationError as exc:
        return PortalRefused(exc.message, Refusal.BAD_INPUT)
    try:
        pid = PermanentId.parse(permanent_id).value
        e164 = Phone.parse(phone).e164
    except ValidationError:
        return _refuse(session, account, permanent_id, Refusal.BAD_INPUT, REFUSED, now)
    try:
        code = Vpc.parse(vpc)
    except VpcTypo:
        return _refuse(session, account, pid, Refusal.TYPO, TYPO, now)
    except ValidationError:
        return _refuse(session, account, pid, Refusal.BAD_INPUT, REFUSED, now)

    student = session.get(Student, pid)
    if student is None:
        return _refuse(session, account, pid, Refusal.UNKNOWN_STUDENT, REFUSED, now)
    candidates = session.scalars(
        select(Passcode).where(Passcode.permanent_id == pid, _usable(now))
    ).all()
    if any(
        policy.is_locked(failed_attempts=p.failed_attempts, locked_until=p.locked_until, now=now)
        for p in candidates
    ):
        return _refuse(session, account, pid, Refusal.LOCKED, LOCKED, now)
    if student.primary_phone != e164:
        _count_failure(session, pid, now)
        return _refuse(session, account, pid, Refusal.WRONG_PHONE, REFUSED, now)
    match = next((p for p in candidates if verify_secret(p.vpc_hash, code.symbols)), None)
    if match is None:
        _count_failure(session, pid, now)
        return _refuse(session, account, pid, Refusal.WRONG_CODE, REFUSED, now)

    contacts = _contacts(session, pid)
    chosen: ContactChoice | None = None
    if contact_name.strip():
        chosen = next((c for c in contacts if fold_name(c.name) == fold_name(contact_name)), None)
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
        return _refuse(session, account, pid, Refusal.WRONG_CODE, REFUSED, now)
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
