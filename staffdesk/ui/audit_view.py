"""The audit trail: newest first, filtered in SQL; verify the hash chain; export as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)
from sqlalchemy.orm import Session

from staffdesk.domain.workflow import Role
from staffdesk.services import audit, queries
from staffdesk.ui import i18n, operations
from staffdesk.ui.base import Desk
from staffdesk.ui.errors import show_error
from staffdesk.ui.forms import child, load_form
from staffdesk.ui.frontdesk import setup_table
from staffdesk.ui.models import Column, PagedModel
from staffdesk.ui.noop import QT_TRANSLATE_NOOP

ACTIONS = (
    "",
    "request.",
    "passcode.",
    "slips.",
    "staff.",
    "settings.",
    "roster.",
    "audit.",
    "school.",
)


def _audit_action(code: object) -> str:
    """What an event did, in words ("request.approve" → solicitud aprobada); an action with no
    words in the language reads as its code."""
    return i18n.term("audit_action", str(code or ""))


def _record(kind: object) -> str:
    return i18n.term("record", str(kind or ""))


def audit_model(desk: Desk, parent: QWidget | None = None) -> PagedModel:
    def fetch(session: Session, f: queries.AuditFilter, offset: int, limit: int) -> object:
        return queries.audit_page(session, desk.me(), f, offset=offset, limit=limit)

    return PagedModel(
        desk.worker,
        (
            Column("at", QT_TRANSLATE_NOOP("Columns", "When")),
            Column("actor", QT_TRANSLATE_NOOP("Columns", "Staff")),
            Column("workstation", QT_TRANSLATE_NOOP("Columns", "Workstation")),
            Column("action", QT_TRANSLATE_NOOP("Columns", "Action"), fmt=_audit_action),
            Column("entity_type", QT_TRANSLATE_NOOP("Columns", "Record"), fmt=_record),
            Column("entity_id", QT_TRANSLATE_NOOP("Columns", "Record id")),
            Column("details", QT_TRANSLATE_NOOP("Columns", "Details")),
        ),
        fetch,
        queries.AuditFilter(),
        parent=parent,
    )


class AuditView(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.ui = load_form("audit", self)
        self.actor = child(self.ui, QLineEdit, "actor")
        self.action = child(self.ui, QComboBox, "action")
        self.entity = child(self.ui, QLineEdit, "entity")
        self.table = child(self.ui, QTableView, "table")
        self.status = child(self.ui, QLabel, "status")
        self.export_button = child(self.ui, QPushButton, "export")
        self.verify_button = child(self.ui, QPushButton, "verify")
        for prefix in ACTIONS:
            self.action.addItem("", prefix)
        self._name_areas()
        self.model = audit_model(desk, self)
        self.table.setModel(self.model)
        setup_table(self.table)
        self.model.failed.connect(lambda exc: show_error(self, exc))
        child(self.ui, QPushButton, "apply").clicked.connect(self.refresh)
        for edit in (self.actor, self.entity):
            edit.returnPressed.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(lambda: self.export())
        QShortcut(QKeySequence("Ctrl+Shift+K"), self, self.verify)
        QShortcut(QKeySequence("Ctrl+E"), self, lambda: self.export())

    def _name_areas(self) -> None:
        """The action filter's areas in words ("request." → Requests), in the interface
        language; typing a prefix of one's own still filters by it."""
        for i, prefix in enumerate(ACTIONS):
            self.action.setItemText(
                i, i18n.term("audit_area", prefix) if prefix else self.tr("any")
            )

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): the filter's areas."""
        self._name_areas()

    def current_filter(self) -> queries.AuditFilter:
        text = self.action.currentText()
        idx = self.action.findText(text)
        prefix = str(self.action.itemData(idx) or "") if idx >= 0 else text
        return queries.AuditFilter(
            actor=self.actor.text(), action_prefix=prefix, entity_id=self.entity.text()
        )

    def refresh(self) -> None:
        admin = self.desk.actor is not None and self.desk.actor.role is Role.ADMIN
        self.export_button.setEnabled(admin)
        self.actor.setEnabled(admin)
        if not admin and self.desk.actor is not None:
            self.actor.setText(self.desk.actor.username)
        self.model.set_query(self.current_filter())

    def clear(self) -> None:
        """Forget the filter and the rows (sign-out)."""
        self.actor.clear()
        self.entity.clear()
        self.action.setCurrentIndex(0)
        self.status.clear()
        self.model.set_rows([])

    def verify(self) -> None:
        self.status.setText(self.tr("Verifying the chain…"))
        operations.verify_audit().success(self._verified).failure(
            lambda e: show_error(self, e)
        ).run(self.desk, owner=self)

    def _verified(self, report: audit.AuditReport) -> None:
        if report.ok:
            text = self.tr("Audit chain intact: {0} events in {1} chain(s).").format(
                report.events, report.chains
            )
            self.status.setText(text)
            QMessageBox.information(self, self.tr("Audit chain"), text)
        else:
            lines = [f"{p.chain} #{p.seq}: {p.problem}" for p in report.problems[:20]]
            text = (
                self.tr("The audit chain is broken ({0} problem(s)):").format(len(report.problems))
                + "\n"
                + "\n".join(lines)
            )
            self.status.setText(text.splitlines()[0])
            QMessageBox.critical(self, self.tr("Audit chain"), text)

    def export(self, path: str = "") -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the audit trail"), "audit.csv", self.tr("CSV files (*.csv)")
            )
        if not path:
            return
        actor = self.desk.me()
        operations.export_audit(actor, Path(path)).success(
            lambda n: self.status.setText(self.tr("{0} events exported to {1}.").format(n, path))
        ).failure(lambda e: show_error(self, e)).run(self.desk, owner=self)
