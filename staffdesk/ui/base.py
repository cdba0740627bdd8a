"""Shared pieces of the windows: the desk's context, form-backed dialogs, inline field errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from staffdesk.services.context import Actor
from staffdesk.ui.forms import child, load_form
from staffdesk.ui.screen import available, keep_on_screen
from staffdesk.ui.worker import DbWorker

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent
    from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T", bound=QObject)  # a widget or a layout of the form


@dataclass
class Desk:
    """Who is signed in at this desk, where the data is, and the one worker that reaches it."""

    url: str
    worker: DbWorker
    demo: bool = False
    actor: Actor | None = None
    school: str = ""  # "" = every school the actor may see
    schools: dict[str, str] = field(default_factory=dict)  # code -> name, the actor's schools

    @property
    def factory(self) -> sessionmaker[Session]:
        """The session factory, once the worker has opened the database."""
        if self.worker.factory is None:
            raise RuntimeError("the database is not open yet")
        return self.worker.factory

    def me(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("nobody is signed in")
        return self.actor

    def school_filter(self) -> tuple[str, ...]:
        return (self.school,) if self.school else ()


class DeskEvents(QObject):
    """Changes any screen may care about.

    Signals: request_changed(str) — a request's state changed (its id);
    student_changed(str) — a student's card should be reloaded (permanent id).
    """

    request_changed = Signal(str)
    student_changed = Signal(str)


class FormDialog(QDialog):
    """A dialog whose content is a Qt Designer form from forms/."""

    def __init__(self, form: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.ui = load_form(form, self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        keep_on_screen(self)  # grown by field errors or a notice: its buttons stay on screen

    def w(self, cls: type[T], name: str) -> T:
        """The form's widget `name`, typed as `cls` (a missing one is a bug in the form)."""
        return child(self.ui, cls, name)


def grow_to_fit(window: QWidget) -> None:
    """Make a dialog tall enough for wrapped messages that just appeared (never shrink it)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    height = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
    height = max(height, layout.sizeHint().height(), window.height())
    room = available(window)
    if room is not None:  # a taller form scrolls (scroll_the_form) or is kept on screen
        frame = window.frameGeometry().height() - window.height()  # title bar and border
        height = min(height, max(room.height() - frame, window.height()))
    if height > window.height():
        window.resize(width, height)


class FormScroll(QScrollArea):
    """A scroll area that asks for its content's whole size (QScrollArea caps its size hint at
    24 lines), so the dialog opens as tall as its form when the screen has room, and scrolls
    only when it has not."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        layout = inner.layout()
        if layout is not None and layout.hasHeightForWidth():
            # wrapped notices: their height at the width the form has (at least its own)
            width = max(self.viewport().width(), hint.width())
            hint.setHeight(max(hint.height(), layout.totalHeightForWidth(width)))
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar + 2 * self.frameWidth(), hint.height())

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        width = inner.minimumSizeHint().width() if inner is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width(), 120)


def scroll_the_form(dialog: FormDialog, buttons: QWidget) -> FormScroll:
    """Put a dialog's form in a scroll area and keep `buttons` below it, always on screen: a
    form whose field errors and notices make it taller than the screen (1366×768 at 125% is
    614 logical pixels high) scrolls instead of pushing its buttons past the bottom edge."""
    host = dialog.layout()
    outer = dialog.ui.layout()
    assert isinstance(host, QVBoxLayout) and outer is not None
    outer.removeWidget(buttons)
    host.removeWidget(dialog.ui)
    scroll = FormScroll(dialog)
    scroll.setObjectName("form_scroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(dialog.ui)
    host.addWidget(scroll, 1)
    row = QHBoxLayout()
    row.setContentsMargins(12, 0, 12, 12)
    row.addWidget(buttons)
    host.addLayout(row)
    return scroll


class FieldErrors:
    """Red border and a message under the field that a ValidationError names."""

    def __init__(self, form: QFormLayout, fields: dict[str, QWidget]) -> None:
        self.form = form
        self.fields = fields
        self._labels: list[QLabel] = []
        self._marked: list[QWidget] = []

    def clear(self) -> None:
        for label in self._labels:
            self.form.removeRow(label)
        self._labels.clear()
        for widget in self._marked:
            widget.setProperty("invalid", False)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self._marked.clear()

    def _row_of(self, widget: QWidget) -> int:
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is None:
                continue
            if item.widget() is widget:
                return row
            inner = item.layout()
            if isinstance(inner, QLayout):
                for i in range(inner.count()):
                    sub = inner.itemAt(i)
                    if sub is not None and sub.widget() is widget:
                        return row
        return -1

    def show(self, field_name: str, message: str, *, focus: bool = True) -> QWidget | None:
        """Mark the field and say why under it. `focus=False` when the person is leaving the
        field (Tab): the message shows and the cursor still goes where they sent it."""
        widget = self.fields.get(field_name)
        if widget is None:
            return None
        widget.setProperty("invalid", True)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        self._marked.append(widget)
        row = self._row_of(widget)
        label = QLabel(message)
        label.setObjectName("field_error")
        label.setWordWrap(True)
        label.setAccessibleName(
            QCoreApplication.translate("FieldErrors", "Problem: {0}").format(message)
        )
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if row >= 0 and message:  # an empty message marks the field without a line under it
            # QFormLayout does not give a wrapped label its height: say it outright
            width = max(widget.width(), 200)
            box = label.fontMetrics().boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, message
            )
            label.setFixedHeight(box.height() + 4)
            self.form.insertRow(row + 1, "", label)
            self._labels.append(label)
            window = widget.window()
            grow_to_fit(window)
            # the wrapped label's height settles only once the layout has run: look again then
            QTimer.singleShot(0, window, lambda: grow_to_fit(window))
        if focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget
