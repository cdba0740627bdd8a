"""`staffdesk audit verify|export|checkpoints`."""

from __future__ import annotations

from pathlib import Path

from staffdesk.cli.app import App, Commands, emit


def cmd_audit_verify(app: App) -> int:
    from staffdesk.services import anchors, audit

    against = anchors.read_checkpoints(Path(app.args.against)) if app.args.against else None
    with app.work() as s:
        app.actor(s) if app.args.as_user else None
        r = audit.verify(s, against)
    if r.ok:
        anchored = f", {r.anchored} anchored by checkpoints" if r.anchored else ""
        checked = f", checked against {len(against)} exported checkpoints" if against else ""
        emit(
            app.args,
            f"audit trail intact: {r.events} events in {r.chains} chain(s){anchored}{checked}",
            r,
        )
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


def cmd_audit_checkpoints(app: App) -> int:
    from staffdesk.services import anchors

    out = Path(app.args.out)
    with app.work() as s:
        written = anchors.export_checkpoints(s, out)
    chains = len({a.chain for a in written})
    emit(
        app.args,
        f"exported {len(written)} checkpoints of {chains} chain(s) to {out}; keep it off the "
        "database (print it, mail it): `staffdesk audit verify --against` checks against it",
        {"checkpoints": len(written), "chains": chains, "out": str(out)},
    )
    return 0


def register(c: Commands) -> None:
    g = c.group("audit", "the audit trail")
    sp = c.leaf(g, "verify", cmd_audit_verify, "check the audit chains and their checkpoints")
    sp.add_argument(
        "--against",
        metavar="FILE",
        help="also check against checkpoints exported earlier with `audit checkpoints`",
    )
    sp = c.leaf(g, "export", cmd_audit_export, "export the audit trail as CSV (admin)")
    sp.add_argument("--out", required=True, metavar="FILE.csv")
    sp = c.leaf(
        g, "checkpoints", cmd_audit_checkpoints, "export the chains' checkpoints (kept off the DB)"
    )
    sp.add_argument("--out", required=True, metavar="FILE.json")
