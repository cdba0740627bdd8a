"""Windows no larger than the screen they open on: a front desk may have 1366×768 at 125%
(about 1093×614 logical pixels). Each window's layout fits that (tests/test_ui_fit.py); this
keeps the first size a window asks for within the screen's free area too."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def available(widget: QWidget) -> QSize | None:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else None


def fit_to_screen(widget: QWidget, wanted: QSize | None = None) -> None:
    """Size `widget` to `wanted` (else the size it asks for), within the screen's free area."""
    room = available(widget)
    if wanted is None:
        resized = widget.testAttribute(Qt.WidgetAttribute.WA_Resized)
        wanted = widget.size().expandedTo(widget.sizeHint()) if resized else widget.sizeHint()
    size = wanted if room is None else wanted.boundedTo(room)
    widget.resize(size.expandedTo(widget.minimumSizeHint()))
    grow_for_wrapped_text(widget, room)


def grow_for_wrapped_text(widget: QWidget, room: QSize | None = None) -> None:
    """A top-level window does not ask its layout how tall wrapped labels make it at its width
    (Qt's height-for-width stops below windows): ask, so no field is squeezed flat."""
    layout = widget.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    layout.activate()
    height = layout.totalHeightForWidth(widget.width())
    if room is not None:
        height = min(height, room.height())
    if height > widget.height():
        widget.resize(widget.width(), height)


def keep_on_screen(window: QWidget) -> None:
    """Move a shown window that grew past the bottom or right edge of its screen's free area
    back inside it (top and left edges first when it is larger than the screen): a dialog that
    grows as its messages appear keeps its buttons reachable. Window managers do not move a
    window that resizes itself."""
    if not window.isWindow() or not window.isVisible():
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    x = max(room.left(), min(frame.x(), room.right() + 1 - frame.width()))
    y = max(room.top(), min(frame.y(), room.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
