"""Every action the desk runs off the UI thread, by name, in one list.

As Anki's aqt/operations (CollectionOp, QueryOp): each user action is a function below that
returns an operation; the window adds what happens on success and on failure and runs it:

    operations.record_form(actor, form).success(self._recorded).failure(self._failed).run(
        self.desk, owner=self
    )

A DbOp runs on the single database thread in one unit of work (commit on success, roll back on
error: services.storage); a CpuOp runs on the drawing thread without the database (rasterising
a slip, writing a file). Success and failure are called on the UI thread, and not at all once
the owner window has closed. Without a failure callback a refusal is shown in the error dialog.
The operations only call services: what an action does is decided there.

The services are imported inside the operations that call them, not at the top: the sign-in
window imports this module, and it shows before SQLAlchemy, the slips (reportlab) and the
services are loaded (the database thread loads them while the user types; benchmarks/bench_ui.py,
cold start; tests/test_ui_cold_start.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject

from staffdesk.services.context import Actor

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from sqlalchemy.orm import Session, sessionmaker

    from staffdesk.services import (
        audit,
        batch,
        codes,
        countersign,
        delivery,
        lost_slip,
        queries,
        settings,
        staff,
    )
    from staffdesk.services import requests as req_svc
    from staffdesk.ui.base import Desk
    from staffdesk.ui.queue import DecisionContext

T = TypeVar("T")

OPERATIONS: dict[str, str] = {}  # name -> what it does: the list a reader looks at


def _named(doc: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        OPERATIONS[fn.__name__] = doc
        fn.__doc__ = doc
        return fn

    return register


class _Op(Generic[T]):
    def __init__(self, name: str) -> None:
        self.name = name
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[BaseException], object] | None = None

    def success(self, fn: Callable[[T], object]) -> _Op[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], object]) -> _Op[T]:
        self._failure = fn
        return self

    def run(self, desk: Desk, owner: QObject | None = None) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name})"


class DbOp(_Op[T]):
    """One user action in one unit of work on the database thread."""

    def __init__(self, name: str, work: Callable[[Session], T]) -> None:
        super().__init__(name)
        self.work = work

    def run(self, desk: Desk, owner: QObject | None = None) -> None:
        desk.worker.submit(self.work, self._success, self._failure, owner=owner)


class CpuOp(_Op[T]):
    """Work without the database (drawing, writing a file), off the UI and database threads."""

    def __init__(self, name: str, work: Callable[[], T]) -> None:
        super().__init__(name)
        self.work = work

    def run(self, desk: Desk, owner: QObject | None = None) -> None:
        desk.worker.compute(self.work, self._success, self._failure, owner=owner)


# ---------------------------------------------------------------------------- signing in


@_named("Check a staff member's password; the schools they may see.")
def sign_in(username: str, password: str) -> DbOp[tuple[Actor, list[queries.SchoolRow]]]:
    def work(s: Session) -> tuple[Actor, list[queries.SchoolRow]]:
        from staffdesk.services import queries, staff

        actor = staff.authenticate(s, username, password)
        return actor, queries.list_schools(s, actor)

    return DbOp("sign_in", work)


# ------------------------------------------------------------------------ the front desk


@_named("A student's card: contacts, requests and codes.")
def load_card(actor: Actor, permanent_id: str, store_url: str) -> DbOp[queries.StudentCard]:
    from staffdesk.services import delivery, queries

    pending = delivery.issues_pending_sync(store_url)
    return DbOp(
        "load_card",
        lambda s: queries.student_card(s, actor, permanent_id, show_unsynced=pending),
    )


@_named("Record a Parent Access Form.")
def record_form(
    actor: Actor,
    form: req_svc.AccessForm,
    *,
    accept_name_mismatch: bool = False,
    accept_duplicate: bool = False,
) -> DbOp[req_svc.Recorded]:
    from staffdesk.services import requests as req_svc

    return DbOp(
        "record_form",
        lambda s: req_svc.record_request(
            s,
            actor,
            form,
            accept_name_mismatch=accept_name_mismatch,
            accept_duplicate=accept_duplicate,
        ),
    )


@_named("Record how the parent's identity was checked.")
def verify_identity(
    actor: Actor,
    request_id: str,
    *,
    document_kind: str,
    description: str,
    last4: str,
    expected_version: int | None,
) -> DbOp[req_svc.RequestView]:
    from staffdesk.services import requests as req_svc

    return DbOp(
        "verify_identity",
        lambda s: req_svc.verify_identity(
            s,
            actor,
            request_id,
            document_kind=document_kind,
            description=description,
            last4=last4,
            expected_version=expected_version,
        ),
    )


# ------------------------------------------------------------------------- slips and codes


@_named("What the issue dialog shows: the request and the siblings a family slip may add.")
def issue_context(actor: Actor, request_id: str) -> DbOp[delivery.IssueContext]:
    from staffdesk.services import delivery

    return DbOp("issue_context", lambda s: delivery.issue_context(s, actor, request_id))


@_named("Issue or reissue the codes of one slip and draw it (services.delivery).")
def deliver_slips(
    actor: Actor,
    request_ids: Sequence[str],
    *,
    language: str,
    reissue: bool,
    expected_versions: Sequence[int | None],
    possible_match_reason: str = "",
) -> DbOp[delivery.Delivery]:
    from staffdesk.services import delivery

    return DbOp(
        "deliver_slips",
        lambda s: delivery.deliver_slips(
            s,
            actor,
            request_ids,
            language=language,
            reissue=reissue,
            expected_versions=expected_versions,
            possible_match_reason=possible_match_reason,
        ),
    )


@_named("The slip reached the printer or a file: log the print.")
def record_delivery(
    actor: Actor, issued: req_svc.Issued, kind: delivery.DeliveryKind
) -> DbOp[None]:
    from staffdesk.services import delivery

    return DbOp("record_delivery", lambda s: delivery.record_delivery(s, actor, issued, kind))


@_named("Save a delivered slip's PDF privately (Save as PDF).")
def save_slips(pdf: bytes, path: str | Path) -> CpuOp[None]:
    from staffdesk.services import delivery

    return CpuOp("save_slips", lambda: delivery.save_slips(pdf, path))


@_named("A PDF's pages as images, for the preview or the printer.")
def rasterise(pdf: bytes, dpi: int) -> CpuOp[list[QImage]]:
    from staffdesk.ui.pdfimage import pdf_pages

    return CpuOp("rasterise", lambda: pdf_pages(pdf, dpi))


@_named("Issue and print a school's approved requests, all or nothing, into a private file.")
def deliver_batch(
    actor: Actor,
    school_code: str,
    out: Path,
    *,
    grade: str | None,
    language: str,
    progress: batch.Progress,
    cancelled: Callable[[], bool],
    possible_match_reason: str = "",
) -> DbOp[batch.BatchResult]:
    from staffdesk.services import delivery

    return DbOp(
        "deliver_batch",
        lambda s: delivery.deliver_batch(
            s,
            actor,
            school_code,
            out,
            grade=grade,
            language=language,
            progress=progress,
            cancelled=cancelled,
            possible_match_reason=possible_match_reason,
        ),
    )


# ----------------------------------------------------------------------------- the admin


@_named("Every staff account.")
def list_staff(actor: Actor) -> DbOp[list[staff.StaffView]]:
    from staffdesk.services import staff

    return DbOp("list_staff", lambda s: staff.list_staff(s, actor))


@_named("Enable or disable a staff account.")
def set_staff_active(actor: Actor, username: str, active: bool) -> DbOp[Any]:
    from staffdesk.services import staff

    return DbOp("set_staff_active", lambda s: staff.set_active(s, actor, username, active))


@_named("Add a staff account.")
def add_staff(
    actor: Actor,
    *,
    username: str,
    role: str,
    password: str,
    display_name: str,
    schools: list[str],
) -> DbOp[staff.StaffView]:
    from staffdesk.services import staff

    return DbOp(
        "add_staff",
        lambda s: staff.add_staff(
            s,
            actor,
            username=username,
            role=role,
            password=password,
            display_name=display_name,
            schools=schools,
        ),
    )


@_named("The schools this staff member may see.")
def list_schools(actor: Actor) -> DbOp[list[queries.SchoolRow]]:
    from staffdesk.services import queries

    return DbOp("list_schools", lambda s: queries.list_schools(s, actor))


@_named("Rename a school.")
def rename_school(actor: Actor, code: str, name: str) -> DbOp[None]:
    from staffdesk.services import staff

    def work(s: Session) -> None:
        staff.rename_school(s, actor, code, name)

    return DbOp("rename_school", work)


@_named("Is a secure keyring there? '' when it is, else why not.")
def check_keyring() -> CpuOp[str]:
    from staffdesk.ui.settings_dialog import keyring_state

    return CpuOp("check_keyring", keyring_state)


@_named("The district's settings.")
def load_settings() -> DbOp[settings.DistrictSettings]:
    from staffdesk.services import settings

    return DbOp("load_settings", settings.load)


@_named("Change the district's settings (admin).")
def save_settings(actor: Actor, changes: dict[str, str]) -> DbOp[None]:
    from staffdesk.services import settings

    def work(s: Session) -> None:
        for key, value in changes.items():
            settings.set_value(s, actor, key, value)

    return DbOp("save_settings", work)


@_named("Check the audit trail's hash chains.")
def verify_audit() -> DbOp[audit.AuditReport]:
    from staffdesk.services import audit

    return DbOp("verify_audit", audit.verify)


@_named("Export the audit trail as CSV, privately (admin).")
def export_audit(actor: Actor, path: Path) -> DbOp[int]:
    from staffdesk.services import audit

    return DbOp("export_audit", lambda s: audit.export_csv(s, actor, path))


class BackgroundOp(_Op[T]):
    """Quiet work that may wait on the network (a sync round): never in the way of the desk's
    own work, not shown as "working", and skipped while the last one still runs."""

    def __init__(self, name: str, work: Callable[[], T]) -> None:
        super().__init__(name)
        self.work = work

    def run(self, desk: Desk, owner: QObject | None = None) -> None:
        self.start(desk, owner)

    def start(self, desk: Desk, owner: QObject | None = None) -> bool:
        """run, saying whether it started (False: the last round is still running)."""
        return desk.worker.in_background(self.work, self._success, self._failure, owner=owner)


# ------------------------------------------------------------------ the main window, sync


@_named("A request as the services show it.")
def get_request(actor: Actor, request_id: str) -> DbOp[req_svc.RequestView]:
    from staffdesk.services import requests as req_svc

    return DbOp("get_request", lambda s: req_svc.get_request(s, actor, request_id))


@_named("Unlock a locked desk: the signed-in staff member's password again.")
def unlock(username: str, password: str) -> DbOp[Actor]:
    from staffdesk.services import staff

    return DbOp("unlock", lambda s: staff.authenticate(s, username, password))


@_named("The status bar's sync text and its tooltip.")
def sync_status(store_url: str) -> DbOp[tuple[str, str]]:
    from staffdesk.ui.sync_status import sync_status_parts

    return DbOp("sync_status", lambda s: sync_status_parts(s, store_url))


@_named("One sync round with the shared database, in the background.")
def sync_round(
    store_url: str, factory: sessionmaker[Session], schools: frozenset[str] | None
) -> BackgroundOp[bool]:
    from staffdesk.ui import sync_status

    return BackgroundOp("sync_round", lambda: sync_status.sync_round(store_url, factory, schools))


@_named("A new desk's staff accounts from the shared database, in the background.")
def staff_from_shared(store_url: str, factory: sessionmaker[Session]) -> BackgroundOp[int | None]:
    from staffdesk.ui import sync_status

    return BackgroundOp(
        "staff_from_shared", lambda: sync_status.staff_from_shared(store_url, factory)
    )


# ---------------------------------------------------------------------------- decisions


@_named("How many requests match the approval queue's filter.")
def queue_count(actor: Actor, query: queries.QueueFilter) -> DbOp[int]:
    from staffdesk.services import queries

    return DbOp("queue_count", lambda s: queries.queue_count(s, actor, query))


@_named("Requests waiting for this approver (the badge).")
def count_waiting(actor: Actor) -> DbOp[int]:
    from staffdesk.ui.badge import count_waiting as waiting

    return DbOp("count_waiting", lambda s: waiting(s, actor))


@_named("A request and the two-person rule, for a decision.")
def decision_context(actor: Actor, request_id: str) -> DbOp[DecisionContext]:
    from staffdesk.ui.queue import decision_context as context

    return DbOp("decision_context", lambda s: context(s, actor, request_id))


@_named("Approve a verified request.")
def approve(
    actor: Actor,
    request_id: str,
    *,
    override_reason: str,
    not_a_contact_reason: str,
    possible_match_reason: str,
    expected_version: int | None,
) -> DbOp[req_svc.RequestView]:
    from staffdesk.services import requests as req_svc

    return DbOp(
        "approve",
        lambda s: req_svc.approve(
            s,
            actor,
            request_id,
            override_reason=override_reason,
            not_a_contact_reason=not_a_contact_reason,
            possible_match_reason=possible_match_reason,
            expected_version=expected_version,
        ),
    )


@_named("Reject a request, with the reason.")
def reject(
    actor: Actor, request_id: str, *, reason: str, expected_version: int | None
) -> DbOp[req_svc.RequestView]:
    from staffdesk.services import requests as req_svc

    return DbOp(
        "reject",
        lambda s: req_svc.reject(
            s, actor, request_id, reason=reason, expected_version=expected_version
        ),
    )


@_named("Revoke a request's code, with the reason.")
def revoke(
    actor: Actor, request_id: str, *, reason: str, expected_version: int | None
) -> DbOp[req_svc.RequestView]:
    from staffdesk.services import requests as req_svc

    return DbOp(
        "revoke",
        lambda s: req_svc.revoke_passcode(
            s, actor, request_id, reason=reason, expected_version=expected_version
        ),
    )


@_named("An approver approves at the clerk's desk with their own password.")
def countersign_approve(
    desk_actor: Actor,
    request_id: str,
    *,
    username: str,
    password: str,
    not_a_contact_reason: str,
    possible_match_reason: str,
    override_reason: str,
    expected_version: int | None,
) -> DbOp[countersign.Countersigned]:
    from staffdesk.services import countersign as cs

    return DbOp(
        "countersign_approve",
        lambda s: cs.countersign_approve(
            s,
            desk_actor,
            request_id,
            username=username,
            password=password,
            not_a_contact_reason=not_a_contact_reason,
            possible_match_reason=possible_match_reason,
            override_reason=override_reason,
            expected_version=expected_version,
        ),
    )


@_named("A lost slip: a new form prefilled from the student's last one.")
def lost_slip_form(actor: Actor, permanent_id: str) -> DbOp[lost_slip.LostSlipDraft]:
    from staffdesk.services import lost_slip as ls

    return DbOp("lost_slip_form", lambda s: ls.lost_slip_form(s, actor, permanent_id))


# ------------------------------------------------------------------------ codes dashboard


@_named("A school's codes by state (the codes dashboard).")
def codes_dashboard(actor: Actor, school: str, within_days: int) -> DbOp[codes.CodesDashboard]:
    from staffdesk.services import codes as c

    return DbOp("codes_dashboard", lambda s: c.dashboard(s, actor, school, within_days=within_days))


@_named("A new code for each selected one, their slips in one PDF.")
def reissue_codes(actor: Actor, passcode_ids: list[str]) -> DbOp[codes.Reissued]:
    from staffdesk.services import codes as c

    return DbOp("reissue_codes", lambda s: c.reissue_selected(s, actor, passcode_ids))


@_named("Revoke the selected codes, with the reason.")
def revoke_codes(actor: Actor, passcode_ids: list[str], reason: str) -> DbOp[codes.Revoked]:
    from staffdesk.services import codes as c

    return DbOp("revoke_codes", lambda s: c.revoke_codes(s, actor, passcode_ids, reason=reason))


@_named("Several slips reached the printer or a file: log each print.")
def record_deliveries(
    actor: Actor, issued: Sequence[req_svc.Issued], kind: delivery.DeliveryKind
) -> DbOp[None]:
    from staffdesk.services import delivery

    def work(s: Session) -> None:
        for one in issued:
            delivery.record_delivery(s, actor, one, kind)

    return DbOp("record_deliveries", work)
