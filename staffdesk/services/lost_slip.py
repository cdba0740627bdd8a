"""Lost slip from the front desk: a new form prefilled from the student's last issued request
(same guardian). It goes through the ID check and approval like any form; issuing it revokes the
old code (issuing._revoke_replaced), and the result names the serial that stopped working.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import Term, msg
from staffdesk.domain.values import PermanentId
from staffdesk.domain.workflow import RequestStatus
from staffdesk.services import duplicates, requests
from staffdesk.services.context import Actor, utcnow
from staffdesk.store.models import AccessRequest, Passcode


@dataclass(frozen=True, slots=True)
class LostSlipDraft:
    """The form to show prefilled. The parent signs a new paper form, so `paper_form_signed`
    starts false and the date is today's."""

    form: requests.AccessForm
    replaces: requests.RequestView
    old_serial: str  # the code issuing the new request will revoke ("" if none works any more)


def lost_slip_form(
    session: Session, actor: Actor, permanent_id: str, *, guardian_name: str = ""
) -> LostSlipDraft:
    """Prefill a lost slip's form from the student's newest issued (or revoked) request, of
    `guardian_name` when given."""
    pid = PermanentId.parse(permanent_id, "permanent_id").value
    key = duplicates.guardian_key(guardian_name) if guardian_name.strip() else ""
    mine = [
        r
        for r in session.scalars(
            select(AccessRequest)
            .where(AccessRequest.permanent_id == pid)
            .order_by(AccessRequest.recorded_at.desc())
        )
        if actor.can_see_school(r.school_code)
        and (not key or duplicates.guardian_key(r.guardian_name) == key)
    ]
    last = next(
        (r for r in mine if r.status in (RequestStatus.ISSUED.value, RequestStatus.REVOKED.value)),
        None,
    )
    if last is None:
        none = (
            msg("lost_slip.none_to", pid=pid, guardian=guardian_name.strip())
            if key
            else msg("lost_slip.none", pid=pid)
        )
        raise ValidationError("permanent_id", none)
    newer_open = next((r for r in mine if r.status in duplicates.OPEN), None)
    if newer_open is not None and duplicates.guardian_key(
        newer_open.guardian_name
    ) == duplicates.guardian_key(last.guardian_name):
        raise ValidationError(
            "permanent_id",
            msg(
                "lost_slip.open",
                rid=newer_open.id,
                guardian=newer_open.guardian_name,
                status=Term("request_state", newer_open.status),
            ),
        )
    now = utcnow()
    code = session.scalars(
        select(Passcode)
        .where(
            Passcode.request_id == last.id,
            Passcode.used_at.is_(None),
            Passcode.revoked_at.is_(None),
            Passcode.expires_at > now,
        )
        .order_by(Passcode.issued_at.desc())
    ).first()
    form = requests.AccessForm(
        permanent_id=pid,
        guardian_name=last.guardian_name,
        address=last.address,
        phone=last.phone,
        email=last.email,
        signed_on=now.date(),
        first_name=last.student_first_name,
        middle_name=last.student_middle_name,
        last_name=last.student_last_name,
        school_code=last.school_code,
        language=last.language,
        paper_form_signed=False,
        replaces_request_id=last.id,
    )
    return LostSlipDraft(form, requests.view(session, last), code.serial if code else "")


def start_lost_slip(
    session: Session,
    actor: Actor,
    permanent_id: str,
    *,
    guardian_name: str = "",
    paper_form_signed: bool,
    signed_on: date | str | None = None,
    accept_duplicate: bool = False,
) -> requests.Recorded:
    """Record the prefilled form as it is (the parent confirmed every field and signed)."""
    draft = lost_slip_form(session, actor, permanent_id, guardian_name=guardian_name)
    form = replace(
        draft.form,
        paper_form_signed=paper_form_signed,
        signed_on=signed_on if signed_on is not None else draft.form.signed_on,
    )
    rec = requests.record_request(
        session, actor, form, accept_name_mismatch=True, accept_duplicate=accept_duplicate
    )
    note = (
        msg("lost_slip.will_revoke", serial=draft.old_serial, rid=draft.replaces.id)
        if draft.old_serial
        else msg("lost_slip.nothing_to_revoke", rid=draft.replaces.id)
    )
    return replace(rec, warnings=(*rec.warnings, note))
