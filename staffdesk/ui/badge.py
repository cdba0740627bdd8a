"""The approver's badge: how many requests wait for their approval, refreshed by itself.

The count runs in the database worker on a timer (queries.waiting_for_me: two indexed counts),
so the desk never waits for it; a request changing anywhere on the desk refreshes it at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QToolButton, QWidget
from sqlalchemy.orm import Session

from staffdesk.domain.workflow import Role
from staffdesk.services import queries, settings
from staffdesk.services.context import Actor
from staffdesk.ui import operations
from staffdesk.ui.base import Desk

REFRESH_MS = 20_000


def count_waiting(session: Session, actor: Actor) -> int:
    rule = settings.load(session).two_person_rule
    return queries.waiting_for_me(session, actor, two_person_rule=rule)


class ApproverBadge(QToolButton):
    """A button in the window's corner: "N waiting for you"; clicking it opens the queue.
    Hidden for clerks and when nothing waits.

    Signals: count_changed(int) — a new count arrived from the worker.
    """

    count_changed = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.count = 0
        self._asking = False
        self._again = False  # something changed while a count was on its way
        self.setObjectName("approver_badge")
        self.setAccessibleName(self.tr("Requests waiting for your approval"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay where the clerk types
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.setVisible(False)

    def start(self) -> None:
        """Start counting for whoever signed in (approvers and admins; clerks see nothing)."""
        self.count = 0
        actor = self.desk.actor
        if actor is None or actor.role is Role.CLERK:
            self.stop()
            return
        self.timer.start()
        self.refresh()

    def stop(self) -> None:
        self.timer.stop()
        self.count = 0
        self.setVisible(False)

    def refresh(self) -> None:
        actor = self.desk.actor
        if actor is None or actor.role is Role.CLERK:
            return
        if self._asking:
            self._again = True
            return
        self._asking = True
        operations.count_waiting(actor).success(lambda n: self._show(actor, n)).failure(
            lambda _exc: self._failed()
        ).run(self.desk, owner=self)

    def _failed(self) -> None:
        self._asking = self._again = False  # the status bar says when the database is away

    def _show(self, asked_for: Actor, count: int) -> None:
        self._asking = False
        if self.desk.actor is None or self.desk.actor.username != asked_for.username:
            self._again = False
            return  # someone else signed in meanwhile
        self.count = count
        self.setText(self.tr("%n request(s) waiting for you", "", count))
        self.setToolTip(self.tr("Open the approval queue (F4)"))
        self.setVisible(count > 0)
        self.count_changed.emit(count)
        if self._again:
            self._again = False
            self.refresh()
