"""The two-person rule at one counter: an approver approves at the clerk's desk by typing their
own username and password, without signing the clerk out.

The approver is authenticated inside the same unit of work (services/staff.authenticate, so its
sign-in throttling and audit apply) and the decision is theirs, from the desk's workstation, under
every rule `approve` enforces: the approver role and school, not the ID checker, restricted
contacts, a reason for a guardian who is not on the contact list or whose name is close to a
restricted contact's.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from staffdesk.services import requests, staff
from staffdesk.services.context import Actor


@dataclass(frozen=True, slots=True)
class Countersigned:
    request: requests.RequestView
    approver: str  # the approver's username: the decision is theirs
    approver_name: str
    desk_user: str  # who stays signed in at the desk


def countersign_approve(
    session: Session,
    desk: Actor,
    request_id: str,
    *,
    username: str,
    password: str,
    not_a_contact_reason: str = "",
    override_reason: str = "",
    possible_match_reason: str = "",
    expected_version: int | None = None,
) -> Countersigned:
    """Approve `request_id` as `username`, at the workstation where `desk` is signed in.
    A wrong password is AuthenticationFailed (the same refusal as at sign-in); the desk's own
    sign-in is untouched either way."""
    approver = staff.authenticate(session, username, password, workstation=desk.workstation)
    view = requests.approve(
        session,
        approver,
        request_id,
        override_reason=override_reason,
        not_a_contact_reason=not_a_contact_reason,
        possible_match_reason=possible_match_reason,
        expected_version=expected_version,
        at_desk_of=desk.username,
    )
    return Countersigned(view, approver.username, approver.display_name, desk.username)
