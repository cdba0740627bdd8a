"""Staff sign-in is throttled per account and per workstation, and every failure is on record,
without telling whether an account exists (issue 12: 30 wrong passwords, then the right one
used to work)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from staffdesk.domain.errors import AuthenticationFailed, SignInThrottled
from staffdesk.domain.passcode import SIGN_IN
from staffdesk.services import staff
from staffdesk.services.context import utcnow
from staffdesk.store import db
from staffdesk.store.models import AuditEvent
from tests.conftest import PASSWORD, Office

ENGINES = [
    pytest.param("office", id="sqlite"),
    pytest.param("pg_office", marks=pytest.mark.postgres, id="postgresql"),
    pytest.param("mysql_office", marks=pytest.mark.mysql, id="mariadb"),
]


@pytest.fixture(params=ENGINES)
def any_office(request: pytest.FixtureRequest) -> Office:
    office: Office = request.getfixturevalue(request.param)
    return office


class Clock:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = utcnow()
        monkeypatch.setattr(staff, "utcnow", lambda: self.now)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def _sign_in(office: Office, user: str, password: str, ws: str = "desk-9") -> object:
    """As the CLI and the window do: one unit of work, rolled back when the sign-in fails."""
    try:
        with db.unit_of_work(office.factory) as s:
            return staff.authenticate(s, user, password, workstation=ws)
    except AuthenticationFailed as exc:
        return exc


def _failures(office: Office) -> list[AuditEvent]:
    with office.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == "staff.signin_failed")))


def test_the_right_password_waits_after_five_wrong_ones(any_office: Office, clock: Clock) -> None:
    for _ in range(SIGN_IN.limit):
        answer = _sign_in(any_office, "clerk", "wrong-password")
        assert type(answer) is AuthenticationFailed
    held = _sign_in(any_office, "clerk", PASSWORD)
    assert isinstance(held, SignInThrottled)
    assert held.minutes == 15 and "try again in 15 minutes" in held.message
    clock.now += timedelta(minutes=10)
    held = _sign_in(any_office, "clerk", PASSWORD)
    assert isinstance(held, SignInThrottled) and held.minutes == 5
    clock.now += timedelta(minutes=6)
    assert not isinstance(_sign_in(any_office, "clerk", PASSWORD), AuthenticationFailed)
    events = _failures(any_office)  # committed although each unit of work rolled back
    assert len(events) == SIGN_IN.limit + 2
    assert {e.actor for e in events} == {"clerk"}
    assert [e.details for e in events].count('{"reason": "throttled"}') == 2


def test_an_unknown_account_is_throttled_the_same_and_its_name_not_kept(
    office: Office, clock: Clock
) -> None:
    typed = "hunter2-my-password"  # a password typed into the user name field
    answers = [_sign_in(office, typed, "x") for _ in range(SIGN_IN.limit + 1)]
    assert [type(a) for a in answers] == [AuthenticationFailed] * SIGN_IN.limit + [SignInThrottled]
    known = [_sign_in(office, "approver", "x", ws=f"ws-{i}") for i in range(SIGN_IN.limit + 1)]
    assert [type(a).__name__ for a in known] == [type(a).__name__ for a in answers]
    assert [str(a) for a in known] == [str(a) for a in answers]
    for e in _failures(office):
        assert typed not in e.actor + e.entity_id + e.details


def test_a_workstation_is_throttled_across_accounts(office: Office, clock: Clock) -> None:
    for i in range(SIGN_IN.limit):
        _sign_in(office, f"guess{i}", "x", ws="front-desk")
    assert isinstance(_sign_in(office, "clerk", PASSWORD, ws="front-desk"), SignInThrottled)
    assert not isinstance(_sign_in(office, "clerk", PASSWORD, ws="back-office"), Exception)


def test_a_right_password_clears_the_accounts_count(office: Office, clock: Clock) -> None:
    for _ in range(SIGN_IN.limit - 1):
        _sign_in(office, "clerk", "wrong", ws=f"ws-{_}")
    assert not isinstance(_sign_in(office, "clerk", PASSWORD, ws="ws-x"), Exception)
    for _ in range(SIGN_IN.limit - 1):
        _sign_in(office, "clerk", "wrong", ws=f"ws-y{_}")
    assert not isinstance(_sign_in(office, "clerk", PASSWORD, ws="ws-z"), Exception)


def test_every_spelling_of_a_directory_account_counts_against_one_window(
    office: Office, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With directory sign-in, `jdoe`, `JDOE`, `district\\jdoe` and the local account `clerk`'s
    directory twin `DISTRICT\\clerk` are each one account: switching spelling (or workstation)
    buys no more tries. A directory that refuses every password stands in for the server."""
    from staffdesk.services import directory

    site = directory.parse_settings(
        {
            "url": "ldaps://dc1.example.org",
            "domain": "DISTRICT",
            "base_dn": "dc=example,dc=org",
            "roles": {"clerk": "cn=clerks,dc=example,dc=org"},
        }
    )
    assert site is not None
    monkeypatch.setattr(directory, "settings", lambda: site)
    monkeypatch.setattr(directory, "sign_in", lambda *a, **k: None)
    spellings = ["jdoe", "JDOE", "district\\jdoe", "DISTRICT\\JDoe", " jdoe "]
    answers = [_sign_in(office, name, "x", ws=f"ws-{i}") for i, name in enumerate(spellings)]
    assert [type(a) for a in answers] == [AuthenticationFailed] * SIGN_IN.limit
    assert isinstance(_sign_in(office, "District\\jdoe", "x", ws="ws-9"), SignInThrottled)
    # the local account clerk and DISTRICT\clerk share a window too
    for i in range(SIGN_IN.limit - 1):
        _sign_in(office, "DISTRICT\\clerk", "x", ws=f"ws-c{i}")
    _sign_in(office, "clerk", "wrong-password", ws="ws-c9")
    assert isinstance(_sign_in(office, "clerk", PASSWORD, ws="ws-c10"), SignInThrottled)
