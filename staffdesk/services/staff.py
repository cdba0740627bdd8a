"""Staff accounts and sign-in."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from staffdesk.domain.errors import (
    AuthenticationFailed,
    PermissionDenied,
    SignInThrottled,
    ValidationError,
)
from staffdesk.domain.messages import Term, msg
from staffdesk.domain.passcode import SIGN_IN
from staffdesk.domain.values import clean_text
from staffdesk.domain.workflow import Role
from staffdesk.services import audit, directory, throttle
from staffdesk.services.context import Actor, current_workstation, utcnow
from staffdesk.services.hashing import dummy_verify, hash_secret, verify_secret
from staffdesk.store.models import School, SignInThrottle, StaffSchool, StaffUser

_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 8
_SIGN_IN_REFUSED = msg("sign_in.refused")
ACCOUNT = "account"
WORKSTATION = "workstation"


@dataclass(frozen=True, slots=True)
class StaffView:
    username: str
    display_name: str
    role: Role
    schools: tuple[str, ...]
    active: bool


def _view(session: Session, user: StaffUser) -> StaffView:
    schools = session.scalars(
        select(StaffSchool.school_code).where(StaffSchool.staff_id == user.id)
    ).all()
    return StaffView(
        user.username, user.display_name, Role(user.role), tuple(sorted(schools)), user.active
    )


def staff_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(StaffUser)) or 0


def add_staff(
    session: Session,
    actor: Actor | None,
    *,
    username: str,
    role: str,
    password: str,
    display_name: str = "",
    schools: list[str] | None = None,
) -> StaffView:
    """Only an admin adds staff, except the very first account, which must be an admin."""
    first = staff_count(session) == 0
    if actor is None and not first:
        raise PermissionDenied(msg("staff.add_needs_admin"))
    if actor is not None:
        actor.require(Role.ADMIN, "adding staff")
    username = (username or "").strip().lower()
    if not _USERNAME.match(username):
        raise ValidationError("username", msg("staff.username_format"))
    try:
        role_ = Role(role)
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise ValidationError("role", msg("expected.one_of", choices=roles)) from None
    if first and role_ is not Role.ADMIN:
        raise ValidationError("role", msg("staff.first_admin"))
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError("password", msg("staff.password_short", least=MIN_PASSWORD))
    if session.scalar(select(StaffUser.id).where(StaffUser.username == username)):
        raise ValidationError("username", msg("staff.username_taken", username=username))
    codes = sorted({c.strip().upper() for c in (schools or []) if c.strip()})
    if role_ is not Role.ADMIN and not codes:
        raise ValidationError("school", msg("staff.needs_school", role=Term("role", role_.value)))
    known = set(session.scalars(select(School.code).where(School.code.in_(codes))).all())
    missing = [c for c in codes if c not in known]
    if missing:
        raise ValidationError("school", msg("staff.unknown_schools", codes=", ".join(missing)))
    name = clean_text(display_name or username, "display name")
    user = StaffUser(
        username=username, display_name=name, role=role_.value, password_hash=hash_secret(password)
    )
    session.add(user)
    session.flush()
    for code in codes:
        session.add(StaffSchool(staff_id=user.id, school_code=code))
    who = actor or Actor(username, name, role_)
    audit.record_change(
        session,
        who,
        "staff.add",
        "staff_user",
        user.id,
        {"username": username, "role": role_.value, "schools": codes},
    )
    return _view(session, user)


def _digest(text: str) -> str:
    """Throttle keys: whatever was typed as a user name (a password, sometimes) is not kept."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def authenticate(
    session: Session, username: str, password: str, workstation: str | None = None
) -> Actor:
    """Check a password; the refusal never says whether the name or the password was wrong.

    With directory sign-in configured, a name that is no local account (any name, when the site
    keeps no local accounts) is checked by the directory instead, with the same refusal.
    Failed sign-ins are counted per account and per workstation (domain.passcode.SIGN_IN): past
    the limit every sign-in there waits out the window, account known or not. Every failure is
    an audit event, committed before the refusal is raised so the caller's rollback keeps it.
    """
    ws = workstation or current_workstation()
    name = (username or "").strip().lower()
    site = directory.settings()
    keys = {ACCOUNT: _digest(_canonical(site, name)), WORKSTATION: _digest(ws)}
    now = utcnow()
    windows = session.scalars(
        select(SignInThrottle).where(
            or_(
                *(and_(SignInThrottle.scope == k, SignInThrottle.key == v) for k, v in keys.items())
            )
        )
    ).all()
    wait = max(
        (
            SIGN_IN.wait(w.window_start, now)
            for w in windows
            if SIGN_IN.is_full(w.failures, w.window_start, now)
        ),
        default=0,
    )
    user = session.scalar(select(StaffUser).where(StaffUser.username == name))
    if wait:
        dummy_verify(password or "")
        _record_failure(session, user, name, keys, ws, "throttled", count=False)
        minutes = msg("time.minute" if wait == 1 else "time.minutes", n=wait)
        raise SignInThrottled(msg("sign_in.throttled", minutes=minutes), wait)
    if site is not None and (user is None or not site.local_accounts):
        signed_in = directory.sign_in(site, username, password, ws)
        if signed_in is None:
            _record_failure(session, user, name, keys, ws, "directory")
            raise AuthenticationFailed(_SIGN_IN_REFUSED)
        _clear_account(session, keys[ACCOUNT])
        return signed_in
    if user is None:
        dummy_verify(password or "")
        _record_failure(session, None, name, keys, ws, "unknown user")
        raise AuthenticationFailed(_SIGN_IN_REFUSED)
    if not verify_secret(user.password_hash, password or "") or not user.active:
        reason = "inactive" if user.active is False else "password"
        _record_failure(session, user, name, keys, ws, reason)
        raise AuthenticationFailed(_SIGN_IN_REFUSED)
    _clear_account(session, keys[ACCOUNT])
    view = _view(session, user)
    return Actor(
        username=user.username,
        display_name=user.display_name,
        role=view.role,
        schools=frozenset(view.schools),
        workstation=ws,
    )


