"""This workstation's settings: every option, its type, default and rule in one registry.

Three layers, read on each call (two small files): the machine-wide **site file** IT deploys
once (`staffdesk.toml` in the platform's site config folder; only where IT has deployed none
there may STAFFDESK_SITE_CONFIG or XDG_CONFIG_DIRS name another file, so a user's environment
can never replace IT's file), the **user file** (`staffdesk.toml` in the user config folder,
STAFFDESK_CONFIG_DIR overrides the folder) and a few **environment** variables, which count as
the user's. Each option's rule says how they meet:

- SITE_FIXES: a value in the site file is final (the shared database, the workstation name);
- AT_MOST: the user may choose a lower value than the site's, never a higher one (idle lock);
- PREFERENCE: the user's choice wins; the site's value is the desk's default (printer, school).

District-wide settings (portal address, passcode expiry…) live in the database
(services.settings); secrets live only in the OS keyring, never in a file — a shared-database
URL holding a password is refused wherever it is found.
"""

from __future__ import annotations

import enum
import json
import os
import platform
import re
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import platformdirs

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import msg
from staffdesk.private import write_private_text

APP = "StaffDesk"
FILE = "staffdesk.toml"
SITE_ENV = "STAFFDESK_SITE_CONFIG"
SITE_FILE, USER_FILE = "site config file", "user settings file"
USER_DIR_ENV = "STAFFDESK_CONFIG_DIR"

T = TypeVar("T")


class Rule(enum.Enum):
    SITE_FIXES = "the site file's value is final"
    AT_MOST = "the user may lower the site's value, not raise it"
    PREFERENCE = "the user's value wins; the site's is the default"


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    key: str
    default: Callable[[], T]
    label: str
    parse: Callable[[object, str], T]  # (raw value, where it came from) → value or ValidationError
    rule: Rule
    env: str | None = None


OPTIONS: dict[str, Option[Any]] = {}

# Tables of the site file that belong to one service, which validates its own keys. They are
# IT's alone: a user's file holding one is refused (a user must not point sign-in elsewhere).
SITE_SECTIONS = {
    "directory": "directory sign-in (services.directory, docs/directory.md)",
    "oneroster": "the OneRoster import (services.oneroster, docs/oneroster.md)",
}


def _register(option: Option[T]) -> Option[T]:
    OPTIONS[option.key] = option
    return option


# ------------------------------------------------------------------------------ value types


def _text(key: str, pattern: str = r"[^\x00-\x1f\x7f]*", hint: str = "") -> Callable[..., str]:
    def parse(raw: object, where: str) -> str:
        if not isinstance(raw, str) or not re.fullmatch(pattern, raw.strip()):
            raise ValidationError(key, f"{where}: expected {hint or 'text'}, got {raw!r}")
        return raw.strip()

    return parse


def _minutes(key: str, low: int, high: int, unit: str) -> Callable[..., int]:
    def parse(raw: object, where: str) -> int:
        try:
            value = int(str(raw).strip()) if not isinstance(raw, bool) else None
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise ValidationError(key, f"{where}: expected {low} to {high} {unit}, got {raw!r}")
        return value

    return parse


def _flag(key: str) -> Callable[..., bool]:
    def parse(raw: object, where: str) -> bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "yes", "on", "1"):
            return True
        if text in ("false", "no", "off", "0", ""):
            return False
        raise ValidationError(key, f"{where}: expected true or false, got {raw!r}")

    return parse


def ui_languages() -> list[str]:
    """English is built in; another interface language ships as resources/i18n/staffdesk_XX.qm."""
    from staffdesk.assets import resource

    shipped = {p.stem.removeprefix("staffdesk_") for p in resource("i18n").glob("staffdesk_*.qm")}
    return sorted(shipped | {"en"})


def _ui_language(raw: object, where: str) -> str:
    text = str(raw).strip().lower()
    languages = ui_languages()
    if text not in languages:
        raise ValidationError(
            "ui_language", f"{where}: expected one of {', '.join(languages)}, got {raw!r}"
        )
    return text


def _shared_url(raw: object, where: str) -> str:
    """A PostgreSQL or MariaDB/MySQL URL without a password ("" is a standalone desk)."""
    if not isinstance(raw, str):
        raise ValidationError("shared_db_url", f"{where}: expected a URL, got {raw!r}")
    if not raw.strip():
        return ""
    url = check_shared_url(raw)
    if password_of(url) is not None:
        raise ValidationError(
            "shared_db_url",
            f"{where} holds the shared database's password: remove it from the URL. A settings "
            "file is readable by whoever can read the disk; the password belongs in each "
            "workstation's system keyring (`staffdesk connect URL` asks for it)",
        )
    return url


