"""Who is acting, from where, and when: passed into every use case."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from staffdesk.domain.errors import PermissionDenied
from staffdesk.domain.messages import Term, msg
from staffdesk.domain.workflow import Role, require_role


def current_workstation() -> str:
    """This desk's name: the site file's, else STAFFDESK_WORKSTATION or the user's, else the
    computer's name (staffdesk.config)."""
    from staffdesk import config

    return config.get(config.WORKSTATION)


def slips_folder() -> Path:
    """Where "Save as PDF…" starts: a folder only this user may enter, since a slip holds a
    passcode (under the store's own owner-only data folder)."""
    from staffdesk.private import private_dir
    from staffdesk.store.db import data_dir

    return private_dir(data_dir() / "slips")


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Actor:
    """A signed-in staff member. Admins have `schools` empty and see the whole district."""

    username: str
    display_name: str
    role: Role
    schools: frozenset[str] = field(default_factory=frozenset)
    workstation: str = field(default_factory=current_workstation)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def require(self, role: Role, what: str) -> None:
        require_role(self.role, role, what)

    def can_see_school(self, school_code: str) -> bool:
        return self.is_admin or school_code in self.schools

    def require_school(self, school_code: str, what: str) -> None:
        if not self.can_see_school(school_code):
            raise PermissionDenied(
                msg(
                    "permission.school",
                    what=Term("doing", what),
                    school=school_code,
                    mine=", ".join(sorted(self.schools)) or msg("permission.no_schools"),
                )
            )
