"""`staffdesk connect`, `staffdesk disconnect` and `staffdesk sync`: the shared database."""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import sys
import threading
from types import FrameType

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from staffdesk.cli.app import App, Commands, emit
from staffdesk.domain.errors import SecretStoreUnavailable, StoreUnavailable, ValidationError
from staffdesk.domain.messages import msg
from staffdesk.services import storage
from staffdesk.services.context import Actor, utcnow
from staffdesk.sync import config, connection, secrets
from staffdesk.sync.conflicts import ConflictView, list_conflicts, resolve_conflict
from staffdesk.sync.engine import SyncReport, sync_once
from staffdesk.sync.rows import BATCH
from staffdesk.sync.status import SyncStatus, describe_privileged, sync_status

# ---------------------------------------------------------------------------------- connect


def _password_for(app: App, url: str) -> str:
    given = config.password_of(url)
    if given is not None:
        return given
    if os.environ.get(connection.PASSWORD_ENV) is not None:
        return os.environ[connection.PASSWORD_ENV]
    if sys.stdin.isatty():
        prompt = msg("cli.password_for_url", url=config.strip_password(url))
        return getpass.getpass(app.say(prompt))
    return ""


def cmd_connect(app: App) -> int:
    a = app.args
    url = config.parse_url(a.url)
    bare = config.strip_password(url)
    password = _password_for(app, url)
    if password:
        secrets.store_password(bare, password)  # refuses a plaintext keyring first
    full = config.with_password(bare, password)
    if not a.no_check:
        engine = connection.shared_engine(full)
        try:
            if a.init:
                storage.upgrade(engine)
            elif not storage.is_initialised(engine):
                raise ValidationError("shared database", msg("sync.no_schema", url=bare))
        finally:
            engine.dispose()
    saved = config.save(bare, password_in_keyring=bool(password))
    where = "the system keyring" if password else "nowhere (no password given)"
    emit(
        a,
        f"shared database: {saved.url}\nsettings file: {config.config_path()}\n"
        f"password kept in: {where}\nrun `staffdesk sync` to send and fetch changes",
        {
            "url": saved.url,
            "config": str(config.config_path()),
            "password_in_keyring": bool(password),
        },
    )
    return 0


def cmd_disconnect(app: App) -> int:
    old = config.clear()
    if old is None:
        emit(app.args, "no shared database was configured: this desk is standalone")
        return 0
    if old.password_in_keyring:
        secrets.delete_password(old.url)
    emit(app.args, f"forgot the shared database {old.url}: this desk is standalone now")
    return 0


# ------------------------------------------------------------------------------------- sync


def admin_hint(app: App) -> str:
    """What a staff, settings or roster change made on a desk with a shared database still
    needs: an admin's own database login to send it (docs/sync.md)."""
    if not config.issues_pending_sync(app.url):
        return ""
    return (
        "\nwaits on this desk until `staffdesk sync --admin DBUSER` sends it with an admin's own "
        "database login"
    )


def _schools(app: App) -> frozenset[str] | None:
    """The office workflow to pull: the signed-in staff member's schools (admins: all)."""
    if not getattr(app.args, "as_user", None):
        return None
    with app.work() as s:
        actor: Actor = app.actor(s)
    return None if actor.is_admin else actor.schools


def _status_text(st: SyncStatus) -> str:
    lines = [st.text()]
    if st.pending_passcodes:
        lines.append(
            f"{st.pending_passcodes} passcode(s) pending sync: the portal cannot use them yet"
        )
    if st.last_error:
        lines.append(f"last error: {st.last_error}")
    return "\n".join(lines)


