"""Staff accounts and sign-in."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from staffdesk.domain.errors import AuthenticationFailed, PermissionDenied, ValidationError
from staffdesk.domain.values import clean_text
from staffdesk.domain.workflow import Role
from staffdesk.services import audit, directory
from staffdesk.services.context import Actor, current_workstation
from staffdesk.services.hashing import hash_secret, verify_secret
from staffdesk.store.models import School, StaffSchool, StaffUser

_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 8
_SIGN_IN_REFUSED = "wrong username or password, or the account is disabled"


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the username is unknown, so timing does not tell names apart
    (made on first use: hashing costs a fifth of a second nobody should pay at import)."""
    return hash_secret("not-a-real-password")


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
        raise PermissionDenied("adding staff needs an admin to sign in (--as USER)")
    if actor is not None:
        actor.require(Role.ADMIN, "adding staff")
    username = (username or "").strip().lower()
    if not _USERNAME.match(username):
        raise ValidationError(
            "username",
            "expected 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter",
        )
    try:
        role_ = Role(role)
    except ValueError:
        raise ValidationError("role", "expected one of: clerk, approver, admin") from None
    if first and role_ is not Role.ADMIN:
        raise ValidationError("role", "the first account of a new database must be an admin")
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError("password", f"must be at least {MIN_PASSWORD} characters")
    if session.scalar(select(StaffUser.id).where(StaffUser.username == username)):
        raise ValidationError("username", f"{username!r} is already taken")
    codes = sorted({c.strip().upper() for c in (schools or []) if c.strip()})
    if role_ is not Role.ADMIN and not codes:
        raise ValidationError("school", f"a {role_.value} must be assigned at least one school")
    known = set(session.scalars(select(School.code).where(School.code.in_(codes))).all())
    missing = [c for c in codes if c not in known]
    if missing:
        raise ValidationError("school", f"unknown school code(s): {', '.join(missing)}")
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


def authenticate(
    session: Session, username: str, password: str, workstation: str | None = None
) -> Actor:
    """Check a password; the refusal never says whether the name or the password was wrong.

    With directory sign-in configured, a name that is no local account (any name, when the site
    keeps no local accounts) is checked by the directory instead, with the same refusal.
    """
    user = session.scalar(
        select(StaffUser).where(StaffUser.username == (username or "").strip().lower())
    )
    site = directory.settings()
    if site is not None and (user is None or not site.local_accounts):
        signed_in = directory.sign_in(
            site, username, password, workstation or current_workstation()
        )
        if signed_in is None:
            raise AuthenticationFailed(_SIGN_IN_REFUSED)
        return signed_in
    if user is None:
        verify_secret(_dummy_hash(), password or "")
        raise AuthenticationFailed(_SIGN_IN_REFUSED)
    if not verify_secret(user.password_hash, password or "") or not user.active:
        raise AuthenticationFailed(_SIGN_IN_REFUSED)
    view = _view(session, user)
    return Actor(
        username=user.username,
        display_name=user.display_name,
        role=view.role,
        schools=frozenset(view.schools),
        workstation=workstation or current_workstation(),
    )


def list_staff(session: Session, actor: Actor) -> list[StaffView]:
    actor.require(Role.ADMIN, "listing staff")
    users = session.scalars(select(StaffUser).order_by(StaffUser.username)).all()
    return [_view(session, u) for u in users]


def set_active(session: Session, actor: Actor, username: str, active: bool) -> StaffView:
    actor.require(Role.ADMIN, "enabling or disabling staff")
    user = session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        raise ValidationError("username", f"no staff account {username!r}")
    if user.username == actor.username and not active:
        raise ValidationError("username", "you cannot disable your own account")
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
        raise ValidationError("school", f"unknown school code {code!r}")
    school.name = clean_text(name, "school name")
    audit.record_change(
        session, actor, "school.rename", "school", school.code, {"name": school.name}
    )
