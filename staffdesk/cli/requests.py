"""`staffdesk request add|show|verify|approve|reject`: the Parent Access Form's way through."""

from __future__ import annotations

import sys
from typing import Any

from staffdesk.cli.app import App, Commands, emit


def request_text(v: Any) -> str:
    """A request as the office reads it: student, guardian, warnings, check, decision, codes."""
    lines = [
        f"request {v.id}  [{v.status.value}, version {v.version}]",
        f"  student   {v.permanent_id} {v.roster_name} ({v.school_name})",
        f"  guardian  {v.guardian_name} <{v.email}> {v.phone_display}",
    ]
    if v.name_mismatch:
        lines.append(f"  ! the form says {v.written_name!r}")
    if v.restricted_match:
        lines.append(f"  ! {v.restricted_match} is a RESTRICTED contact")
    elif not v.guardian_on_contacts:
        lines.append("  ! the guardian is not on the student's contact list")
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
        )
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
    )
    with app.work() as s:
        rec = requests.record_request(
            s, app.actor(s), form, accept_name_mismatch=a.accept_name_mismatch
        )
    for w in rec.warnings:
        print(f"warning: {w}", file=sys.stderr)
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
        v = requests.approve(s, app.actor(s), a.request, override_reason=a.override_reason or "")
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
    sp = c.leaf(g, "show", cmd_request_show, "show a request")
    sp.add_argument("request")
    sp = c.leaf(g, "verify", cmd_request_verify, "record the parent's identity check")
    sp.add_argument("request")
    sp.add_argument(
        "--document", required=True, choices=["ca-id", "drivers-licence", "passport", "other"]
    )
    sp.add_argument("--note", help="what the document is (required for other)")
    sp.add_argument("--last4", help="last 4 characters of the document number (optional)")
    sp = c.leaf(g, "approve", cmd_request_approve, "approve a verified request")
    sp.add_argument("request")
    sp.add_argument("--override-reason", help="admin only: override a restricted-contact block")
    sp = c.leaf(g, "reject", cmd_request_reject, "reject a request")
    sp.add_argument("request")
    sp.add_argument("--reason", required=True)
