"""What the services return about a Parent Access Form (RequestView and its parts, Issued) and
how a request is loaded for one user action (school, version and permission checked)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from staffdesk.domain import passcode as policy
from staffdesk.domain.errors import (
    ConflictError,
    NotFound,
)
from staffdesk.domain.messages import msg
from staffdesk.domain.values import Phone
from staffdesk.domain.workflow import (
    DOCUMENT_LABELS,
    Action,
    DocumentKind,
    PasscodeState,
    RequestStatus,
    allowed_actions,
    next_status,
)
from staffdesk.services import restricted as restricted_contacts
from staffdesk.services.context import Actor, utcnow
from staffdesk.slips.content import CredentialSlip
from staffdesk.store.models import (
    AccessRequest,
    Decision,
    IdentityCheck,
    Passcode,
    School,
    StaffUser,
    Student,
    StudentContact,
)


@dataclass(frozen=True, slots=True)
class IdentityView:
    document_kind: DocumentKind
    document_label: str
    document_description: str
    last4: str
    verified_by: str
    verified_at: datetime
    workstation: str


@dataclass(frozen=True, slots=True)
class DecisionView:
    outcome: str
    reason: str
    override_reason: str
    decided_by: str
    decided_at: datetime
    not_a_contact_reason: str = ""
    workstation: str = ""


@dataclass(frozen=True, slots=True)
class ListedContact:
    """One line of the student's emergency-contact list, as the portal will show it."""

    name: str
    relationship: str
    restricted: bool


@dataclass(frozen=True, slots=True)
class PasscodeView:
    id: str
    request_id: str
    serial: str
    state: PasscodeState
    issued_by: str
    issued_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    used_at: datetime | None
    used_by_account: str | None
    failed_attempts: int
    locked: bool
    batch_id: str | None


@dataclass(frozen=True, slots=True)
class RequestView:
    id: str
    status: RequestStatus
    version: int
    school_code: str
    school_name: str
    permanent_id: str
    roster_name: str
    written_name: str
    name_mismatch: bool
    guardian_name: str
    address: str
    phone: str
    email: str
    signed_on: date
    language: str
    recorded_by: str
    recorded_at: datetime
    identity: IdentityView | None
    decision: DecisionView | None
    passcodes: tuple[PasscodeView, ...]
    allowed: tuple[Action, ...]
    guardian_on_contacts: bool
    restricted_match: str  # the restricted contact's name when the guardian matches one
    paper_form_signed: bool = False
    replaces_request_id: str | None = None  # a lost slip: its issue revokes that request's code
    contacts: tuple[ListedContact, ...] = ()  # the student's emergency-contact list
    possible_match: str = ""  # a restricted contact whose name is near the guardian's

    @property
    def phone_display(self) -> str:
        return Phone(self.phone).display()


@dataclass(frozen=True, slots=True)
class AccessForm:
    """The paper form's fields, as typed at the counter."""

    permanent_id: str
    guardian_name: str
    address: str
    phone: str
    email: str
    signed_on: date | str
    first_name: str = ""
    middle_name: str = ""
    last_name: str = ""
    school_code: str = ""
    language: str = ""
    paper_form_signed: bool = False  # the clerk saw the parent's signature on the paper form
    replaces_request_id: str = ""  # a lost slip: the request whose code this one replaces


@dataclass(frozen=True, slots=True)
class Recorded:
    request: RequestView
    warnings: tuple[str, ...] = ()
    # the student's emergency-contact list, when the guardian is not on it (shown with the warning)
    contacts: tuple[ListedContact, ...] = ()


@dataclass(frozen=True, slots=True)
class Issued:
    """The result of issuing: the slip content carries the plaintext code(s), exactly once."""

    slip: CredentialSlip
    passcode_ids: tuple[str, ...]
    request_ids: tuple[str, ...]
    batch_id: str | None = None
    revoked_ids: tuple[str, ...] = ()
    revoked_serials: tuple[str, ...] = ()  # the codes this issue made useless (reissue, lost slip)
    # The family's language tag when no shipped language matched it (the slip is in English).
    language_fallback: str = ""

    @property
    def serials(self) -> tuple[str, ...]:
        return tuple(s.serial for s in self.slip.students)

    def __repr__(self) -> str:
        return f"Issued(serials={self.serials}, slip=<hidden>)"


def full_name(first: str, middle: str, last: str) -> str:
    mid = f" {middle}" if middle else ""
    return f"{first}{mid} {last}".strip()


def passcode_view(p: Passcode, now: datetime | None = None) -> PasscodeView:
    now = now or utcnow()
    return PasscodeView(
        id=p.id,
        request_id=p.request_id,
        serial=p.serial,
        state=policy.derive_state(
            used_at=p.used_at, revoked_at=p.revoked_at, expires_at=p.expires_at, now=now
        ),
        issued_by=p.issued_by,
        issued_at=p.issued_at,
        expires_at=p.expires_at,
        revoked_at=p.revoked_at,
        used_at=p.used_at,
        used_by_account=p.used_by_account,
        failed_attempts=p.failed_attempts,
        locked=policy.is_locked(
            failed_attempts=p.failed_attempts, locked_until=p.locked_until, now=now
        ),
        batch_id=p.batch_id,
    )


