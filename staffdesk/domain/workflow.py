"""The access request's life as an explicit state machine, and the roles' permissions."""

from __future__ import annotations

import enum

from staffdesk.domain.errors import IllegalTransition, PermissionDenied
from staffdesk.domain.messages import Term, msg


class RequestStatus(enum.StrEnum):
    RECORDED = "recorded"
    VERIFIED = "verified"
    APPROVED = "approved"
    REJECTED = "rejected"
    ISSUED = "issued"
    REVOKED = "revoked"


class Action(enum.StrEnum):
    VERIFY = "verify identity"
    APPROVE = "approve"
    REJECT = "reject"
    ISSUE = "issue passcode"
    REISSUE = "reissue passcode"
    REVOKE = "revoke passcode"


# action -> (states it may start from, state it leads to)
TRANSITIONS: dict[Action, tuple[frozenset[RequestStatus], RequestStatus]] = {
    Action.VERIFY: (frozenset({RequestStatus.RECORDED}), RequestStatus.VERIFIED),
    Action.APPROVE: (frozenset({RequestStatus.VERIFIED}), RequestStatus.APPROVED),
    Action.REJECT: (
        frozenset({RequestStatus.RECORDED, RequestStatus.VERIFIED}),
        RequestStatus.REJECTED,
    ),
    Action.ISSUE: (frozenset({RequestStatus.APPROVED}), RequestStatus.ISSUED),
    Action.REISSUE: (
        frozenset({RequestStatus.ISSUED, RequestStatus.REVOKED}),
        RequestStatus.ISSUED,
    ),
    Action.REVOKE: (frozenset({RequestStatus.ISSUED}), RequestStatus.REVOKED),
}


def allowed_actions(status: RequestStatus) -> list[Action]:
    return [a for a, (sources, _) in TRANSITIONS.items() if status in sources]


def next_status(status: RequestStatus, action: Action) -> RequestStatus:
    """The state after `action`, or IllegalTransition saying what is allowed next."""
    sources, target = TRANSITIONS[action]
    if status not in sources:
        allowed = [Term("action", a.value) for a in allowed_actions(status)]
        raise IllegalTransition(
            msg(
                "request.illegal_transition",
                action=Term("action", action.value),
                status=Term("request_state", status.value),
                allowed=allowed or msg("request.final_state"),
            )
        )
    return target


class Role(enum.StrEnum):
    CLERK = "clerk"
    APPROVER = "approver"
    ADMIN = "admin"


_RANK = {Role.CLERK: 0, Role.APPROVER: 1, Role.ADMIN: 2}


def person_of(username: str) -> str:
    """The person behind a staff identity, for the two-person rule: the account name without
    its directory domain, lower-case. A local account `jdoe` and the directory account
    `DISTRICT\\jdoe` are taken for one person (docs/directory.md), so neither can be the second
    pair of eyes on what the other did."""
    return (username or "").rpartition("\\")[2].strip().lower()


def same_person(a: str, b: str) -> bool:
    return bool(person_of(a)) and person_of(a) == person_of(b)


def require_role(role: Role, needed: Role, what: str) -> None:
    if _RANK[role] < _RANK[needed]:
        raise PermissionDenied(
            msg(
                "permission.role",
                what=Term("doing", what),
                needed=Term("role", needed.value),
                role=Term("role", role.value),
            )
        )


class DocumentKind(enum.StrEnum):
    CA_ID = "ca-id"
    DRIVERS_LICENCE = "drivers-licence"
    PASSPORT = "passport"
    OTHER = "other"


DOCUMENT_LABELS = {
    DocumentKind.CA_ID: "CA ID card",
    DocumentKind.DRIVERS_LICENCE: "Driver's licence",
    DocumentKind.PASSPORT: "Passport",
    DocumentKind.OTHER: "Other ID",
}


class PasscodeState(enum.StrEnum):
    ACTIVE = "active"
    USED = "used"
    EXPIRED = "expired"
    REVOKED = "revoked"
    LOCKED = "locked"
