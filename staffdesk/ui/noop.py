"""QT_TRANSLATE_NOOP typed: PySide6's stub returns `object`, which would need a cast at every use.

lupdate finds the calls by name, so marking a literal here works as Qt's own does."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, message: str) -> str:
    """Mark `message` for translation in `context`; return it untranslated (translate it when
    shown, with QCoreApplication.translate(context, message))."""
    del context
    return message
