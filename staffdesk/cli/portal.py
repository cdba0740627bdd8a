"""`staffdesk portal link`: the reference portal check, as the portal runs it."""

from __future__ import annotations

from staffdesk.cli.app import App, Commands, emit


def cmd_portal_link(app: App) -> int:
    from staffdesk.services import portal

    a = app.args
    with app.work() as s:
        result = portal.link(
            s,
            permanent_id=a.student,
            phone=a.phone,
            vpc=a.vpc,
            account_email=a.account,
            contact_name=a.contact or "",
        )
    if isinstance(result, portal.PortalRefused):
        raise result
    lines = [
        f"linked {result.account_email} to student {result.permanent_id} ({result.student_name})"
    ]
    if result.contact:
        lines.append(f"contact: {result.contact.name} ({result.contact.relationship})")
    else:
        lines.append("which one are you? the student's emergency contacts:")
        lines += [f"  - {c.name} ({c.relationship})" for c in result.contacts]
    emit(a, "\n".join(lines), result)
    return 0


def register(c: Commands) -> None:
    g = c.group("portal", "the reference portal check")
    sp = c.leaf(
        g, "link", cmd_portal_link, "link a portal account (what the portal runs)", staff=False
    )
    sp.add_argument("--student", required=True, metavar="ID")
    sp.add_argument("--phone", required=True)
    sp.add_argument("--vpc", required=True)
    sp.add_argument("--account", required=True, metavar="EMAIL")
    sp.add_argument("--contact", metavar="NAME")
