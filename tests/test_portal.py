"""The reference portal check: link once, same refusal for any wrong value, lock-outs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from staffdesk.domain.vpc import ALPHABET, Vpc
from staffdesk.services import portal, requests
from staffdesk.services.context import utcnow
from staffdesk.store import db
from staffdesk.store.models import AuditEvent, Passcode, PortalLink
from tests.conftest import Office
from tests.flow import issued


def _link(office: Office, code: str, **kw: object) -> portal.LinkResult | portal.PortalRefused:
    args: dict[str, object] = dict(
        permanent_id="1000001", phone="415-555-0101", vpc=code, account_email="ana@example.org"
    )
    args.update(kw)
    with db.unit_of_work(office.factory) as s:
        return portal.link(s, **args)  # type: ignore[arg-type]


def _wrong(code: str) -> str:
    """A different code with a valid check symbol (so it is a wrong code, not a typo)."""
    while True:
        other = Vpc.generate().grouped()
        if other != code:
            return other


def _setup(office: Office) -> tuple[str, str]:
    with db.unit_of_work(office.factory) as s:
        return issued(s, office.clerk, office.approver)


def test_links_once_and_lists_only_this_students_contacts(office: Office) -> None:
    _, code = _setup(office)
    result = _link(office, code.lower().replace("-", " "))
    assert isinstance(result, portal.LinkResult)
    assert [c.name for c in result.contacts] == ["Ana Núñez"]  # restricted Carlos not offered
    again = _link(office, code, account_email="other@example.org")
    assert isinstance(again, portal.PortalRefused) and again.message == portal.REFUSED
    with office.session() as s:
        p = s.scalars(select(Passcode)).one()
        assert p.used_at is not None and p.used_by_account == "ana@example.org"
        assert s.scalars(select(PortalLink)).one().permanent_id == "1000001"


def test_wrong_id_phone_or_code_get_the_same_refusal(office: Office) -> None:
    _, code = _setup(office)
    answers = [
        _link(office, code, permanent_id="1000002"),  # another student
        _link(office, code, permanent_id="9999999"),  # nobody
        _link(office, code, phone="(415) 555-0199"),
        _link(office, _wrong(code)),
    ]
    assert all(isinstance(a, portal.PortalRefused) for a in answers)
    assert {a.message for a in answers} == {portal.REFUSED}  # type: ignore[union-attr]
    reasons = [a.reason for a in answers]  # type: ignore[union-attr]
    assert reasons == [
        portal.Refusal.WRONG_PHONE,
        portal.Refusal.UNKNOWN_STUDENT,
        portal.Refusal.WRONG_PHONE,
        portal.Refusal.WRONG_CODE,
    ]
    assert isinstance(_link(office, code), portal.LinkResult)  # 3 failures: not locked yet


def test_a_typo_says_check_the_code_and_is_not_counted(office: Office) -> None:
    _, code = _setup(office)
    raw = code.replace("-", "")
    typo = raw[:-1] + next(c for c in ALPHABET if c != raw[-1])
    answer = _link(office, typo)
    assert isinstance(answer, portal.PortalRefused) and answer.reason is portal.Refusal.TYPO
    assert "typo" in answer.message
    with office.session() as s:
        assert s.scalars(select(Passcode)).one().failed_attempts == 0


def test_five_failures_lock_for_fifteen_minutes(office: Office) -> None:
    _, code = _setup(office)
    now = utcnow()
    for _ in range(5):
        assert isinstance(_link(office, _wrong(code), now=now), portal.PortalRefused)
    locked = _link(office, code, now=now + timedelta(minutes=14))
    assert isinstance(locked, portal.PortalRefused) and locked.reason is portal.Refusal.LOCKED
    assert isinstance(_link(office, code, now=now + timedelta(minutes=16)), portal.LinkResult)


def test_hundred_failures_lock_until_reissued(office: Office) -> None:
    rid, code = _setup(office)
    with db.unit_of_work(office.factory) as s:
        p = s.scalars(select(Passcode)).one()
        p.failed_attempts = 99
    assert isinstance(_link(office, _wrong(code)), portal.PortalRefused)
    later = utcnow() + timedelta(hours=5)
    answer = _link(office, code, now=later)
    assert isinstance(answer, portal.PortalRefused) and answer.reason is portal.Refusal.LOCKED
    with db.unit_of_work(office.factory) as s:
        new = requests.issue_passcodes(s, office.approver, [rid], reissue=True)
    assert isinstance(_link(office, code), portal.PortalRefused)  # the old code is revoked
    assert isinstance(_link(office, new.slip.students[0].vpc_grouped), portal.LinkResult)


def test_expired_and_revoked_codes_are_refused(office: Office) -> None:
    rid, code = _setup(office)
    after = utcnow() + timedelta(days=15)
    answer = _link(office, code, now=after)
    assert isinstance(answer, portal.PortalRefused) and answer.message == portal.REFUSED
    with db.unit_of_work(office.factory) as s:
        requests.revoke_passcode(s, office.approver, rid, reason="lost slip")
    assert isinstance(_link(office, code), portal.PortalRefused)


def test_contact_choice_is_recorded_and_checked(office: Office) -> None:
    _, code = _setup(office)
    answer = _link(office, code, contact_name="Carlos Núñez")  # restricted: not on the list
    assert isinstance(answer, portal.PortalRefused) and "Ana Núñez" in answer.message
    ok = _link(office, code, contact_name="ana nunez")
    assert isinstance(ok, portal.LinkResult) and ok.contact and ok.contact.name == "Ana Núñez"
    with office.session() as s:
        assert s.scalars(select(PortalLink)).one().contact_id == ok.contact.id


def test_portal_checks_are_audited_on_their_own_chain(office: Office) -> None:
    _, code = _setup(office)
    _link(office, _wrong(code))
    _link(office, code)
    with office.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.chain == "portal")).all()
        assert [e.action for e in events] == ["portal.refused", "portal.link"]
        assert all(code.replace("-", "") not in e.details for e in events)


def test_bad_account_email_is_refused_without_counting(office: Office) -> None:
    _, code = _setup(office)
    answer = _link(office, code, account_email="nope")
    assert isinstance(answer, portal.PortalRefused) and "account email" in answer.message
    assert isinstance(_link(office, code), portal.LinkResult)


@pytest.mark.parametrize("bad", ["", "abc"])
def test_malformed_code_is_the_generic_refusal(office: Office, bad: str) -> None:
    _setup(office)
    answer = _link(office, bad)
    assert isinstance(answer, portal.PortalRefused) and answer.message == portal.REFUSED