def _conflict_text(c: ConflictView) -> str:
    head = f"#{c.id} {c.kind} {c.entity_type} {c.entity_id} ({c.detected_at:%Y-%m-%d %H:%M} UTC)"
    lines = [head, f"  {c.message}"]
    if c.kind == "conflict":
        for label, state in (("yours ", c.local), ("shared", c.shared)):
            req = state.get("access_request") or {}
            dec = state.get("decision") or {}
            lines.append(
                f"  {label}: version {req.get('version')}, {req.get('status')}"
                + (f", {dec.get('outcome')} by {dec.get('decided_by')}" if dec else "")
                + (f" at {dec.get('workstation')}" if dec else "")
            )
    if c.resolved_at:
        lines.append(f"  resolved by {c.resolved_by} at {c.resolved_at:%Y-%m-%d %H:%M} UTC")
    return "\n".join(lines)


def cmd_sync(app: App) -> int:
    a = app.args
    if a.status:
        with app.work() as s:
            st = sync_status(s, configured=bool(a.shared) or None)
        emit(a, _status_text(st), st)
        return 0
    if a.conflicts:
        with app.work() as s:
            found = list_conflicts(s, include_resolved=a.all)
        text = "\n".join(_conflict_text(c) for c in found) or "no open conflicts"
        emit(a, text, found)
        return 0
    if a.resolve is not None:
        with app.work() as s:
            who = app.actor(s).username if a.as_user else os.environ.get("USER", "staff")
            done = resolve_conflict(s, a.resolve, who)
        emit(a, f"conflict #{done.id} marked as seen by {done.resolved_by}", done)
        return 0

    url = connection.resolve_url(a.shared)
    if url is None:
        raise ValidationError("shared database", msg("sync.not_configured"))
    if a.admin and a.watch:
        raise ValidationError("--admin", msg("sync.admin_watch"))
    schools = _schools(app)
    factory = app.factory
    admin = _admin_engine(app, url) if a.admin else None
    engine = connection.shared_engine(url)
    try:
        if a.new_segment:
            from staffdesk.services.context import current_workstation
            from staffdesk.sync.identity import new_segment

            segment = new_segment(factory, engine, current_workstation())
            emit(a, segment.text(), segment)
        if a.watch:
            return _watch(app, factory, engine, schools)
        report = sync_once(factory, engine, schools=schools, batch_size=a.batch, admin=admin)
    finally:
        engine.dispose()
        if admin is not None:
            admin.dispose()
    emit(a, "\n".join(report.lines()), report)
    if report.problem is not None:
        raise report.problem
    if not report.ok:
        raise StoreUnavailable(msg("sync.unavailable", reason=report.error))
    return 0


def _admin_engine(app: App, url: str) -> Engine:
    """An engine logged in as `--admin DBUSER` on the shared database: the password from the
    keyring (kept there by an earlier `--remember`) or asked at a prompt; never in the config
    file, never logged. Before it is used, the staff, settings and roster changes it would send
    are shown, and sent only once confirmed (`--yes` at no terminal)."""
    a = app.args
    login = a.admin.strip()
    if not login:
        raise ValidationError("--admin", msg("sync.admin_login"))
    bare = make_url(config.strip_password(url)).set(username=login)
    key = bare.render_as_string(hide_password=False)
    try:
        password = secrets.load_password(key)
    except SecretStoreUnavailable:
        password = None
    if password is None:
        if not sys.stdin.isatty():
            raise ValidationError("--admin", msg("sync.admin_no_password", login=login))
        password = getpass.getpass(app.say(msg("cli.password_of_login", login=login)))
        if a.remember:
            secrets.store_password(key, password)
    with app.work() as s:
        waiting = describe_privileged(s)
    if waiting:
        emit(
            a,
            app.say(msg("cli.to_send", login=login)) + "\n" + "\n".join(f"  {w}" for w in waiting),
        )
        if not a.yes:
            if not sys.stdin.isatty():
                raise ValidationError("--yes", msg("sync.confirm_yes"))
            try:
                answer = input(app.say(msg("cli.send_these")))
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("y", "yes", "s", "si", "sí"):
                raise ValidationError("--admin", msg("sync.not_confirmed"))
    return connection.shared_engine(config.with_password(key, password))


