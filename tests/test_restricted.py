"""Restricted contacts that cannot be dodged (issue 12): a matching key that disguises do not
change, near names shown to the approver, and the block checked again at every issue."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select

from staffdesk.domain.errors import PermissionDenied, PossibleRestrictedMatch, RestrictedContact
from staffdesk.services import batch, requests, roster
from staffdesk.store import db
from staffdesk.store.models import AuditEvent, Passcode
from tests.conftest import CONTACTS_CSV, STUDENTS_CSV, Office
from tests.flow import approved, form

RESTRICTED = "Carlos Núñez"  # restricted contact of student 1000001 in the seeded roster


def _verified(office: Office, guardian: str, pid: str = "1000001") -> str:
    with db.unit_of_work(office.factory) as s:
        rid = requests.record_request(s, office.clerk, form(pid, guardian)).request.id
        requests.verify_identity(s, office.clerk, rid, document_kind="ca-id")
        return rid


@pytest.mark.parametrize(
    "disguise",
    [
        "Carl\u043es Núñez",  # Cyrillic о for the Latin o
        "Car\u200blos Núñez",  # a zero-width space inside the name
        "Car\u3164los Núñez",  # a Hangul filler: shows as a gap, is a letter to Unicode
        "Carlos Q. Núñez",  # an added middle initial
        "CARLOS NUNEZ",
        "Carlos Nu\u0303n\u0303ez",  # decomposed accents
    ],
)
def test_disguised_restricted_names_are_blocked_at_approval(office: Office, disguise: str) -> None:
    rid = _verified(office, disguise)
    with office.session() as s:
        view = requests.get_request(s, office.clerk, rid)
        assert view.restricted_match == RESTRICTED
    with db.unit_of_work(office.factory) as s:
        with pytest.raises(RestrictedContact, match="Carlos Núñez is a restricted contact"):
            requests.approve(s, office.approver, rid)


def test_a_near_name_is_shown_to_the_approver_and_needs_a_reason(office: Office) -> None:
    rid = _verified(office, "Carlo Núñez")  # one letter from the restricted Carlos
    with db.unit_of_work(office.factory) as s:
        view = requests.get_request(s, office.clerk, rid)
        assert view.restricted_match == "" and view.possible_match == RESTRICTED
        with pytest.raises(PossibleRestrictedMatch, match="close to 'Carlos Núñez'"):
            requests.approve(s, office.approver, rid)
        done = requests.approve(
            s, office.approver, rid, possible_match_reason="uncle, ID shows Carlo, born 1961"
        )
        assert done.decision is not None and "uncle, ID shows Carlo" in done.decision.reason
    with office.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "request.approve")).one()
        assert "possible_match" in event.details and "uncle" in event.details


def test_an_allowed_contact_in_their_own_right_is_not_held_up(
    office: Office, tmp_path: Path
) -> None:
    contacts = CONTACTS_CSV + "1000001,Carlo Núñez,Brother,(415) 555-0198,,3,allowed\n"
    (tmp_path / "s.csv").write_text(STUDENTS_CSV, encoding="utf-8")
    (tmp_path / "c.csv").write_text(contacts, encoding="utf-8")
    with db.unit_of_work(office.factory) as s:
        roster.import_roster(s, office.admin, tmp_path / "s.csv", tmp_path / "c.csv")
    rid = _verified(office, "Carlo Nunez")
    with db.unit_of_work(office.factory) as s:
        view = requests.approve(s, office.approver, rid)  # no reason asked for
        assert view.possible_match == "" and view.guardian_on_contacts


def _restrict_ana(office: Office, tmp_path: Path) -> None:
    """A later roster import: the mother Ana becomes a restricted contact of both children."""
    contacts = CONTACTS_CSV.replace(
        "Mother,(415) 555-0101,ana@example.org,1,allowed",
        "Mother,(415) 555-0101,ana@example.org,1,restricted",
    )
    (tmp_path / "s.csv").write_text(STUDENTS_CSV, encoding="utf-8")
    (tmp_path / "c.csv").write_text(contacts, encoding="utf-8")
    with db.unit_of_work(office.factory) as s:
        roster.import_roster(s, office.admin, tmp_path / "s.csv", tmp_path / "c.csv")


def _codes(office: Office) -> int:
    with office.session() as s:
        return len(s.scalars(select(Passcode)).all())


def test_a_contact_restricted_after_approval_stops_issue_reissue_family_and_batch(
    office: Office, tmp_path: Path
) -> None:
    with db.unit_of_work(office.factory) as s:
        first = approved(s, office.clerk, office.approver)
        sibling = approved(s, office.clerk, office.approver, "1000004")
        issued_before = requests.issue_passcodes(s, office.clerk, [first])
    assert issued_before.passcode_ids
    _restrict_ana(office, tmp_path)
    with db.unit_of_work(office.factory) as s:
        with pytest.raises(RestrictedContact, match="Ana Núñez is a restricted contact"):
            requests.issue_passcodes(s, office.clerk, [sibling])
        with pytest.raises(RestrictedContact):
            requests.issue_passcodes(s, office.approver, [first], reissue=True)
        with pytest.raises(RestrictedContact):
            requests.issue_separately(s, office.approver, [sibling])
        with pytest.raises(RestrictedContact):
            batch.issue_batch(s, office.approver, "LINC", io.BytesIO())
        with pytest.raises(PermissionDenied, match="only an admin"):
            requests.issue_passcodes(s, office.clerk, [sibling], override_reason="order lifted")
    assert _codes(office) == 1
    with db.unit_of_work(office.factory) as s:
        out = requests.issue_passcodes(
            s, office.admin, [sibling], override_reason="court order lifted 2026-11-02"
        )
    assert out.passcode_ids and _codes(office) == 2
    with office.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "request.override")).one()
        assert event.entity_id == sibling and "court order lifted" in event.details


def test_an_override_given_at_approval_carries_to_the_issue(office: Office) -> None:
    rid = _verified(office, RESTRICTED)
    with db.unit_of_work(office.factory) as s:
        requests.approve(s, office.admin, rid, override_reason="custody order ended 2026-09")
        out = requests.issue_passcodes(s, office.clerk, [rid])
    assert out.passcode_ids


def _restrict_carlos_for_sofia(office: Office, tmp_path: Path) -> None:
    """A later roster import: the father Carlos becomes a restricted contact of Sofía too."""
    contacts = CONTACTS_CSV + "1000004,Carlos Núñez,Father,(415) 555-0199,,2,restricted\n"
    (tmp_path / "s.csv").write_text(STUDENTS_CSV, encoding="utf-8")
    (tmp_path / "c.csv").write_text(contacts, encoding="utf-8")
    with db.unit_of_work(office.factory) as s:
        roster.import_roster(s, office.admin, tmp_path / "s.csv", tmp_path / "c.csv")


def test_a_near_match_acknowledged_at_approval_is_not_asked_again(office: Office) -> None:
    rid = _verified(office, "Carlo Núñez")
    with db.unit_of_work(office.factory) as s:
        requests.approve(s, office.approver, rid, possible_match_reason="uncle Carlo, born 1961")
        out = requests.issue_passcodes(s, office.clerk, [rid])
        again = requests.issue_passcodes(s, office.approver, [rid], reissue=True)
    assert out.passcode_ids and again.passcode_ids


def test_a_near_match_that_appears_after_approval_is_asked_at_every_issue(
    office: Office, tmp_path: Path
) -> None:
    """Carlo Núñez was approved for Sofía (no restricted contact then) and for José (his near
    match with the restricted Carlos acknowledged). Then Carlos becomes restricted for Sofía
    too: Carlo's code for Sofía is stopped at issue, family slip and batch until an approver
    says why they are different people; the acknowledged one for José is not asked again."""
    with db.unit_of_work(office.factory) as s:
        sofia = requests.record_request(s, office.clerk, form("1000004", "Carlo Núñez")).request.id
        requests.verify_identity(s, office.clerk, sofia, document_kind="ca-id")
        requests.approve(s, office.approver, sofia, not_a_contact_reason="uncle, on the form")
        jose = requests.record_request(s, office.clerk, form("1000001", "Carlo Núñez")).request.id
        requests.verify_identity(s, office.clerk, jose, document_kind="ca-id")
        requests.approve(s, office.approver, jose, possible_match_reason="uncle Carlo, b. 1961")
    _restrict_carlos_for_sofia(office, tmp_path)
    with office.session() as s:
        assert requests.get_request(s, office.clerk, sofia).possible_match == RESTRICTED
    with db.unit_of_work(office.factory) as s:
        with pytest.raises(PossibleRestrictedMatch, match="did not acknowledge"):
            requests.issue_passcodes(s, office.clerk, [sofia])
        with pytest.raises(PossibleRestrictedMatch):
            requests.issue_passcodes(s, office.clerk, [jose, sofia])  # a family slip
        with pytest.raises(PossibleRestrictedMatch):
            requests.issue_separately(s, office.approver, [jose, sofia])
        with pytest.raises(PossibleRestrictedMatch):
            batch.issue_batch(s, office.approver, "LINC", io.BytesIO())
        with pytest.raises(PermissionDenied, match="approver"):
            requests.issue_passcodes(
                s, office.clerk, [sofia], possible_match_reason="not the same man"
            )
    assert _codes(office) == 0
    with db.unit_of_work(office.factory) as s:
        out = requests.issue_passcodes(
            s, office.approver, [jose, sofia], possible_match_reason="Carlo's ID seen, b. 1961"
        )
    assert len(out.passcode_ids) == 2
    with office.session() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "request.possible_match")
        ).all()
        assert [e.entity_id for e in events] == [sofia]  # José's was acknowledged at approval
        assert "Carlos Núñez" in events[0].details and "b. 1961" in events[0].details
