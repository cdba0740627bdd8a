"""The desk's language choices come from what ships, and the issue dialog says when a slip fell
back to English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from staffdesk.services import settings
from staffdesk.store import db
from staffdesk.store.models import AccessRequest
from tests.test_ui_flows import request_for
from tests.ui_helpers import QT_NOISE, signed_in

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


def _items(box) -> list[tuple[str, str]]:
    return [(box.itemData(i), box.itemText(i)) for i in range(box.count())]


def test_issue_dialog_lists_every_shipped_language_and_says_when_it_fell_back(
    qtbot, desk_app, boxes, tmp_path
):
    win = signed_in(desk_app, "clerk")
    view = request_for(desk_app, "1000010")  # approved in the demo data
    with db.unit_of_work(desk_app.desk.factory) as s:
        request = s.get(AccessRequest, view.id)
        assert request is not None
        request.language = "so-SO"  # the family's language at intake: Somali, no slip text
    dialog = win.open_issue(view.id)
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=5000)
    codes = [code for code, _ in _items(dialog.language)]
    assert codes == ["", *(lang.code for lang in settings.slip_languages())]
    labels = dict(_items(dialog.language))
    assert labels["vi"] == "Tiếng Việt — draft" and labels["en"] == "English"
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.issued is not None, timeout=30000)
    assert dialog.issued.slip.language == "en"
    assert "no slip text ships for the family's language so-SO" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=30000)
    with qtbot.waitSignal(dialog.printed, timeout=10000):
        dialog.save_pdf(str(tmp_path / "slip.pdf"))
    dialog.close()
    assert not boxes


def test_settings_offer_the_shipped_slip_and_interface_languages(qtbot, desk_app, boxes):
    win = signed_in(desk_app, "admin")
    dialog = win.settings()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    slip_codes = [code for code, _ in _items(dialog.slip_language)]
    assert slip_codes == [lang.code for lang in settings.slip_languages()]
    assert {"zh-Hant", "ar", "fa", "hy"} <= set(slip_codes)
    assert [code for code, _ in _items(dialog.ui_language)] == ["en", "es"]
    assert dict(_items(dialog.ui_language))["es"] == "Español"
    dialog.slip_language.setCurrentIndex(dialog.slip_language.findData("zh-Hant"))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with db.unit_of_work(desk_app.desk.factory) as s:
        assert settings.load(s).slip_language == "zh-Hant"
