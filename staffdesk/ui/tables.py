"""Table views that fit their width: every column stays on screen, the widest ones elide.

A front-desk screen can be 1093 logical pixels wide (1366×768 at 125%): columns sized to their
content would push the last ones (the card's "Portal access") out of sight behind a scroll bar.
Here columns get their content width when there is room, the spare room goes to one column,
and when there is not, the widest columns give way first (their text elides; a tooltip shows
it whole). The user can still drag a column wider.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

MIN_COLUMN = 48  # never narrower than a few letters and the ellipsis


def fit_widths(wanted: list[int], available: int, stretch: int) -> list[int]:
    """Column widths that add up to at most `available` (when the minimums allow): the content
    widths when they fit, the rest added to `stretch`; else the widest capped at one level."""
    if not wanted:
        return []
    total = sum(wanted)
    if total <= available:
        widths = list(wanted)
        widths[stretch] += available - total
        return widths
    floor = [min(w, MIN_COLUMN) for w in wanted]
    if sum(floor) >= available:
        return floor
    lo, hi = 0, max(wanted)  # the highest cap whose capped widths still fit
    while lo < hi:
        cap = (lo + hi + 1) // 2
        if sum(max(f, min(w, cap)) for w, f in zip(wanted, floor, strict=True)) <= available:
            lo = cap
        else:
            hi = cap - 1
    return [max(f, min(w, lo)) for w, f in zip(wanted, floor, strict=True)]


class ColumnFitter(QObject):
    """Refits a table's columns when it is resized or its rows change."""

    def __init__(self, view: QTableView, stretch: int) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        self.watch_model()

    def watch_model(self) -> None:
        model = self.view.model()
        if model is None:
            return
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self._timer.start)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def fit(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        count = header.count()
        if count == 0:
            return
        shown = [c for c in range(count) if not header.isSectionHidden(c)]
        wanted = [max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) + 4 for c in shown]
        stretch = shown.index(self.stretch) if self.stretch in shown else len(shown) - 1
        if self.stretch < 0:
            stretch = len(shown) - 1
        widths = fit_widths(wanted, view.viewport().width(), stretch)
        for column, width in zip(shown, widths, strict=True):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)


def setup_table(view: QTableView, stretch: int = -1) -> ColumnFitter:
    """Rows without numbers, whole rows selected, columns that always fit the view's width
    (`stretch` takes the spare room; -1 the last column)."""
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setMinimumSectionSize(MIN_COLUMN // 2)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrowed title says "Stud…"
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    fitter = ColumnFitter(view, stretch)
    view.setProperty("fits_columns", True)
    return fitter
