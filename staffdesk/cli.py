"""`staffdesk`: launches the desktop app, and the admin and batch commands over the services.

Exit codes: 0 success, 1 a refused action or bad input (message on stderr naming the field),
2 a usage error, 3 an unexpected error (logged; the message says where).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from staffdesk import applog
from staffdesk.domain.errors import StaffDeskError, ValidationError
from staffdesk.store import db

log = logging.getLogger("staffdesk.cli")


class Usage(Exception):
    """A usage error the parser could not catch (exit 2)."""


# --------------------------------------------------------------------------------- plumbing


def _json_default(o: Any) -> Any:
    if isinstance(o, datetime | date):
        return o.isoformat()
    if isinstance(o, Enum):
        return o.value
    if isinstance(o, frozenset | set | tuple):
        return list(o)
    if is_dataclass(o) and not isinstance(o, type):
        return asdict(o)
    return str(o)


def emit(args: argparse.Namespace, text: str, data: Any = None) -> None:
    if getattr(args, "json", False):
        payload = data if data is not None else {"message": text}
        if is_dataclass(payload) and not isinstance(payload, type):
            payload = asdict(payload)
        print(json.dumps(payload, default=_json_default, ensure_ascii=False, indent=2))
    else:
        print(text)


class App:
    """What a command needs: the database, a unit of work, and the signed-in staff member."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.url = args.db or os.environ.get("STAFFDESK_DB") or db.default_url()
        self._factory: sessionmaker[Session] | None = None

    @property
    def factory(self) -> sessionmaker[Session]:
        if self._factory is None:
            engine = db.make_engine(self.url)
            # a new store is created on first use; an older one gets this build's migrations
            # (one version query when it is already current)
            db.upgrade(engine)
            self._factory = db.session_factory(engine)
        return self._factory

    @property
    def pending_sync(self) -> bool:
        """A passcode issued here reaches the portal only after `staffdesk sync`."""
        from staffdesk.sync import config

        return config.issues_pending_sync(self.url)

    @contextmanager
    def work(self) -> Iterator[Session]:
        with db.unit_of_work(self.factory) as session:
            yield session

    def actor(self, session: Session) -> Any:
        from staffdesk.services import staff

        username = getattr(self.args, "as_user", None)
        if not username:
            raise Usage("this command acts as a staff member: add --as USER")
        password = os.environ.get("STAFFDESK_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                raise ValidationError(
                    "password", "set STAFFDESK_PASSWORD or run in a terminal to be asked"
                )
            password = getpass.getpass(f"Password for {username}: ")
        return staff.authenticate(session, username, password)


def _new_password() -> str:
    password = os.environ.get("STAFFDESK_NEW_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise ValidationError("password", "set STAFFDESK_NEW_PASSWORD or run in a terminal")
    first = getpass.getpass("New account's password: ")
    if getpass.getpass("Again: ") != first:
        raise ValidationError("password", "the two entries differ")
    return first


def _write_private(path: Path, writer: Callable[[Any], Any]) -> None:
    """Write a file that holds VPCs: owner-only, via a temporary file, removed on failure."""
    from staffdesk.domain.errors import PrintFailed

    path = path.expanduser()
    if not path.parent.is_dir():
        raise ValidationError("out", f"folder {path.parent} does not exist")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PrintFailed(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)


# --------------------------------------------------------------------------------- commands


def cmd_gui(app: App) -> int:
    try:
        from staffdesk.ui.app import run
    except ImportError as exc:  # no Qt libraries on this machine, or no UI module
        print(f"the desktop app cannot start here: {exc}", file=sys.stderr)
        return 1
    return run(app.url, demo=False)


def cmd_init(app: App) -> int:
    engine = db.make_engine(app.url)
    db.upgrade(engine)
    emit(app.args, f"schema is up to date at {db.redacted(app.url)}", {"url": db.redacted(app.url)})
    return 0


def cmd_demo(app: App) -> int:
    from staffdesk.services import demo, staff

    if not app.args.db and not os.environ.get("STAFFDESK_DB"):
        app.url = db.demo_url()
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
        f"demo district {'created' if created else 'ready'} at {db.redacted(app.url)}\n"
        f"sign in as one of: {', '.join(sorted(accounts))} — password {demo.DEMO_PASSWORD}"
    )
    emit(app.args, text, {"url": db.redacted(app.url), "accounts": accounts, "created": created})
    if app.args.no_gui:
        return 0
    try:
        from staffdesk.ui.app import run
    except ImportError as exc:
        print(f"the desktop app cannot start here: {exc}", file=sys.stderr)
        return 1
    return run(app.url, demo=True)


