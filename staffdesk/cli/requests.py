"""`staffdesk request add|show|verify|approve|reject`: the Parent Access Form's way through."""

from __future__ import annotations

import sys
from typing import Any

from staffdesk.cli.app import App, Commands, emit
from staffdesk.domain.messages import msg
from staffdesk.domain.workflow import DocumentKind


def request_text(v: Any) -> str:
    """A request as the office reads it: student, guardian, warnings, check, decision, codes."""
    lines = [
        f"request {v.id}  [{v.status.value}, version {v.version}]",
        f"  student   {v.permanent_id} {v.roster_name} ({v.school_name})",
        f"  guardian  {v.guardian_name} <{v.email}> {v.phone_display}",
    ]
    if v.name_mismatch:
        lines.append(f"  ! the form says {v.written_name!r}")
    if not v.paper_form_signed:
        lines.append("  ! the paper form's signature was not recorded (recorded before 0007)")
    if v.replaces_request_id:
        lines.append(f"  lost slip: issuing it revokes the code of request {v.replaces_request_id}")
    if v.restricted_match:
        lines.append(f"  ! {v.restricted_match} is a RESTRICTED contact")
    elif v.possible_match:
        lines.append(
            f"  ! close to {v.possible_match}, a RESTRICTED contact: approve with a reason"
        )
    elif not v.guardian_on_contacts:
        listed = ", ".join(c.name for c in v.contacts if not c.restricted) or "none on file"
        lines.append(f"  ! the guardian is not on the student's contact list ({listed})")
    if v.identity:
        lines.append(
            f"  identity  {v.identity.document_label}"
            + (f" ({v.identity.document_description})" if v.identity.document_description else "")
            + (f", ends {v.identity.last4}" if v.identity.last4 else "")
            + f" — verified by {v.identity.verified_by}"
        )
    if v.decision:
        lines.append(
            f"  decision  {v.decision.outcome} by {v.decision.decided_by}"
            + (f": {v.decision.reason}" if v.decision.reason else "")
            + (f" at {v.decision.workstation}" if v.decision.workstation else "")
        )
        if v.decision.not_a_contact_reason:
            lines.append(
                f"  not on the contact list, approved because: {v.decision.not_a_contact_reason}"
            )
        if v.decision.override_reason:
            lines.append(f"  restricted-contact override: {v.decision.override_reason}")
    for p in v.passcodes:
        lines.append(
            f"  passcode  {p.serial} {p.state.value}, expires {p.expires_at:%Y-%m-%d}"
            + (f", used {p.used_at:%Y-%m-%d %H:%M} by {p.used_by_account}" if p.used_at else "")
        )
    lines.append("  next      " + (", ".join(x.value for x in v.allowed) or "nothing"))
    return "\n".join(lines)


