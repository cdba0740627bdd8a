"""The interface language: Qt's translations for the windows, the core's catalogue for its
messages (staffdesk.messages), and switching between them while windows are open.

`install` sets the language at start; `switch` changes it at once: the new translators go in,
then every open window's texts are put into the new language. Texts a form or the code set
from a translation are found again through the compiled translation (.qm) of the language
they were in, so a window needs no code of its own to follow; windows that show data (the card,
the queue) also get `retranslate()` called, and every table repaints its headers and cells.
Core messages (Message, Term) are rendered with `core()` / `term()` in the current language.
"""

from __future__ import annotations

import logging
import re
import struct
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from staffdesk import messages
from staffdesk.assets import resources_dir
from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import Message

log = logging.getLogger("staffdesk.ui")

_current = "en"
_installed: list[QTranslator] = []
_SYSTEM_LOCALE = QLocale()  # what English puts back after another language


def current() -> str:
    """The interface language now in use ("en", "es")."""
    return _current


def core(value: object) -> str:
    """A core Message (a refusal, a notice, a history line) or Term in the interface language;
    any other value as it reads."""
    return messages.text(value, _current)


def term(kind: str, value: str | None) -> str:
    """A stored code in words: term("relationship", "Mother") → "Madre" in Spanish."""
    return messages.term(kind, value, _current)


def detail(exc: ValidationError) -> str:
    """A validation error's message without its field, for the line under the field."""
    return messages.detail_text(exc, _current)


def field_label(field: str) -> str:
    return messages.field_label(field, _current)


def sentence(text: str) -> str:
    """A message said as a sentence on its own: capital first letter."""
    return text[:1].upper() + text[1:]


def notice(warning: str) -> str:
    """A notice from the services ('guardian_name: …') in the interface language, the field
    said the way the form says it."""
    if isinstance(warning, Message):
        return core(warning)
    name, sep, rest = warning.partition(": ")
    return f"{field_label(name)}: {rest}" if sep and " " not in name.strip("_") else warning


def install(app: QCoreApplication, language: str) -> str:
    """Put `language`'s translations in (English is built in) and make it current."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = (language or "en").lower()
    _current = "en"
    if lang == "en":
        QLocale.setDefault(_SYSTEM_LOCALE)
        return lang
    QLocale.setDefault(QLocale(lang))
    translator = QTranslator(app)
    folder = resources_dir() / "i18n"
    if not translator.load(f"staffdesk_{lang}", str(folder)):
        log.warning("no compiled translation for %r in %s", lang, folder)
        return _current
    app.installTranslator(translator)
    _installed.append(translator)
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{lang}", qt_folder):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    _current = lang
    return lang


def switch(language: str) -> str:
    """Change the interface language now: every open window follows, no restart."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return install_core_only(language)
    old = _current
    new = install(app, language)
    if new != old:
        for window in app.topLevelWidgets():
            retranslate_window(window, old, new)
    return new


def install_core_only(language: str) -> str:
    global _current
    _current = messages.base_language(language)
    return _current


# ------------------------------------------------------------------ reading the .qm back


def _qm_path(lang: str) -> Path:
    return resources_dir() / "i18n" / f"staffdesk_{lang}.qm"


@cache
def _table(lang: str) -> tuple[dict[tuple[str, str], str], dict[str, tuple[str, str]]]:
    """(context, source) → translation, and translation → (context, source), from the
    compiled translation; empty for English."""
    forward: dict[tuple[str, str], str] = {}
    backward: dict[str, tuple[str, str]] = {}
    path = _qm_path(lang)
    if lang == "en" or not path.is_file():
        return forward, backward
    for context, source, text in _qm_messages(path.read_bytes()):
        forward.setdefault((context, source), text)
        backward.setdefault(text, (context, source))
    return forward, backward


@cache
def _contexts_of() -> dict[str, list[str]]:
    """English source text → the contexts it is translated in (any shipped language)."""
    out: dict[str, list[str]] = {}
    for path in sorted((resources_dir() / "i18n").glob("staffdesk_*.qm")):
        for context, source, _ in _qm_messages(path.read_bytes()):
            out.setdefault(source, []).append(context)
    return out


_QM_MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")
_MESSAGES, _END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT = 0x69, 1, 3, 5, 6, 7


def _qm_messages(data: bytes) -> list[tuple[str, str, str]]:
    """(context, source, translation) of each message of a .qm file (Qt's translator.cpp
    format: tagged sections; in the messages section each message is a run of tagged,
    length-prefixed fields ending with an end tag)."""
    if not data.startswith(_QM_MAGIC):
        return []
    out: list[tuple[str, str, str]] = []
    pos = len(_QM_MAGIC)
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1 : pos + 5])[0]
        pos += 5
        if tag == _MESSAGES:
            out += _messages_section(data[pos : pos + length])
        pos += length
    return out


