"""This workstation's own preferences (QSettings): idle lock, UI language, shared-database URL.

District-wide settings live in the database (services.settings); secrets live only in the OS
keyring (staffdesk.sync.secrets), never here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

IDLE_DEFAULT = 15
IDLE_MAX = 30  # policy: a desk never stays unlocked longer than this
REAUTH_HOURS = 12


@dataclass(frozen=True, slots=True)
class Pref:
    key: str
    default: str
    label: str


PREFS = {
    p.key: p
    for p in (
        Pref("idle_minutes", str(IDLE_DEFAULT), "Lock after idle (minutes)"),
        Pref("ui_language", "", "Interface language"),
        Pref("shared_db_url", "", "Shared database address"),
        Pref("last_username", "", "Last signed-in user"),
    )
}


def _store() -> QSettings:
    folder = os.environ.get("STAFFDESK_CONFIG_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "staffdesk-ui.ini"), QSettings.Format.IniFormat)
    return QSettings("StaffDesk", "StaffDesk")


def get(key: str) -> str:
    value = _store().value(key, PREFS[key].default)
    return str(value) if value is not None else PREFS[key].default


def put(key: str, value: str) -> None:
    if key not in PREFS:
        raise KeyError(key)
    store = _store()
    store.setValue(key, value)
    store.sync()


def idle_minutes() -> int:
    """The idle lock delay, clamped to policy (1 to 30 minutes)."""
    try:
        minutes = int(get("idle_minutes"))
    except ValueError:
        minutes = IDLE_DEFAULT
    return max(1, min(IDLE_MAX, minutes))


def ui_language() -> str:
    return (os.environ.get("STAFFDESK_LANG") or get("ui_language") or "en").lower()[:2]
