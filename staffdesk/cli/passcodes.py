"""`staffdesk passcode issue|reissue|revoke`."""

from __future__ import annotations

from staffdesk.cli.app import App, Commands, Usage, emit
from staffdesk.cli.requests import request_text
from staffdesk.domain.messages import msg
from staffdesk.services.codes import CodeState


def _issue(app: App, reissue: bool) -> int:
    from staffdesk.services import delivery

    a = app.args
    out = app.out_path(a.out)
    with delivery.removed_on_failure(out), app.work() as s:
        issued = delivery.deliver_slips(
            s,
            app.actor(s),
            a.request,
            out=out,
            language=a.lang or "",
            reissue=reissue,
            override_reason=a.override_reason or "",
            possible_match_reason=a.possible_match_reason or "",
        ).issued
    serials = [st.serial for st in issued.slip.students]
    emit(
        a,
        f"{'reissued' if reissue else 'issued'} {len(serials)} passcode(s) "
        f"({', '.join(serials)}); slip written to {out}"
        + (
            f"\nrevoked the old code(s) {', '.join(issued.revoked_serials)}: they no longer work"
            if issued.revoked_serials
            else ""
        )
        + (
            "\npending sync: the portal accepts these codes after the next `staffdesk sync`"
            if issued.slip.pending_sync
            else ""
        )
        + (
            f"\nlanguage: the slip is in English: no slip text ships for the family's language "
            f"{issued.language_fallback!r}"
            if issued.language_fallback
            else ""
        ),
        {
            "passcodes": list(issued.passcode_ids),
            "serials": serials,
            "out": str(out),
            "revoked": list(issued.revoked_ids),
            "revoked_serials": list(issued.revoked_serials),
            "pending_sync": issued.slip.pending_sync,
            "language": issued.slip.language,
            "language_fallback": issued.language_fallback,
        },
    )
    return 0


def cmd_passcode_issue(app: App) -> int:
    return _issue(app, reissue=False)


def cmd_passcode_reissue(app: App) -> int:
    return _issue(app, reissue=True)


def cmd_passcode_revoke(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    if bool(a.request) == bool(a.batch):
        raise Usage(msg("cli.request_or_batch"))
    with app.work() as s:
        actor = app.actor(s)
        data: object
        if a.batch:
            n = requests.revoke_batch(s, actor, a.batch, reason=a.reason)
            text, data = f"revoked {n} passcode(s) of batch {a.batch}", {"revoked": n}
        else:
            v = requests.revoke_passcode(s, actor, a.request, reason=a.reason)
            text, data = request_text(v), v
    emit(a, text, data)
    return 0


def cmd_passcode_list(app: App) -> int:
    from staffdesk.services import codes

    a = app.args
    if a.within_days is not None and a.state != codes.CodeState.EXPIRING.value:
        raise Usage(msg("cli.within_days_expiring"))
    rows: list[codes.CodeRow] = []
    with app.work() as s:
        actor = app.actor(s)
        page = codes.list_codes(s, actor, a.school, a.state, within_days=a.within_days, limit=500)
        rows += page.rows
        while page.more:  # the whole list: a school has a few thousand codes at most
            page = codes.list_codes(
                s, actor, a.school, a.state, within_days=a.within_days, offset=len(rows), limit=500
            )
            rows += page.rows
    head = {
        "unused": "unused codes",
        "expiring": f"unused codes expiring within {page.within_days} day(s)",
        "expired": "codes that expired unused",
        "locked": "codes locked by the portal after failed attempts",
        "used": "codes used (linked)",
    }[page.state.value]
    lines = [f"{page.school}: {len(rows)} {head}"]
    for r in rows:
        when = (
            f"used {r.used_at:%Y-%m-%d} by {r.used_by_account}"
            if r.used_at
            else f"expires {r.expires_at:%Y-%m-%d}"
        )
        if page.state.value == "locked":
            when += f", {r.failed_attempts} failed attempts"
        lines.append(
            f"  {r.serial:24} {r.permanent_id:12} {r.student} — {r.guardian}; "
            f"issued {r.issued_at:%Y-%m-%d} by {r.issued_by}, {when}"
        )
    emit(
        a,
        "\n".join(lines),
        {
            "school": page.school,
            "state": page.state.value,
            "within_days": page.within_days if page.state.value == "expiring" else None,
            "count": len(rows),
            "codes": rows,
        },
    )
    return 0


def register(c: Commands) -> None:
    g = c.group("passcode", "Verification PassCodes")
    for name, func, help_ in (
        (
            "issue",
            cmd_passcode_issue,
            "issue passcodes and write the slip (several: a family slip)",
        ),
        ("reissue", cmd_passcode_reissue, "revoke the current passcode and issue a new one"),
    ):
        sp = c.leaf(g, name, func, help_)
        sp.add_argument("request", nargs="+")
        sp.add_argument("--out", required=True, metavar="SLIP.pdf")
        sp.add_argument("--lang", help="slip language (default: the family's, else the district's)")
        sp.add_argument(
            "--override-reason",
            help="admin only: issue although the guardian is now a restricted contact",
        )
        sp.add_argument(
            "--possible-match-reason",
            help="approver: issue although the guardian's name is close to a restricted contact "
            "the approval did not acknowledge (say why they are different people)",
        )
    sp = c.leaf(g, "revoke", cmd_passcode_revoke, "revoke a request's passcode, or a whole batch")
    sp.add_argument("request", nargs="?")
    sp.add_argument("--batch")
    sp.add_argument("--reason", required=True)
    sp = c.leaf(g, "list", cmd_passcode_list, "a school's codes by state (the codes dashboard)")
    sp.add_argument("--school", required=True, metavar="CODE")
    sp.add_argument("--state", required=True, choices=[s.value for s in CodeState])
    sp.add_argument(
        "--within-days",
        type=int,
        metavar="N",
        help="with --state expiring: expiring within N days (default 7)",
    )
