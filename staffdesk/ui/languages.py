"""The language choices the desk offers, from what ships: slip languages from the slip texts
(through the settings service), interface languages from the compiled translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from staffdesk.assets import resources_dir
from staffdesk.services import settings
from staffdesk.ui.noop import QT_TRANSLATE_NOOP


def slip_language_items() -> list[tuple[str, str]]:
    """(code, label) of every shipped slip language: its own name, and "draft" until a
    translator has reviewed it ("Tiếng Việt — draft")."""
    items = []
    for lang in settings.slip_languages():
        label = lang.name
        if lang.status == "draft":
            label += " — " + QCoreApplication.translate("Choices", "draft")
        items.append((lang.code, label))
    return items


# Each translation names its own language: translated, this says "Español".
OWN_NAME = QT_TRANSLATE_NOOP("LanguageName", "English")


def interface_language_items() -> list[tuple[str, str]]:
    """(code, name) of every interface language: English, built in, and each compiled
    translation in resources/i18n/ (staffdesk_es.qm names itself "Español")."""
    items = [("en", "English")]
    for path in sorted((resources_dir() / "i18n").glob("staffdesk_*.qm")):
        code = path.stem.removeprefix("staffdesk_")
        translator = QTranslator()
        if code == "en" or not translator.load(str(path)):
            continue
        items.append((code, translator.translate("LanguageName", OWN_NAME) or code))
    return items
