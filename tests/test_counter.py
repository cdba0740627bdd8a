"""The counter (issue 13, core): countersign, not-a-contact reason, duplicates and existing
links, the signed paper form, lost slips, the codes dashboard, portal links on the card."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from staffdesk.domain.errors import (
    AuthenticationFailed,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    RestrictedContact,
    ValidationError,
    ValidationErrors,
)
from staffdesk.domain.workflow import PasscodeState, RequestStatus
from staffdesk.services import (
    codes,
    countersign,
    duplicates,
    lost_slip,
    portal,
    queries,
    requests,
    settings,
)
from staffdesk.services.context import utcnow
from staffdesk.store import db
from staffdesk.store.models import AccessRequest, AuditEvent, Decision, Passcode
from tests.conftest import PASSWORD, Office
from tests.flow import approved, form, issued

# --------------------------------------------------------------------------------- countersign


def _verified(s: object, office: Office, guardian: str = "Ana Núñez", pid: str = "1000001") -> str:
    rid = requests.record_request(s, office.clerk, form(pid, guardian)).request.id  # type: ignore[arg-type]
    requests.verify_identity(s, office.clerk, rid, document_kind="ca-id")  # type: ignore[arg-type]
    return rid


def test_countersign_records_the_approvers_decision_from_the_clerks_desk(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        rid = _verified(s, office)
        done = countersign.countersign_approve(
            s, office.clerk, rid, username="approver", password=PASSWORD
        )
    assert done.approver == "approver" and done.desk_user == "clerk"
    assert done.request.status is RequestStatus.APPROVED
    with office.session() as s:
        d = s.scalars(select(Decision).where(Decision.request_id == rid)).one()
        assert (d.decided_by, d.workstation) == ("approver", office.clerk.workstation)
        event = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity_id == rid, AuditEvent.action == "request.approve"
            )
        ).one()
        assert event.actor == "approver" and event.workstation == office.clerk.workstation
        assert '"countersigned_at_desk_of": "clerk"' in event.details


def test_countersign_keeps_every_rule(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        rid = _verified(s, office)
    # a wrong password: the refusal sign-in gives, and nothing changes
    with pytest.raises(AuthenticationFailed):
        with db.unit_of_work(office.factory) as s:
            countersign.countersign_approve(
                s, office.clerk, rid, username="approver", password="wrong-password"
            )
    with office.session() as s:
        assert requests.get_request(s, office.clerk, rid).status is RequestStatus.VERIFIED
        # a clerk's own password approves nothing
        with pytest.raises(PermissionDenied, match="approver role"):
            countersign.countersign_approve(
                s, office.clerk, rid, username="clerk", password=PASSWORD
            )
        # the ID checker cannot countersign their own check
        rid2 = requests.record_request(
            s, office.clerk, form("1000004"), accept_duplicate=True
        ).request.id
        requests.verify_identity(s, office.approver, rid2, document_kind="passport")
        with pytest.raises(PermissionDenied, match="two-person rule"):
            countersign.countersign_approve(
                s, office.clerk, rid2, username="approver", password=PASSWORD
            )
        # restricted contacts block a countersign as they block an approval
        rid3 = _verified(s, office, "Carlos Núñez")
        with pytest.raises(RestrictedContact):
            countersign.countersign_approve(
                s, office.clerk, rid3, username="approver2", password=PASSWORD
            )
        # an approver of another school does not see the request
        wash = requests.record_request(s, office.wash_clerk, form("2000001", "Rosa García"))
        requests.verify_identity(s, office.wash_clerk, wash.request.id, document_kind="ca-id")
        with pytest.raises(NotFound):
            countersign.countersign_approve(
                s, office.wash_clerk, wash.request.id, username="approver", password=PASSWORD
            )


def test_waiting_for_me_counts_what_the_approver_may_approve(office: Office) -> None:
    with office.session() as s:
        assert queries.waiting_for_me(s, office.approver) == 0
        _verified(s, office)
        mine = requests.record_request(s, office.clerk, form("1000004")).request.id
        requests.verify_identity(s, office.approver, mine, document_kind="ca-id")
        requests.record_request(s, office.clerk, form("1000003", "Sarah O'Brien-Smith"))
        wash = requests.record_request(s, office.wash_clerk, form("2000001", "Rosa García"))
        requests.verify_identity(s, office.wash_clerk, wash.request.id, document_kind="ca-id")
        assert queries.waiting_for_me(s, office.approver) == 1  # not the one they checked
        assert queries.waiting_for_me(s, office.approver, two_person_rule=False) == 2
        assert queries.waiting_for_me(s, office.approver2) == 3  # LINC and WASH
        assert queries.waiting_for_me(s, office.admin) == 3
        assert queries.waiting_for_me(s, office.clerk) == 0
        s.commit()
    # each count reads an index: verified requests by (status, school), the approver's own checks
    # by verified_by (never every verified request probed for its check)
    seen: list[tuple[str, object]] = []

    def capture(_c: object, _cur: object, stmt: str, params: object, *_a: object) -> None:
        seen.append((stmt, params))

    engine = office.factory.kw["bind"]
    event.listen(engine, "before_cursor_execute", capture)
    with office.session() as s:
        queries.waiting_for_me(s, office.approver2)
        event.remove(engine, "before_cursor_execute", capture)
        counts = [(q, p) for q, p in seen if q.lstrip().startswith("SELECT")]
        plans = [
            " ".join(
                str(r[-1])
                for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + q, p)  # type: ignore[arg-type]
            )
            for q, p in counts
        ]
    assert "COVERING INDEX ix_access_request_status_school (status=? AND school_code=?)" in plans[0]
    assert "INDEX ix_access_request_status_school (status=? AND school_code=?)" in plans[1]
    assert "SEARCH identity_check USING INDEX sqlite_autoindex_identity_check_" in plans[1]


@pytest.mark.parametrize("where", ["office", "pg_office", "mysql_office"])
def test_waiting_for_me_takes_a_directory_account_and_a_local_one_for_one_person(
    where: str, request: pytest.FixtureRequest
) -> None:
    """The badge counts as the approval decides (workflow.person_of): what `approver` checked
    is not waiting for `DISTRICT\\approver`, nor the other way round (the backslash and the
    LIKE escape on every dialect)."""
    office: Office = request.getfixturevalue(where)
    directory = dataclasses.replace(office.approver, username="DISTRICT\\approver")
    other = dataclasses.replace(office.approver, username="DISTRICT\\approver2")
    with office.session() as s:
        checked_locally = requests.record_request(s, office.clerk, form("1000001")).request.id
        requests.verify_identity(s, office.approver, checked_locally, document_kind="ca-id")
        rid = requests.record_request(s, office.clerk, form("1000004")).request.id
        requests.verify_identity(s, directory, rid, document_kind="ca-id")
        assert queries.waiting_for_me(s, office.approver) == 0
        assert queries.waiting_for_me(s, directory) == 0
        assert queries.waiting_for_me(s, dataclasses.replace(directory, username="approver")) == 0
        assert queries.waiting_for_me(s, other) == 2  # a different person: both wait for them
        for actor in (office.approver, directory):
            with pytest.raises(PermissionDenied):  # the approval agrees with the badge
                requests.approve(s, actor, rid)


# --------------------------------------------------------------- guardian not on the list


def test_guardian_not_on_the_list_needs_a_written_reason(office: Office) -> None:
    with office.session() as s:
        rec = requests.record_request(s, office.clerk, form(guardian="Pedro Núñez"))
        assert not rec.request.guardian_on_contacts
        assert [c.name for c in rec.contacts] == ["Ana Núñez", "Carlos Núñez"]
        assert [c.restricted for c in rec.contacts] == [False, True]
        warning = next(w for w in rec.warnings if "not on the student's" in w)
        assert warning.startswith("guardian_name:") and "Ana Núñez" in warning
        rid = rec.request.id
        requests.verify_identity(s, office.clerk, rid, document_kind="ca-id")
        with pytest.raises(ValidationError) as info:
            requests.approve(s, office.approver, rid)
        assert info.value.field == "not_a_contact_reason"
        assert "Pedro Núñez" in info.value.message and "Ana Núñez" in info.value.message
        v = requests.approve(
            s, office.approver, rid, not_a_contact_reason="Stepfather; custody papers seen"
        )
        assert v.decision and v.decision.not_a_contact_reason == "Stepfather; custody papers seen"
        card = queries.student_card(s, office.clerk, "1000001")
        row = next(h for h in card.history if h.id == rid)
        assert "not on the contact list: Stepfather; custody papers seen" in row.detail
        # a guardian on the list needs no reason, and a reason given anyway is not stored
        ok = approved(s, office.clerk, office.approver, "1000004")
        assert requests.get_request(s, office.clerk, ok).decision.not_a_contact_reason == ""  # type: ignore[union-attr]


def _not_a_contact_on_a_server(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        rid = _verified(s, office, "Pedro Núñez")
        requests.approve(s, office.approver, rid, not_a_contact_reason="Uncle, legal guardian")
    with office.session() as s:
        d = requests.get_request(s, office.clerk, rid).decision
        assert d is not None and d.not_a_contact_reason == "Uncle, legal guardian"
        assert requests.get_request(s, office.clerk, rid).paper_form_signed


def test_not_a_contact_reason_on_postgres(pg_office: Office) -> None:
    _not_a_contact_on_a_server(pg_office)


def test_not_a_contact_reason_on_mariadb(mysql_office: Office) -> None:
    _not_a_contact_on_a_server(mysql_office)


# ------------------------------------------------------------- duplicates and existing links


def test_a_second_open_request_is_refused_unless_confirmed(office: Office) -> None:
    with office.session() as s:
        first = requests.record_request(s, office.clerk, form()).request.id
        with pytest.raises(duplicates.DuplicateRequest) as info:
            requests.record_request(s, office.clerk, form(guardian="ANA  nunez"))
        assert info.value.field == "guardian_name"
        assert "already has an open request" in info.value.message
        assert "--accept-duplicate" in info.value.message
        # another guardian of the same student, or the same guardian's other child: no duplicate
        requests.record_request(s, office.clerk, form(guardian="Pedro Núñez"))
        requests.record_request(s, office.clerk, form("1000004"))
        again = requests.record_request(s, office.clerk, form(), accept_duplicate=True)
        assert any("open request" in w for w in again.warnings)
        requests.reject(s, office.approver, first, reason="duplicate")
        requests.reject(s, office.approver, again.request.id, reason="duplicate")
        requests.record_request(s, office.clerk, form())  # nothing open any more


@pytest.mark.parametrize(
    "again",
    [
        "Ana Q. Núñez",
        "Аna Nuñez",
        "Ana\u200b Núñez",
    ],  # an initial, a Cyrillic А, a zero-width space
)
def test_a_duplicate_is_the_same_guardian_by_the_restricted_contacts_key(
    office: Office, again: str
) -> None:
    """Duplicates and the restricted-contact block take the same names for one person
    (domain.names.match_key): a middle initial or a look-alike letter is no new guardian."""
    from staffdesk.domain.names import match_key

    assert match_key(again) == match_key("Ana Núñez")
    with office.session() as s:
        requests.record_request(s, office.clerk, form())
        with pytest.raises(duplicates.DuplicateRequest, match="already has an open request"):
            requests.record_request(s, office.clerk, form(guardian=again))


def test_a_code_still_out_there_points_to_lost_slip(office: Office) -> None:
    with office.session() as s:
        issued(s, office.clerk, office.approver)
        with pytest.raises(duplicates.DuplicateRequest, match="use Lost slip"):
            requests.record_request(s, office.clerk, form())


def test_a_guardian_who_linked_is_pointed_to_password_recovery(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        _, vpc = issued(s, office.clerk, office.approver)
        result = portal.link(
            s,
            permanent_id="1000001",
            phone="(415) 555-0101",
            vpc=vpc,
            account_email="ana.portal@example.org",
            contact_name="Ana Núñez",
        )
        assert isinstance(result, portal.LinkResult)
    with office.session() as s:
        with pytest.raises(duplicates.DuplicateRequest) as info:
            requests.record_request(s, office.clerk, form(email="other@example.org"))
        assert "ana.portal@example.org" in info.value.message
        assert "password recovery" in info.value.message
        # the card lists the link, on the contact and on its own
        card = queries.student_card(s, office.clerk, "1000001")
        assert [(p.contact, p.account) for p in card.portal_links] == [
            ("Ana Núñez", "ana.portal@example.org")
        ]
        ana = next(c for c in card.contacts if c.name == "Ana Núñez")
        assert ana.portal_account == "ana.portal@example.org" and ana.linked_at is not None
        assert next(c for c in card.contacts if c.name == "Carlos Núñez").portal_account == ""


def test_a_link_by_the_forms_email_counts_too(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        # Sarah linked her son without picking her name: only her email tells it is her
        _, vpc = issued(s, office.clerk, office.approver, "1000003", "Sarah O'Brien-Smith")
        result = portal.link(
            s,
            permanent_id="1000003",
            phone="+1 415 555 0103",
            vpc=vpc,
            account_email="sarah@example.org",
        )
        assert isinstance(result, portal.LinkResult)
    with office.session() as s:
        found = duplicates.linked(s, "1000003", "S. O'Brien-Smith", "SARAH@example.org")
        assert [x.account_email for x in found] == ["sarah@example.org"]
        assert duplicates.linked(s, "1000003", "S. O'Brien-Smith", "x@example.org") == []


# ---------------------------------------------------------------------- signed paper form


def test_an_unsigned_paper_form_is_not_recorded(office: Office) -> None:
    with office.session() as s:
        with pytest.raises(ValidationError) as info:
            requests.record_request(s, office.clerk, form(paper_form_signed=False))
        assert info.value.field == "paper_form_signed"
        assert s.scalar(select(AccessRequest.id)) is None
        rec = requests.record_request(s, office.clerk, form())
        assert rec.request.paper_form_signed
        assert s.get(AccessRequest, rec.request.id).paper_form_signed  # type: ignore[union-attr]


# ------------------------------------------------------------------------------- lost slip


def test_lost_slip_prefills_and_its_issue_revokes_the_old_code(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        old, _ = issued(s, office.clerk, office.approver)
        old_serial = requests.get_request(s, office.clerk, old).passcodes[0].serial
        draft = lost_slip.lost_slip_form(s, office.clerk, "1000001")
        assert draft.replaces.id == old and draft.old_serial == old_serial
        assert draft.form.guardian_name == "Ana Núñez" and draft.form.email == "ana@example.org"
        assert not draft.form.paper_form_signed  # the parent signs a new form
        with pytest.raises(ValidationError, match="paper_form_signed"):
            lost_slip.start_lost_slip(s, office.clerk, "1000001", paper_form_signed=False)
        rec = lost_slip.start_lost_slip(s, office.clerk, "1000001", paper_form_signed=True)
        assert rec.request.replaces_request_id == old
        assert any(old_serial in w and "revokes" in w for w in rec.warnings)
        new = rec.request.id
        # the state machine still rules: no code before the ID check and approval
        with pytest.raises(IllegalTransition):
            requests.issue_passcodes(s, office.clerk, [new])
        requests.verify_identity(s, office.clerk, new, document_kind="ca-id")
        requests.approve(s, office.approver, new)
        # the old code keeps working until the new one is issued
        assert requests.get_request(s, office.clerk, old).passcodes[0].state is PasscodeState.ACTIVE
        out = requests.issue_passcodes(s, office.clerk, [new])
    assert out.revoked_serials == (old_serial,)
    with office.session() as s:
        before = requests.get_request(s, office.clerk, old)
        assert before.status is RequestStatus.REVOKED
        assert before.passcodes[0].state is PasscodeState.REVOKED
        p = s.scalars(select(Passcode).where(Passcode.request_id == old)).one()
        assert p.revoke_reason == "lost slip"
        assert requests.get_request(s, office.clerk, new).status is RequestStatus.ISSUED


def test_lost_slip_needs_an_issued_slip_of_that_guardian(office: Office) -> None:
    with office.session() as s:
        with pytest.raises(ValidationError, match="no slip was issued for student 1000001"):
            lost_slip.lost_slip_form(s, office.clerk, "1000001")
        issued(s, office.clerk, office.approver)
        with pytest.raises(ValidationError, match="to 'Pedro'"):
            lost_slip.lost_slip_form(s, office.clerk, "1000001", guardian_name="Pedro")
        draft = lost_slip.lost_slip_form(s, office.clerk, "1000001", guardian_name="ana nunez")
        # a form cannot claim to replace another student's or guardian's request
        with pytest.raises(ValidationError, match="replaces: request"):
            requests.record_request(
                s,
                office.clerk,
                form("1000004", replaces_request_id=draft.replaces.id),
            )


# ------------------------------------------------------------------------- codes dashboard


def _codes_fixture(s: object, office: Office) -> dict[str, str]:
    """One code in each state at LINC; returns state -> passcode id."""
    ids: dict[str, str] = {}
    now = utcnow()
    for pid, guardian, state in (
        ("1000001", "Ana Núñez", "unused"),
        ("1000004", "Ana Núñez", "expiring"),
        ("1000002", "Thị Nguyễn", "expired"),
        ("1000003", "Sarah O'Brien-Smith", "locked"),
    ):
        rid, _ = issued(s, office.clerk, office.approver, pid, guardian)  # type: ignore[arg-type]
        p = s.scalars(select(Passcode).where(Passcode.request_id == rid)).one()  # type: ignore[attr-defined]
        if state == "expiring":
            p.expires_at = now + timedelta(days=2)
        elif state == "expired":
            p.expires_at = now - timedelta(days=1)
        elif state == "locked":
            p.failed_attempts, p.locked_until = 5, now + timedelta(minutes=10)
        ids[state] = p.id
    s.flush()  # type: ignore[attr-defined]
    return ids


def test_codes_by_state_and_the_weekly_chart(office: Office) -> None:
    with office.session() as s:
        ids = _codes_fixture(s, office)
        p = s.get(Passcode, ids["unused"])
        assert p is not None
        rid = _verified(s, office, "Pedro Núñez")
        requests.approve(s, office.approver, rid, not_a_contact_reason="stepfather")
        vpc = requests.issue_passcodes(s, office.clerk, [rid]).slip.students[0].vpc_grouped
        s.commit()
    with db.unit_of_work(office.factory) as s:
        link = portal.link(
            s, permanent_id="1000001", phone="(415) 555-0101", vpc=vpc, account_email="p@x.org"
        )
        assert isinstance(link, portal.LinkResult)
    with office.session() as s:
        page = codes.list_codes(s, office.clerk, "linc", "unused")
        assert {r.passcode_id for r in page.rows} == {ids["unused"], ids["expiring"]}
        assert page.rows[0].passcode_id == ids["expiring"]  # soonest to expire first
        assert page.rows[0].student == "Sofía Núñez" and page.rows[0].guardian == "Ana Núñez"
        one = {
            st: [r.passcode_id for r in codes.list_codes(s, office.clerk, "LINC", st).rows]
            for st in ("expiring", "expired", "locked")
        }
        assert one == {st: [ids[st]] for st in ("expiring", "expired", "locked")}
        assert codes.list_codes(s, office.clerk, "LINC", "expiring", within_days=1).rows == ()
        used = codes.list_codes(s, office.clerk, "LINC", "used").rows
        assert [r.used_by_account for r in used] == ["p@x.org"]
        dash = codes.dashboard(s, office.clerk, "LINC")
        assert dash.counts == {"unused": 2, "expiring": 1, "expired": 1, "locked": 1, "used": 1}
        assert len(dash.weeks) == codes.CHART_WEEKS
        assert (dash.weeks[-1].issued, dash.weeks[-1].linked) == (5, 1)
        assert sum(w.issued for w in dash.weeks[:-1]) == 0
        with pytest.raises(ValidationError, match="state: expected one of: unused, expiring"):
            codes.list_codes(s, office.clerk, "LINC", "active")
        with pytest.raises(ValidationError, match="within_days"):
            codes.list_codes(s, office.clerk, "LINC", "expiring", within_days=0)
        with pytest.raises(ValidationError, match="school WASH is not one of your schools"):
            codes.list_codes(s, office.clerk, "WASH", "unused")


def test_reissue_and_revoke_a_selection_in_one_step(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        ids = _codes_fixture(s, office)
    with office.session() as s:
        with pytest.raises(PermissionDenied):
            codes.revoke_codes(s, office.clerk, [ids["unused"]], reason="lost")
        # all or nothing: one unknown id and nothing is revoked
        with pytest.raises(ValidationErrors, match="nothing was changed"):
            codes.revoke_codes(s, office.approver, [ids["unused"], "nope"], reason="lost")
        assert s.get(Passcode, ids["unused"]).revoked_at is None  # type: ignore[union-attr]
        done = codes.revoke_codes(
            s, office.approver, [ids["unused"], ids["expiring"]], reason="slips lost in the mail"
        )
        assert len(done.serials) == 2
        for rid in done.request_ids:
            assert requests.get_request(s, office.clerk, rid).status is RequestStatus.REVOKED
        with pytest.raises(ValidationErrors, match="already revoked"):
            codes.revoke_codes(s, office.approver, [ids["unused"]], reason="again")
        out = codes.reissue_codes(
            s, office.approver, [ids["expired"], ids["locked"], ids["unused"]]
        )
        assert len(out) == 3 and all(len(o.slip.students) == 1 for o in out)
        assert sum(len(o.revoked_ids) for o in out) == 1  # the locked one still worked
        with pytest.raises(ValidationErrors, match="already replaced"):
            codes.reissue_codes(s, office.approver, [ids["expired"]])


def _dashboard_on_a_server(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        ids = _codes_fixture(s, office)
    with office.session() as s:
        dash = codes.dashboard(s, office.approver, "LINC", within_days=3)
        assert dash.counts == {"unused": 2, "expiring": 1, "expired": 1, "locked": 1, "used": 0}
        assert dash.weeks[-1].issued == 4
        assert [
            r.passcode_id for r in codes.list_codes(s, office.approver, "LINC", "locked").rows
        ] == [ids["locked"]]


def test_codes_dashboard_on_postgres(pg_office: Office) -> None:
    _dashboard_on_a_server(pg_office)


def test_codes_dashboard_on_mariadb(mysql_office: Office) -> None:
    _dashboard_on_a_server(mysql_office)


def test_two_person_rule_off_lets_the_checker_countersign(office: Office) -> None:
    with office.session() as s:
        settings.set_value(s, office.admin, "two_person_rule", "off")
        rid = requests.record_request(s, office.clerk, form()).request.id
        requests.verify_identity(s, office.approver, rid, document_kind="ca-id")
        done = countersign.countersign_approve(
            s, office.clerk, rid, username="approver", password=PASSWORD
        )
        assert done.request.decision and done.request.decision.decided_by == "approver"
