"""`staffdesk staff add|list` and `staffdesk school rename`."""

from __future__ import annotations

from staffdesk.cli.app import App, Commands, emit, new_password
from staffdesk.domain.messages import msg
from staffdesk.domain.workflow import Role


def _staff_from_shared(app: App) -> None:
    """The first-account rule is about the database that matters: on a workstation with a
    shared database, an empty local store first takes the shared staff accounts (and the
    roster and settings), so `staff add` without an admin signing in works only when the shared
    database itself has no staff."""
    from staffdesk.domain.errors import PermissionDenied, StoreUnavailable
    from staffdesk.services import staff
    from staffdesk.sync import config, connection
    from staffdesk.sync.pull import pull

    if not config.issues_pending_sync(app.url):  # standalone, or working on the shared db
        return
    with app.work() as s:
        if staff.staff_count(s):
            return
    url = connection.resolve_url()
    if url is None:
        return
    engine = connection.shared_engine(url)
    try:
        pull(app.factory, engine)
    except StoreUnavailable as exc:
        raise StoreUnavailable(msg("staff.shared_unreachable", reason=exc.message)) from exc
    finally:
        engine.dispose()
    with app.work() as s:
        found = staff.staff_count(s)
    if found:
        raise PermissionDenied(msg("staff.shared_has_staff", n=found))


def cmd_staff_add(app: App) -> int:
    from staffdesk.cli.sync import admin_hint
    from staffdesk.services import staff

    a = app.args
    if not a.as_user:
        _staff_from_shared(app)
    with app.work() as s:
        actor = app.actor(s) if a.as_user else None  # only the first account goes without
        v = staff.add_staff(
            s,
            actor,
            username=a.user,
            role=a.role,
            password=new_password(app),
            display_name=a.name or "",
            schools=a.school or [],
        )
    emit(
        a,
        f"added {v.role.value} {v.username} ({v.display_name})"
        + (f" for {', '.join(v.schools)}" if v.schools else "")
        + admin_hint(app),
        v,
    )
    return 0


def cmd_staff_list(app: App) -> int:
    from staffdesk.services import staff

    with app.work() as s:
        rows = staff.list_staff(s, app.actor(s))
    lines = [
        f"{v.username:16} {v.role.value:9} {'active' if v.active else 'disabled':9} "
        f"{','.join(v.schools) or '(district)'}  {v.display_name}"
        for v in rows
    ]
    emit(app.args, "\n".join(lines), rows)
    return 0


def cmd_school_rename(app: App) -> int:
    from staffdesk.services import staff

    with app.work() as s:
        staff.rename_school(s, app.actor(s), app.args.code, app.args.name)
    emit(app.args, f"school {app.args.code.upper()} is now {app.args.name!r}")
    return 0


def register(c: Commands) -> None:
    g = c.group("staff", "staff accounts")
    sp = c.leaf(g, "add", cmd_staff_add, "add a staff account (the first must be an admin)")
    sp.add_argument("user")
    sp.add_argument("--role", required=True, choices=[r.value for r in Role])
    sp.add_argument("--school", nargs="+", action="extend", metavar="CODE")
    sp.add_argument("--name", help="display name")
    c.leaf(g, "list", cmd_staff_list, "list staff accounts")

    g = c.group("school", "schools")
    sp = c.leaf(g, "rename", cmd_school_rename, "rename a school")
    sp.add_argument("code")
    sp.add_argument("name")
