"""`staffdesk doctor`: a workstation checked the way IT would before a school opens.

Each check gives one line, ✓ or ✗, and for a ✗ the fix. It lives in sync/, the highest core
layer, because it looks at everything below it (settings, local store, shared database, keyring,
fonts, forms, disk). What only Qt can see — the printers — is handed in by the caller, so the
checks run (and are tested) without a display.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from staffdesk import assets
from staffdesk import config as settings
from staffdesk.domain.errors import StaffDeskError
from staffdesk.domain.messages import msg
from staffdesk.store import db

MAX_SKEW_SECONDS = 60
MIN_FREE_BYTES = 500 * 1024 * 1024  # a term of slips and the local store, with room to spare


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""

    def line(self) -> str:
        mark = "✓" if self.ok else "✗"
        return f"{mark} {self.name}: {self.detail}" + (f" — fix: {self.fix}" if self.fix else "")


@dataclass(frozen=True, slots=True)
class Printers:
    names: tuple[str, ...]
    default: str


def _utcnow() -> datetime:
    return datetime.now(UTC)


# ----------------------------------------------------------------------------- the checks


def check_settings() -> Check:
    try:
        current = settings.load()
    except StaffDeskError as exc:
        return Check("settings", False, exc.message, "correct the file it names")
    site = current.site_file
    where = f"site file {site}" if site.is_file() else f"no site file ({site})"
    return Check("settings", True, f"{where}; user file {current.user_file}")


def check_local(url: str) -> Check:
    name = "local database"
    shown = db.redacted(url)
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and not Path(u.database).is_file():
        return Check(name, False, f"none at {u.database}", "run `staffdesk init`")
    engine = db.make_engine(url)
    try:
        if db.schema_is_current(engine):
            return Check(name, True, f"{shown} at schema {db.SCHEMA_HEAD}")
        found = _schema_version(engine)
        return Check(
            name,
            False,
            f"{shown} is at schema {found or 'none'}, this StaffDesk needs {db.SCHEMA_HEAD}",
            "run `staffdesk init` (it upgrades the schema)",
        )
    except (OperationalError, DBAPIError) as exc:
        return Check(name, False, f"{shown} cannot be opened: {exc.orig}", "check the path/URL")
    finally:
        engine.dispose()


def _schema_version(engine: Engine) -> str:
    try:
        with engine.connect() as c:
            return ",".join(c.scalars(text("SELECT version_num FROM alembic_version")))
    except (OperationalError, DBAPIError):
        return ""


def check_shared(now: Callable[[], datetime] = _utcnow) -> list[Check]:
    """Reachable, current schema, the trust boundary's roles and triggers, and the clock."""
    from staffdesk.sync import connection

    name = "shared database"
    try:
        url = connection.resolve_url()
    except StaffDeskError as exc:
        return [Check(name, False, exc.message, "run `staffdesk connect URL` again")]
    if url is None:
        return [Check(name, True, "none configured: a standalone desk")]
    shown = db.redacted(url)
    engine = connection.shared_engine(url)
    try:
        try:
            current = db.schema_is_current(engine)
            skew = _skew_seconds(engine, now)
        except (OperationalError, DBAPIError) as exc:
            return [
                Check(
                    name,
                    False,
                    f"{shown} cannot be reached: {str(exc.orig).strip()}",
                    "check the network, the server and the keyring's password "
                    "(`staffdesk connect URL`)",
                )
            ]
        checks = [
            Check(name, True, f"{shown} at schema {db.SCHEMA_HEAD}")
            if current
            else Check(
                name,
                False,
                f"{shown} is at schema {_schema_version(engine) or 'none'}, "
                f"this StaffDesk needs {db.SCHEMA_HEAD}",
                "the district's admin runs `staffdesk --db URL init` with the privileged login",
            )
        ]
        checks.append(_check_guards(engine))
        checks.append(
            Check("clock", True, f"{skew:+.0f} s from the shared database")
            if abs(skew) <= MAX_SKEW_SECONDS
            else Check(
                "clock",
                False,
                f"{skew:+.0f} s from the shared database (at most ±{MAX_SKEW_SECONDS} s)",
                "turn on automatic time (NTP / Windows Time) on this computer",
            )
        )
        return checks
    finally:
        engine.dispose()


