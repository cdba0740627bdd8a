"""`staffdesk student find`: the desk's search on the command line (the same service)."""

from __future__ import annotations

from staffdesk.cli.app import App, Commands, emit


def cmd_student_find(app: App) -> int:
    from staffdesk.services import queries

    a = app.args
    with app.work() as s:
        page = queries.search_students(s, app.actor(s), a.text, limit=a.limit)
    lines = [f"{r.id:12} {r.school_code:8} {r.grade:>3}  {r.name}" for r in page.rows]
    if page.more:
        lines.append(f"… more than {len(page.rows)}: type more of the name")
    if not page.rows:
        lines = [f"no student found for {a.text!r}"]
    emit(a, "\n".join(lines), {"students": list(page.rows), "more": page.more})
    return 0


def register(c: Commands) -> None:
    g = c.group("student", "students on the roster")
    sp = c.leaf(
        g,
        "find",
        cmd_student_find,
        "find students by any word of any name part, or by the start of a permanent id",
    )
    sp.add_argument("text", help='e.g. "tran bao", obrien, 10000')
    sp.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
