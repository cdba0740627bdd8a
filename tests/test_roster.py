"""Roster import: the shapes SIS exports take, bad rows by line, all-or-nothing, idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from staffdesk.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from staffdesk.services import roster
from staffdesk.store import db
from staffdesk.store.models import School, Student, StudentContact
from tests.conftest import Office


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _count(office: Office, model: type) -> int:
    with office.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_columns_in_any_order_quotes_crlf_bom_and_extra_columns(
    office: Office, tmp_path: Path
) -> None:
    students = _write(
        tmp_path,
        "s.csv",
        "\ufefflast_name,first_name,permanent_id,grade,school_code,primary_phone,middle_name,language,homeroom\r\n"
        '"Nguyễn, Thị",Ánh,3000001,4,ROOS,"(510) 555-0001",,vi,12B\r\n'
        "O'Brien-Smith,Seán,3000002,10,ROOS,510 555 0002,Óg,,\r\n",
    )
    with db.unit_of_work(office.factory) as s:
        report = roster.import_roster(s, office.admin, students)
    assert (report.students_added, report.schools_added) == (2, ("ROOS",))
    with office.session() as s:
        st = s.get(Student, "3000001")
        assert st is not None
        assert (st.last_name, st.first_name, st.primary_phone, st.language) == (
            "Nguyễn, Thị",
            "Ánh",
            "+15105550001",
            "vi",
        )
        assert st.name_key == "nguyen thi anh"
        assert s.get(School, "ROOS") is not None


def test_bad_rows_are_reported_by_line_and_nothing_is_written(
    office: Office, tmp_path: Path
) -> None:
    before = _count(office, Student)
    students = _write(
        tmp_path,
        "s.csv",
        "school_code,permanent_id,first_name,middle_name,last_name,grade,primary_phone,language\n"
        "LINC,3000010,Ok,,Row,2,(415) 555-0110,en\n"
        "LINC,12ab,Bad,,Id,2,(415) 555-0111,en\n"
        'LINC,3000012,"Multi\nLine",,Name,2,(415) 555-0112,en\n'
        "LINC,3000013,Bad,,Phone,2,555,en\n"
        "LINC,3000010,Dup,,Row,2,(415) 555-0110,en\n"
        ",3000014,No,,School,2,(415) 555-0114,en\n",
    )
    with db.unit_of_work(office.factory) as s, pytest.raises(ValidationErrors) as info:
        roster.import_roster(s, office.admin, students)
    fields = [e.field for e in info.value.errors]
    assert fields == [
        "students line 3: permanent_id",
        "students line 4: first_name",  # a quoted value over two lines: a missing quote?
        "students line 6: primary_phone",
        "students line 7: permanent_id",
        "students line 8: school_code",
    ]
    assert "nothing was changed" in info.value.message
    assert _count(office, Student) == before


def test_missing_columns_and_non_utf8(office: Office, tmp_path: Path) -> None:
    with db.unit_of_work(office.factory) as s:
        with pytest.raises(ValidationError, match=r"lacks the column.*primary_phone"):
            roster.import_roster(
                s, office.admin, _write(tmp_path, "a.csv", "school_code,permanent_id\n")
            )
        latin = _write(
            tmp_path,
            "b.csv",
            "school_code,permanent_id,first_name,last_name,grade,"
            "primary_phone\nLINC,3000020,José,Núñez,1,4155550120\n",
            "latin-1",
        )
        with pytest.raises(ValidationError, match="not UTF-8"):
            roster.import_roster(s, office.admin, latin)
        with pytest.raises(ValidationError, match="cannot read"):
            roster.import_roster(s, office.admin, tmp_path / "missing.csv")


def test_reimport_updates_in_place_and_is_idempotent(office: Office, tmp_path: Path) -> None:
    header = (
        "school_code,permanent_id,first_name,middle_name,last_name,grade,primary_phone,language\n"
    )
    s1 = _write(
        tmp_path,
        "s1.csv",
        header + "LINC,1000001,José,A,Núñez,4,(415) 555-0101,es\n"
        "LINC,3000030,New,,Kid,K,(415) 555-0130,\n",
    )
    with db.unit_of_work(office.factory) as s:
        r = roster.import_roster(s, office.admin, s1)
    assert (r.students_added, r.students_updated, r.students_unchanged) == (1, 1, 0)
    with db.unit_of_work(office.factory) as s:
        r = roster.import_roster(s, office.admin, s1)
    assert (r.students_added, r.students_updated, r.students_unchanged) == (0, 0, 2)
    with office.session() as s:
        st = s.get(Student, "1000001")
        assert st is not None and st.grade == "4"


def test_contacts_restricted_flag_and_replacement(office: Office, tmp_path: Path) -> None:
    header = "permanent_id,contact_name,relationship,phone,email,emergency_order,portal_access\n"
    c = _write(
        tmp_path,
        "c.csv",
        header + "1000001,Ana Núñez,Mother,,ana@example.org,1,allowed\n"
        "1000001,Luis Núñez,Uncle,(415) 555-0177,,3,RESTRICTED\n",
    )
    students = tmp_path / "none.csv"
    students.write_text("school_code,permanent_id,first_name,last_name,grade,primary_phone\n")
    with db.unit_of_work(office.factory) as s:
        r = roster.import_roster(s, office.admin, students, c)
    # Carlos is gone from the export for 1000001, Luis is new, Ana changed (phone dropped)
    assert (r.contacts_added, r.contacts_updated, r.contacts_removed) == (1, 1, 1)
    with office.session() as s:
        rows = s.scalars(
            select(StudentContact)
            .where(StudentContact.permanent_id == "1000001")
            .order_by(StudentContact.emergency_order)
        ).all()
        assert [(x.contact_name, x.portal_access) for x in rows] == [
            ("Ana Núñez", "allowed"),
            ("Luis Núñez", "restricted"),
        ]


def test_bad_contact_rows(office: Office, tmp_path: Path) -> None:
    header = "permanent_id,contact_name,relationship,phone,email,emergency_order,portal_access\n"
    c = _write(
        tmp_path,
        "c.csv",
        header + "9999999,Nobody,Mother,,,1,allowed\n"
        "1000001,Ana Núñez,Mother,,not-an-email,1,allowed\n"
        "1000001,Luis,Uncle,,,x,allowed\n"
        "1000001,Eva,Aunt,,,2,maybe\n",
    )
    students = tmp_path / "none.csv"
    students.write_text("school_code,permanent_id,first_name,last_name,grade,primary_phone\n")
    with db.unit_of_work(office.factory) as s, pytest.raises(ValidationErrors) as info:
        roster.import_roster(s, office.admin, students, c)
    assert [e.field for e in info.value.errors] == [
        "contacts line 2: permanent_id",
        "contacts line 3: email",
        "contacts line 4: emergency_order",
        "contacts line 5: portal_access",
    ]


def test_only_admins_import(office: Office, tmp_path: Path) -> None:
    with db.unit_of_work(office.factory) as s, pytest.raises(PermissionDenied):
        roster.import_roster(s, office.approver, tmp_path / "x.csv")


def _pre_harden_contact_id(pid: str, name: str) -> str:
    """The id roster import gave a contact before domain.names.match_key (its old name fold)."""
    import re
    import unicodedata
    import uuid

    bare = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).replace("đ", "d")
    fold = " ".join(re.sub(r"[^0-9a-z]+", " ", bare.casefold()).split())
    return str(uuid.uuid5(roster.CONTACT_NS, f"{pid}|{fold}"))


def test_reimport_keeps_the_ids_of_contacts_a_portal_link_names(
    office: Office, tmp_path: Path
) -> None:
    """A database from before the matching key: Sarah O'Brien-Smith's contact id came from the
    old fold and her portal link names it. Re-importing the same roster keeps that id (the
    link still names her), and a name in a script the old fold dropped keeps its id too."""
    from sqlalchemy import update

    from staffdesk.domain.values import Phone
    from staffdesk.services import portal, queries, requests
    from staffdesk.store.models import PortalLink
    from tests import flow

    sarah = "Sarah O'Brien-Smith"
    old_sarah = _pre_harden_contact_id("1000003", sarah)
    old_wang = _pre_harden_contact_id("1000002", "王芳")
    assert old_sarah != roster.contact_id("1000003", sarah)  # the key did change
    with db.unit_of_work(office.factory) as s:
        s.execute(
            update(StudentContact)
            .where(StudentContact.permanent_id == "1000003")
            .values(id=old_sarah)
        )
        s.add(
            StudentContact(
                id=old_wang, permanent_id="1000002", contact_name="王芳", relationship="Aunt"
            )
        )
        rid = requests.record_request(
            s, office.clerk, flow.form("1000003", sarah, phone="(415) 555-0103")
        ).request.id
        requests.verify_identity(s, office.clerk, rid, document_kind="ca-id")
        requests.approve(s, office.approver, rid)
        vpc = requests.issue_passcodes(s, office.clerk, [rid]).slip.students[0].vpc_grouped
    with office.session() as s:
        phone = s.get(Student, "1000003").primary_phone  # type: ignore[union-attr]
        result = portal.link(
            s,
            permanent_id="1000003",
            phone=Phone(phone).display(),
            vpc=vpc,
            account_email="sarah@example.org",
            contact_name=sarah,
        )
        s.commit()
        assert isinstance(result, portal.LinkResult), result
        assert s.scalar(select(PortalLink.contact_id)) == old_sarah

    contacts = _write(
        tmp_path,
        "c.csv",
        "permanent_id,contact_name,relationship,phone,email,emergency_order,portal_access\n"
        f"1000003,{sarah},Mother,(415) 555-0103,,1,allowed\n"
        "1000002,Thị Nguyễn,Mother,(415) 555-0102,thi@example.org,1,allowed\n"
        "1000002,王芳,Aunt,,,2,allowed\n"
        "1000002,王强,Uncle,,,3,allowed\n",
    )
    students = _write(
        tmp_path, "s.csv", "school_code,permanent_id,first_name,last_name,grade,primary_phone\n"
    )
    with db.unit_of_work(office.factory) as s:
        r = roster.import_roster(s, office.admin, students, contacts)
    assert (r.contacts_added, r.contacts_removed) == (1, 0)  # only 王强 is new
    with office.session() as s:
        assert s.get(StudentContact, old_sarah) is not None
        assert s.get(StudentContact, old_wang).contact_name == "王芳"  # type: ignore[union-attr]
        link = s.scalars(select(PortalLink)).one()
        assert s.get(StudentContact, link.contact_id) is not None
        card = queries.student_card(s, office.clerk, "1000003")
        assert [(c.name, c.portal_account) for c in card.contacts] == [(sarah, "sarah@example.org")]