def _skew_seconds(engine: Engine, now: Callable[[], datetime]) -> float:
    """This computer's clock minus the shared database's, in seconds."""
    query = "SELECT UTC_TIMESTAMP()" if engine.dialect.name == "mysql" else "SELECT now()"
    with engine.connect() as c:
        theirs = c.scalar(text(query))
    assert isinstance(theirs, datetime)
    if theirs.tzinfo is None:
        theirs = theirs.replace(tzinfo=UTC)
    return (now() - theirs).total_seconds()


def _missing_guards(engine: Engine) -> list[str]:
    """The roles, grants and triggers of migration 0008 this database lacks (store/guard.py)."""
    from staffdesk.store import guard

    return guard.missing_guards(engine)


def _check_guards(engine: Engine) -> Check:
    name = "trust boundary"
    try:
        missing = _missing_guards(engine)
    except (OperationalError, DBAPIError) as exc:
        return Check(name, False, f"cannot be read: {exc.orig}", "run doctor as an IT login")
    if missing:
        return Check(
            name,
            False,
            "; ".join(missing),
            "the district's admin runs `staffdesk --db URL init` with the privileged login",
        )
    return Check(name, True, "roles and triggers present")


def check_keyring() -> Check:
    from staffdesk.sync import secrets

    try:
        backend = secrets.check_backend()
    except StaffDeskError as exc:
        return Check("keyring", False, exc.message.removesuffix(f"; {secrets.HELP}"), secrets.HELP)
    return Check("keyring", True, f"{type(backend).__module__}.{type(backend).__name__}")


def check_printer(printers: Printers | None) -> Check:
    name = "printer"
    if printers is None:
        return Check(name, False, "the printers cannot be listed here (no Qt)", "")
    try:
        wanted = settings.get(settings.PRINTER)
    except StaffDeskError:
        wanted = ""  # the settings check already says what is wrong
    if wanted:
        if wanted in printers.names:
            return Check(name, True, f"{wanted} (the configured printer)")
        return Check(
            name,
            False,
            f"the configured printer {wanted!r} is not installed; found: "
            + (", ".join(printers.names) or "none"),
            "install it, or correct `printer` in the settings file",
        )
    if printers.default:
        return Check(name, True, f"{printers.default} (the system default)")
    if printers.names:
        return Check(
            name,
            False,
            f"no default printer among {', '.join(printers.names)}",
            "make one the default, or set `printer` in the settings file",
        )
    return Check(name, False, "no printer installed", "install the office printer")


def check_files() -> Check:
    """The forms and the slip fonts and texts this installation carries."""
    from staffdesk.slips.fonts import register_fonts
    from staffdesk.slips.texts import available_languages, load_texts

    name = "fonts and forms"
    try:
        forms = sorted(assets.forms_dir().glob("*.ui"))
        if not forms:
            raise StaffDeskError(msg("doctor.no_forms", folder=str(assets.forms_dir())))
        register_fonts()
        languages = available_languages()
        for lang in languages:
            load_texts(lang)
    except (StaffDeskError, assets.AssetsMissing) as exc:
        return Check(name, False, str(exc), "reinstall StaffDesk")
    return Check(
        name, True, f"{len(forms)} forms, slip texts in {', '.join(languages)}, fonts registered"
    )


def check_data_folder(folder: Path) -> Check:
    name = "data folder"
    if sys.platform == "win32":
        return Check(name, True, f"{folder} (Windows: the profile's ACLs keep it private)")
    mode = folder.stat().st_mode & 0o777
    if mode & 0o077:
        return Check(
            name,
            False,
            f"{folder} is readable by others (mode {mode:o})",
            f"chmod 700 {folder}",
        )
    return Check(name, True, f"{folder} is private (mode {mode:o})")


def check_disk(folder: Path, min_free: int = MIN_FREE_BYTES) -> Check:
    free = shutil.disk_usage(folder).free
    detail = f"{free / 2**30:.1f} GiB free at {folder}"
    if free < min_free:
        return Check(
            "disk space",
            False,
            detail + f" (at least {min_free / 2**20:.0f} MiB needed)",
            "free some disk space",
        )
    return Check("disk space", True, detail)


def run_checks(
    local_url: str,
    *,
    printers: Printers | None,
    now: Callable[[], datetime] = _utcnow,
    min_free: int = MIN_FREE_BYTES,
) -> list[Check]:
    """Every check, in the order IT reads them."""
    folder = db.data_dir()
    checks = [check_settings(), check_local(local_url)]
    checks += check_shared(now)
    checks += [
        check_keyring(),
        check_printer(printers),
        check_files(),
        check_data_folder(folder),
        check_disk(folder, min_free),
    ]
    return checks
