"""The Parent Access Form from intake to an issued passcode: record, verify, decide, issue.

Each function is one user action: it takes the caller's session (the caller commits) and returns
plain dataclasses. Every state change writes its audit event and outbox entry in the same
transaction. The plaintext VPC leaves only inside the returned slip content, exactly once.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from staffdesk.domain import passcode as policy
from staffdesk.domain.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    PossibleRestrictedMatch,
    RestrictedContact,
    ValidationError,
)
from staffdesk.domain.messages import Join, Message, Term, msg
from staffdesk.domain.names import match_key, search_key
from staffdesk.domain.values import Email, PermanentId, Phone, clean_text
from staffdesk.domain.vpc import ALPHABET, Vpc
from staffdesk.domain.workflow import (
    DOCUMENT_LABELS,
    Action,
    DocumentKind,
    PasscodeState,
    RequestStatus,
    Role,
    allowed_actions,
    next_status,
    same_person,
)
from staffdesk.services import audit, duplicates, settings
from staffdesk.services import restricted as restricted_contacts
from staffdesk.services.context import Actor, utcnow
from staffdesk.services.hashing import hash_many
from staffdesk.slips.content import CredentialSlip, SlipStudent
from staffdesk.slips.languages import (
    LanguageMatch,
    canonical_tag,
    is_language_tag,
    match_language,
    shipped_code,
)
from staffdesk.slips.render import MAX_STUDENTS_PER_SLIP
from staffdesk.slips.texts import available_languages
from staffdesk.store.models import (
    AccessRequest,
    Decision,
    IdentityCheck,
    Outbox,
    Passcode,
    School,
    SlipPrintLog,
    StaffUser,
    Student,
    StudentContact,
    new_id,
)


class NameMismatch(ValidationError):
    """The name written on the form differs from the roster; shown with both, needs a confirm."""


# every sentence of intake and decision is catalogued (domain/catalogue.py, "intake.*" and
# "decision.*"); the messages below are the ones other modules and tests name
MSG_UNSIGNED = msg("intake.unsigned")


# ------------------------------------------------------------------------------------- views


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


def _confirmed(field: str, what: str, actor: Actor) -> Message:
    """A notice that staff confirmed something at intake (a name mismatch, a duplicate)."""
    detail = msg("intake.confirmed_by", what=what, user=actor.username)
    return msg("errors.field", field=Term("field", field), detail=detail)


def _warning(code: str, **params: Any) -> Message:
    """A notice about the guardian that intake returns with the recorded request."""
    return msg("errors.field", field=Term("field", "guardian_name"), detail=msg(code, **params))


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


# ------------------------------------------------------------------------------------ intake


def _signed_on(raw: date | str) -> date:
    if isinstance(raw, date):
        value = raw
    else:
        try:
            value = date.fromisoformat((raw or "").strip())
        except ValueError:
            raise ValidationError("signed_on", msg("date.format", raw=raw)) from None
    today = utcnow().date()
    if value > today + timedelta(days=1):
        raise ValidationError("signed_on", msg("intake.signed_future"))
    if value < today - timedelta(days=366):
        raise ValidationError("signed_on", msg("intake.signed_too_old"))
    return value


def record_request(
    session: Session,
    actor: Actor,
    form: AccessForm,
    *,
    accept_name_mismatch: bool = False,
    accept_duplicate: bool = False,
) -> Recorded:
    """Check the form against the roster and record it. A name mismatch, and a duplicate (an
    open request or an unused code of the same student and guardian, or a guardian who already
    linked), need confirmation; an unsigned paper form is refused."""
    pid = PermanentId.parse(form.permanent_id, "permanent_id").value
    student = session.get(Student, pid)
    if student is None:
        raise ValidationError("permanent_id", msg("intake.no_student", pid=pid))
    school_code = clean_text(form.school_code, "school", required=False, max_len=20).upper()
    if school_code and school_code != student.school_code:
        raise ValidationError(
            "school",
            msg("intake.other_school", pid=pid, school=student.school_code, given=school_code),
        )
    if not actor.can_see_school(student.school_code):
        raise ValidationError(
            "permanent_id",
            msg("intake.not_your_school", pid=pid, school=student.school_code),
        )
    guardian = clean_text(form.guardian_name, "guardian_name")
    address = clean_text(form.address, "address", max_len=400)
    phone = Phone.parse(form.phone, "phone").e164
    email = Email.parse(form.email, "email").value
    signed = _signed_on(form.signed_on)
    if not form.paper_form_signed:
        raise ValidationError("paper_form_signed", MSG_UNSIGNED)
    first = clean_text(form.first_name, "first_name", required=False, max_len=100)
    middle = clean_text(form.middle_name, "middle_name", required=False, max_len=100)
    last = clean_text(form.last_name, "last_name", required=False, max_len=100)
    language = clean_text(form.language, "language", required=False, max_len=35)
    if language and not is_language_tag(language):
        raise ValidationError("language", msg("intake.language_tag"))
    roster = full_name(student.first_name, student.middle_name, student.last_name)
    written = full_name(first, middle, last)
    warnings: list[str] = []
    mismatch = False
    if first or last:
        same = match_key(first) == match_key(student.first_name) and match_key(last) == match_key(
            student.last_name
        )
        if middle and student.middle_name:
            same = same and search_key(middle)[:1] == search_key(student.middle_name)[:1]
        if not same:
            mismatch = True
            message = msg("intake.name_mismatch", written=written, roster=roster)
            if not accept_name_mismatch:
                raise NameMismatch("student name", message)
            warnings.append(_confirmed("student name", message, actor))
    else:
        first, middle, last = student.first_name, student.middle_name, student.last_name
    replaces = _replaced(session, actor, form.replaces_request_id, pid, guardian)
    now = utcnow()
    found = duplicates.reasons(session, pid, guardian, email, ignore_request=replaces, now=now)
    if found and not accept_duplicate:
        raise duplicates.DuplicateRequest(found)
    warnings += [_confirmed(duplicates.FIELD, r, actor) for r in found]
    match, listed = _contact_match(session, pid, guardian)
    shown: tuple[ListedContact, ...] = ()
    if match.restricted:
        warnings.append(_warning("intake.restricted", name=match.restricted))
    elif match.possible:
        warnings.append(
            _warning("intake.possible_restricted", guardian=guardian, name=match.possible)
        )
    elif not match.on_list:
        shown = listed
        warnings.append(_warning("intake.not_on_list", guardian=guardian, contacts=_names(listed)))
    req = AccessRequest(
        id=new_id(),
        school_code=student.school_code,
        permanent_id=pid,
        student_first_name=first,
        student_middle_name=middle,
        student_last_name=last,
        name_mismatch=mismatch,
        guardian_name=guardian,
        address=address,
        phone=phone,
        email=email,
        signed_on=signed,
        paper_form_signed=True,
        replaces_request_id=replaces,
        language=canonical_tag(language or student.language),
        status=RequestStatus.RECORDED.value,
        recorded_by=actor.username,
        workstation=actor.workstation,
    )
    session.add(req)
    session.flush()
    audit.record_change(
        session,
        actor,
        "request.record",
        "access_request",
        req.id,
        {
            "permanent_id": pid,
            "school": student.school_code,
            "name_mismatch": mismatch,
            "paper_form_signed": True,
            **({"duplicate_confirmed": True} if found else {}),
            **({"replaces": replaces} if replaces else {}),
        },
    )
    return Recorded(view(session, req), tuple(warnings), shown)


def _replaced(
    session: Session, actor: Actor, request_id: str, permanent_id: str, guardian: str
) -> str | None:
    """The request a lost slip's form replaces: same student and guardian, issued or revoked."""
    rid = (request_id or "").strip()
    if not rid:
        return None
    old = session.get(AccessRequest, rid)
    if old is None or not actor.can_see_school(old.school_code):
        raise ValidationError("replaces", msg("request.not_found", rid=rid))
    if old.permanent_id != permanent_id or duplicates.guardian_key(
        old.guardian_name
    ) != duplicates.guardian_key(guardian):
        raise ValidationError(
            "replaces",
            msg(
                "intake.replaces_other",
                rid=rid,
                pid=old.permanent_id,
                guardian=old.guardian_name,
            ),
        )
    if old.status not in (RequestStatus.ISSUED.value, RequestStatus.REVOKED.value):
        raise ValidationError(
            "replaces",
            msg("intake.replaces_state", rid=rid, status=Term("request_state", old.status)),
        )
    return old.id


