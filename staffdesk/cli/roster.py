"""`staffdesk roster import`."""

from __future__ import annotations

from pathlib import Path

from staffdesk.cli.app import App, Commands, emit


def cmd_roster_import(app: App) -> int:
    from staffdesk.services import roster

    a = app.args
    with app.work() as s:
        r = roster.import_roster(s, app.actor(s), a.students, a.contacts)
    text = (
        f"students: {r.students_added} added, {r.students_updated} updated, "
        f"{r.students_unchanged} unchanged; contacts: {r.contacts_added} added, "
        f"{r.contacts_updated} updated, {r.contacts_removed} removed"
        + (f"; new schools: {', '.join(r.schools_added)}" if r.schools_added else "")
    )
    emit(a, text, r)
    return 0


def register(c: Commands) -> None:
    g = c.group("roster", "the student roster")
    sp = c.leaf(g, "import", cmd_roster_import, "import students (and contacts) from SIS CSV files")
    sp.add_argument("students", type=Path)
    sp.add_argument("--contacts", type=Path)
