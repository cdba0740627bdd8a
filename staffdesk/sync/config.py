"""Where this workstation's shared database is: the `shared_db_url` setting (staffdesk.config),
never holding the password, which is in the OS keyring (staffdesk.sync.secrets).

IT may fix the URL for every desk in the site config file; otherwise `staffdesk connect` (or the
settings dialog) writes it to the user's file. The shared `setting` table is not used for this:
the shared database cannot tell you how to reach the shared database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from staffdesk import config as settings
from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import msg
from staffdesk.services import delivery

APP = settings.APP
password_of = settings.password_of
issues_pending_sync = delivery.issues_pending_sync  # the rule lives with the deliver-slips use case


def config_dir() -> Path:
    return settings.user_dir()


def config_path() -> Path:
    """The user's settings file, where `staffdesk connect` records the shared database."""
    return settings.user_path()


def parse_url(url: str) -> str:
    """Check a shared-database URL names PostgreSQL or MariaDB/MySQL; return it stripped."""
    return settings.check_shared_url(url)


def strip_password(url: str) -> str:
    u = make_url(url)
    bare = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query)
    return bare.render_as_string(hide_password=False)


def with_password(url: str, password: str | None) -> str:
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


@dataclass(frozen=True, slots=True)
class SharedConfig:
    url: str  # without the password
    password_in_keyring: bool


def load() -> SharedConfig | None:
    """The configured shared database, or None for a standalone desk."""
    current = settings.load()
    url = current[settings.SHARED_DB_URL]
    if not url:
        return None
    return SharedConfig(url, current[settings.PASSWORD_IN_KEYRING])


def save(url: str, *, password_in_keyring: bool) -> SharedConfig:
    """Record the URL (password stripped) in the user's file; refused when the site file fixes
    another shared database."""
    bare = strip_password(parse_url(url))
    settings.set_user(
        {settings.SHARED_DB_URL: bare, settings.PASSWORD_IN_KEYRING: password_in_keyring}
    )
    return SharedConfig(bare, password_in_keyring)


def clear() -> SharedConfig | None:
    """Forget the shared database (back to standalone); returns what was configured. A shared
    database fixed by the site file cannot be forgotten from one desk."""
    old = load()
    current = settings.load().values[settings.SHARED_DB_URL.key]
    if current.source == "site":
        raise ValidationError("shared database", msg("sync.site_fixes", where=current.where))
    settings.set_user({settings.SHARED_DB_URL: None, settings.PASSWORD_IN_KEYRING: None})
    return old