def cmd_staff_add(app: App) -> int:
    from staffdesk.services import staff

    a = app.args
    with app.work() as s:
        actor = app.actor(s) if a.as_user else None  # only the first account goes without
        v = staff.add_staff(
            s,
            actor,
            username=a.user,
            role=a.role,
            password=_new_password(),
            display_name=a.name or "",
            schools=a.school or [],
        )
    emit(
        a,
        f"added {v.role.value} {v.username} ({v.display_name})"
        + (f" for {', '.join(v.schools)}" if v.schools else ""),
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


def cmd_settings_show(app: App) -> int:
    from staffdesk.services import settings

    with app.work() as s:
        values = settings.load(s).as_dict()
    emit(app.args, "\n".join(f"{k} = {v}" for k, v in values.items()), values)
    return 0


def cmd_settings_set(app: App) -> int:
    from staffdesk.services import settings

    with app.work() as s:
        values = settings.set_value(s, app.actor(s), app.args.key, app.args.value).as_dict()
    emit(app.args, f"{app.args.key} = {values[app.args.key]}", values)
    return 0


def _request_text(v: Any) -> str:
    lines = [
        f"request {v.id}  [{v.status.value}, version {v.version}]",
        f"  student   {v.permanent_id} {v.roster_name} ({v.school_name})",
        f"  guardian  {v.guardian_name} <{v.email}> {v.phone_display}",
    ]
    if v.name_mismatch:
        lines.append(f"  ! the form says {v.written_name!r}")
    if v.restricted_match:
        lines.append(f"  ! {v.restricted_match} is a RESTRICTED contact")
    elif not v.guardian_on_contacts:
        lines.append("  ! the guardian is not on the student's contact list")
    if v.identity:
        lines.append(
            f"  identity  {v.identity.document_label}"
            + (f" ({v.identity.document_description})" if v.identity.document_description else "")
            + (f", ends {v.identity.last4}" if v.identity.last4 else "")
            + f" — verified by {v.identity.verified_by}"
        )
    if v.decision:
        lines.append(
            f"  decision  {v.decision.outcome} by {v.decision.decided_by}"
            + (f": {v.decision.reason}" if v.decision.reason else "")
        )
    for p in v.passcodes:
        lines.append(
            f"  passcode  {p.serial} {p.state.value}, expires {p.expires_at:%Y-%m-%d}"
            + (f", used {p.used_at:%Y-%m-%d %H:%M} by {p.used_by_account}" if p.used_at else "")
        )
    lines.append("  next      " + (", ".join(x.value for x in v.allowed) or "nothing"))
    return "\n".join(lines)


def cmd_request_add(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    form = requests.AccessForm(
        permanent_id=a.student,
        guardian_name=a.guardian,
        address=a.address,
        phone=a.phone,
        email=a.email,
        signed_on=a.signed_on,
        first_name=a.first or "",
        middle_name=a.middle or "",
        last_name=a.last or "",
        school_code=a.school or "",
    )
    with app.work() as s:
        rec = requests.record_request(
            s, app.actor(s), form, accept_name_mismatch=a.accept_name_mismatch
        )
    for w in rec.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if a.json:
        emit(a, "", {"request": rec.request, "warnings": list(rec.warnings)})
    else:
        print(_request_text(rec.request))
        print(rec.request.id)
    return 0


def cmd_request_show(app: App) -> int:
    from staffdesk.services import requests

    with app.work() as s:
        v = requests.get_request(s, app.actor(s), app.args.request)
    emit(app.args, _request_text(v), v)
    return 0


def cmd_request_verify(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    with app.work() as s:
        v = requests.verify_identity(
            s,
            app.actor(s),
            a.request,
            document_kind=a.document,
            description=a.note or "",
            last4=a.last4 or "",
        )
    emit(a, _request_text(v), v)
    return 0


def cmd_request_approve(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    with app.work() as s:
        v = requests.approve(s, app.actor(s), a.request, override_reason=a.override_reason or "")
    emit(a, _request_text(v), v)
    return 0


def cmd_request_reject(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    with app.work() as s:
        v = requests.reject(s, app.actor(s), a.request, reason=a.reason)
    emit(a, _request_text(v), v)
    return 0


def _issue(app: App, reissue: bool) -> int:
    from staffdesk.services import requests
    from staffdesk.slips.render import render_slips

    a = app.args
    out = Path(a.out)
    with _removed_on_failure(out), app.work() as s:
        actor = app.actor(s)
        issued = requests.issue_passcodes(
            s,
            actor,
            a.request,
            language=a.lang or "",
            reissue=reissue,
            pending_sync=app.pending_sync,
        )
        _write_private(out, lambda fh: render_slips([issued.slip], fh))
        requests.log_printed(s, actor, issued, "family" if len(a.request) > 1 else "slip")
    serials = [st.serial for st in issued.slip.students]
    emit(
        a,
        f"{'reissued' if reissue else 'issued'} {len(serials)} passcode(s) "
        f"({', '.join(serials)}); slip written to {out}"
        + (
            "\npending sync: the portal accepts these codes after the next `staffdesk sync`"
            if issued.slip.pending_sync
            else ""
        ),
        {
            "passcodes": list(issued.passcode_ids),
            "serials": serials,
            "out": str(out),
            "revoked": list(issued.revoked_ids),
            "pending_sync": issued.slip.pending_sync,
        },
    )
    return 0


@contextmanager
def _removed_on_failure(out: Path) -> Iterator[None]:
    """A slip whose passcodes were not committed must not survive: its codes never work."""
    existed = out.exists()
    try:
        yield
    except BaseException:
        if not existed:
            out.unlink(missing_ok=True)
        raise


def cmd_slips_batch(app: App) -> int:
    from staffdesk.services import batch

    a = app.args
    out = Path(a.out)
    last = [""]

    def progress(phase: str, done: int, total: int) -> None:
        if sys.stderr.isatty() or done == total:
            line = f"{phase}: {done}/{total}"
            if line != last[0]:
                print(line, file=sys.stderr)
                last[0] = line

    with _removed_on_failure(out), app.work() as s:
        actor = app.actor(s)
        holder: list[batch.BatchResult] = []
        _write_private(
            out,
            lambda fh: holder.append(
                batch.issue_batch(
                    s,
                    actor,
                    a.school,
                    fh,
                    grade=a.grade,
                    language=a.lang or "",
                    progress=progress,
                    pending_sync=app.pending_sync,
                )
            ),
        )
    r = holder[0]
    emit(
        a,
        f"batch {r.batch_id}: issued {r.issued} passcode(s) at {r.school_code}, "
        f"{r.pages} page(s) written to {out}\n"
        f"if these slips are lost: staffdesk passcode revoke --batch {r.batch_id} --reason ...",
        {"batch_id": r.batch_id, "issued": r.issued, "pages": r.pages, "out": str(out)},
    )
    return 0


def cmd_forms_blank(app: App) -> int:
    from staffdesk.services import settings
    from staffdesk.slips.blank_form import render_blank_form
    from staffdesk.store.models import School

    a = app.args
    with app.work() as s:
        district = settings.load(s).district_name
        school_name = None
        if a.school:
            school = s.get(School, a.school.strip().upper())
            if school is None:
                raise ValidationError("school", f"unknown school code {a.school!r}")
            school_name = school.name
    out = Path(a.out)
    if not out.parent.is_dir():
        raise ValidationError("out", f"folder {out.parent} does not exist")
    render_blank_form(out, language=a.lang or "en", district_name=district, school_name=school_name)
    emit(a, f"blank Parent Access Form written to {out}", {"out": str(out)})
    return 0


def cmd_passcode_issue(app: App) -> int:
    return _issue(app, reissue=False)


def cmd_passcode_reissue(app: App) -> int:
    return _issue(app, reissue=True)


def cmd_passcode_revoke(app: App) -> int:
    from staffdesk.services import requests

    a = app.args
    if bool(a.request) == bool(a.batch):
        raise Usage("name either a request or --batch BATCH")
    with app.work() as s:
        actor = app.actor(s)
        if a.batch:
            n = requests.revoke_batch(s, actor, a.batch, reason=a.reason)
            text, data = f"revoked {n} passcode(s) of batch {a.batch}", {"revoked": n}
        else:
            v = requests.revoke_passcode(s, actor, a.request, reason=a.reason)
            text, data = _request_text(v), v
    emit(a, text, data)
    return 0


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


# ----------------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="staffdesk",
        description="StaffDesk: Parent Access Forms "
        "to parent-portal links. With no command, opens the desktop app.",
    )
    p.add_argument(
        "--db", help="database URL (default: STAFFDESK_DB, else the embedded SQLite file)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_gui, command=None)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    staff_opts = argparse.ArgumentParser(add_help=False)
    staff_opts.add_argument("--as", dest="as_user", metavar="USER", help="act as this staff member")
    staff_opts.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    plain = argparse.ArgumentParser(add_help=False)
    plain.add_argument("--json", action="store_true", default=argparse.SUPPRESS)

    def leaf(
        parent: Any, name: str, func: Callable[[App], int], help_: str, staff: bool = True
    ) -> Any:
        sp = parent.add_parser(
            name, help=help_, description=help_, parents=[staff_opts if staff else plain]
        )
        sp.set_defaults(func=func)
        return sp

    def group(name: str, help_: str) -> Any:
        g = sub.add_parser(name, help=help_, description=help_)
        return g.add_subparsers(dest="action", metavar="ACTION", required=True)

    leaf(sub, "init", cmd_init, "create or upgrade the schema", staff=False)
    d = leaf(
        sub,
        "demo",
        cmd_demo,
        "load a demo district (own database file) and open the app",
        staff=False,
    )
    d.add_argument("--no-gui", action="store_true", help="load only, do not open the app")

    g = group("staff", "staff accounts")
    sp = leaf(g, "add", cmd_staff_add, "add a staff account (the first must be an admin)")
    sp.add_argument("user")
    sp.add_argument("--role", required=True, choices=["clerk", "approver", "admin"])
    sp.add_argument("--school", nargs="+", action="extend", metavar="CODE")
    sp.add_argument("--name", help="display name")
    leaf(g, "list", cmd_staff_list, "list staff accounts")

    g = group("school", "schools")
    sp = leaf(g, "rename", cmd_school_rename, "rename a school")
    sp.add_argument("code")
    sp.add_argument("name")

    g = group("roster", "the student roster")
    sp = leaf(g, "import", cmd_roster_import, "import students (and contacts) from SIS CSV files")
    sp.add_argument("students", type=Path)
    sp.add_argument("--contacts", type=Path)

    g = group("settings", "district-wide settings")
    leaf(g, "show", cmd_settings_show, "show the settings", staff=False)
    sp = leaf(g, "set", cmd_settings_set, "change a setting (admin)")
    sp.add_argument("key")
    sp.add_argument("value")

    g = group("request", "Parent Access Forms")
    sp = leaf(g, "add", cmd_request_add, "record a Parent Access Form")
    sp.add_argument("--student", required=True, metavar="ID", help="Student Permanent ID")
    sp.add_argument("--guardian", required=True, metavar="NAME")
    sp.add_argument("--email", required=True)
    sp.add_argument("--phone", required=True)
    sp.add_argument("--address", required=True)
    sp.add_argument("--signed-on", required=True, metavar="YYYY-MM-DD")
    sp.add_argument("--first")
    sp.add_argument("--middle")
    sp.add_argument("--last")
    sp.add_argument("--school", metavar="CODE")
    sp.add_argument(
        "--accept-name-mismatch",
        action="store_true",
        help="record even though the written name differs from the roster",
    )
    sp = leaf(g, "show", cmd_request_show, "show a request")
    sp.add_argument("request")
    sp = leaf(g, "verify", cmd_request_verify, "record the parent's identity check")
    sp.add_argument("request")
    sp.add_argument(
        "--document", required=True, choices=["ca-id", "drivers-licence", "passport", "other"]
    )
    sp.add_argument("--note", help="what the document is (required for other)")
    sp.add_argument("--last4", help="last 4 characters of the document number (optional)")
    sp = leaf(g, "approve", cmd_request_approve, "approve a verified request")
    sp.add_argument("request")
    sp.add_argument("--override-reason", help="admin only: override a restricted-contact block")
    sp = leaf(g, "reject", cmd_request_reject, "reject a request")
    sp.add_argument("request")
    sp.add_argument("--reason", required=True)

    g = group("passcode", "Verification PassCodes")
    for name, func, help_ in (
        (
            "issue",
            cmd_passcode_issue,
            "issue passcodes and write the slip (several: a family slip)",
        ),
        ("reissue", cmd_passcode_reissue, "revoke the current passcode and issue a new one"),
    ):
        sp = leaf(g, name, func, help_)
        sp.add_argument("request", nargs="+")
        sp.add_argument("--out", required=True, metavar="SLIP.pdf")
        sp.add_argument("--lang", help="slip language (default: the family's, else the district's)")
    sp = leaf(g, "revoke", cmd_passcode_revoke, "revoke a request's passcode, or a whole batch")
    sp.add_argument("request", nargs="?")
    sp.add_argument("--batch")
    sp.add_argument("--reason", required=True)

    g = group("slips", "credential slips")
    sp = leaf(
        g,
        "batch",
        cmd_slips_batch,
        "issue and print slips for every approved request at a school (all-or-nothing)",
    )
    sp.add_argument("--school", required=True, metavar="CODE")
    sp.add_argument("--out", required=True, metavar="FILE.pdf")
    sp.add_argument("--grade")
    sp.add_argument("--lang", help="slip language (default: each family's, else the district's)")

    g = group("forms", "printable forms")
    sp = leaf(g, "blank", cmd_forms_blank, "the blank two-sided Parent Access Form", staff=False)
    sp.add_argument("--out", required=True, metavar="FILE.pdf")
    sp.add_argument("--lang", default="en")
    sp.add_argument("--school", metavar="CODE")

    g = group("portal", "the reference portal check")
    sp = leaf(
        g, "link", cmd_portal_link, "link a portal account (what the portal runs)", staff=False
    )
    sp.add_argument("--student", required=True, metavar="ID")
    sp.add_argument("--phone", required=True)
    sp.add_argument("--vpc", required=True)
    sp.add_argument("--account", required=True, metavar="EMAIL")
    sp.add_argument("--contact", metavar="NAME")

    g = group("audit", "the audit trail")
    leaf(g, "verify", cmd_audit_verify, "check the audit chain for tampering")
    sp = leaf(g, "export", cmd_audit_export, "export the audit trail as CSV (admin)")
    sp.add_argument("--out", required=True, metavar="FILE.csv")

    for extend in _extensions():
        extend(sub, leaf, group)
    return p


# other packages add their command groups: each module has register(subparsers, leaf, group)
EXTENSION_MODULES = ("staffdesk.sync.commands",)


def _extensions() -> list[Callable[[Any, Any, Any], None]]:
    import importlib

    found = []
    for name in EXTENSION_MODULES:
        try:
            found.append(importlib.import_module(name).register)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "json"):
        args.json = False
    logfile = applog.setup()
    app = App(args)
    try:
        return int(args.func(app))
    except Usage as exc:
        parser.error(str(exc))
        return 2
    except StaffDeskError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        # the message may quote what was typed (a phone number): log only what kind of refusal
        log.info("refused: %s %s", type(exc).__name__, getattr(exc, "field", ""))
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception:
        log.exception("unexpected error")
        print(f"unexpected error — details are in {logfile}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
