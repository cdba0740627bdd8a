"""What intake checks before a second form goes in: an open request for the same student and
guardian, a code of theirs still out there, or a portal account the guardian already linked.

A guardian is the same person when the names' matching keys are equal (domain.names.match_key,
the key restricted contacts are matched on: "John Q. Lopez" with a Cyrillic "о" is John Lopez).
A portal link is the guardian's when its contact is the guardian's entry on the student's
contact list, or when its account email is the email written on the form (a parent who linked
without picking their name).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import Join, Term, msg
from staffdesk.domain.names import match_key
from staffdesk.domain.workflow import RequestStatus
from staffdesk.store.models import AccessRequest, Passcode, PortalLink, StudentContact

FIELD = "guardian_name"
OPEN = (RequestStatus.RECORDED.value, RequestStatus.VERIFIED.value, RequestStatus.APPROVED.value)


class DuplicateRequest(ValidationError):
    """A second form for a student and guardian, or a guardian already linked: shown with the
    reason, and recorded only when staff confirm."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__(FIELD, msg("duplicate.confirm", reasons=Join("; ", tuple(reasons))))
        self.reasons = tuple(reasons)


def guardian_key(name: str) -> str:
    """The key two guardian names must share to be one person: the restricted contacts' key,
    so a form that the block treats as that contact is also that contact's duplicate."""
    return match_key(name)


@dataclass(frozen=True, slots=True)
class ExistingLink:
    contact_name: str  # "" when the account holder has not picked a contact
    account_email: str
    linked_at: datetime


def reasons(
    session: Session,
    permanent_id: str,
    guardian: str,
    email: str,
    *,
    ignore_request: str | None = None,
    now: datetime,
) -> list[str]:
    """Why a new form for this student and guardian would be a duplicate (empty: it is not).
    `ignore_request`: the request a lost slip replaces (its code is meant to be replaced)."""
    key = guardian_key(guardian)
    out: list[str] = []
    same = [
        r
        for r in session.scalars(
            select(AccessRequest)
            .where(AccessRequest.permanent_id == permanent_id)
            .order_by(AccessRequest.recorded_at.desc())
        )
        if guardian_key(r.guardian_name) == key and r.id != ignore_request
    ]
    for r in same:
        if r.status in OPEN:
            out.append(
                msg(
                    "duplicate.open",
                    guardian=r.guardian_name,
                    status=Term("request_state", r.status),
                    when=f"{r.recorded_at:%Y-%m-%d}",
                )
            )
            break
    if same:
        code = session.scalars(
            select(Passcode)
            .where(
                Passcode.request_id.in_([r.id for r in same]),
                Passcode.used_at.is_(None),
                Passcode.revoked_at.is_(None),
                Passcode.expires_at > now,
            )
            .order_by(Passcode.issued_at.desc())
        ).first()
        if code is not None:
            out.append(
                msg(
                    "duplicate.code",
                    guardian=guardian,
                    serial=code.serial,
                    expires=f"{code.expires_at:%Y-%m-%d}",
                )
            )
    links = linked(session, permanent_id, guardian, email)
    if not links and same:  # a code from one of their own requests was used: they linked
        used = session.scalars(
            select(Passcode)
            .where(Passcode.request_id.in_([r.id for r in same]), Passcode.used_at.is_not(None))
            .order_by(Passcode.used_at.desc())
        ).first()
        if used is not None and used.used_at is not None:
            links = [ExistingLink("", used.used_by_account or "?", used.used_at)]
    for link in links[:1]:
        out.append(
            msg(
                "duplicate.linked",
                who=link.contact_name or guardian,
                account=link.account_email,
                when=f"{link.linked_at:%Y-%m-%d}",
            )
        )
    return out


def linked(session: Session, permanent_id: str, guardian: str, email: str) -> list[ExistingLink]:
    """The portal links of this student that belong to this guardian."""
    key = guardian_key(guardian)
    mine = {
        c.id: c.contact_name
        for c in session.scalars(
            select(StudentContact).where(StudentContact.permanent_id == permanent_id)
        )
        if guardian_key(c.contact_name) == key
    }
    rows = session.scalars(
        select(PortalLink)
        .where(PortalLink.permanent_id == permanent_id)
        .order_by(PortalLink.linked_at.desc())
    ).all()
    mail = (email or "").strip().lower()
    return [
        ExistingLink(mine.get(p.contact_id or "", ""), p.account_email, p.linked_at)
        for p in rows
        if (p.contact_id is not None and p.contact_id in mine)
        or (mail and p.account_email.strip().lower() == mail)
    ]
