"""The access request from intake to issued passcode, with every rule the services enforce."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from staffdesk.domain.errors import (
    ConflictError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    RestrictedContact,
    ValidationError,
)
from staffdesk.domain.workflow import PasscodeState, RequestStatus
from staffdesk.services import audit, requests, settings
from staffdesk.services.hashing import verify_secret
from staffdesk.store import db
from staffdesk.store.models import AccessRequest, IdentityCheck, Outbox, Passcode
from tests.conftest import Office
from tests.flow import approved, form, issued


def test_intake_checks_the_form_against_the_roster(office: Office) -> None:
    with office.session() as s:
        with pytest.raises(
            ValidationError, match="permanent_id: no student with permanent id 9999999"
        ):
            requests.record_request(s, office.clerk, form("9999999"))
        with pytest.raises(ValidationError, match="attends WASH, which is not one of your schools"):
            requests.record_request(s, office.clerk, form("2000001", "Rosa García"))
        with pytest.raises(ValidationError, match="school: student 1000001 attends LINC, not WASH"):
            requests.record_request(s, office.clerk, form(school_code="WASH"))
        with pytest.raises(ValidationError, match=r"^phone:"):
            requests.record_request(s, office.clerk, form(phone="555"))
        with pytest.raises(ValidationError, match=r"^email:"):
            requests.record_request(s, office.clerk, form(email="ana@"))
        with pytest.raises(ValidationError, match="signed_on: expected a date"):
            requests.record_request(s, office.clerk, form(signed_on="28/11/2026"))
        with pytest.raises(ValidationError, match="guardian_name: is required"):
            requests.record_request(s, office.clerk, form(guardian=" "))
        assert s.scalar(select(func.count()).select_from(AccessRequest)) == 0


def test_name_mismatch_shows_both_and_needs_confirmation(office: Office) -> None:
    with office.session() as s:
        ok = requests.record_request(s, office.clerk, form(first_name="jose", last_name="NUNEZ"))
        assert not ok.request.name_mismatch  # accents and case folded
        with pytest.raises(requests.NameMismatch) as info:
            requests.record_request(
                s, office.clerk, form(first_name="Joseph", last_name="Nunez"), accept_duplicate=True
            )
        assert "'Joseph Nunez'" in info.value.message and "'José A Núñez'" in info.value.message
        rec = requests.record_request(
            s,
            office.clerk,
            form(first_name="Joseph", last_name="Nunez"),
            accept_name_mismatch=True,
            accept_duplicate=True,
        )
        assert rec.request.name_mismatch and rec.request.written_name == "Joseph Nunez"
        assert any("student name" in w for w in rec.warnings)


def test_full_flow_stores_only_the_hash(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        rec = requests.record_request(s, office.clerk, form())
        assert rec.request.status is RequestStatus.RECORDED
        rid = rec.request.id
        v = requests.verify_identity(
            s, office.clerk, rid, document_kind="drivers-licence", last4="a123"
        )
        assert v.identity and v.identity.last4 == "A123" and v.identity.verified_by == "clerk"
        v = requests.approve(s, office.approver, rid)
        assert v.status is RequestStatus.APPROVED
        out = requests.issue_passcodes(s, office.clerk, [rid])
    code = out.slip.students[0].vpc_grouped
    assert out.slip.students[0].phone_display == "(415) 555-0101"
    assert out.slip.language == "es"  # the family's language from the roster
    with office.session() as s:
        p = s.scalars(select(Passcode)).one()
        assert p.vpc_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
        assert verify_secret(p.vpc_hash, code.replace("-", ""))
        assert code.replace("-", "") not in p.vpc_hash
        view = requests.get_request(s, office.clerk, rid)
        assert view.status is RequestStatus.ISSUED
        assert [c.state for c in view.passcodes] == [PasscodeState.ACTIVE]
        assert (p.expires_at - p.issued_at).days == 14
        # every change was audited and queued for the shared database
        assert s.scalar(select(func.count()).select_from(Outbox)) >= 5
        assert audit.verify(s).ok


def test_identity_check_never_keeps_a_full_document_number(office: Office) -> None:
    with office.session() as s:
        rid = requests.record_request(s, office.clerk, form()).request.id
        with pytest.raises(ValidationError, match="last4: at most the last 4"):
            requests.verify_identity(s, office.clerk, rid, document_kind="ca-id", last4="D1234567")
        with pytest.raises(ValidationError, match="document description"):
            requests.verify_identity(s, office.clerk, rid, document_kind="other")
        with pytest.raises(ValidationError, match="document: expected one of"):
            requests.verify_identity(s, office.clerk, rid, document_kind="library-card")
        requests.verify_identity(
            s, office.clerk, rid, document_kind="other", description="Consular ID"
        )
        assert s.scalars(select(IdentityCheck)).one().last4 == ""


def test_illegal_transitions_say_what_is_allowed(office: Office) -> None:
    with office.session() as s:
        rid = requests.record_request(s, office.clerk, form()).request.id
        with pytest.raises(IllegalTransition, match="allowed next: verify identity, reject"):
            requests.approve(s, office.approver, rid)
        with pytest.raises(IllegalTransition):
            requests.issue_passcodes(s, office.clerk, [rid])
        requests.reject(s, office.approver, rid, reason="ID did not match")
        with pytest.raises(IllegalTransition, match="rejected"):
            requests.verify_identity(s, office.clerk, rid, document_kind="ca-id")


def test_roles_and_schools(office: Office) -> None:
    with office.session() as s:
        rid = requests.record_request(s, office.clerk, form()).request.id
        requests.verify_identity(s, office.approver2, rid, document_kind="ca-id")
        with pytest.raises(PermissionDenied, match="approver role"):
            requests.approve(s, office.clerk, rid)
        with pytest.raises(NotFound):
            requests.get_request(s, office.wash_clerk, rid)  # another school's request
        with pytest.raises(PermissionDenied):
            requests.reject(s, office.clerk, rid, reason="x")


def test_two_person_rule(office: Office) -> None:
    with office.session() as s:
        rid = requests.record_request(s, office.clerk, form()).request.id
        requests.verify_identity(s, office.approver, rid, document_kind="ca-id")
        with pytest.raises(PermissionDenied, match="two-person rule"):
            requests.approve(s, office.approver, rid)
        requests.approve(s, office.approver2, rid)
        settings.set_value(s, office.admin, "two_person_rule", "off")
        rid2 = requests.record_request(s, office.clerk, form(), accept_duplicate=True).request.id
        requests.verify_identity(s, office.approver, rid2, document_kind="ca-id")
        assert requests.approve(s, office.approver, rid2).status is RequestStatus.APPROVED


def test_restricted_contact_blocks_approval_unless_admin_overrides(office: Office) -> None:
    with office.session() as s:
        rec = requests.record_request(s, office.clerk, form(guardian="carlos  NUÑEZ"))
        assert rec.request.restricted_match == "Carlos Núñez"
        assert any("restricted contact" in w for w in rec.warnings)
        rid = rec.request.id
        requests.verify_identity(s, office.clerk, rid, document_kind="ca-id")
        with pytest.raises(RestrictedContact, match="Carlos Núñez is a restricted contact"):
            requests.approve(s, office.approver, rid)
        with pytest.raises(PermissionDenied, match="only an admin"):
            requests.approve(s, office.approver, rid, override_reason="court order lifted")
        with pytest.raises(RestrictedContact):
            requests.approve(s, office.admin, rid)
        v = requests.approve(s, office.admin, rid, override_reason="Court order lifted 2026-10-01")
        assert v.decision and v.decision.override_reason.startswith("Court order lifted")


def test_optimistic_locking_one_wins(office: Office) -> None:
    with office.session() as s:
        rid = requests.record_request(s, office.clerk, form()).request.id
        requests.verify_identity(s, office.clerk, rid, document_kind="ca-id")
        s.commit()
        seen = requests.get_request(s, office.clerk, rid).version
    # two approvers looked at version `seen`; the first decision wins
    with db.unit_of_work(office.factory) as a:
        requests.approve(a, office.approver, rid, expected_version=seen)
    with pytest.raises(ConflictError, match="changed by someone else"):
        with db.unit_of_work(office.factory) as b:
            requests.reject(b, office.approver2, rid, reason="late", expected_version=seen)


def test_stale_write_from_another_session_is_a_conflict(office: Office) -> None:
    """Workstation B loaded the request, A decided it meanwhile: B's write is refused."""
    with db.unit_of_work(office.factory) as s:
        rid = requests.record_request(s, office.clerk, form()).request.id
        requests.verify_identity(s, office.clerk, rid, document_kind="ca-id")
    b = office.factory()
    loaded = b.get(AccessRequest, rid)
    assert loaded is not None
    b.commit()  # B keeps its loaded copy, holds no lock
    with db.unit_of_work(office.factory) as a:
        requests.approve(a, office.approver, rid)
    loaded.status = "rejected"
    with pytest.raises(ConflictError, match="someone else changed this record"):
        with db.unit_of_work(lambda: b) as s:  # type: ignore[arg-type]
            s.flush()
    with office.session() as s:
        assert requests.get_request(s, office.clerk, rid).status is RequestStatus.APPROVED


