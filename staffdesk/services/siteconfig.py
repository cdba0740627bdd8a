"""The tables of IT's site config file that belong to one service (`[directory]`,
`[oneroster]`): read through the settings registry (staffdesk.config), which owns the file, its
location (the platform's site config folder, or STAFFDESK_SITE_CONFIG) and its other keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from staffdesk import config


def site_config_path() -> Path:
    return config.site_path()


def section(name: str) -> dict[str, Any]:
    """One table of the site config; empty when there is no file or no such table."""
    return config.site_section(name)