def verify_identity(
    session: Session,
    actor: Actor,
    request_id: str,
    *,
    document_kind: str,
    description: str = "",
    last4: str = "",
    expected_version: int | None = None,
) -> RequestView:
    """Record how the parent proved who they are; the verifier is the signed-in staff member."""
    req = _load(session, actor, request_id, expected_version)
    try:
        kind = DocumentKind(document_kind)
    except ValueError:
        raise ValidationError(
            "document", msg("expected.one_of", choices=", ".join(k.value for k in DocumentKind))
        ) from None
    note = clean_text(description, "document description", required=False)
    if kind is DocumentKind.OTHER and not note:
        raise ValidationError("document description", msg("identity.describe_other"))
    tail = "".join((last4 or "").split()).upper()
    if tail and (len(tail) > 4 or not tail.isalnum()):
        raise ValidationError("last4", msg("identity.last4"))
    _advance(req, Action.VERIFY)
    session.add(
        IdentityCheck(
            request_id=req.id,
            document_kind=kind.value,
            document_description=note,
            last4=tail,
            verified_by=actor.username,
            workstation=actor.workstation,
        )
    )
    session.flush()
    audit.record_change(
        session, actor, "request.verify", "access_request", req.id, {"document": kind.value}
    )
    return view(session, req)