def check_shared_url(url: str) -> str:
    """Check a shared-database URL names PostgreSQL or MariaDB/MySQL; return it stripped."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url((url or "").strip())
    except ArgumentError:
        raise ValidationError("shared database", msg("shared.url_format")) from None
    if u.get_backend_name() not in ("postgresql", "mysql", "mariadb"):
        raise ValidationError(
            "shared database", msg("shared.url_backend", backend=u.get_backend_name())
        )
    return url.strip()


def password_of(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    password = make_url(url).password
    return None if password is None else str(password)


def _default_workstation() -> str:
    return (platform.node() or "workstation")[:64]


# --------------------------------------------------------------------------------- options

SHARED_DB_URL = _register(
    Option(
        "shared_db_url",
        str,
        "Shared database (URL without password; empty: standalone)",
        _shared_url,
        Rule.SITE_FIXES,
    )
)
PASSWORD_IN_KEYRING = _register(
    Option(
        "password_in_keyring",
        bool,
        "The shared database's password is in the system keyring",
        _flag("password_in_keyring"),
        Rule.PREFERENCE,
    )
)
WORKSTATION = _register(
    Option(
        "workstation",
        _default_workstation,
        "Workstation name (recorded on every decision and print)",
        _text("workstation", r"[A-Za-z0-9][A-Za-z0-9._ -]{0,63}", "1 to 64 letters, digits, . _ -"),
        Rule.SITE_FIXES,
        env="STAFFDESK_WORKSTATION",
    )
)
DEFAULT_SCHOOL = _register(
    Option(
        "default_school",
        str,
        "School preselected at sign-in",
        _text("default_school", r"[A-Za-z0-9_-]{0,16}", "a school code"),
        Rule.PREFERENCE,
    )
)
PRINTER = _register(
    Option(
        "printer",
        str,
        "Printer for slips (empty: the system default)",
        _text("printer"),
        Rule.PREFERENCE,
    )
)
IDLE_LOCK_MINUTES = _register(
    Option(
        "idle_lock_minutes",
        lambda: 15,
        "Lock after idle (minutes)",
        _minutes("idle_lock_minutes", 1, 30, "minutes"),
        Rule.AT_MOST,
    )
)
REAUTH_HOURS = _register(
    Option(
        "reauth_hours",
        lambda: 12,
        "Ask for the password again after (hours)",
        _minutes("reauth_hours", 1, 12, "hours"),
        Rule.AT_MOST,
    )
)
UI_LANGUAGE = _register(
    Option(
        "ui_language",
        lambda: "en",
        "Interface language",
        _ui_language,
        Rule.PREFERENCE,
        env="STAFFDESK_LANG",
    )
)


# ---------------------------------------------------------------------------------- files


def platform_site_path() -> Path:
    """Where IT deploys the site file, whatever this user's environment says: Windows'
    ProgramData and macOS's /Library from platformdirs; /etc/xdg elsewhere (platformdirs would
    follow XDG_CONFIG_DIRS there, which any user may set)."""
    if sys.platform.startswith(("win", "darwin")):
        return Path(platformdirs.site_config_dir(APP, False)) / FILE
    return Path("/etc/xdg") / APP / FILE


def site_path() -> Path:
    """IT's site file when there is one; only without it, the file STAFFDESK_SITE_CONFIG names
    (tests, a lab) or the one XDG_CONFIG_DIRS leads to. A user file narrows, never loosens."""
    fixed = platform_site_path()
    if fixed.is_file():
        return fixed
    named = os.environ.get(SITE_ENV)
    if named:
        return Path(named)
    return Path(platformdirs.site_config_dir(APP, False)) / FILE


def site_override_ignored() -> str:
    """A note when the environment names another site file but IT's is the one read."""
    fixed = platform_site_path()
    if not fixed.is_file():
        return ""
    if os.environ.get(SITE_ENV) and Path(os.environ[SITE_ENV]) != fixed:
        return f"{SITE_ENV} ignored: IT's site file {fixed} is the one read"
    other = Path(platformdirs.site_config_dir(APP, False)) / FILE
    if other != fixed:
        return f"XDG_CONFIG_DIRS ignored: IT's site file {fixed} is the one read"
    return ""


def user_dir() -> Path:
    return Path(os.environ.get(USER_DIR_ENV) or platformdirs.user_config_dir(APP, False))


def user_path() -> Path:
    return user_dir() / FILE


def _read(path: Path, kind: str) -> dict[str, object]:
    """The options of one file (its service tables checked for shape, then left out)."""
    site = kind == SITE_FILE
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError("settings", f"cannot read the {kind} {path}: {exc}") from None
    for key, value in data.items():
        if key in SITE_SECTIONS:
            if not site:
                raise ValidationError(
                    f"[{key}]", f"{path}: only IT's site config file ({site_path()}) may hold it"
                )
            if not isinstance(value, dict):
                raise ValidationError(f"site config [{key}]", f"expected a table in {path}")
        elif key not in OPTIONS:
            expected = [*OPTIONS, *(f"[{s}]" for s in SITE_SECTIONS)] if site else list(OPTIONS)
            raise ValidationError(
                key, f"{path}: unknown setting; expected one of: {', '.join(expected)}"
            )
    return {k: v for k, v in data.items() if k not in SITE_SECTIONS}


