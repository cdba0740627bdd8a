"""Where this workstation's shared database is: a small local file, never holding the password.

The file lives in the user config dir (STAFFDESK_CONFIG_DIR overrides it) and holds the URL with
its password stripped; the password itself is in the OS keyring (staffdesk.sync.secrets). The
shared `setting` table is not used for this: every workstation may point somewhere else, and the
shared database cannot tell you how to reach the shared database.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from staffdesk.domain.errors import ValidationError

APP = "StaffDesk"
FILE = "shared-database.json"


def config_dir() -> Path:
    return Path(os.environ.get("STAFFDESK_CONFIG_DIR") or platformdirs.user_config_dir(APP, False))


def config_path() -> Path:
    return config_dir() / FILE


def parse_url(url: str) -> str:
    """Check a shared-database URL names PostgreSQL or MariaDB/MySQL; return it unchanged."""
    try:
        u = make_url((url or "").strip())
    except ArgumentError:
        raise ValidationError(
            "shared database", "expected a URL such as postgresql://user@host:5432/staffdesk"
        ) from None
    if u.get_backend_name() not in ("postgresql", "mysql", "mariadb"):
        raise ValidationError(
            "shared database",
            f"expected a PostgreSQL or MariaDB/MySQL URL, got {u.get_backend_name()!r}",
        )
    return url.strip()


def strip_password(url: str) -> str:
    u = make_url(url)
    bare = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query)
    return bare.render_as_string(hide_password=False)


def password_of(url: str) -> str | None:
    password = make_url(url).password
    return None if password is None else str(password)


def with_password(url: str, password: str | None) -> str:
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


@dataclass(frozen=True, slots=True)
class SharedConfig:
    url: str  # without the password
    password_in_keyring: bool


def load() -> SharedConfig | None:
    path = config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ValidationError("shared database", f"cannot read {path}: {exc}") from None
    url = data.get("url")
    if not isinstance(url, str) or not url:
        return None
    return SharedConfig(strip_password(url), bool(data.get("password_in_keyring")))


def save(url: str, *, password_in_keyring: bool) -> SharedConfig:
    """Write the URL (password stripped) atomically, readable by this user only."""
    config = SharedConfig(strip_password(parse_url(url)), password_in_keyring)
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"url": config.url, "password_in_keyring": password_in_keyring}, fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)
    return config


def clear() -> SharedConfig | None:
    """Forget the shared database (back to standalone); returns what was configured."""
    old = load()
    config_path().unlink(missing_ok=True)
    return old


def issues_pending_sync(local_url: str) -> bool:
    """Does a passcode issued into this store wait for a sync before the portal honours it?

    Yes when this workstation keeps a local SQLite store and a shared database is configured
    (its slip then says "pending sync"); no when the store is the shared database itself, or in
    standalone mode. An unreadable settings file errs on the side of saying "pending".
    """
    try:
        if make_url(local_url).get_backend_name() != "sqlite":
            return False
    except ArgumentError:
        return False
    try:
        return load() is not None
    except ValidationError:
        return True
