"""The front desk: find a student by Permanent ID (typed or scanned) or by name, see the card."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)
from sqlalchemy.orm import Session

from staffdesk.domain.errors import NotFound
from staffdesk.domain.workflow import RequestStatus
from staffdesk.services import queries
from staffdesk.ui import i18n, operations, states
from staffdesk.ui.base import Desk
from staffdesk.ui.errors import describe, show_error
from staffdesk.ui.forms import child, load_form
from staffdesk.ui.models import Column, PagedModel, RowsModel
from staffdesk.ui.noop import QT_TRANSLATE_NOOP
from staffdesk.ui.tables import setup_table

SEARCH_DELAY_MS = 150


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str
    schools: tuple[str, ...]


def portal_access(row: queries.ContactRow) -> str:
    """A contact's portal access as the clerk needs it: restricted, linked (which account,
    when), or allowed and not linked yet."""
    if row.restricted:
        return QCoreApplication.translate("FrontDesk", "RESTRICTED")
    if row.portal_account:
        when = f"{row.linked_at:%Y-%m-%d}" if row.linked_at is not None else ""
        return QCoreApplication.translate("FrontDesk", "Linked: {0} ({1})").format(
            row.portal_account, when
        )
    return QCoreApplication.translate("FrontDesk", "Allowed, not linked")


def student_search_model(desk: Desk, parent: QWidget | None = None) -> PagedModel:
    def fetch(session: Session, q: SearchQuery, offset: int, limit: int) -> queries.StudentPage:
        return queries.search_students(
            session, desk.me(), q.text, schools=q.schools, offset=offset, limit=limit
        )

    return PagedModel(
        desk.worker,
        (
            Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
            Column("id", QT_TRANSLATE_NOOP("Columns", "Permanent ID")),
            Column("school_code", QT_TRANSLATE_NOOP("Columns", "School")),
            Column("grade", QT_TRANSLATE_NOOP("Columns", "Grade")),
        ),
        fetch,
        SearchQuery("", ()),
        page_size=60,
        parent=parent,
    )


def contacts_model(parent: QWidget | None = None) -> RowsModel:
    model = RowsModel(
        (
            Column("order", QT_TRANSLATE_NOOP("Columns", "#")),
            Column("name", QT_TRANSLATE_NOOP("Columns", "Contact")),
            Column(
                "relationship",
                QT_TRANSLATE_NOOP("Columns", "Relationship"),
                fmt=lambda value: i18n.term("relationship", value),
            ),
            Column("phone", QT_TRANSLATE_NOOP("Columns", "Phone")),
            Column(
                "restricted", QT_TRANSLATE_NOOP("Columns", "Portal access"), row_fmt=portal_access
            ),
        ),
        parent,
    )
    model.highlight = lambda row: bool(row.restricted)
    return model


def portal_links_model(parent: QWidget | None = None) -> RowsModel:
    """The accounts linked to the student in the portal (portal_link), newest first."""

    def contact(value: str) -> str:
        return value or QCoreApplication.translate("FrontDesk", "(has not picked a name)")

    return RowsModel(
        (
            Column("contact", QT_TRANSLATE_NOOP("Columns", "Contact"), fmt=contact),
            Column("account", QT_TRANSLATE_NOOP("Columns", "Account")),
            Column("linked_at", QT_TRANSLATE_NOOP("Columns", "When")),
        ),
        parent,
    )


def history_model(parent: QWidget | None = None) -> RowsModel:
    model = RowsModel(
        (
            Column("when", QT_TRANSLATE_NOOP("Columns", "When")),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "What"), fmt=states.kind),
            Column("what", QT_TRANSLATE_NOOP("Columns", "State"), row_fmt=states.history_state),
            Column("who", QT_TRANSLATE_NOOP("Columns", "Who")),
            Column("detail", QT_TRANSLATE_NOOP("Columns", "Details")),
        ),
        parent,
    )
    model.highlight = lambda row: row.what in ("revoked", "locked", "rejected")
    return model


class ScanGuard(QObject):
    """Makes the Permanent ID box scanner-proof: once an ID was looked up, the next character
    typed or scanned starts a new ID instead of being appended, even if a click took the
    selection away. Moving the cursor or deleting first means the clerk is correcting the ID:
    then keys edit it as usual."""

    EDITING_KEYS = {
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
    }

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.looked_up = False
        edit.installEventFilter(self)

    def mark_looked_up(self) -> None:
        self.looked_up = True
        self.edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and self.looked_up:
            assert isinstance(event, QKeyEvent)
            if event.key() in self.EDITING_KEYS:
                self.looked_up = False
            elif event.text() and event.text().isprintable():
                self.looked_up = False
                self.edit.clear()  # the keypress itself then types the first character
        return False


class FrontDesk(QWidget):
    """Signals: new_form_requested(object) — the StudentCard or None;
    check_id_requested(str), approve_requested(str) and issue_requested(str) — a request id;
    lost_slip_requested(object) — the StudentCard whose slip was lost;
    card_loaded(object) — a StudentCard is shown; card_cleared() — no student is shown."""

    new_form_requested = Signal(object)
    check_id_requested = Signal(str)
    issue_requested = Signal(str)
    lost_slip_requested = Signal(object)
    approve_requested = Signal(str)
    card_loaded = Signal(object)
    card_cleared = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.ui = load_form("frontdesk", self)
        self.permanent_id = child(self.ui, QLineEdit, "permanent_id")
        self.search = child(self.ui, QLineEdit, "search")
        self.results = child(self.ui, QTableView, "results")
        self.results_status = child(self.ui, QLabel, "results_status")
        self.student_name = child(self.ui, QLabel, "student_name")
        self.student_facts = child(self.ui, QLabel, "student_facts")
        self.contacts = child(self.ui, QTableView, "contacts")
        self.history = child(self.ui, QTableView, "history")
        self.portal_links = child(self.ui, QTableView, "portal_links")
        self.lost_slip_button = child(self.ui, QPushButton, "lost_slip")
        self.approve_button = child(self.ui, QPushButton, "approve")
        self.new_form_button = child(self.ui, QPushButton, "new_form")
        self.check_id_button = child(self.ui, QPushButton, "check_id")
        self.issue_button = child(self.ui, QPushButton, "issue")
        self.student_name.setObjectName("student_name")
        self.card: queries.StudentCard | None = None
        self._wanted_card = ""

        self.search_model = student_search_model(desk, self)
        self.results.setModel(self.search_model)
        self.contacts_model = contacts_model(self)
        self.contacts.setModel(self.contacts_model)
        self.history_model = history_model(self)
        self.history.setModel(self.history_model)
        self.links_model = portal_links_model(self)
        self.portal_links.setModel(self.links_model)
        setup_table(self.results, stretch=0)
        setup_table(self.contacts, stretch=1)
        setup_table(self.portal_links, stretch=1)
        setup_table(self.history)
        self.scan_guard = ScanGuard(self.permanent_id)
        # the finder keeps room for a name and a Permanent ID; the card takes the rest, and of
        # the card the history most (the column fitter elides what does not fit)
        splitter = child(self.ui, QSplitter, "splitter")
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([390, 700])
        card_splitter = child(self.ui, QSplitter, "card_splitter")
        for index, factor in enumerate((2, 1, 3)):
            card_splitter.setStretchFactor(index, factor)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_enter)
        self.permanent_id.returnPressed.connect(self._pid_enter)
        self.permanent_id.textEdited.connect(self._pid_edited)
        self.search_model.loaded.connect(self._results_loaded)
        self.search_model.failed.connect(lambda exc: show_error(self, exc))
        self.results.selectionModel().selectionChanged.connect(self._result_selected)
        self.results.activated.connect(lambda index: self._open_result(index.row()))
        self.history.selectionModel().selectionChanged.connect(
            lambda _a, _b: self._update_buttons()
        )
        self.new_form_button.clicked.connect(lambda: self.new_form_requested.emit(self.card))
        self.check_id_button.clicked.connect(self.check_id)
        self.issue_button.clicked.connect(self.issue)
        self.lost_slip_button.clicked.connect(self.lost_slip)
        self.approve_button.clicked.connect(self.approve)
        self._update_buttons()

    # ---------------------------------------------------------------- finding
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_permanent_id(self) -> None:
        self.permanent_id.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.permanent_id.selectAll()

    def run_search(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if not text:
            self.search_model.set_rows([])
            self.results_status.setText("")
            return
        self.results_status.setText(self.tr("Searching…"))
        self.search_model.set_query(SearchQuery(text, self.desk.school_filter()))

    def _results_loaded(self) -> None:
        n = self.search_model.rowCount()
        more = self.search_model.canFetchMore()
        if n == 0:
            self.results_status.setText(self.tr("No student matches."))
        elif more:
            self.results_status.setText(self.tr("{0}+ students — scroll for more").format(n))
        else:
            self.results_status.setText(self.tr("{0} student(s)").format(n))

    def _search_enter(self) -> None:
        if self._debounce.isActive():
            self.run_search()
        if self.search_model.rowCount() > 0:
            self.results.setFocus()
            self.results.selectRow(0)

    def _pid_enter(self) -> None:
        text = "".join(self.permanent_id.text().split())
        if text:
            self.load_card(text)

    def _pid_edited(self, text: str) -> None:
        """The box no longer names the child on the card (a new ID typed or scanned, its Enter
        not yet pressed or lost): empty the card, so F2 or any action cannot reach that child."""
        if self.card is not None and "".join(text.split()) != self.card.permanent_id:
            self._wanted_card = ""
            self.clear_card()

    def _result_selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self._open_result(rows[0].row())

    def _open_result(self, row: int) -> None:
        found = self.search_model.row_at(row)
        if found is not None and (self.card is None or self.card.permanent_id != found.id):
            self.load_card(found.id)

    # ---------------------------------------------------------------- the card
    def load_card(self, permanent_id: str) -> None:
        if self.card is not None and self.card.permanent_id != permanent_id:
            self.clear_card()  # while the new card loads, no action may reach the old child
        self._wanted_card = permanent_id
        actor, url = self.desk.me(), self.desk.url
        operations.load_card(actor, permanent_id, url).success(self._show_card).failure(
            self._card_failed
        ).run(self.desk, owner=self)

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): say the card again."""
        if self.desk.actor is not None:
            self.reload_card()

    def reload_card(self) -> None:
        if self.card is not None:
            self.load_card(self.card.permanent_id)

    def _card_failed(self, exc: BaseException) -> None:
        self.clear_card()
        if isinstance(exc, NotFound):
            # said on the card, not in a message box: a box would swallow the next scan
            self.student_name.setText(self.tr("Not found"))
            self.student_facts.setText(describe(exc).text)
        else:
            show_error(self, exc)
        self.scan_guard.mark_looked_up()

    def _show_card(self, card: queries.StudentCard) -> None:
        if card.permanent_id != self._wanted_card:
            return
        self.card = card
        if self.permanent_id.text().replace(" ", "") == card.permanent_id:
            self.scan_guard.mark_looked_up()
        self.student_name.setText(f"{card.name}")
        restricted = sum(1 for c in card.contacts if c.restricted)
        facts = self.tr(
            "<b>{school}</b> ({code}) · Grade <b>{grade}</b> · Permanent ID <b>{pid}</b><br>"
            "Phone on record: <b>{phone}</b> · Family language: {lang}"
        ).format(
            school=card.school_name,
            code=card.school_code,
            grade=card.grade,
            pid=card.permanent_id,
            phone=card.phone,
            lang=card.language or "—",
        )
        if restricted:
            facts += (
                "<br><span style='color:#9A1B1B'><b>"
                + self.tr(
                    "{0} restricted contact(s): no portal access for them "
                    "without an admin override."
                ).format(restricted)
                + "</b></span>"
            )
        self.student_facts.setText(facts)
        self.contacts_model.set_rows(card.contacts)
        self.history_model.set_rows(card.history)
        self.links_model.set_rows(card.portal_links)
        self._update_buttons()
        self.card_loaded.emit(card)

    def clear_card(self) -> None:
        """Show no student: nothing F2 or any action could apply to the previous child."""
        self.card = None
        self.contacts_model.set_rows([])
        self.history_model.set_rows([])
        self.links_model.set_rows([])
        self.student_name.setText(self.tr("No student selected"))
        self.student_facts.setText("")
        self._update_buttons()
        self.card_cleared.emit()

    def clear(self) -> None:
        """Forget everything shown (sign-out)."""
        self._wanted_card = ""
        self.clear_card()
        self.search.clear()
        self.permanent_id.clear()
        self.search_model.set_rows([])
        self.results_status.setText("")

    # ---------------------------------------------------------------- actions
    def request_with(self, statuses: set[str]) -> str | None:
        """The selected request if it is in one of `statuses`, else the newest that is."""
        if self.card is None:
            return None
        status_of = {h.id: h.what for h in self.card.history if h.kind == "request"}
        sel = self.history.selectionModel().selectedRows()
        if sel:
            row = self.history_model.row_at(sel[0].row())
            if row is not None and status_of.get(row.request_id) in statuses:
                return str(row.request_id)
        for h in self.card.history:
            if h.kind == "request" and h.what in statuses:
                return h.id
        return None

    def check_id(self) -> None:
        rid = self.request_with({RequestStatus.RECORDED.value})
        if rid:
            self.check_id_requested.emit(rid)

    def approve(self) -> None:
        rid = self.request_with({RequestStatus.VERIFIED.value})
        if rid:
            self.approve_requested.emit(rid)

    def issue(self) -> None:
        rid = self.request_with({RequestStatus.APPROVED.value})
        if rid:
            self.issue_requested.emit(rid)

    def lost_slip(self) -> None:
        if self.card is not None and self.has_issued():
            self.lost_slip_requested.emit(self.card)

    def has_issued(self) -> bool:
        """A slip was issued for this student once: a lost slip can start from it."""
        done = {RequestStatus.ISSUED.value, RequestStatus.REVOKED.value}
        return self.card is not None and any(
            h.kind == "request" and h.what in done for h in self.card.history
        )

    def _update_buttons(self) -> None:
        self.check_id_button.setEnabled(
            self.request_with({RequestStatus.RECORDED.value}) is not None
        )
        self.approve_button.setEnabled(
            self.request_with({RequestStatus.VERIFIED.value}) is not None
        )
        self.issue_button.setEnabled(self.request_with({RequestStatus.APPROVED.value}) is not None)
        self.lost_slip_button.setEnabled(self.has_issued())


__all__ = ["FrontDesk", "setup_table"]