def site_section(name: str) -> dict[str, Any]:
    """One service's table of the site file ({} when there is no file or no such table)."""
    assert name in SITE_SECTIONS, name
    path = site_path()
    _read(path, SITE_FILE)  # the whole file is checked, options included
    try:
        with path.open("rb") as fh:
            return dict(tomllib.load(fh).get(name, {}))
    except FileNotFoundError:
        return {}


# ------------------------------------------------------------------------ effective values


@dataclass(frozen=True, slots=True)
class Value:
    """An option's effective value and where it came from."""

    key: str
    value: Any
    source: str  # "default", "site", "user" or "environment"
    where: str  # the file or variable it came from ("" for a default)
    note: str = ""  # a user value that was not taken, and why

    def origin(self) -> str:
        names = {"site": "site file", "user": "user file", "environment": "environment"}
        return f"{names[self.source]} {self.where}" if self.where else self.source


@dataclass(frozen=True, slots=True)
class Settings:
    values: Mapping[str, Value]
    site_file: Path
    user_file: Path

    def __getitem__(self, option: Option[T]) -> T:
        value: T = self.values[option.key].value
        return value

    def as_dict(self) -> dict[str, Any]:
        return {
            "site_file": str(self.site_file),
            "site_file_found": self.site_file.is_file(),
            "site_file_note": site_override_ignored(),
            "user_file": str(self.user_file),
            "settings": {
                k: {"value": v.value, "source": v.source, "where": v.where, "note": v.note}
                for k, v in self.values.items()
            },
        }


def _resolve(
    option: Option[Any], site: Mapping[str, object], user: Mapping[str, object], user_file: Path
) -> Value:
    key = option.key
    site_value: Value | None = None
    if key in site:
        where = str(site_path())
        site_value = Value(key, option.parse(site[key], where), "site", where)
    mine: Value | None = None
    if option.env and os.environ.get(option.env):
        raw = os.environ[option.env]
        mine = Value(key, option.parse(raw, option.env), "environment", option.env)
    elif key in user:
        mine = Value(key, option.parse(user[key], str(user_file)), "user", str(user_file))
    if site_value is None:
        return mine or Value(key, option.default(), "default", "")
    if mine is None or mine.value == site_value.value:
        return site_value
    if option.rule is Rule.SITE_FIXES:
        note = f"{mine.origin()} says {mine.value!r}: ignored, the site file fixes it"
        return Value(key, site_value.value, "site", site_value.where, note)
    if option.rule is Rule.AT_MOST and mine.value > site_value.value:
        note = f"{mine.origin()} says {mine.value}: ignored, the site file allows at most that"
        return Value(key, site_value.value, "site", site_value.where, note)
    return mine


def load() -> Settings:
    """The effective settings now; ValidationError names the file and key of a bad value."""
    site_file, user_file = site_path(), user_path()
    site, user = _read(site_file, SITE_FILE), _read(user_file, USER_FILE)
    values = {k: _resolve(o, site, user, user_file) for k, o in OPTIONS.items()}
    return Settings(values, site_file, user_file)


def get(option: Option[T]) -> T:
    return load()[option]


# ----------------------------------------------------------------------- the user's file


def set_user(changes: Mapping[Option[Any], object]) -> Settings:
    """Write the user's choices (None removes one); refuses what the site file does not allow."""
    site_file, user_file = site_path(), user_path()
    site = _read(site_file, SITE_FILE)
    data = dict(_read(user_file, USER_FILE))
    for option, raw in changes.items():
        if raw is None:
            data.pop(option.key, None)
            continue
        value = option.parse(raw, option.key)
        if option.key in site:
            fixed = option.parse(site[option.key], str(site_file))
            if option.rule is Rule.SITE_FIXES and value != fixed:
                raise ValidationError(
                    option.key, f"set to {fixed!r} by IT in {site_file}; ask IT to change it there"
                )
            if option.rule is Rule.AT_MOST and value > fixed:
                raise ValidationError(
                    option.key, f"expected at most {fixed} (the limit in {site_file})"
                )
        data[option.key] = value
    _write_private(user_file, data)
    return load()


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def _write_private(path: Path, data: Mapping[str, object]) -> None:
    """Atomically, readable by this user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# StaffDesk settings of this user (`staffdesk config show` explains each)\n" + "".join(
        f"{key} = {_toml(value)}\n" for key, value in data.items()
    )
    write_private_text(path, text)