def _clear_account(session: Session, key: str) -> None:
    """A right password clears the account's window; the workstation's runs its course."""
    session.execute(
        update(SignInThrottle)
        .where(SignInThrottle.scope == ACCOUNT, SignInThrottle.key == key)
        .values(failures=0)
    )


def _canonical(site: directory.DirectorySettings | None, name: str) -> str:
    """The account a typed name counts against: with directory sign-in, `DOMAIN\\account` for
    `jdoe`, `JDOE` and `district\\jdoe` alike — and for the local account `jdoe` too, the same
    person by the two-person rule's reckoning — so another spelling never buys more tries."""
    if site is not None:
        account = site.account_of(name)
        if account is not None:
            return site.identity(account)
    return name


def _record_failure(
    session: Session,
    user: StaffUser | None,
    typed: str,
    keys: dict[str, str],
    ws: str,
    reason: str,
    count: bool = True,
) -> None:
    now = utcnow()
    if count:
        for scope, key in keys.items():
            throttle.count(session, SignInThrottle, scope, key, 1, SIGN_IN, now)
    audit.append(
        session,
        actor=user.username if user else "?",  # an unknown name may be a password: not kept
        workstation=ws,
        action="staff.signin_failed",
        entity_type="staff_user",
        entity_id=user.id if user else "?",
        details={"reason": reason} if user else {"reason": reason, "typed_length": len(typed)},
        at=now,
    )
    session.commit()


def list_staff(session: Session, actor: Actor) -> list[StaffView]:
    actor.require(Role.ADMIN, "listing staff")
    users = session.scalars(select(StaffUser).order_by(StaffUser.username)).all()
    return [_view(session, u) for u in users]


def set_active(session: Session, actor: Actor, username: str, active: bool) -> StaffView:
    actor.require(Role.ADMIN, "enabling or disabling staff")
    user = session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        raise ValidationError("username", msg("staff.unknown", username=username))
    if user.username == actor.username and not active:
        raise ValidationError("username", msg("staff.disable_self"))
    user.active = active
    audit.record_change(
        session,
        actor,
        "staff.enable" if active else "staff.disable",
        "staff_user",
        user.id,
        {"username": username},
    )
    return _view(session, user)


def rename_school(session: Session, actor: Actor, code: str, name: str) -> None:
    actor.require(Role.ADMIN, "renaming a school")
    school = session.get(School, code.strip().upper())
    if school is None:
        raise ValidationError("school", msg("school.unknown", code=code))
    school.name = clean_text(name, "school name")
    audit.record_change(
        session, actor, "school.rename", "school", school.code, {"name": school.name}
    )
