"""`staffdesk roster import`: SIS CSV files, or a OneRoster export (folder or zip)."""

from __future__ import annotations

from pathlib import Path

from staffdesk.cli.app import App, Commands, Usage, emit
from staffdesk.domain.messages import msg


def cmd_roster_import(app: App) -> int:
    from staffdesk.services import oneroster, roster

    a = app.args
    if (a.students is None) == (a.oneroster is None):
        raise Usage(msg("cli.students_or_oneroster"))
    with app.work() as s:
        actor = app.actor(s)
        if a.oneroster is not None:
            r = oneroster.import_oneroster(s, actor, a.oneroster, a.contacts)
        else:
            r = roster.import_roster(s, actor, a.students, a.contacts)
    text = (
        f"students: {r.students_added} added, {r.students_updated} updated, "
        f"{r.students_unchanged} unchanged"
        + (f", {r.students_skipped} skipped (tobedeleted)" if r.students_skipped else "")
        + f"; contacts: {r.contacts_added} added, "
        f"{r.contacts_updated} updated, {r.contacts_removed} removed"
        + (f"; new schools: {', '.join(r.schools_added)}" if r.schools_added else "")
    )
    from staffdesk.cli.sync import admin_hint

    emit(a, text + admin_hint(app), r)
    return 0


def register(c: Commands) -> None:
    g = c.group("roster", "the student roster")
    sp = c.leaf(
        g,
        "import",
        cmd_roster_import,
        "import students (and contacts) from SIS CSV files or a OneRoster 1.1/1.2 export",
    )
    sp.add_argument("students", type=Path, nargs="?", help="students CSV file")
    sp.add_argument(
        "--oneroster",
        type=Path,
        metavar="FOLDER_OR_ZIP",
        help="a OneRoster CSV bulk export (orgs.csv, users.csv, roles.csv, manifest.csv)",
    )
    sp.add_argument(
        "--contacts",
        type=Path,
        help="contacts CSV file (with --oneroster: laid over the export's agents)",
    )