def _messages_section(data: bytes) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    fields: dict[int, str] = {}
    p = 0
    while p < len(data):
        tag = data[p]
        p += 1
        if tag == _END:
            if _SOURCE in fields and _TRANSLATION in fields:
                out.append((fields.get(_CONTEXT, ""), fields[_SOURCE], fields[_TRANSLATION]))
            fields = {}
            continue
        if tag == _OBSOLETE1:
            p += 4
            continue
        length = struct.unpack(">I", data[p : p + 4])[0]
        p += 4
        if length == 0xFFFFFFFF:
            continue
        raw = data[p : p + length]
        p += length
        if tag == _TRANSLATION:
            fields.setdefault(tag, raw.decode("utf-16-be"))
        elif tag in (_SOURCE, _CONTEXT):
            fields[tag] = raw.decode("utf-8")
    return out


# ------------------------------------------------------------------ texts into the new language

_SUFFIX = re.compile(r"^(.*?)((?: \([^()]*\))|(?:…))$", re.S)


def convert(text: str, old: str, new: str) -> str:
    """`text`, shown in `old`, as `new` shows it; unchanged when it is not a known text.

    Besides whole texts it knows the ways the windows compose them: a tooltip made of an
    action's text without its & and …, plus the shortcut ("Approval queue (F4)"), and parts
    joined with " — " ("Tiếng Việt — draft")."""
    if not text:
        return text
    found = _convert_whole(text, old, new)
    if found is not None:
        return found
    m = _SUFFIX.match(text)  # "New access form (F2)": the tooltip adds the shortcut
    if m:
        head = _convert_whole(m.group(1), old, new)
        if head is not None:
            return head + m.group(2)
    if " — " in text:
        parts = text.split(" — ")
        done = [_convert_whole(p, old, new) for p in parts]
        if any(d is not None for d in done):
            return " — ".join(d if d is not None else p for d, p in zip(done, parts, strict=True))
    return text


def _plain(text: str) -> str:
    """An action's text as its tooltip says it: no & mnemonic, no trailing …"""
    return text.replace("&", "").rstrip("…")


def _convert_whole(text: str, old: str, new: str) -> str | None:
    found = _convert_exact(text, old, new)
    if found is not None:
        return found
    plain = _plain_table(old).get(text)  # a tooltip made from an action's text
    if plain is None:
        return None
    found = _convert_exact(plain, old, new)
    return _plain(found) if found is not None else None


@cache
def _plain_table(lang: str) -> dict[str, str]:
    """A text without its & and … → the text (in `lang`), for tooltips made from actions."""
    texts = _contexts_of() if lang == "en" else _table(lang)[1]
    return {_plain(t): t for t in texts if _plain(t) != t}


def _convert_exact(text: str, old: str, new: str) -> str | None:
    if old == "en":
        contexts = _contexts_of().get(text)
        if not contexts:
            return None
        source = text
    else:
        known = _table(old)[1].get(text)
        if known is None:
            return None
        contexts, source = [known[0]], known[1]
    if new == "en":
        return source
    forward = _table(new)[0]
    for context in contexts:
        if (context, source) in forward:
            return forward[(context, source)]
    return None


def retranslate_window(window: QWidget, old: str, new: str) -> None:
    """Every text of `window` and its children in `new`; tables repaint; windows that show
    data redo what they wrote themselves (a `retranslate()` method)."""
    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        _retranslate_widget(w, old, new)
    for action in window.findChildren(QAction):
        for getter, setter in (
            (action.text, action.setText),
            (action.toolTip, action.setToolTip),
            (action.statusTip, action.setStatusTip),
        ):
            setter(convert(getter(), old, new))
    for w in widgets:
        if isinstance(w, QAbstractItemView):
            _repaint_model(w)
    if not window.isVisible():
        return  # a closed window reloads nothing (its data is said again when it is shown)
    for w in widgets:
        redo = getattr(w, "retranslate", None)
        if callable(redo):
            redo()


def _retranslate_widget(w: QWidget, old: str, new: str) -> None:
    def fix(get: Callable[[], object], set_: Callable[[str], None]) -> None:
        value = get()
        if isinstance(value, str):
            set_(convert(value, old, new))

    if w.isWindow():
        fix(w.windowTitle, w.setWindowTitle)
    fix(w.toolTip, w.setToolTip)
    fix(w.statusTip, w.setStatusTip)
    fix(w.accessibleName, w.setAccessibleName)
    fix(w.accessibleDescription, w.setAccessibleDescription)
    if isinstance(w, QLabel | QAbstractButton):
        fix(w.text, w.setText)
    if isinstance(w, QGroupBox):
        fix(w.title, w.setTitle)
    if isinstance(w, QMenu):
        fix(w.title, w.setTitle)
    if isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit):
        fix(w.placeholderText, w.setPlaceholderText)
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            w.setTabText(i, convert(w.tabText(i), old, new))
            w.setTabToolTip(i, convert(w.tabToolTip(i), old, new))
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            w.setItemText(i, convert(w.itemText(i), old, new))


def _repaint_model(view: QAbstractItemView) -> None:
    """Headers and cells are translated when Qt asks for them: ask again."""
    model = view.model()
    if model is None:
        return
    rows, cols = model.rowCount(), model.columnCount()
    if cols:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, cols - 1)
    if rows and cols:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, cols - 1))
