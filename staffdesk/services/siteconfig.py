"""The district's site configuration: one TOML file IT deploys to every workstation.

Directory sign-in and the OneRoster import read their tables through `section` until the typed
site-config registry is in place; the file is `staffdesk.toml` in the platform's site config
folder (on Windows C:\\ProgramData\\StaffDesk), or the file STAFFDESK_SITE_CONFIG names.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import platformdirs

from staffdesk.domain.errors import ValidationError

APP = "StaffDesk"
FILE = "staffdesk.toml"


def site_config_path() -> Path:
    named = os.environ.get("STAFFDESK_SITE_CONFIG")
    if named:
        return Path(named)
    return Path(platformdirs.site_config_dir(APP, False)) / FILE


def section(name: str) -> dict[str, Any]:
    """One table of the site config; empty when there is no file or no such table."""
    path = site_config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError("site config", f"cannot read {path}: {exc}") from None
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ValidationError(f"site config [{name}]", f"expected a table in {path}")
    return table