def cmd_request_add(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    form = requests.AccessForm(
        permanent_id=a.student,
        guardian_name=a.guardian,
        address=a.address,
        phone=a.phone,
        email=a.email,
        signed_on=a.signed_on,
        first_name=a.first or "",
        middle_name=a.middle or "",
        last_name=a.last or "",
        school_code=a.school or "",
        paper_form_signed=a.paper_form_signed,
        replaces_request_id=a.replaces or "",
    )
    with app.work() as s:
        rec = requests.record_request(
            s,
            app.actor(s),
            form,
            accept_name_mismatch=a.accept_name_mismatch,
            accept_duplicate=a.accept_duplicate,
        )
    for w in rec.warnings:
        print(app.say(msg("cli.warning", text=app.say(w))), file=sys.stderr)
    if a.json:
        emit(
            a,
            "",
            {
                "request": rec.request,
                "warnings": list(rec.warnings),
                "contacts": list(rec.contacts),
            },
        )
    else:
        print(request_text(rec.request))
        print(rec.request.id)
    return 0


def cmd_request_lost_slip(app: App) -> int:
    from staffdesk.services import lost_slip

    a = app.args
    with app.work() as s:
        rec = lost_slip.start_lost_slip(
            s,
            app.actor(s),
            a.student,
            guardian_name=a.guardian or "",
            paper_form_signed=a.paper_form_signed,
            signed_on=a.signed_on,
            accept_duplicate=a.accept_duplicate,
        )
    for w in rec.warnings:
        print(app.say(msg("cli.warning", text=app.say(w))), file=sys.stderr)
    if a.json:
        emit(a, "", {"request": rec.request, "warnings": list(rec.warnings)})
    else:
        print(request_text(rec.request))
        print(rec.request.id)
    return 0


def cmd_request_show(app: App) -> int:
    from staffdesk.services import requests

    with app.work() as s:
        v = requests.get_request(s, app.actor(s), app.args.request)
    emit(app.args, request_text(v), v)
    return 0


def cmd_request_verify(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    with app.work() as s:
        v = requests.verify_identity(
            s,
            app.actor(s),
            a.request,
            document_kind=a.document,
            description=a.note or "",
            last4=a.last4 or "",
        )
    emit(a, request_text(v), v)
    return 0


def cmd_request_approve(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    with app.work() as s:
        v = requests.approve(
            s,
            app.actor(s),
            a.request,
            override_reason=a.override_reason or "",
            not_a_contact_reason=a.not_a_contact_reason or "",
            possible_match_reason=a.possible_match_reason or "",
        )
    emit(a, request_text(v), v)
    return 0


def cmd_request_reject(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    with app.work() as s:
        v = requests.reject(s, app.actor(s), a.request, reason=a.reason)
    emit(a, request_text(v), v)
    return 0


def register(c: Commands) -> None:
    g = c.group("request", "Parent Access Forms")
    sp = c.leaf(g, "add", cmd_request_add, "record a Parent Access Form")
    sp.add_argument("--student", required=True, metavar="ID", help="Student Permanent ID")
    sp.add_argument("--guardian", required=True, metavar="NAME")
    sp.add_argument("--email", required=True)
    sp.add_argument("--phone", required=True)
    sp.add_argument("--address", required=True)
    sp.add_argument("--signed-on", required=True, metavar="YYYY-MM-DD")
    sp.add_argument("--first")
    sp.add_argument("--middle")
    sp.add_argument("--last")
    sp.add_argument("--school", metavar="CODE")
    sp.add_argument(
        "--accept-name-mismatch",
        action="store_true",
        help="record even though the written name differs from the roster",
    )
    sp.add_argument(
        "--paper-form-signed",
        action="store_true",
        help="the parent signed the paper form (required: an unsigned form is not recorded)",
    )
    sp.add_argument(
        "--accept-duplicate",
        action="store_true",
        help="record even though this guardian has an open request or a code for the student, "
        "or already linked a portal account",
    )
    sp.add_argument(
        "--replaces",
        metavar="REQ",
        help="a lost slip: issuing this request's code revokes the code of request REQ",
    )
    sp = c.leaf(
        g,
        "lost-slip",
        cmd_request_lost_slip,
        "record a new form from the student's last issued one (same guardian); issuing it "
        "revokes the old code",
    )
    sp.add_argument("--student", required=True, metavar="ID", help="Student Permanent ID")
    sp.add_argument("--guardian", metavar="NAME", help="whose slip (default: the last one issued)")
    sp.add_argument("--signed-on", metavar="YYYY-MM-DD", help="the new form's date (default today)")
    sp.add_argument("--paper-form-signed", action="store_true", help="the parent signed it")
    sp.add_argument("--accept-duplicate", action="store_true")
    sp = c.leaf(g, "show", cmd_request_show, "show a request")
    sp.add_argument("request")
    sp = c.leaf(g, "verify", cmd_request_verify, "record the parent's identity check")
    sp.add_argument("request")
    sp.add_argument("--document", required=True, choices=[k.value for k in DocumentKind])
    sp.add_argument("--note", help="what the document is (required for other)")
    sp.add_argument("--last4", help="last 4 characters of the document number (optional)")
    sp = c.leaf(g, "approve", cmd_request_approve, "approve a verified request")
    sp.add_argument("request")
    sp.add_argument("--override-reason", help="admin only: override a restricted-contact block")
    sp.add_argument(
        "--not-a-contact-reason",
        metavar="TEXT",
        help="why approve a guardian who is not on the student's contact list (required then)",
    )
    sp.add_argument(
        "--possible-match-reason",
        metavar="REASON",
        help="why a guardian whose name is close to a restricted contact's is someone else",
    )
    sp = c.leaf(g, "reject", cmd_request_reject, "reject a request")
    sp.add_argument("request")
    sp.add_argument("--reason", required=True)
