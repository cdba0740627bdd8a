"""Escape (or Cancel, or closing the window) on a dialog someone has typed into asks first.

A dialog says what it would lose by overriding `changed()`; `reject()` asks before throwing it
away. Nothing is asked for a dialog nobody touched, so Escape stays one keypress there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def confirm_discard(parent: QWidget) -> bool:
    """True when the person really wants to throw away what they typed (the default is No)."""
    translate = QCoreApplication.translate  # lupdate reads translate(context, text)
    answer = QMessageBox.question(
        parent,
        translate("Discard", "Discard what you typed?"),
        translate("Discard", "What you typed here is not recorded yet. Close and lose it?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class AsksBeforeDiscarding:
    """Mix into a QDialog subclass (before QDialog in the bases): reject() asks when changed()."""

    def changed(self) -> bool:
        return False

    def reject(self) -> None:
        assert isinstance(self, QDialog)
        if self.changed() and not confirm_discard(self):
            return
        super().reject()  # type: ignore[misc]  # mypy: a mixin's super() is QDialog's at run time
