"""Directory sign-in against a real OpenLDAP server (Debian's slapd), started for these tests.

OpenLDAP accounts bind directly (bind_dn template) over LDAPS or StartTLS; Active Directory-style
accounts are found by a search account whose password is in the keyring. Every refusal reads the
same as a wrong local password, and the identity on decisions and audit events is DOMAIN\\user.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import select

from staffdesk.domain.errors import (
    AuthenticationFailed,
    DirectoryUnavailable,
    SecretStoreUnavailable,
    ValidationError,
)
from staffdesk.domain.workflow import Role
from staffdesk.services import directory, requests, staff
from staffdesk.store import db
from staffdesk.store.models import AuditEvent, Decision, Passcode
from staffdesk.sync import secrets
from staffdesk.sync.secrets import MemoryKeyring
from tests.conftest import PASSWORD, Office
from tests.flow import form
from tests.slapd import (
    AD_GROUPS,
    GROUPS,
    PASSWORDS,
    PEOPLE,
    READER,
    READER_PASSWORD,
    SUFFIX,
    Slapd,
    require_slapd,
)
from tests.ui_helpers import QT_NOISE


@pytest.fixture(scope="module")
def slapd_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Slapd]:
    require_slapd()
    server = Slapd(tmp_path_factory.mktemp("slapd"))
    server.start()
    yield server
    server.stop()


def openldap_table(server: Slapd, **over: Any) -> dict[str, Any]:
    table: dict[str, Any] = {
        "kind": "openldap",
        "url": server.ldaps_url,
        "domain": "district",
        "base_dn": SUFFIX,
        "bind_dn": f"uid={{username}},{PEOPLE}",
        "ca_file": server.ca_file,
        "roles": {
            "clerk": [f"cn=staffdesk-clerks,{GROUPS}", f"cn=pos-clerks,{GROUPS}"],
            "approver": f"cn=staffdesk-approvers,{GROUPS}",
            "admin": f"cn=staffdesk-admins,{GROUPS}",
        },
        "schools": {
            "LINC": f"cn=lincoln-office,{GROUPS}",
            "wash": [f"cn=washington-office,{GROUPS}", f"cn=pos-washington,{GROUPS}"],
        },
    }
    table.update(over)
    return table


def ad_table(server: Slapd, **over: Any) -> dict[str, Any]:
    table: dict[str, Any] = {
        "kind": "ad",
        "url": server.ldaps_url,
        "domain": "DISTRICT",
        "base_dn": SUFFIX,
        "search_dn": READER,
        "ca_file": server.ca_file,
        "roles": {"clerk": f"CN=StaffDesk Clerks,{AD_GROUPS}"},
        "schools": {"LINC": f"cn=lincoln office, {AD_GROUPS.upper()}"},  # any case, any spacing
    }
    table.update(over)
    return table


def toml(table: dict[str, Any], name: str = "directory") -> str:
    """The [directory] table as IT would write it (JSON strings are TOML basic strings)."""
    head = [f"[{name}]"]
    subs = []
    for key, value in table.items():
        if isinstance(value, dict):
            subs.append(toml(value, f"{name}.{key}"))
        else:
            head.append(f"{key} = {json.dumps(value)}")
    return "\n".join(head) + "\n\n" + "\n".join(subs)


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """Write the site config file this workstation reads; returns the writer."""
    path = tmp_path / "staffdesk.toml"
    monkeypatch.setenv("STAFFDESK_SITE_CONFIG", str(path))

    def write(table: dict[str, Any]) -> Path:
        path.write_text(toml(table), encoding="utf-8")
        return path

    return write


@pytest.fixture
def reader_in_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = secrets.use_memory_keyring()  # the allow-list accepts it only when a test installs it
    ring.set_password(directory.KEYRING_SERVICE, f"directory:{READER}", READER_PASSWORD)
    yield ring
    keyring.set_keyring(before)


def sign_in(office: Office, name: str, password: str, workstation: str = "desk-9") -> Any:
    with office.session() as s:
        return staff.authenticate(s, name, password, workstation=workstation)


def local_refusal(office: Office) -> str:
    with pytest.raises(AuthenticationFailed) as info:
        sign_in(office, "clerk", "not-the-password")
    return info.value.message


# ------------------------------------------------------------------------ settings, no server


def test_settings_refuse_plain_ldap_unless_a_lab_says_so() -> None:
    base = {"url": "ldap://dc1.district.test", "domain": "D", "base_dn": "dc=d", "roles": {}}
    base["roles"] = {"clerk": "cn=clerks,dc=d"}
    with pytest.raises(ValidationError, match=r"\[directory\] url: .*in clear.*ldaps"):
        directory.parse_settings(base)
    assert directory.parse_settings(base | {"start_tls": True}) is not None
    lab = directory.parse_settings(base | {"allow_plain": True})
    assert lab is not None and lab.allow_plain
    assert directory.parse_settings({}) is None  # no url: local sign-in only


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "novell"}, "kind"),
        ({"url": "http://dc1"}, "url"),
        ({"domain": ""}, "domain"),
        ({"base_dn": "not a dn"}, "base_dn"),
        ({"roles": {"janitor": "cn=x,dc=d"}}, ".roles janitor"),
        ({"roles": {}}, ".roles"),
        ({"roles": {"clerk": ["nonsense"]}}, ".roles clerk"),
        ({"bind_dn": "uid=fixed,dc=d"}, "bind_dn"),
        ({"timeout": 0}, "timeout"),
        ({"start_tls": "yes"}, "start_tls"),
    ],
)
def test_settings_name_the_key_that_is_wrong(change: dict[str, Any], field: str) -> None:
    table = {
        "url": "ldaps://dc1.district.test",
        "domain": "DISTRICT",
        "base_dn": "dc=district,dc=test",
        "roles": {"clerk": "cn=clerks,dc=district,dc=test"},
    } | change
    with pytest.raises(ValidationError) as info:
        directory.parse_settings(table)
    assert info.value.field == f"site config [directory]{'' if field[0] == '.' else ' '}{field}"


def test_names_from_another_domain_or_with_filter_characters_are_not_looked_up() -> None:
    site = directory.parse_settings(
        {"url": "ldaps://x", "domain": "district", "base_dn": "dc=x", "roles": {"clerk": "cn=c"}}
    )
    assert site is not None
    assert site.account_of("DISTRICT\\jdoe") == site.account_of("jdoe") == "jdoe"
    assert site.account_of("district\\JDoe") == "JDoe"
    assert site.account_of("OTHER\\jdoe") is None
    assert site.account_of("*)(uid=*") is None
    assert site.identity("JDoe") == "DISTRICT\\jdoe"


# ------------------------------------------------------------------- OpenLDAP, real slapd


def test_openldap_accounts_get_role_and_schools_from_their_groups(
    office: Office, slapd_server: Slapd, site: Any
) -> None:
    site(openldap_table(slapd_server))
    jdoe = sign_in(office, "jdoe", PASSWORDS["jdoe"])
    assert (jdoe.username, jdoe.display_name, jdoe.role, jdoe.schools) == (
        "DISTRICT\\jdoe",
        "Jane Doe",
        Role.CLERK,
        {"LINC"},
    )
    assert jdoe.workstation == "desk-9"
    # groupOfNames for the role, groupOfUniqueNames for the schools
    rivera = sign_in(office, "DISTRICT\\mrivera", PASSWORDS["mrivera"])
    assert (rivera.role, rivera.schools) == (Role.APPROVER, {"LINC", "WASH"})
    # posixGroup memberUid
    smith = sign_in(office, "psmith", PASSWORDS["psmith"])
    assert (smith.role, smith.schools) == (Role.CLERK, {"WASH"})
    admin = sign_in(office, "itadmin", PASSWORDS["itadmin"])
    assert (admin.username, admin.role, admin.schools) == ("DISTRICT\\itadmin", Role.ADMIN, set())


def test_every_directory_refusal_reads_like_a_wrong_local_password(
    office: Office, slapd_server: Slapd, site: Any, caplog: pytest.LogCaptureFixture
) -> None:
    site(openldap_table(slapd_server))
    expected = local_refusal(office)
    caplog.set_level(logging.DEBUG)
    attempts = [
        ("jdoe", "wrong-password"),
        ("nobody", "whatever-1"),
        ("OTHER\\jdoe", PASSWORDS["jdoe"]),
        ("jdoe", ""),  # an empty password would be an anonymous bind that succeeds
        ("locked", PASSWORDS["locked"]),  # pwdAccountLockedTime: disabled by the admin
        ("nogroup", PASSWORDS["nogroup"]),  # in no StaffDesk group
        ("noschool", PASSWORDS["noschool"]),  # a clerk group but no school group
        ("*", "x"),
    ]
    for i, (name, password) in enumerate(attempts):
        with pytest.raises(AuthenticationFailed) as info:  # a desk each: 5 failures hold one
            sign_in(office, name, password, workstation=f"desk-{i}")
        assert info.value.message == expected, name
    # the reason is in the log for IT, the password never is
    assert "DISTRICT\\locked: the account is disabled" in caplog.text
    assert "DISTRICT\\nogroup: in no StaffDesk role group" in caplog.text
    assert "DISTRICT\\noschool: a clerk in no school group" in caplog.text
    for password in PASSWORDS.values():
        assert password not in caplog.text


def test_starttls_works_and_plain_ldap_only_for_a_lab(
    office: Office, slapd_server: Slapd, site: Any
) -> None:
    site(openldap_table(slapd_server, url=slapd_server.ldap_url, start_tls=True))
    assert sign_in(office, "jdoe", PASSWORDS["jdoe"]).username == "DISTRICT\\jdoe"
    site(openldap_table(slapd_server, url=slapd_server.ldap_url))
    with pytest.raises(ValidationError, match="in clear"):
        sign_in(office, "jdoe", PASSWORDS["jdoe"])
    site(openldap_table(slapd_server, url=slapd_server.ldap_url, allow_plain=True))
    assert sign_in(office, "jdoe", PASSWORDS["jdoe"]).role is Role.CLERK


def test_untrusted_certificate_and_unreachable_server_are_environment_errors(
    office: Office, slapd_server: Slapd, site: Any, tmp_path: Path
) -> None:
    stranger = tmp_path / "other-ca.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=localhost", "-keyout", str(tmp_path / "k.pem"), "-out", str(stranger)],
        check=True, capture_output=True,
    )  # fmt: skip
    site(openldap_table(slapd_server, ca_file=str(stranger)))
    with pytest.raises(DirectoryUnavailable, match="cannot reach the directory"):
        sign_in(office, "jdoe", PASSWORDS["jdoe"])
    plain = slapd_server.ldap_url
    site(openldap_table(slapd_server, url=plain, start_tls=True, ca_file=str(stranger)))
    with pytest.raises(DirectoryUnavailable):
        sign_in(office, "jdoe", PASSWORDS["jdoe"])
    dead = "ldaps://127.0.0.1:9"  # discard port: nothing listens
    site(openldap_table(slapd_server, url=dead, timeout=2))
    with pytest.raises(DirectoryUnavailable, match=r"127\.0\.0\.1:9\b"):
        sign_in(office, "jdoe", PASSWORDS["jdoe"])
    # a second server takes over when the first does not answer
    site(openldap_table(slapd_server, url=[dead, slapd_server.ldaps_url], timeout=2))
    assert sign_in(office, "jdoe", PASSWORDS["jdoe"]).username == "DISTRICT\\jdoe"


def test_local_accounts_remain_unless_the_site_turns_them_off(
    office: Office, slapd_server: Slapd, site: Any
) -> None:
    site(openldap_table(slapd_server))
    assert sign_in(office, "approver", PASSWORD).username == "approver"
    expected = local_refusal(office)
    site(openldap_table(slapd_server, local_accounts=False))
    with pytest.raises(AuthenticationFailed) as info:
        sign_in(office, "approver", PASSWORD)
    assert info.value.message == expected
    assert sign_in(office, "jdoe", PASSWORDS["jdoe"]).role is Role.CLERK


# ------------------------------------------------------------ Active Directory-style accounts


def test_ad_accounts_found_by_the_search_account_and_disabled_bit_refused(
    office: Office, slapd_server: Slapd, site: Any, reader_in_keyring: MemoryKeyring
) -> None:
    site(ad_table(slapd_server))
    ann = sign_in(office, "DISTRICT\\Ann.AD", PASSWORDS["ann.ad"])
    assert (ann.username, ann.display_name, ann.role, ann.schools) == (
        "DISTRICT\\ann.ad",
        "Ann Adams",
        Role.CLERK,
        {"LINC"},
    )
    expected = local_refusal(office)
    # userAccountControl 514: ACCOUNTDISABLE set (this test server lets the bind through, as
    # a real domain controller would not: StaffDesk's own check is what refuses)
    with pytest.raises(AuthenticationFailed) as info:
        sign_in(office, "bob.ad", PASSWORDS["bob.ad"])
    assert info.value.message == expected
    with pytest.raises(AuthenticationFailed):
        sign_in(office, "ann.ad", PASSWORDS["bob.ad"])


def test_search_account_password_comes_only_from_the_keyring(
    office: Office, slapd_server: Slapd, site: Any, reader_in_keyring: MemoryKeyring
) -> None:
    site(ad_table(slapd_server))
    reader_in_keyring.delete_password(directory.KEYRING_SERVICE, f"directory:{READER}")
    with pytest.raises(SecretStoreUnavailable, match="search account"):
        sign_in(office, "ann.ad", PASSWORDS["ann.ad"])
    reader_in_keyring.set_password(directory.KEYRING_SERVICE, f"directory:{READER}", "wrong")
    with pytest.raises(DirectoryUnavailable, match="refused the search account"):
        sign_in(office, "ann.ad", PASSWORDS["ann.ad"])
    settings = directory.settings()
    assert settings is not None
    assert directory.store_search_password(settings, READER_PASSWORD) == f"directory:{READER}"
    assert sign_in(office, "ann.ad", PASSWORDS["ann.ad"]).username == "DISTRICT\\ann.ad"


# ----------------------------------------------------- the identity on decisions and audit


def test_decisions_and_audit_events_record_the_directory_account(
    office: Office, slapd_server: Slapd, site: Any
) -> None:
    site(openldap_table(slapd_server))
    clerk = sign_in(office, "jdoe", PASSWORDS["jdoe"])
    approver = sign_in(office, "mrivera", PASSWORDS["mrivera"])
    with db.unit_of_work(office.factory) as s:
        rid = requests.record_request(s, clerk, form()).request.id
        requests.verify_identity(s, clerk, rid, document_kind="ca-id", last4="1234")
    with db.unit_of_work(office.factory) as s:
        requests.approve(s, approver, rid)
    with db.unit_of_work(office.factory) as s:
        issued = requests.issue_passcodes(s, clerk, [rid])
    assert issued.slip.issued_by == "Jane Doe"  # the parent's slip names a person, not an account
    with office.session() as s:
        decision = s.scalar(select(Decision).where(Decision.request_id == rid))
        assert decision is not None and decision.decided_by == "DISTRICT\\mrivera"
        view = requests.get_request(s, approver, rid)
        assert view.recorded_by == "DISTRICT\\jdoe"
        actors = set(s.scalars(select(AuditEvent.actor).where(AuditEvent.entity_id == rid)))
        assert actors == {"DISTRICT\\jdoe", "DISTRICT\\mrivera"}
        passcode = s.scalar(select(Passcode).where(Passcode.request_id == rid))
        assert passcode is not None and passcode.issued_by == "DISTRICT\\jdoe"


def test_the_two_person_rule_holds_for_directory_accounts(
    office: Office, slapd_server: Slapd, site: Any
) -> None:
    site(openldap_table(slapd_server))
    rivera = sign_in(office, "mrivera", PASSWORDS["mrivera"])
    with db.unit_of_work(office.factory) as s:
        rid = requests.record_request(s, rivera, form()).request.id
        requests.verify_identity(s, rivera, rid, document_kind="ca-id", last4="1234")
    with db.unit_of_work(office.factory) as s, pytest.raises(Exception, match="verified"):
        requests.approve(s, dataclasses.replace(rivera, workstation="desk-2"), rid)


# ------------------------------------------------------------------------ the sign-in window


@pytest.fixture
def directory_desk(qtbot: Any, demo_template: Path, tmp_path: Path) -> Iterator[Any]:
    """The app on a copy of the demo district as a district installs it (not in demo mode)."""
    from PySide6.QtCore import Qt

    from staffdesk.ui.app import DeskApp
    from tests.ui_helpers import copy_db

    app = DeskApp(copy_db(demo_template, tmp_path), demo=False)
    yield app
    for dialog in list(app.window.dialogs):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.hide()
    app.window.close()
    app.shutdown()


@pytest.mark.qt_log_ignore(*QT_NOISE)
def test_sign_in_window_takes_a_directory_account(
    qtbot: Any, directory_desk: Any, boxes: Any, slapd_server: Slapd, site: Any
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    site(openldap_table(slapd_server))
    app = directory_desk
    app.show_sign_in()
    app.prepare()
    dialog = app.sign_in
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: app.ready, timeout=15000)
    note = dialog.findChild(QLabel, "demo_note")
    assert note.isVisible() and "DISTRICT\\name" in note.text()
    qtbot.keyClicks(dialog.username, "DISTRICT\\jdoe")
    qtbot.keyClicks(dialog.password, "not-her-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong username" in dialog.message.text(), timeout=10000)
    qtbot.keyClicks(dialog.password, PASSWORDS["jdoe"])
    # one school from the directory groups: no picker, straight in
    with qtbot.waitSignal(dialog.signed_in, timeout=10000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    actor = app.desk.actor
    assert (actor.username, actor.display_name, actor.role) == (
        "DISTRICT\\jdoe",
        "Jane Doe",
        Role.CLERK,
    )
    assert app.desk.school == "LINC"
    qtbot.waitUntil(lambda: app.window.isVisible())
    assert not boxes


# ------------------------------------------------------------------------ the command line


def test_command_line_signs_in_with_a_directory_account(
    office: Office,
    slapd_server: Slapd,
    site: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from staffdesk.cli import main

    site(openldap_table(slapd_server))
    monkeypatch.setenv("STAFFDESK_PASSWORD", PASSWORDS["mrivera"])
    assert main(["--db", office.url, "directory", "whoami", "--as", "DISTRICT\\mrivera"]) == 0
    assert capsys.readouterr().out == "DISTRICT\\mrivera (Marta Rivera): approver, LINC, WASH\n"
    monkeypatch.setenv("STAFFDESK_PASSWORD", "wrong")
    assert main(["--db", office.url, "request", "show", "x", "--as", "mrivera"]) == 1
    assert capsys.readouterr().err == f"error: {local_refusal(office)}\n"


def test_command_line_stores_the_search_password(
    office: Office,
    slapd_server: Slapd,
    site: Any,
    reader_in_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from staffdesk.cli import main

    site(ad_table(slapd_server))
    key = f"directory:{READER}"
    reader_in_keyring.delete_password(directory.KEYRING_SERVICE, key)
    monkeypatch.setenv("STAFFDESK_NEW_PASSWORD", READER_PASSWORD)
    assert main(["directory", "search-password"]) == 0
    assert key in capsys.readouterr().out
    assert reader_in_keyring.get_password(directory.KEYRING_SERVICE, key) == READER_PASSWORD
    monkeypatch.setenv("STAFFDESK_PASSWORD", PASSWORDS["ann.ad"])
    assert main(["--db", office.url, "directory", "whoami", "--as", "ann.ad"]) == 0
    site({})  # no [directory] table
    assert main(["directory", "search-password"]) == 1
    assert "not configured" in capsys.readouterr().err
