"""`staffdesk directory search-password|whoami`: directory sign-in, from the IT side."""

from __future__ import annotations

import getpass
import os
import sys
from typing import TYPE_CHECKING

from staffdesk.cli.app import App, Commands, emit
from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import msg

if TYPE_CHECKING:
    from staffdesk.services.directory import DirectorySettings


def _configured() -> DirectorySettings:
    from staffdesk.services import directory, siteconfig

    site = directory.settings()
    if site is None:
        raise ValidationError(
            msg("siteconfig.where", section="directory"),
            msg("directory.not_configured", path=str(siteconfig.site_config_path())),
        )
    return site


def cmd_search_password(app: App) -> int:
    """Store the search account's password in the OS keyring (never in the site config)."""
    from staffdesk.services import directory
    from staffdesk.sync import secrets

    site = _configured()
    secrets.check_backend()  # a plaintext or missing keyring is refused before anything is asked
    password = os.environ.get("STAFFDESK_NEW_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise ValidationError("password", msg("cli.new_password_env"))
        password = getpass.getpass(app.say(msg("cli.password_of", who=site.search_dn)))
    key = directory.store_search_password(site, password)
    emit(app.args, f"stored in the keyring (service StaffDesk, user {key})", {"keyring_user": key})
    return 0


def cmd_whoami(app: App) -> int:
    """Sign in (--as) and show who the desk takes you for: IT's check of the group mapping."""
    with app.work() as s:
        actor = app.actor(s)
    text = (
        f"{actor.username} ({actor.display_name}): {actor.role.value}, "
        f"{', '.join(sorted(actor.schools)) or 'all schools'}"
    )
    emit(app.args, text, actor)
    return 0


def register(c: Commands) -> None:
    g = c.group("directory", "directory sign-in (LDAP / Active Directory)")
    c.leaf(
        g,
        "search-password",
        cmd_search_password,
        "store the directory search account's password in the OS keyring",
        staff=False,
    )
    c.leaf(g, "whoami", cmd_whoami, "sign in (--as) and show the role and schools you get")