# ---------------------------------------------------------------------------------- decision


def approve(
    session: Session,
    actor: Actor,
    request_id: str,
    *,
    override_reason: str = "",
    not_a_contact_reason: str = "",
    possible_match_reason: str = "",
    expected_version: int | None = None,
    at_desk_of: str = "",
) -> RequestView:
    """Approve a verified request. A guardian not on the student's contact list needs a written
    reason; a restricted contact needs an admin's override; a name only close to a restricted
    contact's needs the approver's reason for taking them to be different people (which also
    serves as the not-a-contact reason). `at_desk_of`: the staff member signed in at the
    workstation when the approver countersigns there (services/countersign)."""
    actor.require(Role.APPROVER, "approving a request")
    req = _load(session, actor, request_id, expected_version)
    next_status(RequestStatus(req.status), Action.APPROVE)  # say what is allowed first
    override = clean_text(override_reason, "override reason", required=False, max_len=500)
    if override and not actor.is_admin:
        raise PermissionDenied(msg("decision.override_admin_only"))
    if settings.load(session).two_person_rule:
        idc = session.scalar(select(IdentityCheck).where(IdentityCheck.request_id == req.id))
        if idc is not None and same_person(idc.verified_by, actor.username):
            raise PermissionDenied(
                msg("decision.two_person_rule")
                if idc.verified_by == actor.username
                else msg("decision.two_person_rule_as", verifier=idc.verified_by)
            )
    match, listed = _contact_match(session, req.permanent_id, req.guardian_name)
    restricted = match.restricted
    acknowledged = clean_text(
        possible_match_reason, "possible match reason", required=False, max_len=400
    )
    not_listed = clean_text(
        not_a_contact_reason, "not_a_contact_reason", required=False, max_len=500
    ) or (acknowledged if match.possible else "")
    if match.possible and not acknowledged:
        raise PossibleRestrictedMatch(
            msg(
                "decision.possible_restricted",
                guardian=req.guardian_name,
                name=match.possible,
                pid=req.permanent_id,
            ),
            match.possible,
        )
    if not match.on_list and not not_listed:
        raise ValidationError(
            "not_a_contact_reason",
            msg("decision.not_a_contact", guardian=req.guardian_name, contacts=_names(listed)),
        )
    if restricted and not override:
        raise RestrictedContact(
            msg("decision.restricted", name=restricted, pid=req.permanent_id),
            restricted,
            "restricted",
        )
    _advance(req, Action.APPROVE)
    note = f"{_acknowledged_note(match.possible)} {acknowledged}" if match.possible else ""
    session.add(
        Decision(
            request_id=req.id,
            outcome="approved",
            reason=note[:500],
            override_reason=override if restricted else "",
            not_a_contact_reason="" if match.on_list else not_listed,
            decided_by=actor.username,
            workstation=actor.workstation,
        )
    )
    session.flush()
    details: dict[str, object] = {"outcome": "approved"}
    if restricted:
        details["override_reason"] = override
    if not match.on_list:
        details["not_a_contact_reason"] = not_listed
    if at_desk_of:
        details["countersigned_at_desk_of"] = at_desk_of
    if match.possible:
        details["possible_match"] = match.possible
        details["acknowledged"] = acknowledged
    audit.record_change(session, actor, "request.approve", "access_request", req.id, details)
    return view(session, req)


