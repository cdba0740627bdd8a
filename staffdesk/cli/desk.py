"""`staffdesk` (the desktop app), `staffdesk init` and `staffdesk demo`."""

from __future__ import annotations

import os
import sys

from staffdesk import messages
from staffdesk.cli.app import App, Commands, emit
from staffdesk.services import storage


def _interface_language(app: App) -> str | None:
    """`staffdesk --lang es [demo]` opens the app in that language (this run only); without
    --lang the app takes the desk's setting as usual."""
    explicit = getattr(app.args, "interface_lang", None)
    return messages.command_line_language(explicit) if explicit else None


def cmd_gui(app: App) -> int:
    try:
        from staffdesk.ui.app import run
        from staffdesk.ui.smoke import run_smoke
    except ImportError as exc:  # no Qt libraries on this machine, or no UI module
        print(f"the desktop app cannot start here: {exc}", file=sys.stderr)
        return 1
    if getattr(app.args, "smoke_test", False):
        return run_smoke(app.url, demo=False)
    return run(app.url, demo=False, language=_interface_language(app))


def cmd_init(app: App) -> int:
    storage.open_store(app.url)
    emit(
        app.args,
        f"schema is up to date at {storage.redacted(app.url)}",
        {"url": storage.redacted(app.url)},
    )
    return 0


def cmd_demo(app: App) -> int:
    from staffdesk.services import demo, staff

    named = app.args.db or os.environ.get("STAFFDESK_DB")
    if named:  # the demo's well-known accounts never go into a real district's database
        print(
            "note: the demo district lives in its own file; --db / STAFFDESK_DB is not used",
            file=sys.stderr,
        )
    app.url = storage.demo_url()
    with app.work() as s:
        if staff.staff_count(s) == 0:
            accounts = demo.load_demo(s)
            created = True
        else:
            accounts = {
                v.username: v.role.value
                for v in staff.list_staff(s, staff.authenticate(s, "admin", demo.DEMO_PASSWORD))
            }
            created = False
    text = (
        f"demo district {'created' if created else 'ready'} at {storage.redacted(app.url)}\n"
        f"sign in as one of: {', '.join(sorted(accounts))} — password {demo.DEMO_PASSWORD}"
    )
    emit(
        app.args, text, {"url": storage.redacted(app.url), "accounts": accounts, "created": created}
    )
    if app.args.no_gui:
        return 0
    try:
        from staffdesk.ui.app import run
    except ImportError as exc:
        print(f"the desktop app cannot start here: {exc}", file=sys.stderr)
        return 1
    return run(app.url, demo=True, language=_interface_language(app))


def register(c: Commands) -> None:
    c.leaf(c.sub, "init", cmd_init, "create or upgrade the schema", staff=False)
    d = c.leaf(
        c.sub,
        "demo",
        cmd_demo,
        "load a demo district into its own database file (never --db) and open the app",
        staff=False,
    )
    d.add_argument("--no-gui", action="store_true", help="load only, do not open the app")
