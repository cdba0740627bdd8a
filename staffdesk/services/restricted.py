"""Is this guardian one of the student's contacts, a restricted one, or close to a restricted one?

Names are compared on domain.names.match_key (case, Latin accents, invisible and confusable
characters and middle initials folded away), so "Jоhn Q. Lopez" with a Cyrillic "о" is the
restricted "John Lopez". A guardian whose key equals a restricted contact's is blocked (an admin
may override with a reason); one whose name is only near a restricted contact's (Marcos for
Marco) is shown to the approver to acknowledge, unless the guardian is an allowed contact of the
student in their own right. Checked at intake, approval and at every issue of a code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from staffdesk.domain.names import match_key, near
from staffdesk.store.models import StudentContact


@dataclass(frozen=True, slots=True)
class GuardianMatch:
    on_list: bool  # the guardian's key is one of the student's contacts'
    restricted: str  # the restricted contact the guardian *is* (same key), or ""
    possible: str  # a restricted contact the guardian may be (near), or ""


def _match(contacts: Sequence[StudentContact], guardian: str) -> GuardianMatch:
    key = match_key(guardian)
    on_list = allowed_self = False
    restricted = possible = ""
    for c in contacts:
        same = match_key(c.contact_name) == key
        if same:
            on_list = True
            if c.portal_access == "restricted":
                restricted = restricted or c.contact_name
            else:
                allowed_self = True
        elif c.portal_access == "restricted" and not possible and near(guardian, c.contact_name):
            possible = c.contact_name
    if allowed_self or restricted:
        possible = ""
    return GuardianMatch(on_list, restricted, possible)


def match_guardians(session: Session, pairs: Sequence[tuple[str, str]]) -> list[GuardianMatch]:
    """For each (permanent id, guardian name): how the guardian stands, in one query."""
    pids = sorted({pid for pid, _ in pairs})
    by_student: dict[str, list[StudentContact]] = defaultdict(list)
    for i in range(0, len(pids), 1000):
        for c in session.scalars(
            select(StudentContact).where(StudentContact.permanent_id.in_(pids[i : i + 1000]))
        ):
            by_student[c.permanent_id].append(c)
    return [_match(by_student.get(pid, []), guardian) for pid, guardian in pairs]


def match_guardian(session: Session, permanent_id: str, guardian: str) -> GuardianMatch:
    return match_guardians(session, [(permanent_id, guardian)])[0]
