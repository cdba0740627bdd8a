"""Bad input at every boundary gets a field error and writes nothing (issue 12): control
characters, escape sequences and bidi overrides in roster files and form fields; CSV files the
csv module would misread; names in every script through import and search."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from staffdesk.domain.errors import ValidationError, ValidationErrors
from staffdesk.services import queries, requests, roster, settings, staff
from staffdesk.store import db
from staffdesk.store.models import AccessRequest, Student, StudentContact
from tests.conftest import Office
from tests.flow import form

HEADER = "school_code,permanent_id,first_name,last_name,grade,primary_phone\n"
ROW = "LINC,3000001,{first},Lee,4,(415) 555-0301\n"


def _write(tmp_path: Path, text: str, name: str = "s.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _students(office: Office) -> int:
    with office.session() as s:
        return s.scalar(select(func.count()).select_from(Student)) or 0


def _import(office: Office, students: Path, contacts: Path | None = None) -> roster.ImportReport:
    with db.unit_of_work(office.factory) as s:
        return roster.import_roster(s, office.admin, students, contacts)


@pytest.mark.parametrize(
    ("first", "what"),
    [
        ("Ann\x00a", "U+0000"),  # NUL: accepted into SQLite, then refused by PostgreSQL
        ("Ann\x1b[31ma", "U+001B"),  # an escape sequence
        ("Ann\x85a", "U+0085"),  # C1 control (NEL)
        ("\u202eanna", "bidirectional override"),
        ("an\u2066na", "bidirectional override"),
    ],
)
def test_control_characters_and_bidi_overrides_in_a_roster_are_refused_by_line(
    office: Office, tmp_path: Path, first: str, what: str
) -> None:
    before = _students(office)
    path = _write(tmp_path, HEADER + ROW.format(first="Bo") + ROW.format(first=first))
    with pytest.raises(ValidationErrors) as info:
        _import(office, path)
    assert "students line 3: first_name" in info.value.message and what in info.value.message
    assert _students(office) == before


def test_control_characters_in_a_contacts_file_are_refused(office: Office, tmp_path: Path) -> None:
    students = _write(tmp_path, HEADER + ROW.format(first="Bo"))
    contacts = _write(
        tmp_path, "permanent_id,contact_name,relationship\n3000001,Mei Lee,Mo\x07ther\n", "c.csv"
    )
    with pytest.raises(ValidationErrors, match="contacts line 2: relationship"):
        _import(office, students, contacts)


def test_a_field_over_the_csv_limit_is_reported_with_its_line(
    office: Office, tmp_path: Path
) -> None:
    huge = "x" * (csv.field_size_limit() + 1)
    path = _write(tmp_path, HEADER + ROW.format(first="Bo") + ROW.format(first=huge))
    with pytest.raises(ValidationError, match=r"students file line 3: a value is longer than"):
        _import(office, path)


def test_a_column_named_twice_is_refused(office: Office, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER.replace("grade", "first_name") + ROW.format(first="Bo"))
    with pytest.raises(ValidationError, match=r"line 1: the column.s. first_name appear"):
        _import(office, path)


def test_an_unterminated_quote_is_reported_not_swallowed(office: Office, tmp_path: Path) -> None:
    before = _students(office)
    at_end = _write(tmp_path, HEADER + ROW.format(first="Bo") + 'LINC,3000002,"Al,Lee,4,x\n')
    with pytest.raises(ValidationError, match="students file line 3: a quote is opened"):
        _import(office, at_end)
    # a quote that is closed rows later would swallow them into one name
    swallowing = _write(
        tmp_path,
        HEADER + 'LINC,3000002,"Al,Lee,4,x\n' + ROW.format(first="Bo") + 'LINC,3000003,Cy",Li\n',
        "t.csv",
    )
    with pytest.raises(ValidationErrors, match="line 2: first_name: the value runs over lines 2-4"):
        _import(office, swallowing)
    assert _students(office) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("guardian_name", "Ana\x00 Núñez"),
        ("guardian_name", "Ana \u202eNúñez"),
        ("address", "12 Harbor\x1b[2J Way"),
        ("email", "ana\x00@example.org"),
        ("phone", "(415)\x00555-0101"),
        ("language", "e\x01s"),
    ],
)
def test_form_fields_refuse_control_characters_and_write_nothing(
    office: Office, field: str, value: str
) -> None:
    with db.unit_of_work(office.factory) as s:
        before = s.scalar(select(func.count()).select_from(AccessRequest))
        with pytest.raises(ValidationError) as info:
            requests.record_request(s, office.clerk, form(**{field: value}))
        assert info.value.field == field
        assert s.scalar(select(func.count()).select_from(AccessRequest)) == before


def test_staff_and_settings_refuse_control_characters(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        with pytest.raises(ValidationError, match="display name: contains a control"):
            staff.add_staff(
                s,
                office.admin,
                username="zed",
                role="admin",
                password="long-enough-1",
                display_name="Zed\x00",
            )
        with pytest.raises(ValidationError, match="district_name: contains a bidirectional"):
            settings.set_value(s, office.admin, "district_name", "Bayside \u202eUSD")


# ----------------------------------------------------------------------- names in every script

NAMES_STUDENTS = (
    "school_code,permanent_id,first_name,last_name,grade,primary_phone\n"
    "LINC,4000001,Мария,Иванова,3,(415) 555-0401\n"
    "LINC,4000002,芳,王,2,(415) 555-0402\n"
    "LINC,4000003,민준,김,5,(415) 555-0403\n"
    "LINC,4000004,Արամ,Հակոբյան,1,(415) 555-0404\n"
    "LINC,4000005,محمد,احمدی,4,(415) 555-0405\n"
)
NAMES_CONTACTS = (
    "permanent_id,contact_name,relationship,portal_access\n"
    "4000002,王芳,Mother,allowed\n"
    "4000002,王强,Father,restricted\n"
    "4000001,Иванова Анна,Mother,allowed\n"
    "4000001,Иванов Пётр,Father,allowed\n"
)


def test_non_latin_names_import_match_and_search(office: Office, tmp_path: Path) -> None:
    students = _write(tmp_path, NAMES_STUDENTS)
    contacts = _write(tmp_path, NAMES_CONTACTS, "c.csv")
    report = _import(office, students, contacts)
    assert report.contacts_added == 4  # 王芳 and 王强 are two people, not one "listed twice"
    with office.session() as s:
        ids = s.scalars(
            select(StudentContact.id).where(StudentContact.permanent_id == "4000002")
        ).all()
        assert len(set(ids)) == 2
        for text, pid in (
            ("Иванова", "4000001"),
            ("иван", "4000001"),
            ("王", "4000002"),
            ("김", "4000003"),
            ("Հակոբյան", "4000004"),
            ("احمدی", "4000005"),
        ):
            found = queries.search_students(s, office.admin, text)
            assert [r.id for r in found.rows] == [pid], text
        st = s.get(Student, "4000001")
        assert st is not None and st.name_key == "иванова мария"
    with db.unit_of_work(office.factory) as s:
        rec = requests.record_request(
            s, office.clerk, form("4000002", "王芳", phone="(415) 555-0402")
        )
        assert rec.request.restricted_match == "" and rec.request.guardian_on_contacts
        assert rec.warnings == ()


def test_one_person_listed_twice_under_disguises_is_caught(office: Office, tmp_path: Path) -> None:
    students = _write(tmp_path, HEADER + ROW.format(first="Bo"))
    contacts = _write(
        tmp_path,
        "permanent_id,contact_name\n3000001,John Lopez\n3000001,J\u043ehn Q. Lopez\n",
        "c.csv",
    )
    with pytest.raises(ValidationErrors, match=r"contacts line 3: contact_name.*listed twice"):
        _import(office, students, contacts)