def reject(
    session: Session,
    actor: Actor,
    request_id: str,
    *,
    reason: str,
    expected_version: int | None = None,
) -> RequestView:
    actor.require(Role.APPROVER, "rejecting a request")
    req = _load(session, actor, request_id, expected_version)
    why = clean_text(reason, "reason", max_len=500)
    _advance(req, Action.REJECT)
    session.add(
        Decision(
            request_id=req.id,
            outcome="rejected",
            reason=why,
            decided_by=actor.username,
            workstation=actor.workstation,
        )
    )
    session.flush()
    audit.record_change(session, actor, "request.reject", "access_request", req.id, {"reason": why})
    return view(session, req)


# ---------------------------------------------------------------------------------- passcodes


def new_serial(school_code: str, now: datetime) -> str:
    tail = "".join(secrets.choice(ALPHABET) for _ in range(6))
    return f"{school_code[:8]}-{now:%y%m}-{tail}"


def slip_language(requested: str, family_language: str, default: str) -> LanguageMatch:
    """The language a slip is printed in: the one staff chose, else the family's (a roster tag
    such as "zh-TW" gets the nearest shipped language), else the district's default. A family
    language that ships in no form falls back to English, and the match says so."""
    if requested.strip():
        code = shipped_code(requested)
        if code is None:
            raise ValidationError(
                "language", msg("expected.one_of", choices=", ".join(available_languages()))
            )
        return LanguageMatch(requested, code, fallback=False)
    if family_language.strip():
        return match_language(family_language)
    return LanguageMatch("", shipped_code(default) or "en", fallback=False)


def _active_codes(session: Session, request_ids: Sequence[str], now: datetime) -> list[Passcode]:
    return [
        p
        for p in session.scalars(
            select(Passcode).where(
                Passcode.request_id.in_(request_ids), Passcode.revoked_at.is_(None)
            )
        )
        if p.used_at is None and p.expires_at > now
    ]


def _revoke(p: Passcode, actor: Actor, reason: str, now: datetime, **extra: str) -> audit.Change:
    p.revoked_at = now
    p.revoked_by = actor.username
    p.revoke_reason = reason
    return audit.Change("passcode.revoke", "passcode", p.id, {"reason": reason, **extra})


def _revoke_replaced(
    session: Session,
    actor: Actor,
    reqs: Sequence[AccessRequest],
    now: datetime,
    changes: list[audit.Change],
) -> list[tuple[str, str]]:
    """A lost slip's request is issued: the code of the request it replaces stops working, and
    that request (if still issued) becomes revoked, as a revocation by hand would leave it."""
    by_old = {r.replaces_request_id: r.id for r in reqs if r.replaces_request_id}
    if not by_old:
        return []
    revoked = []
    for old in _active_codes(session, list(by_old), now):
        revoked.append((old.id, by_old[old.request_id]))
        changes.append(_revoke(old, actor, "lost slip", now, replaced_by=by_old[old.request_id]))
    for old_req in session.scalars(select(AccessRequest).where(AccessRequest.id.in_(list(by_old)))):
        if old_req.status == RequestStatus.ISSUED.value:
            _advance(old_req, Action.REVOKE)
            changes.append(
                audit.Change(
                    "request.revoke",
                    "access_request",
                    old_req.id,
                    {"reason": "lost slip", "replaced_by": by_old[old_req.id]},
                )
            )
    return revoked


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


