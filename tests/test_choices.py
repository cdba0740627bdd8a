"""Choices come from one place: the document kinds and roles from the domain's enums, in the
identity check, the staff form and the command line alike (docs/where-to-change.md)."""

from __future__ import annotations

import pytest

from staffdesk.cli import build_parser
from staffdesk.domain import catalogue
from staffdesk.domain.workflow import DOCUMENT_LABELS, DocumentKind, Role
from staffdesk.services.codes import CodeState
from staffdesk.ui import states
from tests.test_ui_flows import request_for
from tests.ui_helpers import QT_NOISE, signed_in


def _choices(argv: list[str], option: str) -> list[str]:
    parser = build_parser()
    sub = parser
    for word in argv:
        action = next(a for a in sub._actions if a.choices and word in a.choices)
        sub = action.choices[word]
    return list(next(a for a in sub._actions if option in a.option_strings).choices)


def test_the_command_line_offers_the_domains_kinds_roles_and_states() -> None:
    assert _choices(["request", "verify"], "--document") == [k.value for k in DocumentKind]
    assert _choices(["staff", "add"], "--role") == [r.value for r in Role]
    assert _choices(["passcode", "list"], "--state") == [s.value for s in CodeState]


def test_every_document_kind_and_role_is_named_for_translation() -> None:
    """A kind the catalogue does not name, or a role lupdate cannot see, would show as its
    stored code."""
    assert all(catalogue.ENGLISH_WORDS.get(f"document.{k.value}") for k in DocumentKind)
    assert sorted(states.ROLES) == sorted(r.value for r in Role)


@pytest.mark.qt_log_ignore(*QT_NOISE)
def test_the_identity_check_has_one_button_per_document_kind(qtbot, desk_app, boxes):  # type: ignore[no-untyped-def]
    win = signed_in(desk_app, "clerk")
    dialog = win.open_identity(request_for(desk_app, "1000001"))
    assert list(dialog.kinds) == list(DocumentKind)
    for kind, button in dialog.kinds.items():
        assert button.accessibleName() == DOCUMENT_LABELS[kind]
        assert button.text().replace("&", "") == DOCUMENT_LABELS[kind]
    letters = [b.text()[b.text().index("&") + 1].casefold() for b in dialog.kinds.values()]
    assert len(set(letters)) == len(letters)  # each its own Alt letter
    assert states.document_kind("passport") == "Passport"
    dialog.close()
    win.sign_out()


def test_the_operations_list_names_every_desk_action() -> None:
    """ui/operations.py is the one list: every function there that makes an operation is in
    OPERATIONS with what it does."""
    import inspect

    from staffdesk.ui import operations

    makers = {
        name
        for name, fn in inspect.getmembers(operations, inspect.isfunction)
        if fn.__module__ == operations.__name__ and not name.startswith("_")
    }
    assert makers == set(operations.OPERATIONS)
    assert all(operations.OPERATIONS.values())
    assert {"deliver_slips", "record_form", "verify_identity", "approve"} <= makers
