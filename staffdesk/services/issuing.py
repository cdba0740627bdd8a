"""Issuing passcodes: issue, reissue (the old code revoked), a family slip, a batch's codes,
the print log, and revoking a code or a batch. The plaintext VPC leaves only inside the
returned slip content, exactly once; the store keeps the argon2id hash."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from staffdesk.domain.errors import (
    PermissionDenied,
    PossibleRestrictedMatch,
    RestrictedContact,
    ValidationError,
)
from staffdesk.domain.messages import Join, msg
from staffdesk.domain.names import match_key
from staffdesk.domain.values import Phone, clean_text
from staffdesk.domain.vpc import ALPHABET, Vpc
from staffdesk.domain.workflow import (
    Action,
    RequestStatus,
    Role,
    next_status,
)
from staffdesk.services import audit, settings
from staffdesk.services import restricted as restricted_contacts
from staffdesk.services.context import Actor, utcnow
from staffdesk.services.hashing import hash_many
from staffdesk.services.request_views import (
    Issued,
    RequestView,
    _advance,
    _load,
    _load_many,
    _staff_name,
    full_name,
    view,
)
from staffdesk.slips.content import CredentialSlip, SlipStudent
from staffdesk.slips.languages import (
    LanguageMatch,
    match_language,
    shipped_code,
)
from staffdesk.slips.render import MAX_STUDENTS_PER_SLIP
from staffdesk.slips.texts import available_languages
from staffdesk.store.models import (
    AccessRequest,
    Decision,
    Outbox,
    Passcode,
    School,
    SlipPrintLog,
    Student,
    new_id,
)


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
