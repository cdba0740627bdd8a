"""Table models over ids: rows come from the worker a page at a time, sorted and filtered in SQL.

No QSortFilterProxyModel and no item widgets: a roster of 500,000 students is only ever one
indexed page in memory plus what the user scrolled through.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.orm import Session

from staffdesk.domain.messages import Message, Term
from staffdesk.ui import i18n
from staffdesk.ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
ROW_ID = Qt.ItemDataRole.UserRole + 1


def local_time(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return QCoreApplication.translate("Values", "yes") if value else ""
    if isinstance(value, Message | Term):
        return i18n.core(value)  # a history line, a state: in the interface language
    return str(value)


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # attribute of the row dataclass
    title: str
    sort_key: str | None = None  # the SQL sort name, when sortable
    fmt: Callable[[Any], str] = as_text
    row_fmt: Callable[[Any], str] | None = None  # when the text depends on the whole row


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of plain dataclass rows, each with an `id`."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[Any] = []
        self.highlight: Callable[[Any], bool] = lambda _row: False

    # ------------------------------------------------------------------ Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(col, row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = QCoreApplication.translate("Columns", col.title)
            return f"{title}: {self._text(col, row)}"
        if role == ROW_ID:
            return str(row.id)
        if role == Qt.ItemDataRole.ForegroundRole and self.highlight(row):
            return QBrush(QColor("#9A1B1B"))
        return None

    @staticmethod
    def _text(col: Column, row: Any) -> str:
        return col.row_fmt(row) if col.row_fmt is not None else col.fmt(getattr(row, col.key))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate("Columns", self.columns[section].title)
        return None

    # ------------------------------------------------------------------ rows
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def ids(self) -> list[str]:
        return [str(r.id) for r in self._rows]


class PagedModel(RowsModel):
    """Rows fetched lazily from the worker, a page at a time (canFetchMore/fetchMore).

    `fetch(session, query, offset, limit)` returns an object with `.rows` and `.more`.
    Changing the query or the sort starts over; answers to an older query are dropped.

    Signals: loaded() after each page arrives; failed(object) when a page cannot be fetched.
    """

    loaded = Signal()
    failed = Signal(object)

    def __init__(
        self,
        worker: DbWorker,
        columns: Sequence[Column],
        fetch: Callable[[Session, Any, int, int], Any],
        query: Any,
        *,
        page_size: int = 100,
        sorter: Callable[[Any, str, bool], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self.worker = worker
        self._fetch = fetch
        self.query = query
        self.page_size = page_size
        self._sorter = sorter
        self._more = False
        self._loading = False
        self._generation = 0

    @property
    def loading(self) -> bool:
        return self._loading

    def set_query(self, query: Any) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._more = False
        self._loading = False
        self.endResetModel()
        self._request(0)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request(len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._sorter is None or not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        self.query = self._sorter(self.query, key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    def _request(self, offset: int) -> None:
        self._loading = True
        generation = self._generation
        fetch, query, limit = self._fetch, self.query, self.page_size
        self.worker.submit(
            lambda s: fetch(s, query, offset, limit),
            lambda page: self._arrived(generation, offset, page),
            lambda exc: self._lost(generation, exc),
            owner=self,
        )

    def _arrived(self, generation: int, offset: int, page: Any) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._loading = False
        rows = list(page.rows)
        self._more = bool(page.more)
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit()

    def _lost(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._more = False
        self.failed.emit(exc)