def _watch(
    app: App,
    factory: storage.SessionFactory,
    engine: Engine,
    schools: frozenset[str] | None,
) -> int:
    def show(report: SyncReport, wait: float) -> None:
        stamp = f"{utcnow():%Y-%m-%d %H:%M:%S} UTC"
        if report.ok:
            moved = [x for x in report.lines() if not x.startswith(("nothing", "waiting"))]
            text = "; ".join(moved) or "up to date"
            emit(app.args, f"{stamp} online: {text}; next round in {wait:.0f} s", report)
        else:
            emit(
                app.args,
                f"{stamp} offline: {report.error}; {report.waiting} change(s) waiting; "
                f"retrying in {wait:.0f} s",
                report,
            )

    emit(
        app.args,
        f"watching {storage.redacted(str(engine.url.render_as_string(False)))} (Ctrl-C stops)",
    )
    stop = threading.Event()

    def interrupted(signum: int, frame: FrameType | None) -> None:
        # the loop sees the flag even where the KeyboardInterrupt is lost inside a round (a
        # rollback that fails on its way out replaces it with its own error)
        stop.set()
        signal.default_int_handler(signum, frame)

    # not where Ctrl-C is ignored (a background job started by a script) or off the main thread
    ours = (
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGINT) is signal.default_int_handler
    )
    if ours:
        signal.signal(signal.SIGINT, interrupted)
    try:
        connection.watch(
            factory,
            engine,
            interval=app.args.interval,
            max_delay=connection.MAX_DELAY,
            stop=stop,
            on_report=show,
            schools=schools,
        )
    except KeyboardInterrupt:
        pass
    finally:
        if ours:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    emit(app.args, "sync stopped; changes not yet sent are kept and go out next time")
    return 0


def register(c: Commands) -> None:
    sp = c.leaf(
        c.sub,
        "connect",
        cmd_connect,
        "set this workstation's shared database (password into the system keyring)",
        staff=False,
    )
    sp.add_argument("url", help="e.g. postgresql://staffdesk@db.district.org:5432/staffdesk")
    sp.add_argument("--init", action="store_true", help="create or upgrade its schema")
    sp.add_argument("--no-check", action="store_true", help="save without trying to connect")
    c.leaf(c.sub, "disconnect", cmd_disconnect, "forget the shared database", staff=False)

    sp = c.leaf(
        c.sub,
        "sync",
        cmd_sync,
        "send waiting changes to the shared database and fetch others' (one round)",
    )
    sp.add_argument("--shared", metavar="URL", help="shared database (default: `connect`'s)")
    sp.add_argument("--watch", action="store_true", help="keep syncing; back off while it is down")
    sp.add_argument(
        "--interval", type=float, default=30.0, metavar="SECONDS", help="between rounds (--watch)"
    )
    sp.add_argument("--batch", type=int, default=BATCH, help=argparse.SUPPRESS)
    sp.add_argument("--status", action="store_true", help="show the sync status and stop")
    sp.add_argument("--conflicts", action="store_true", help="list open conflicts, both versions")
    sp.add_argument("--all", action="store_true", help="with --conflicts: resolved ones too")
    sp.add_argument("--resolve", type=int, metavar="ID", help="mark a conflict as seen")
    sp.add_argument(
        "--admin",
        metavar="DBUSER",
        help="also send staff, settings and roster changes, as this database login (granted "
        "staffdesk_admin); its password from the keyring or a prompt",
    )
    sp.add_argument(
        "--remember", action="store_true", help="with --admin: keep the password in the keyring"
    )
    sp.add_argument("--yes", action="store_true", help="with --admin: send without asking")
    sp.add_argument(
        "--new-segment",
        action="store_true",
        help="a desk restored from a backup: go on in a new audit chain segment linked to the "
        "old one, then sync (its waiting changes are kept)",
    )
