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
from staffdesk.domain.messages import msg, os_reason
from staffdesk.private import write_private_text

APP = "StaffDesk"
FILE = "staffdesk.toml"
SITE_ENV = "STAFFDESK_SITE_CONFIG"
SITE_FILE, USER_FILE = msg("config.site_file"), msg("config.user_file")
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


def _text(key: str, pattern: str = r"[^\x00-\x1f\x7f]*", code: str = "") -> Callable[..., str]:
    """Text matching `pattern`; `code` is the catalogue's words for what is expected."""

    def parse(raw: object, where: str) -> str:
        if not isinstance(raw, str) or not re.fullmatch(pattern, raw.strip()):
            what = msg(code) if code else msg("config.text")
            raise ValidationError(key, msg("config.expected", where=where, what=what, raw=raw))
        return raw.strip()

    return parse


def _minutes(key: str, low: int, high: int, code: str) -> Callable[..., int]:
    """A whole number from `low` to `high`; `code` names the range in words (config.minutes)."""

    def parse(raw: object, where: str) -> int:
        try:
            value = int(str(raw).strip()) if not isinstance(raw, bool) else None
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            what = msg(code, low=low, high=high)
            raise ValidationError(key, msg("config.expected", where=where, what=what, raw=raw))
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
        what = msg("config.true_false")
        raise ValidationError(key, msg("config.expected", where=where, what=what, raw=raw))

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
        what = msg("config.one_of", choices=", ".join(languages))
        raise ValidationError(
            "ui_language", msg("config.expected", where=where, what=what, raw=raw)
        )
    return text


def _shared_url(raw: object, where: str) -> str:
    """A PostgreSQL or MariaDB/MySQL URL without a password ("" is a standalone desk)."""
    if not isinstance(raw, str):
        what = msg("config.url")
        raise ValidationError(
            "shared_db_url", msg("config.expected", where=where, what=what, raw=raw)
        )
    if not raw.strip():
        return ""
    url = check_shared_url(raw)
    if password_of(url) is not None:
        raise ValidationError(
            "shared_db_url",
            msg("config.password_in_url", where=where),
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
        _text("workstation", r"[A-Za-z0-9][A-Za-z0-9._ -]{0,63}", "config.workstation"),
        Rule.SITE_FIXES,
        env="STAFFDESK_WORKSTATION",
    )
)
DEFAULT_SCHOOL = _register(
    Option(
        "default_school",
        str,
        "School preselected at sign-in",
        _text("default_school", r"[A-Za-z0-9_-]{0,16}", "config.school_code"),
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
        _minutes("idle_lock_minutes", 1, 30, "config.minutes"),
        Rule.AT_MOST,
    )
)
REAUTH_HOURS = _register(
    Option(
        "reauth_hours",
        lambda: 12,
        "Ask for the password again after (hours)",
        _minutes("reauth_hours", 1, 12, "config.hours"),
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
        reason = os_reason(exc) if isinstance(exc, OSError) else _toml_problem(exc)
        raise ValidationError(
            "settings", msg("config.cannot_read", kind=kind, path=str(path), reason=reason)
        ) from None
    for key, value in data.items():
        if key in SITE_SECTIONS:
            if not site:
                raise ValidationError(
                    f"[{key}]",
                    msg("config.site_only", path=str(path), site=str(site_path())),
                )
            if not isinstance(value, dict):
                raise ValidationError(
                    msg("siteconfig.where", section=key),
                    msg("config.table", path=str(path)),
                )
        elif key not in OPTIONS:
            expected = [*OPTIONS, *(f"[{s}]" for s in SITE_SECTIONS)] if site else list(OPTIONS)
            raise ValidationError(
                key,
                msg("config.unknown", path=str(path), choices=", ".join(expected)),
            )
    return {k: v for k, v in data.items() if k not in SITE_SECTIONS}


def _toml_problem(exc: tomllib.TOMLDecodeError) -> str:
    """Where the file is not TOML, in words; what tomllib saw stays in its own (English) words."""
    found = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(exc), re.S)
    if found is None:
        return msg("config.not_toml", detail=str(exc))
    detail, line, column = found.groups()
    return msg("config.not_toml_at", line=int(line), column=int(column), detail=detail)


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
                    option.key, msg("config.site_fixes", fixed=fixed, path=str(site_file))
                )
            if option.rule is Rule.AT_MOST and value > fixed:
                raise ValidationError(
                    option.key, msg("config.at_most", fixed=fixed, path=str(site_file))
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