def _contact_match(
    session: Session, permanent_id: str, guardian: str
) -> tuple[restricted_contacts.GuardianMatch, tuple[ListedContact, ...]]:
    """How the guardian stands against the student's contacts (services/restricted.py: on the
    matching key, restricted or near a restricted one) and the list itself."""
    match = restricted_contacts.match_guardian(session, permanent_id, guardian)
    listed = tuple(
        ListedContact(c.contact_name, c.relationship, c.portal_access == "restricted")
        for c in session.scalars(
            select(StudentContact)
            .where(StudentContact.permanent_id == permanent_id)
            .order_by(StudentContact.emergency_order, StudentContact.contact_name)
        )
    )
    return match, listed


def _restricted_match(session: Session, permanent_id: str, guardian: str) -> tuple[bool, str]:
    match = restricted_contacts.match_guardian(session, permanent_id, guardian)
    return match.on_list, match.restricted


def _names(contacts: Sequence[ListedContact]) -> str:
    return ", ".join(c.name for c in contacts if not c.restricted) or msg("intake.no_contacts")


def view(session: Session, req: AccessRequest) -> RequestView:
    student = session.get(Student, req.permanent_id)
    school = session.get(School, req.school_code)
    idc = session.scalar(select(IdentityCheck).where(IdentityCheck.request_id == req.id))
    dec = session.scalar(select(Decision).where(Decision.request_id == req.id))
    codes = session.scalars(
        select(Passcode).where(Passcode.request_id == req.id).order_by(Passcode.issued_at)
    ).all()
    match, listed = _contact_match(session, req.permanent_id, req.guardian_name)
    now = utcnow()
    return RequestView(
        id=req.id,
        status=RequestStatus(req.status),
        version=req.version,
        school_code=req.school_code,
        school_name=school.name if school else req.school_code,
        permanent_id=req.permanent_id,
        roster_name=full_name(student.first_name, student.middle_name, student.last_name)
        if student
        else "",
        written_name=full_name(
            req.student_first_name, req.student_middle_name, req.student_last_name
        ),
        name_mismatch=req.name_mismatch,
        guardian_name=req.guardian_name,
        address=req.address,
        phone=req.phone,
        email=req.email,
        signed_on=req.signed_on,
        language=req.language,
        recorded_by=req.recorded_by,
        recorded_at=req.recorded_at,
        identity=IdentityView(
            DocumentKind(idc.document_kind),
            DOCUMENT_LABELS[DocumentKind(idc.document_kind)],
            idc.document_description,
            idc.last4,
            idc.verified_by,
            idc.verified_at,
            idc.workstation,
        )
        if idc
        else None,
        decision=DecisionView(
            dec.outcome,
            dec.reason,
            dec.override_reason,
            dec.decided_by,
            dec.decided_at,
            dec.not_a_contact_reason,
            dec.workstation,
        )
        if dec
        else None,
        passcodes=tuple(passcode_view(p, now) for p in codes),
        allowed=tuple(allowed_actions(RequestStatus(req.status))),
        guardian_on_contacts=match.on_list,
        restricted_match=match.restricted,
        possible_match=match.possible,
        paper_form_signed=req.paper_form_signed,
        replaces_request_id=req.replaces_request_id,
        contacts=listed,
    )


def _load(
    session: Session, actor: Actor, request_id: str, expected_version: int | None = None
) -> AccessRequest:
    return _load_many(session, actor, [request_id], [expected_version])[0]


def get_request(session: Session, actor: Actor, request_id: str) -> RequestView:
    return view(session, _load(session, actor, request_id))


def _advance(req: AccessRequest, action: Action) -> None:
    req.status = next_status(RequestStatus(req.status), action).value


def _staff_name(session: Session, username: str) -> str:
    return (
        session.scalar(select(StaffUser.display_name).where(StaffUser.username == username))
        or username
    )


def _load_many(
    session: Session, actor: Actor, request_ids: Sequence[str], versions: Sequence[int | None]
) -> list[AccessRequest]:
    ids = [(r or "").strip() for r in request_ids]
    found = {
        r.id: r for r in session.scalars(select(AccessRequest).where(AccessRequest.id.in_(ids)))
    }
    out = []
    for rid, version in zip(ids, versions, strict=True):
        req = found.get(rid)
        if req is None or not actor.can_see_school(req.school_code):
            raise NotFound(msg("request.not_found", rid=rid))
        if version is not None and req.version != version:
            raise ConflictError(msg("request.changed", rid=rid, now=req.version, had=version))
        out.append(req)
    return out
