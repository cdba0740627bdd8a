"""The approval queue: requests awaiting someone, filtered and sorted in SQL; decide from here."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, QItemSelection, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QWidget,
)
from sqlalchemy.orm import Session

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.workflow import Action, RequestStatus, Role
from staffdesk.services import queries, settings
from staffdesk.services import requests as req_svc
from staffdesk.services.context import Actor
from staffdesk.ui import i18n, operations, states
from staffdesk.ui.base import Desk, FormDialog
from staffdesk.ui.discard import AsksBeforeDiscarding
from staffdesk.ui.errors import describe, show_error
from staffdesk.ui.forms import child, load_form
from staffdesk.ui.frontdesk import setup_table
from staffdesk.ui.models import Column, PagedModel, local_time
from staffdesk.ui.noop import QT_TRANSLATE_NOOP

STATUS_CHOICES = (
    (
        QT_TRANSLATE_NOOP("Choices", "Open: everything awaiting someone"),
        ("recorded", "verified", "approved"),
    ),
    (QT_TRANSLATE_NOOP("Choices", "Awaiting ID check"), ("recorded",)),
    (QT_TRANSLATE_NOOP("Choices", "Awaiting decision"), ("verified",)),
    (QT_TRANSLATE_NOOP("Choices", "Approved, ready to issue"), ("approved",)),
    (QT_TRANSLATE_NOOP("Choices", "Issued"), ("issued",)),
    (QT_TRANSLATE_NOOP("Choices", "Rejected"), ("rejected",)),
    (QT_TRANSLATE_NOOP("Choices", "Revoked"), ("revoked",)),
    (QT_TRANSLATE_NOOP("Choices", "Any status"), ()),
)
AGE_CHOICES = (
    (QT_TRANSLATE_NOOP("Choices", "Any age"), 0),
    (QT_TRANSLATE_NOOP("Choices", "Older than 1 day"), 1),
    (QT_TRANSLATE_NOOP("Choices", "Older than 3 days"), 3),
    (QT_TRANSLATE_NOOP("Choices", "Older than 7 days"), 7),
    (QT_TRANSLATE_NOOP("Choices", "Older than 14 days"), 14),
)


def queue_model(desk: Desk, parent: QWidget | None = None) -> PagedModel:
    def fetch(session: Session, f: queries.QueueFilter, offset: int, limit: int) -> object:
        return queries.queue_page(session, desk.me(), f, offset=offset, limit=limit)

    return PagedModel(
        desk.worker,
        (
            Column("recorded_at", QT_TRANSLATE_NOOP("Columns", "Recorded"), "recorded_at"),
            Column("school", QT_TRANSLATE_NOOP("Columns", "School"), "school"),
            Column("student", QT_TRANSLATE_NOOP("Columns", "Student (as written)"), "student"),
            Column("permanent_id", QT_TRANSLATE_NOOP("Columns", "Permanent ID"), "permanent_id"),
            Column("guardian", QT_TRANSLATE_NOOP("Columns", "Parent/guardian"), "guardian"),
            Column(
                "status", QT_TRANSLATE_NOOP("Columns", "Status"), "status", states.request_state
            ),
            Column("verified_by", QT_TRANSLATE_NOOP("Columns", "ID verified by"), "verified_by"),
        ),
        fetch,
        queries.QueueFilter(schools=desk.school_filter()),
        sorter=lambda f, key, desc: dataclasses.replace(f, sort=key, descending=desc),
        parent=parent,
    )


def request_html(v: req_svc.RequestView) -> str:
    """The detail pane: everything on the form and what happened to it."""
    e = escape
    translate = QCoreApplication.translate  # lupdate reads translate(context, text)
    rows = [
        (
            QT_TRANSLATE_NOOP("RequestDetail", "Status"),
            translate("RequestDetail", "<b>{0}</b> (version {1})").format(
                e(states.request_state(v.status.value)), v.version
            ),
        ),
        (QT_TRANSLATE_NOOP("RequestDetail", "School"), e(v.school_name)),
        (
            QT_TRANSLATE_NOOP("RequestDetail", "Student"),
            translate("RequestDetail", "{0} — Permanent ID {1}").format(
                e(v.roster_name), e(v.permanent_id)
            ),
        ),
    ]
    if v.name_mismatch:
        rows.append(
            (
                QT_TRANSLATE_NOOP("RequestDetail", "Name on form"),
                f"<span style='color:#9A4A00'>{e(v.written_name)} "
                + translate("RequestDetail", "(differs from the roster; confirmed)")
                + "</span>",
            )
        )
    guardian = e(v.guardian_name)
    if v.restricted_match:
        guardian += (
            " <span style='color:#9A1B1B'><b>"
            + translate("RequestDetail", "RESTRICTED CONTACT")
            + "</b></span>"
        )
    elif not v.guardian_on_contacts:
        guardian += (
            " <span style='color:#9A4A00'>"
            + translate("RequestDetail", "(not on the contact list)")
            + "</span>"
        )
    rows.append((QT_TRANSLATE_NOOP("RequestDetail", "Parent/guardian"), guardian))
    if not v.guardian_on_contacts and v.contacts:
        rows.append(
            (
                QT_TRANSLATE_NOOP("RequestDetail", "Contact list"),
                "; ".join(
                    e(c.name)
                    + (
                        f" ({e(i18n.term('relationship', c.relationship))})"
                        if c.relationship
                        else ""
                    )
                    for c in v.contacts
                ),
            )
        )
    rows += [
        (QT_TRANSLATE_NOOP("RequestDetail", "Address"), e(v.address)),
        (QT_TRANSLATE_NOOP("RequestDetail", "Home phone"), e(v.phone_display)),
        (QT_TRANSLATE_NOOP("RequestDetail", "Email"), e(v.email)),
        (QT_TRANSLATE_NOOP("RequestDetail", "Signed on"), v.signed_on.isoformat()),
        (
            QT_TRANSLATE_NOOP("RequestDetail", "Recorded"),
            translate("RequestDetail", "{0} by {1}").format(
                local_time(v.recorded_at), e(v.recorded_by)
            ),
        ),
    ]
    if v.identity:
        i = v.identity
        doc = e(i18n.term("document", i.document_kind.value)) + (
            f" ({e(i.document_description)})" if i.document_description else ""
        )
        if i.last4:
            doc += translate("RequestDetail", ", ends …{0}").format(e(i.last4))
        rows.append(
            (
                QT_TRANSLATE_NOOP("RequestDetail", "ID checked"),
                translate("RequestDetail", "{0} — by {1}, {2}").format(
                    doc, e(i.verified_by), local_time(i.verified_at)
                ),
            )
        )
    if v.decision:
        d = v.decision
        text = translate("RequestDetail", "{0} by {1}, {2}").format(
            e(states.request_state(d.outcome)), e(d.decided_by), local_time(d.decided_at)
        )
        if d.reason:
            text += f": {e(d.reason)}"
        if d.override_reason:
            text += translate("RequestDetail", " (override: {0})").format(e(d.override_reason))
        if d.workstation:
            text += translate("RequestDetail", ", at workstation {0}").format(e(d.workstation))
        rows.append((QT_TRANSLATE_NOOP("RequestDetail", "Decision"), text))
        if d.not_a_contact_reason:
            rows.append(
                (
                    QT_TRANSLATE_NOOP("RequestDetail", "Not on the contact list"),
                    translate("RequestDetail", "approved because: {0}").format(
                        e(d.not_a_contact_reason)
                    ),
                )
            )
    for p in v.passcodes:
        state = "locked" if p.locked and p.state.value == "active" else p.state.value
        extra = (
            translate("RequestDetail", ", used {0}").format(local_time(p.used_at))
            if p.used_at
            else ""
        )
        rows.append(
            (
                QT_TRANSLATE_NOOP("RequestDetail", "Passcode"),
                translate("RequestDetail", "{0}: <b>{1}</b>, expires {2}").format(
                    e(p.serial), e(states.passcode_state(state)), f"{p.expires_at:%Y-%m-%d}"
                )
                + extra,
            )
        )
    body = "".join(
        f"<tr><td><i>{translate('RequestDetail', k)}</i>&nbsp;</td><td>{val}</td></tr>"
        for k, val in rows
    )
    return f"<table cellspacing='3'>{body}</table>"


@dataclass(frozen=True, slots=True)
class DecisionContext:
    request: req_svc.RequestView
    two_person_rule: bool


def decision_context(session: Session, actor: Actor, request_id: str) -> DecisionContext:
    return DecisionContext(
        req_svc.get_request(session, actor, request_id), settings.load(session).two_person_rule
    )


class DecisionDialog(AsksBeforeDiscarding, FormDialog):
    """Approve, reject or revoke, with the rules that apply spelled out (Escape asks once a
    reason is written).

    Signals: decided(object) — the RequestView after the decision.
    """

    decided = Signal(object)

    def __init__(
        self, desk: Desk, ctx: DecisionContext, action: Action, parent: QWidget | None = None
    ) -> None:
        titles = {
            Action.APPROVE: self.tr("Approve request"),
            Action.REJECT: self.tr("Reject request"),
            Action.REVOKE: self.tr("Revoke passcode"),
        }
        super().__init__("decision", titles[action], parent)
        self.desk, self.ctx, self.action = desk, ctx, action
        self.reason: QPlainTextEdit = self.w(QPlainTextEdit, "reason")
        reason_label: QLabel = self.w(QLabel, "reason_label")
        self.error: QLabel = self.w(QLabel, "error")
        self.error.setObjectName("error_text")
        self._blocked = ""
        self._say()
        blocked = self._blocked
        reason_label.setVisible(self.needs_reason)
        self.reason.setVisible(self.needs_reason)
        buttons: QDialogButtonBox = self.w(QDialogButtonBox, "buttons")
        self.submit_button = QPushButton(titles[action].split()[0])
        self.submit_button.setAccessibleName(titles[action])
        self.submit_button.setDefault(True)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        if blocked:
            self.error.setText(blocked)
            self.submit_button.setEnabled(False)
        (self.reason if self.needs_reason else self.submit_button).setFocus()
        self.setMinimumWidth(560)

    def _say(self) -> None:
        """The request and the rules that apply, in the interface language (again after a
        switch: retranslate)."""
        v, me, action = self.ctx.request, self.desk.me(), self.action
        reason_label: QLabel = self.w(QLabel, "reason_label")
        summary: QLabel = self.w(QLabel, "summary")
        summary.setText(request_html(v))
        rules: QLabel = self.w(QLabel, "rules")
        self.needs_reason = action is not Action.APPROVE
        self.override = False
        self.not_a_contact = False
        self.acknowledge = False
        notes: list[str] = []
        blocked = ""
        if action is Action.APPROVE:
            verifier = v.identity.verified_by if v.identity else ""
            if self.ctx.two_person_rule:
                notes.append(
                    self.tr(
                        "<b>Two-person rule is on:</b> the person who checked the ID ({0}) cannot "
                        "also approve."
                    ).format(escape(verifier or self.tr("nobody yet")))
                )
                if verifier == me.username:
                    blocked = self.tr(
                        "You checked this parent's ID, so another approver must approve it."
                    )
            if v.restricted_match:
                notes.append(
                    self.tr(
                        "<b>Restricted contact:</b> {0} is flagged (court order or custody note). "
                        "Approval is blocked unless an admin overrides it with a written reason."
                    ).format(escape(v.restricted_match))
                )
                if me.role is Role.ADMIN:
                    self.override = True
                    self.needs_reason = True
                    reason_label.setText(
                        self.tr("Admin &override reason (required, kept in the audit trail)")
                    )
                elif not blocked:
                    blocked = self.tr("Only an admin can override a restricted-contact block.")
            elif v.possible_match:
                notes.append(
                    self.tr(
                        "<b>Possible restricted contact:</b> the parent/guardian's name is close "
                        "to {0}, who is flagged (court order or custody note). Approve only if "
                        "you are sure they are different people."
                    ).format(escape(v.possible_match))
                )
                self.acknowledge = self.needs_reason = True
                reason_label.setText(
                    self.tr("&Why they are different people (required, kept in the audit trail)")
                )
            elif not v.guardian_on_contacts:
                notes.append(
                    self.tr(
                        "The parent/guardian is not on the student's contact "
                        "list; check before approving."
                    )
                )
                self.not_a_contact = True
                self.needs_reason = True
                reason_label.setText(
                    self.tr("&Why approve someone not on the contact list (required, kept)")
                )
        elif action is Action.REJECT:
            reason_label.setText(self.tr("&Reason for rejecting (the office keeps it)"))
        else:
            reason_label.setText(self.tr("&Reason for revoking (e.g. slip lost)"))
        rules.setText("<br>".join(notes))
        rules.setVisible(bool(notes))
        self._blocked = blocked

    def retranslate(self) -> None:
        self._say()
        if self._blocked:
            self.error.setText(self._blocked)

    def changed(self) -> bool:
        return bool(self.reason.toPlainText().strip())

    def submit(self) -> None:
        text = self.reason.toPlainText().strip()
        if self.needs_reason and not text:
            self.error.setText(self.tr("Reason: please write why."))
            self.reason.setFocus()
            return
        actor, v = self.desk.me(), self.ctx.request
        rid, version = v.id, v.version
        if self.action is Action.APPROVE:
            override = text if self.override else ""
            not_listed = text if self.not_a_contact else ""
            acknowledged = text if self.acknowledge else ""

            op = operations.approve(
                actor,
                rid,
                override_reason=override,
                not_a_contact_reason=not_listed,
                possible_match_reason=acknowledged,
                expected_version=version,
            )
        elif self.action is Action.REJECT:
            op = operations.reject(actor, rid, reason=text, expected_version=version)
        else:
            op = operations.revoke(actor, rid, reason=text, expected_version=version)
        self.submit_button.setEnabled(False)
        op.success(self._done).failure(self._failed).run(self.desk, owner=self)

    def _done(self, view: req_svc.RequestView) -> None:
        self.decided.emit(view)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.submit_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText(describe(exc).text)
            self.reason.setFocus()
            return
        self.error.setText(describe(exc).text)
        show_error(self, exc)


class ApprovalQueue(QWidget):
    """Signals: check_id_requested(object) — a RequestView;
    issue_requested(str, bool) — request id and whether it is a reissue;
    request_changed(str) — after a decision made here."""

    check_id_requested = Signal(object)
    issue_requested = Signal(str, bool)
    request_changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.ui = load_form("queue", self)
        self.school = child(self.ui, QComboBox, "school")
        self.status = child(self.ui, QComboBox, "status")
        self.age = child(self.ui, QComboBox, "age")
        self.count = child(self.ui, QLabel, "count")
        self.table = child(self.ui, QTableView, "table")
        self.detail = child(self.ui, QTextBrowser, "detail")
        self.buttons = {
            n: child(self.ui, QPushButton, n)
            for n in ("check_id", "approve", "reject", "issue", "reissue", "revoke")
        }
        child(self.ui, QPushButton, "refresh").clicked.connect(self.refresh)
        for label, statuses in STATUS_CHOICES:
            self.status.addItem(QCoreApplication.translate("Choices", label), statuses)
        for label, days in AGE_CHOICES:
            self.age.addItem(QCoreApplication.translate("Choices", label), days)
        self.model = queue_model(desk, self)
        self.table.setModel(self.model)
        setup_table(self.table, stretch=2)
        # rows arrive a page at a time: size the date column for a whole date, not the header
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.table.fontMetrics().horizontalAdvance("0000-00-00 00:00") + 40)
        child(self.ui, QSplitter, "splitter").setSizes([860, 340])
        self.table.horizontalHeader().setSortIndicator(
            0, self.table.horizontalHeader().sortIndicatorOrder()
        )
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.model.loaded.connect(self._reselect)
        self._keep_id: str | None = None  # the request to select again once the list reloads
        self.model.modelReset.connect(lambda: self._show(None))
        self.model.failed.connect(lambda exc: show_error(self, exc))
        for combo in (self.school, self.status, self.age):
            combo.activated.connect(lambda _i: self.apply_filter())
        self.ctx: DecisionContext | None = None
        self.buttons["check_id"].clicked.connect(self.check_id)
        self.buttons["approve"].clicked.connect(lambda: self.decide(Action.APPROVE))
        self.buttons["reject"].clicked.connect(lambda: self.decide(Action.REJECT))
        self.buttons["revoke"].clicked.connect(lambda: self.decide(Action.REVOKE))
        self.buttons["issue"].clicked.connect(lambda: self.issue(False))
        self.buttons["reissue"].clicked.connect(lambda: self.issue(True))
        self._show(None)

    def set_schools(self) -> None:
        """Fill the school filter from the signed-in actor's schools."""
        self.school.clear()
        self.school.addItem(self.tr("All my schools"), "")
        for code, name in sorted(self.desk.schools.items()):
            self.school.addItem(f"{code} — {name}", code)
        self.school.setCurrentIndex(max(0, self.school.findData(self.desk.school)))

    def current_filter(self) -> queries.QueueFilter:
        code = str(self.school.currentData() or "")
        query: queries.QueueFilter = self.model.query
        return dataclasses.replace(
            query,
            schools=(code,) if code else (),
            statuses=tuple(self.status.currentData() or ()),
            older_than_days=int(self.age.currentData() or 0),
        )

    def apply_filter(self) -> None:
        self.model.set_query(self.current_filter())
        self._count()

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): count and detail again."""
        if self.desk.actor is not None:
            self.refresh()

    def refresh(self) -> None:
        self.apply_filter()

    def _count(self) -> None:
        actor, f = self.desk.me(), self.model.query
        operations.queue_count(actor, f).success(
            lambda n: self.count.setText(self.tr("{0} request(s)").format(n))
        ).failure(lambda exc: show_error(self, exc)).run(self.desk, owner=self)

    # ------------------------------------------------------------------ detail
    def _selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is None:
            self._show(None)
            return
        self.load_detail(row.id)

    def load_detail(self, request_id: str) -> None:
        actor = self.desk.me()
        operations.decision_context(actor, request_id).success(self._show).failure(
            lambda exc: show_error(self, exc)
        ).run(self.desk, owner=self)

    def _show(self, ctx: DecisionContext | None) -> None:
        self.ctx = ctx
        if ctx is None:
            self.detail.setHtml(self.tr("<p>Select a request to see the form and decide.</p>"))
            for b in self.buttons.values():
                b.setEnabled(False)
            return
        self.detail.setHtml(request_html(ctx.request))
        allowed = set(ctx.request.allowed)
        approver = self.desk.actor is not None and self.desk.actor.role is not Role.CLERK
        self.buttons["check_id"].setEnabled(Action.VERIFY in allowed)
        # a clerk's Approve opens the countersign: an approver signs here with their password
        self.buttons["approve"].setEnabled(Action.APPROVE in allowed)
        self.buttons["reject"].setEnabled(approver and Action.REJECT in allowed)
        self.buttons["issue"].setEnabled(Action.ISSUE in allowed)
        self.buttons["reissue"].setEnabled(approver and Action.REISSUE in allowed)
        self.buttons["revoke"].setEnabled(approver and Action.REVOKE in allowed)

    # ------------------------------------------------------------------ actions
    def check_id(self) -> None:
        if self.ctx and self.ctx.request.status is RequestStatus.RECORDED:
            self.check_id_requested.emit(self.ctx.request)

    def needs_countersign(self, action: Action) -> bool:
        """A clerk, or the approver who checked this ID, approves only by an approver's
        countersign at this desk."""
        if action is not Action.APPROVE or self.ctx is None:
            return False
        me, v = self.desk.me(), self.ctx.request
        checked = v.identity is not None and v.identity.verified_by == me.username
        return me.role is Role.CLERK or (self.ctx.two_person_rule and checked)

    def decide(self, action: Action) -> QDialog | None:
        if self.ctx is None:
            return None
        if self.needs_countersign(action):
            from staffdesk.ui.countersign import CountersignDialog

            sign = CountersignDialog(self.desk, self.ctx, self)
            sign.approved.connect(lambda done: self._decided(done.request))
            sign.open()
            return sign
        dialog = DecisionDialog(self.desk, self.ctx, action, self)
        dialog.decided.connect(self._decided)
        dialog.open()
        return dialog

    def _decided(self, view: req_svc.RequestView) -> None:
        self.request_changed.emit(view.id)
        self._keep_id = view.id  # an approver goes on to issue it (F8): keep it selected
        self.refresh()
        self.load_detail(view.id)

    def _reselect(self) -> None:
        """After a reload, select the request that was acted on if it is still listed (an
        approved request stays in the open queue; a rejected one leaves it, and its detail stays
        in the pane)."""
        wanted = self._keep_id
        if wanted is None:
            return
        for row in range(self.model.rowCount()):
            found = self.model.row_at(row)
            if found is not None and found.id == wanted:
                self._keep_id = None
                self.table.selectRow(row)
                return
        if not self.model.canFetchMore():
            self._keep_id = None

    def issue(self, reissue: bool) -> None:
        if self.ctx is not None:
            self.issue_requested.emit(self.ctx.request.id, reissue)
        else:
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(self.tr("Select a request in the list first."), 5000)
