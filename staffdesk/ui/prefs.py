"""This desk's preferences as the windows use them: the typed settings of staffdesk.config
(idle lock, re-authentication, interface language, printer, default school — IT may set or
limit them in the site file), plus what the windows remember between runs (QSettings).

District-wide settings live in the database (services.settings); secrets live only in the OS
keyring (staffdesk.sync.secrets), never here.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from staffdesk import config

IDLE_MAX = 30  # policy: a desk never stays unlocked longer than this


def idle_minutes() -> int:
    """The idle lock delay (1 to 30 minutes, at most what the site file allows)."""
    return config.get(config.IDLE_LOCK_MINUTES)


def idle_limit() -> int:
    """The longest idle lock this user may choose: the site file's value, else the policy's."""
    value = config.load().values[config.IDLE_LOCK_MINUTES.key]
    return int(value.value) if value.source == "site" else IDLE_MAX


def reauth_hours() -> int:
    return config.get(config.REAUTH_HOURS)


def ui_language() -> str:
    return config.get(config.UI_LANGUAGE)


def default_school() -> str:
    return config.get(config.DEFAULT_SCHOOL).upper()


def save_desk(*, idle_minutes: int, ui_language: str) -> None:
    """The settings dialog's choices for this desk, into the user's settings file."""
    config.set_user({config.IDLE_LOCK_MINUTES: idle_minutes, config.UI_LANGUAGE: ui_language})


# ----------------------------------------------------- what the windows remember (QSettings)

REMEMBERED = {"last_username": ""}


def _store() -> QSettings:
    folder = os.environ.get("STAFFDESK_CONFIG_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "staffdesk-ui.ini"), QSettings.Format.IniFormat)
    return QSettings("StaffDesk", "StaffDesk")


def get(key: str) -> str:
    value = _store().value(key, REMEMBERED[key])
    return str(value) if value is not None else REMEMBERED[key]


def _school_key(username: str) -> str:
    safe = "".join(c if c.isalnum() or c in "._-@" else "_" for c in username.lower())
    return f"last_school/{safe}"


def last_school(username: str) -> str | None:
    """The school `username` last picked at this desk ("" = all their schools), or None."""
    value = _store().value(_school_key(username))
    return None if value is None else str(value)


def remember_school(username: str, code: str) -> None:
    store = _store()
    store.setValue(_school_key(username), code)
    store.sync()


def put(key: str, value: str) -> None:
    if key not in REMEMBERED:
        raise KeyError(key)
    store = _store()
    store.setValue(key, value)
    store.sync()