def _issue(
    session: Session,
    actor: Actor,
    reqs: Sequence[AccessRequest],
    *,
    action: Action,
    expires: datetime,
    now: datetime,
    batch_id: str | None,
    prehashed: Sequence[tuple[Vpc, str]] | None,
) -> tuple[list[SlipStudent], list[str], list[tuple[str, str]]]:
    """Issue one passcode per request, set-based so a batch of a thousand costs few queries.

    Returns the slip lines, the new passcode ids, and the codes it revoked as (passcode id,
    the request whose issue revoked it)."""
    for r in reqs:
        next_status(RequestStatus(r.status), action)  # refuse before any change
    if prehashed is not None:  # a batch hashes all its codes at once, on every core
        if len(prehashed) != len(reqs):
            raise ValueError("one prehashed code per request")
        codes, hashes = [c for c, _ in prehashed], [h for _, h in prehashed]
    else:
        codes = [Vpc.generate() for _ in reqs]
        hashes = hash_many([c.symbols for c in codes])
    ids = [r.id for r in reqs]
    students = {
        st.permanent_id: st
        for st in session.scalars(
            select(Student).where(Student.permanent_id.in_([r.permanent_id for r in reqs]))
        )
    }
    changes: list[audit.Change] = []
    revoked: list[tuple[str, str]] = []
    for old in _active_codes(session, ids, now):
        revoked.append((old.id, old.request_id))
        changes.append(_revoke(old, actor, "reissued", now))
    if action is Action.ISSUE:
        revoked += _revoke_replaced(session, actor, reqs, now, changes)
    verb = "reissue" if action is Action.REISSUE else "issue"
    slips: list[SlipStudent] = []
    rows: list[Passcode] = []
    for req, code, phc in zip(reqs, codes, hashes, strict=True):
        _advance(req, action)
        student = students[req.permanent_id]
        p = Passcode(
            id=new_id(),
            permanent_id=req.permanent_id,
            request_id=req.id,
            vpc_hash=phc,
            serial=new_serial(req.school_code, now),
            batch_id=batch_id,
            issued_by=actor.username,
            issued_at=now,
            expires_at=expires,
            workstation=actor.workstation,
            failed_attempts=0,
        )
        rows.append(p)
        details: dict[str, object] = {"request": req.id}
        if batch_id:
            details["batch"] = batch_id
        changes.append(audit.Change(f"passcode.{verb}", "passcode", p.id, details))
        changes.append(audit.Change(f"request.{verb}", "access_request", req.id))
        slips.append(
            SlipStudent(
                permanent_id=student.permanent_id,
                full_name=full_name(student.first_name, student.middle_name, student.last_name),
                grade=student.grade,
                phone_display=Phone(student.primary_phone).display(),
                vpc_grouped=code.grouped(),
                expires_on=expires.date(),
                serial=p.serial,
            )
        )
    # the issuance events first: a MariaDB shared database accepts a passcode row only once its
    # event is there (migration 0008; PostgreSQL checks it at commit)
    audit.record_changes(session, actor, changes)
    session.add_all(rows)
    session.flush()
    return slips, [p.id for p in rows], revoked


def _acknowledged_note(contact_name: str) -> str:
    """The start of an approval's reason that acknowledged a near match with this contact."""
    return f"possible match with restricted contact {contact_name} acknowledged:"


def _recheck_restricted(
    session: Session,
    actor: Actor,
    reqs: Sequence[AccessRequest],
    override_reason: str,
    possible_match_reason: str = "",
) -> list[audit.Change]:
    """The restricted-contact block again, at every issue: a contact restricted by a roster
    import after the approval stops the code unless an admin overrides it with a reason, and
    a guardian whose name is near a restricted contact that the approval did not acknowledge
    (restricted, or renamed, since) needs an approver's reason, as at approval."""
    matches = restricted_contacts.match_guardians(
        session, [(r.permanent_id, r.guardian_name) for r in reqs]
    )
    decided = {
        rid: (override, reason)
        for rid, override, reason in session.execute(
            select(Decision.request_id, Decision.override_reason, Decision.reason).where(
                Decision.request_id.in_([r.id for r in reqs]), Decision.outcome == "approved"
            )
        ).all()
    }
    blocked = [
        (r, m.restricted)
        for r, m in zip(reqs, matches, strict=True)
        if m.restricted and not decided.get(r.id, ("", ""))[0]
    ]
    near = [
        (r, m.possible)
        for r, m in zip(reqs, matches, strict=True)
        if m.possible
        and not decided.get(r.id, ("", ""))[1].startswith(_acknowledged_note(m.possible))
    ]
    return _blocked_at_issue(actor, blocked, override_reason) + _near_at_issue(
        actor, near, possible_match_reason
    )


def _near_at_issue(
    actor: Actor, near: Sequence[tuple[AccessRequest, str]], reason: str
) -> list[audit.Change]:
    if not near:
        return []
    acknowledged = clean_text(reason, "possible match reason", required=False, max_len=400)
    if not acknowledged:
        names = Join(
            "; ",
            tuple(
                msg(
                    "issue.possible_one",
                    guardian=r.guardian_name,
                    name=name,
                    pid=r.permanent_id,
                    rid=r.id,
                )
                for r, name in near
            ),
        )
        raise PossibleRestrictedMatch(
            msg("issue.possible", names=names),
            near[0][1],
        )
    actor.require(Role.APPROVER, "acknowledging a possible match with a restricted contact")
    return [
        audit.Change(
            "request.possible_match",
            "access_request",
            r.id,
            {"possible_match": name, "acknowledged": acknowledged},
        )
        for r, name in near
    ]