def test_reissue_revokes_the_old_code_and_revoke(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        rid, _ = issued(s, office.clerk, office.approver)
        with pytest.raises(IllegalTransition, match="issued"):
            requests.issue_passcodes(s, office.clerk, [rid])
        with pytest.raises(PermissionDenied):
            requests.issue_passcodes(s, office.clerk, [rid], reissue=True)
        out = requests.issue_passcodes(s, office.approver, [rid], reissue=True)
        assert len(out.revoked_ids) == 1
        states = [p.state for p in requests.get_request(s, office.clerk, rid).passcodes]
        assert states == [PasscodeState.REVOKED, PasscodeState.ACTIVE]
        v = requests.revoke_passcode(s, office.approver, rid, reason="lost slip")
        assert v.status is RequestStatus.REVOKED
        assert all(p.state is PasscodeState.REVOKED for p in v.passcodes)


def test_family_slip_lists_each_sibling(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        r1 = approved(s, office.clerk, office.approver, "1000001")
        r2 = approved(s, office.clerk, office.approver, "1000004")
        out = requests.issue_passcodes(s, office.clerk, [r1, r2])
        assert [x.permanent_id for x in out.slip.students] == ["1000001", "1000004"]
        assert len({x.vpc_grouped for x in out.slip.students}) == 2
        r3 = approved(s, office.clerk, office.approver, "1000002", "Thị Nguyễn")
        r4 = approved(s, office.clerk, office.approver, "1000003", "Sarah O'Brien-Smith")
        with pytest.raises(ValidationError, match="one parent"):
            requests.issue_passcodes(s, office.clerk, [r3, r4])


def test_settings_are_validated(office: Office) -> None:
    with office.session() as s:
        with pytest.raises(ValidationError, match="passcode_days: expected 1 to 30"):
            settings.set_value(s, office.admin, "passcode_days", "31")
        with pytest.raises(ValidationError, match="portal_url"):
            settings.set_value(s, office.admin, "portal_url", "portal")
        with pytest.raises(ValidationError, match="unknown setting"):
            settings.set_value(s, office.admin, "colour", "blue")
        with pytest.raises(PermissionDenied):
            settings.set_value(s, office.approver, "passcode_days", "7")
        assert settings.set_value(s, office.admin, "passcode_days", "7").passcode_days == 7
        issued(s, office.clerk, office.approver)
        p = s.scalars(select(Passcode)).one()
        assert (p.expires_at - p.issued_at).days == 7


def test_a_local_account_and_the_directory_account_of_that_name_are_one_person(
    office: Office,
) -> None:
    """`approver` (a local account) verifies; `DISTRICT\\approver` (the directory account of the
    same name, as directory sign-in records it) may not approve, nor the other way round."""
    from staffdesk.domain.workflow import Role, same_person
    from staffdesk.services.context import Actor

    assert same_person("approver", "DISTRICT\\Approver") and not same_person("ann", "DISTRICT\\bo")
    directory_twin = Actor("DISTRICT\\approver", "A. Pprover", Role.APPROVER, frozenset({"LINC"}))
    with office.session() as s:
        rid = requests.record_request(s, office.clerk, form()).request.id
        requests.verify_identity(s, office.approver, rid, document_kind="ca-id")
        with pytest.raises(PermissionDenied, match=r"two-person rule.*same name are one person"):
            requests.approve(s, directory_twin, rid)
        rid2 = requests.record_request(s, office.clerk, form("1000004")).request.id
        requests.verify_identity(s, directory_twin, rid2, document_kind="ca-id")
        with pytest.raises(PermissionDenied, match="two-person rule"):
            requests.approve(s, office.approver, rid2)
        assert requests.approve(s, office.approver2, rid2).status is RequestStatus.APPROVED
