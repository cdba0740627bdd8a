"""Helpers that walk a request through the workflow, for tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from staffdesk.services import requests
from staffdesk.services.context import Actor

TODAY = date.today().isoformat()


def form(
    pid: str = "1000001", guardian: str = "Ana Núñez", **kw: str | bool
) -> requests.AccessForm:
    base: dict[str, str | bool] = dict(
        permanent_id=pid,
        guardian_name=guardian,
        address="12 Harbor Way, Bayside, CA",
        phone="(415) 555-0101",
        email="ana@example.org",
        signed_on=TODAY,
        paper_form_signed=True,
    )
    base.update(kw)
    return requests.AccessForm(**base)  # type: ignore[arg-type]


def approved(
    s: Session, clerk: Actor, approver: Actor, pid: str = "1000001", guardian: str = "Ana Núñez"
) -> str:
    rid = requests.record_request(s, clerk, form(pid, guardian)).request.id
    requests.verify_identity(s, clerk, rid, document_kind="ca-id", last4="1234")
    requests.approve(s, approver, rid)
    return rid


def issued(
    s: Session, clerk: Actor, approver: Actor, pid: str = "1000001", guardian: str = "Ana Núñez"
) -> tuple[str, str]:
    """(request id, plaintext VPC as printed)."""
    rid = approved(s, clerk, approver, pid, guardian)
    out = requests.issue_passcodes(s, clerk, [rid])
    return rid, out.slip.students[0].vpc_grouped