def _blocked_at_issue(
    actor: Actor, blocked: Sequence[tuple[AccessRequest, str]], override_reason: str
) -> list[audit.Change]:
    if not blocked:
        return []
    override = clean_text(override_reason, "override reason", required=False, max_len=500)
    if not override:
        names = Join(
            "; ",
            tuple(
                msg("issue.restricted_one", name=name, pid=r.permanent_id, rid=r.id)
                for r, name in blocked
            ),
        )
        raise RestrictedContact(
            msg("issue.restricted", names=names),
            blocked[0][1],
            "restricted",
        )
    if not actor.is_admin:
        raise PermissionDenied(msg("decision.override_admin_only"))
    return [
        audit.Change(
            "request.override",
            "access_request",
            r.id,
            {"restricted_contact": name, "override_reason": override},
        )
        for r, name in blocked
    ]


def _issue_slips(
    session: Session,
    actor: Actor,
    request_ids: Sequence[str],
    *,
    override_reason: str = "",
    possible_match_reason: str = "",
    language: str = "",
    reissue: bool = False,
    batch_id: str | None = None,
    expected_versions: Sequence[int | None] | None = None,
    pending_sync: bool = False,
    now: datetime | None = None,
    prehashed: Sequence[tuple[Vpc, str]] | None = None,
    family: bool = True,
) -> list[Issued]:
    if not request_ids:
        raise ValidationError("request", msg("issue.none"))
    if len(set(request_ids)) != len(request_ids):
        raise ValidationError("request", msg("issue.twice"))
    if family and len(request_ids) > MAX_STUDENTS_PER_SLIP:
        raise ValidationError(
            "request",
            msg("issue.family_too_many", most=MAX_STUDENTS_PER_SLIP),
        )
    if reissue:
        actor.require(Role.APPROVER, "reissuing a passcode")
    if language.strip():
        slip_language(language, "", "")  # an unknown language is refused before any change
    now = now or utcnow()
    versions = list(expected_versions or [None] * len(request_ids))
    reqs = _load_many(session, actor, request_ids, versions)
    if family:
        first = reqs[0]
        for r in reqs[1:]:
            if r.school_code != first.school_code:
                raise ValidationError("request", msg("issue.family_one_school"))
            if match_key(r.guardian_name) != match_key(first.guardian_name):
                raise ValidationError(
                    "request",
                    msg(
                        "issue.family_one_parent",
                        guardian=r.guardian_name,
                        first=first.guardian_name,
                    ),
                )
        pids = [r.permanent_id for r in reqs]
        if len(set(pids)) != len(pids):
            raise ValidationError("request", msg("issue.family_each_once"))
    overrides = _recheck_restricted(session, actor, reqs, override_reason, possible_match_reason)
    opts = settings.load(session)
    expires = now + timedelta(days=opts.passcode_days)
    action = Action.REISSUE if reissue else Action.ISSUE
    students, new_ids, revoked = _issue(
        session,
        actor,
        reqs,
        action=action,
        expires=expires,
        now=now,
        batch_id=batch_id,
        prehashed=prehashed,
    )
    if overrides:
        audit.append_many(
            session, actor=actor.username, workstation=actor.workstation, changes=overrides
        )
    issued_by = actor.display_name or _staff_name(session, actor.username)
    schools = {
        sc.code: sc.name
        for sc in session.scalars(
            select(School).where(School.code.in_({r.school_code for r in reqs}))
        )
    }
    groups = [list(range(len(reqs)))] if family else [[i] for i in range(len(reqs))]
    serial_of = (
        dict(
            session.execute(
                select(Passcode.id, Passcode.serial).where(Passcode.id.in_([r[0] for r in revoked]))
            ).all()
        )
        if revoked
        else {}
    )
    out = []
    for group in groups:
        head = reqs[group[0]]
        mine = {reqs[i].id for i in group}
        gone = [(pid, by) for pid, by in revoked if by in mine]
        chosen = slip_language(language, head.language, opts.slip_language)
        slip = CredentialSlip(
            language=chosen.code,
            district_name=opts.district_name,
            school_name=schools.get(head.school_code, head.school_code),
            portal_url=opts.portal_url,
            support_email=opts.support_email,
            guardian_name=head.guardian_name,
            students=tuple(students[i] for i in group),
            issued_by=issued_by,
            issued_at=now,
            workstation=actor.workstation,
            pending_sync=pending_sync,
        )
        out.append(
            Issued(
                slip,
                tuple(new_ids[i] for i in group),
                tuple(reqs[i].id for i in group),
                batch_id,
                tuple(pid for pid, _ in gone),
                tuple(serial_of[pid] for pid, _ in gone),
                chosen.tag if chosen.fallback else "",
            )
        )
    return out


