"""Load the Qt Designer forms in forms/ at run time (QUiLoader) and find their named widgets."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from staffdesk import assets

if TYPE_CHECKING:  # QtUiTools loads with the first form
    from PySide6.QtUiTools import QUiLoader

T = TypeVar("T", bound=QObject)  # a widget or a layout of the form


@cache
def _loader() -> QUiLoader:
    from PySide6.QtUiTools import QUiLoader

    return QUiLoader()


def load_form(name: str, host: QWidget) -> QWidget:
    """Load forms/<name>.ui and lay it out as the whole content of `host`."""
    path = assets.form(name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot open the form {path}")
    try:
        widget: QWidget | None = _loader().load(file, host)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"the form {path} could not be loaded")
    inner = widget.layout()
    if inner is not None:
        inner.setContentsMargins(12, 12, 12, 12)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    return widget


def child(root: QWidget, cls: type[T], name: str) -> T:
    """A named widget from a loaded form; a missing name is a bug in the form, said plainly."""
    found = root.findChild(cls, name)
    if found is None:
        raise LookupError(f"form widget {name!r} ({cls.__name__}) is missing")
    return found
