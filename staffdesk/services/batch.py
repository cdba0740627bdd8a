"""Start-of-year batch: issue a passcode for every approved request at a school and print them.

All-or-nothing, in the caller's one transaction: codes are generated and hashed on every core,
passcodes created, every slip rendered, and only then does the caller commit. A failure or a
cancel before the commit leaves no passcode issued; the PDF is written by the caller and removed
when the commit fails, so no issued passcode is ever without its page.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from staffdesk.domain.errors import PrintFailed, ValidationError
from staffdesk.domain.messages import msg
from staffdesk.domain.vpc import Vpc
from staffdesk.domain.workflow import RequestStatus, Role
from staffdesk.services import audit
from staffdesk.services.context import Actor, utcnow
from staffdesk.services.hashing import HASHER
from staffdesk.services.issuing import issue_separately, log_printed
from staffdesk.store.models import AccessRequest, Passcode, School, Student, new_id

Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass(frozen=True, slots=True)
class BatchResult:
    batch_id: str
    school_code: str
    issued: int
    pages: int
    # Roster language tags no shipped language matched, with how many slips each: those slips
    # were printed in English.
    language_fallbacks: tuple[tuple[str, int], ...] = ()

    def __repr__(self) -> str:
        return f"BatchResult({self.batch_id}, issued={self.issued})"


def _grade_key(grade: str) -> tuple[int, str]:
    g = grade.strip().upper()
    if g in ("TK", "PK"):
        return (-2, g)
    if g == "K":
        return (-1, g)
    return (int(g), g) if g.isdigit() else (99, g)


def candidates(
    session: Session, actor: Actor, school_code: str, grade: str | None = None
) -> list[str]:
    """Approved requests at the school with no active passcode, by grade then last name."""
    code = school_code.strip().upper()
    if session.get(School, code) is None:
        raise ValidationError("school", msg("school.unknown", code=school_code))
    actor.require_school(code, "batch printing")
    stmt = (
        select(AccessRequest.id, Student.grade, Student.last_name, Student.first_name)
        .join(Student, Student.permanent_id == AccessRequest.permanent_id)
        .where(AccessRequest.school_code == code)
        .where(AccessRequest.status == RequestStatus.APPROVED.value)
    )
    if grade:
        stmt = stmt.where(Student.grade == grade.strip().upper())
    now = utcnow()
    active = set(
        session.scalars(
            select(Passcode.request_id).where(
                Passcode.revoked_at.is_(None),
                Passcode.used_at.is_(None),
                Passcode.expires_at > now,
            )
        )
    )
    rows = [r for r in session.execute(stmt) if r[0] not in active]
    rows.sort(key=lambda r: (_grade_key(r[1]), r[2].casefold(), r[3].casefold()))
    return [r[0] for r in rows]


def _hash_all(
    codes: list[Vpc], progress: Progress | None, cancelled: Callable[[], bool] | None
) -> list[str]:
    total = len(codes)
    out: list[str] = []
    workers = os.cpu_count() or 1
    step = max(workers * 8, 32)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for i in range(0, total, step):
            if cancelled and cancelled():
                raise PrintFailed(msg("batch.cancelled_preparing"))
            out.extend(pool.map(HASHER.hash, [c.symbols for c in codes[i : i + step]]))
            if progress:
                progress("hash", len(out), total)
    return out


def issue_batch(
    session: Session,
    actor: Actor,
    school_code: str,
    out: BinaryIO,
    *,
    grade: str | None = None,
    language: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    pending_sync: bool = False,
    possible_match_reason: str = "",
) -> BatchResult:
    """Issue and render the whole batch into `out`; the caller commits (or rolls back).
    `possible_match_reason`: the approver's acknowledgement of the near matches with restricted
    contacts that approvals did not acknowledge (services.issuing re-checks at every issue)."""
    from staffdesk.slips.render import render_slips

    actor.require(Role.APPROVER, "batch printing a school's slips")
    ids = candidates(session, actor, school_code, grade)
    if not ids:
        raise ValidationError(
            "school",
            msg("batch.nothing_in_grade", school=school_code.upper(), grade=grade)
            if grade
            else msg("batch.nothing", school=school_code.upper()),
        )
    batch_id = new_id()
    codes = [Vpc.generate() for _ in ids]
    hashes = _hash_all(codes, progress, cancelled)
    if cancelled and cancelled():
        raise PrintFailed(msg("batch.cancelled"))
    issued = issue_separately(
        session,
        actor,
        ids,
        language=language,
        batch_id=batch_id,
        prehashed=list(zip(codes, hashes, strict=True)),
        pending_sync=pending_sync,
        possible_match_reason=possible_match_reason,
    )
    if progress:
        progress("issue", len(ids), len(ids))
    pages = render_slips(
        [one.slip for one in issued],
        out,
        progress=(lambda d, t: progress("render", d, t)) if progress else None,
        cancelled=cancelled,
    )
    log_printed(session, actor, issued, "batch")
    audit.record_change(
        session,
        actor,
        "slips.batch",
        "batch",
        batch_id,
        {"school": school_code.upper(), "grade": grade or "", "issued": len(ids)},
    )
    session.flush()
    fallbacks = Counter(one.language_fallback for one in issued if one.language_fallback)
    return BatchResult(
        batch_id, school_code.upper(), len(ids), pages, tuple(sorted(fallbacks.items()))
    )