def issue_passcodes(
    session: Session, actor: Actor, request_ids: Sequence[str], **kw: Any
) -> Issued:
    """Issue (or reissue) one passcode per request, all on one slip: a single student, or
    siblings at one school for one parent (a family slip). Reissue revokes each request's
    previous code first. The plaintext exists only in the returned slip; the database gets the
    argon2id hash."""
    return _issue_slips(session, actor, request_ids, family=True, **kw)[0]


def issue_separately(
    session: Session, actor: Actor, request_ids: Sequence[str], **kw: Any
) -> list[Issued]:
    """One passcode and one slip per request (a school's batch), in one set of queries."""
    return _issue_slips(session, actor, request_ids, family=False, **kw)


def log_printed(
    session: Session, actor: Actor, issued: Issued | Sequence[Issued], kind: str
) -> None:
    """After the slips were written or sent to the printer: the print log, same transaction."""
    if isinstance(issued, Issued):
        issued = [issued]
    rows = []
    for one in issued:
        for student in one.slip.students:
            rows.append(
                {
                    "id": new_id(),
                    "serial": student.serial,
                    "kind": kind,
                    "language": one.slip.language,
                    "printed_by": actor.username,
                    "workstation": actor.workstation,
                }
            )
    ids = dict(
        session.execute(
            select(Passcode.serial, Passcode.id).where(
                Passcode.serial.in_([r["serial"] for r in rows])
            )
        ).all()
    )
    for r in rows:
        r["passcode_id"] = ids[r["serial"]]
    session.execute(insert(SlipPrintLog), rows)
    # the shared database keeps the print log too: queued like every other change
    session.execute(
        insert(Outbox),
        [
            {"entity_type": "slip_print_log", "entity_id": r["id"], "action": "slip.print"}
            for r in rows
        ],
    )


def revoke_passcode(
    session: Session,
    actor: Actor,
    request_id: str,
    *,
    reason: str,
    expected_version: int | None = None,
) -> RequestView:
    actor.require(Role.APPROVER, "revoking a passcode")
    req = _load(session, actor, request_id, expected_version)
    why = clean_text(reason, "reason", max_len=500)
    _advance(req, Action.REVOKE)
    now = utcnow()
    changes = [_revoke(p, actor, why, now) for p in _active_codes(session, [req.id], now)]
    changes.append(audit.Change("request.revoke", "access_request", req.id, {"reason": why}))
    audit.record_changes(session, actor, changes)
    session.flush()
    return view(session, req)


def revoke_batch(session: Session, actor: Actor, batch_id: str, *, reason: str) -> int:
    """Cancel a lost batch as a whole: every passcode issued in it that is still unused."""
    actor.require(Role.APPROVER, "revoking a batch")
    why = clean_text(reason, "reason", max_len=500)
    codes = session.scalars(
        select(Passcode).where(Passcode.batch_id == (batch_id or "").strip())
    ).all()
    if not codes:
        raise ValidationError("batch", msg("batch.unknown", batch=batch_id))
    reqs = {
        r.id: r
        for r in session.scalars(
            select(AccessRequest).where(AccessRequest.id.in_({p.request_id for p in codes}))
        )
    }
    for r in reqs.values():
        actor.require_school(r.school_code, "revoking a batch")
    now = utcnow()
    changes: list[audit.Change] = []
    for p in codes:
        if p.revoked_at is not None or p.used_at is not None:
            continue
        changes.append(_revoke(p, actor, why, now, batch=batch_id))
        req = reqs[p.request_id]
        if req.status == RequestStatus.ISSUED.value:
            _advance(req, Action.REVOKE)
            changes.append(
                audit.Change("request.revoke", "access_request", req.id, {"reason": why})
            )
    n = sum(1 for c in changes if c.entity_type == "passcode")
    audit.record_changes(session, actor, changes)
    session.flush()
    return n
