"""The Parent Access Form from intake to a decision: record, verify, approve or reject (issuing
its passcode is services/issuing.py; what these return, services/request_views.py).

Each function is one user action: it takes the caller's session (the caller commits) and returns
plain dataclasses. Every state change writes its audit event and outbox entry in the same
transaction. The plaintext VPC leaves only inside the returned slip content, exactly once.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from staffdesk.domain.errors import (
    PermissionDenied,
    PossibleRestrictedMatch,
    RestrictedContact,
    ValidationError,
)
from staffdesk.domain.messages import Message, Term, msg
from staffdesk.domain.names import match_key, search_key
from staffdesk.domain.values import Email, PermanentId, Phone, clean_text
from staffdesk.domain.workflow import (
    Action,
    DocumentKind,
    RequestStatus,
    Role,
    next_status,
    same_person,
)
from staffdesk.services import audit, duplicates, settings
from staffdesk.services.context import Actor, utcnow
from staffdesk.services.issuing import (
    _acknowledged_note,
    issue_passcodes,
    issue_separately,
    log_printed,
    new_serial,
    revoke_batch,
    revoke_passcode,
    slip_language,
)
from staffdesk.services.request_views import (
    AccessForm,
    DecisionView,
    IdentityView,
    Issued,
    ListedContact,
    PasscodeView,
    Recorded,
    RequestView,
    _advance,
    _contact_match,
    _load,
    _names,
    full_name,
    get_request,
    passcode_view,
    view,
)
from staffdesk.slips.languages import (
    canonical_tag,
    is_language_tag,
)
from staffdesk.store.models import (
    AccessRequest,
    Decision,
    IdentityCheck,
    Student,
    new_id,
)

# the views (request_views.py) and the issuing use cases (issuing.py) live in their own
# modules; callers keep naming them from here
__all__ = [
    "AccessForm",
    "DecisionView",
    "IdentityView",
    "Issued",
    "ListedContact",
    "PasscodeView",
    "Recorded",
    "RequestView",
    "full_name",
    "get_request",
    "issue_passcodes",
    "issue_separately",
    "log_printed",
    "new_serial",
    "passcode_view",
    "revoke_batch",
    "revoke_passcode",
    "slip_language",
    "view",
]


class NameMismatch(ValidationError):
    """The name written on the form differs from the roster; shown with both, needs a confirm."""


# every sentence of intake and decision is catalogued (domain/catalogue.py, "intake.*" and
# "decision.*"); the messages below are the ones other modules and tests name
MSG_UNSIGNED = msg("intake.unsigned")


def _confirmed(field: str, what: str, actor: Actor) -> Message:
    """A notice that staff confirmed something at intake (a name mismatch, a duplicate)."""
    detail = msg("intake.confirmed_by", what=what, user=actor.username)
    return msg("errors.field", field=Term("field", field), detail=detail)


def _warning(code: str, **params: Any) -> Message:
    """A notice about the guardian that intake returns with the recorded request."""
    return msg("errors.field", field=Term("field", "guardian_name"), detail=msg(code, **params))


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
