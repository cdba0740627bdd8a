"""`staffdesk audit verify|export`."""

from __future__ import annotations

from pathlib import Path

from staffdesk.cli.app import App, Commands, emit


def cmd_audit_verify(app: App) -> int:
    from staffdesk.services import audit

    with app.work() as s:
        app.actor(s) if app.args.as_user else None
        r = audit.verify(s)
    if r.ok:
        emit(app.args, f"audit trail intact: {r.events} events in {r.chains} chain(s)", r)
        return 0
    emit(
        app.args,
        "AUDIT TRAIL BROKEN:\n"
        + "\n".join(f"  chain {p.chain} event {p.seq}: {p.problem}" for p in r.problems),
        r,
    )
    return 1


def cmd_audit_export(app: App) -> int:
    from staffdesk.services import audit

    with app.work() as s:
        n = audit.export_csv(s, app.actor(s), Path(app.args.out))
    emit(app.args, f"exported {n} events to {app.args.out}", {"events": n, "out": app.args.out})
    return 0


def register(c: Commands) -> None:
    g = c.group("audit", "the audit trail")
    c.leaf(g, "verify", cmd_audit_verify, "check the audit chain for tampering")
    sp = c.leaf(g, "export", cmd_audit_export, "export the audit trail as CSV (admin)")
    sp.add_argument("--out", required=True, metavar="FILE.csv")
