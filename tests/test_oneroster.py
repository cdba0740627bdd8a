"""OneRoster 1.1 and 1.2 CSV bulk exports (folder or zip) into the roster, all or nothing.

The exports in tests/data/oneroster are laid out as SIS exports are: a manifest, GUID-like
sourcedIds, quoted lists, a district org above the schools, teachers among the users, records
marked tobedeleted, and a `metadata.portal_access` extension column.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from staffdesk.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from staffdesk.services import oneroster
from staffdesk.store import db
from staffdesk.store.models import School, Student, StudentContact
from tests.conftest import Office

DATA = Path(__file__).parent / "data" / "oneroster"
V12 = oneroster.OneRosterSettings(permanent_id="userIds:SIS", primary_phone="first_agent")


def zipped(folder: Path, out: Path, inside: str = "") -> Path:
    """The export as SIS portals hand it out: a zip, the files at its top or in one folder."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.glob("*.csv")):
            archive.write(path, f"{inside}{path.name}")
    return out


def copy_export(tmp_path: Path, version: str = "v1p1") -> Path:
    target = tmp_path / version
    shutil.copytree(DATA / version, target)
    return target


def replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def contacts_of(office: Office, pid: str) -> list[tuple[str, str, str, int, str]]:
    with office.session() as s:
        rows = s.scalars(
            select(StudentContact)
            .where(StudentContact.permanent_id == pid)
            .order_by(StudentContact.emergency_order)
        ).all()
        return [
            (c.contact_name, c.relationship, c.phone, c.emergency_order, c.portal_access)
            for c in rows
        ]


def count(office: Office, model: type) -> int:
    with office.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def run(office: Office, source: Path, contacts: Path | None = None, **kw: object) -> object:
    with db.unit_of_work(office.factory) as s:
        return oneroster.import_oneroster(s, office.admin, source, contacts, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ OneRoster 1.1


def check_v1p1(office: Office, report: object) -> None:
    assert report == oneroster.ImportReport(
        students_added=3,
        students_updated=0,
        students_unchanged=0,
        contacts_added=5,
        contacts_updated=0,
        contacts_removed=0,
        schools_added=("ROOS",),
        students_skipped=1,  # Jordan Lee is tobedeleted
    )
    with office.session() as s:
        lucia = s.get(Student, "3100001")
        assert lucia is not None
        assert (
            lucia.school_code,
            lucia.first_name,
            lucia.middle_name,
            lucia.last_name,
            lucia.grade,
            lucia.primary_phone,
        ) == ("LINC", "Lucía", "María", "Hernández", "3", "+14155550141")
        mateo = s.get(Student, "3100002")
        assert mateo is not None and mateo.grade == "K"
        assert s.get(Student, "3200002") is None  # tobedeleted: never written
        roos = s.get(School, "ROOS")
        assert roos is not None and roos.name == "Roosevelt Middle School"
        assert s.get(School, "SPED") is None  # a department is not a school
    # agents in the order of agentSourcedIds; the tobedeleted guardian is no contact; Jorge's
    # metadata.portal_access says restricted; Jorge has only an sms number
    family = [
        ("Marisol Hernández", "Parent", "+14155550141", 1, "allowed"),
        ("Jorge Hernández", "Parent", "+16505550123", 2, "restricted"),
    ]
    assert contacts_of(office, "3100001") == family
    assert contacts_of(office, "3100002") == family
    # Khánh lists no agents; the relative names Khánh in hers
    assert contacts_of(office, "3200001") == [
        ("Bích Trần", "Relative", "+14155550178", 1, "allowed")
    ]


def test_v1p1_folder(office: Office) -> None:
    check_v1p1(office, run(office, DATA / "v1p1"))


def test_v1p1_zip_with_the_files_in_a_folder_inside(office: Office, tmp_path: Path) -> None:
    archive = zipped(DATA / "v1p1", tmp_path / "OneRoster_Bayside.zip", "export_2026-08-14/")
    check_v1p1(office, run(office, archive))


def test_reimport_changes_nothing_and_an_edit_updates_in_place(
    office: Office, tmp_path: Path
) -> None:
    export = copy_export(tmp_path)
    run(office, export)
    again = run(office, export)
    assert (again.students_added, again.students_updated, again.students_unchanged) == (0, 0, 3)  # type: ignore[attr-defined]
    assert (again.contacts_added, again.contacts_updated, again.contacts_removed) == (0, 0, 0)  # type: ignore[attr-defined]
    # Jorge leaves the export: he is no longer a contact of either child; Mateo moves up a grade
    users = export / "users.csv"
    replace_line(users, '"par-88001,par-88002",KG', '"par-88001",01')
    replace_line(users, '"par-88001,par-88002,par-88003"', '"par-88001,par-88003"')
    lines = users.read_text(encoding="utf-8").splitlines(keepends=True)
    users.write_text("".join(x for x in lines if not x.startswith("par-88002")), encoding="utf-8")
    edited = run(office, export)
    assert (edited.students_updated, edited.contacts_removed) == (1, 2)  # type: ignore[attr-defined]
    assert [c[0] for c in contacts_of(office, "3100002")] == ["Marisol Hernández"]
    with office.session() as s:
        mateo = s.get(Student, "3100002")
        assert mateo is not None and mateo.grade == "1"


def test_a_tobedeleted_student_already_on_the_roster_is_left_as_it_is(
    office: Office, tmp_path: Path
) -> None:
    export = copy_export(tmp_path)
    # the export marks an existing StaffDesk student (1000003, Liam, LINC) tobedeleted
    replace_line(
        export / "users.csv",
        "stu-3200002,tobedeleted,2026-08-10T06:02:11.000Z,false,"
        '0b8e2f6a-3d1c-4c6e-9a51-2f0d7e1c0102,student,jlee,"{SIS:3200002}",Jordan,Lee,,3200002',
        "stu-1000003,tobedeleted,2026-08-10T06:02:11.000Z,false,"
        '0b8e2f6a-3d1c-4c6e-9a51-2f0d7e1c0101,student,lobrien,"{SIS:1000003}",Liam,Gone,,1000003',
    )
    with office.session() as s:
        before = s.get(Student, "1000003")
        assert before is not None
        kept = (before.last_name, before.updated_at)
    report = run(office, export)
    assert report.students_skipped == 1  # type: ignore[attr-defined]
    with office.session() as s:
        after = s.get(Student, "1000003")
        assert after is not None and (after.last_name, after.updated_at) == kept
    assert contacts_of(office, "1000003") == [
        ("Sarah O'Brien-Smith", "Mother", "+14155550103", 1, "allowed")
    ]


# ------------------------------------------------------------------------------ OneRoster 1.2


def test_v1p2_zip_with_roles_primary_org_and_the_id_from_userids(
    office: Office, tmp_path: Path
) -> None:
    archive = zipped(DATA / "v1p2", tmp_path / "oneroster-1.2.zip")
    report = run(office, archive, config=V12)
    assert (report.students_added, report.students_skipped, report.schools_added) == (  # type: ignore[attr-defined]
        2,
        1,
        ("HARB",),
    )
    with office.session() as s:
        ada = s.get(Student, "4100001")
        assert ada is not None
        # primaryOrgSourcedId (Harbor View), not the secondary role at Lincoln; the phone is
        # the first agent's, as the site config says; preferred names are not the legal name
        assert (ada.school_code, ada.first_name, ada.grade, ada.primary_phone) == (
            "HARB",
            "Adaeze",
            "5",
            "+15105550110",
        )
        toby = s.get(Student, "4100002")
        assert toby is not None and (toby.school_code, toby.grade) == ("LINC", "TK")
        assert s.get(School, "HARB") is not None
    assert contacts_of(office, "4100001") == [
        ("Ngozi Okafor", "Parent", "+15105550110", 1, "allowed"),
        ("Emeka Okafor", "Guardian", "+15105550112", 2, "restricted"),
    ]


def test_v1p2_reads_the_site_config(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "staffdesk.toml"
    site.write_text(
        '[oneroster]\npermanent_id = "userIds:SIS"\nprimary_phone = "first_agent"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("STAFFDESK_SITE_CONFIG", str(site))
    assert oneroster.settings() == V12
    assert run(office, DATA / "v1p2").students_added == 2  # type: ignore[attr-defined]
    # without it, the identifier column is read: S-550100 is no Permanent ID
    monkeypatch.setenv("STAFFDESK_SITE_CONFIG", str(tmp_path / "none.toml"))
    with pytest.raises(ValidationErrors) as info:
        run(office, DATA / "v1p2")
    assert info.value.errors[0].field == "users.csv line 2: identifier"
    site.write_text('[oneroster]\nprimary_phone = "mother"\n', encoding="utf-8")
    monkeypatch.setenv("STAFFDESK_SITE_CONFIG", str(site))
    with pytest.raises(ValidationError, match=r"\[oneroster\] primary_phone"):
        oneroster.settings()


# ------------------------------------------------------------------------------ bad exports


def test_bad_rows_are_named_by_file_and_line_and_nothing_is_written(
    office: Office, tmp_path: Path
) -> None:
    export = copy_export(tmp_path)
    replace_line(export / "orgs.csv", "school,ROOS,", "school,ROOSEVELT-MIDDLE-SCHOOL-2026,")
    users = export / "users.csv"
    replace_line(
        users, ',,(415) 555-0141,"par-88001,par-88002",KG', ',,555,"par-88001,par-88002",KG'
    )
    replace_line(users, '"par-88001,par-88002,par-88003"', '"par-88001,par-99999"')
    replace_line(users, ",3100002,,,", ",3100001,,,")  # duplicate Permanent ID (phone aside)
    replace_line(users, "marisol.h@example.org", "marisol.h(at)example.org")
    before = (count(office, Student), count(office, StudentContact), count(office, School))
    with pytest.raises(ValidationErrors) as info:
        run(office, export)
    assert [e.field for e in info.value.errors] == [
        "orgs.csv line 4: identifier",
        "users.csv line 2: agentSourcedIds",
        "users.csv line 3: phone",
        "users.csv line 6: email",  # Marisol's, found as Lucía's contact
    ]
    assert "par-99999" in info.value.errors[1].message
    assert "nothing was changed" in info.value.message
    assert (count(office, Student), count(office, StudentContact), count(office, School)) == before


def test_duplicate_permanent_id_names_the_second_line(office: Office, tmp_path: Path) -> None:
    export = copy_export(tmp_path)
    replace_line(export / "users.csv", ",Mateo,Hernández,,3100002,", ",Mateo,Hernández,,3100001,")
    with pytest.raises(ValidationErrors) as info:
        run(office, export)
    assert [(e.field, e.detail) for e in info.value.errors] == [
        ("users.csv line 3: identifier", "3100001 appears twice in users.csv")
    ]


def test_exports_staffdesk_cannot_take(office: Office, tmp_path: Path) -> None:
    delta = copy_export(tmp_path)
    replace_line(delta / "manifest.csv", "file.users,bulk", "file.users,delta")
    with pytest.raises(ValidationErrors) as info:
        run(office, delta)
    assert info.value.errors[0].field == "manifest.csv line 16: file.users"
    assert "bulk" in info.value.errors[0].detail

    no_roles = copy_export(tmp_path, "v1p2")
    (no_roles / "roles.csv").unlink()
    with pytest.raises(ValidationErrors, match=r"needs roles\.csv"):
        run(office, no_roles, config=V12)

    no_users = tmp_path / "half"
    no_users.mkdir()
    shutil.copy(DATA / "v1p1" / "orgs.csv", no_users)
    with pytest.raises(ValidationError, match=r"has no users\.csv"):
        run(office, no_users)
    with pytest.raises(ValidationError, match="neither a folder nor a zip"):
        run(office, DATA / "v1p1" / "users.csv")
    with pytest.raises(ValidationError, match="does not exist"):
        run(office, tmp_path / "missing.zip")
    bad_status = copy_export(tmp_path / "again")
    replace_line(bad_status / "users.csv", "stu-3100002,active,", "stu-3100002,archived,")
    with pytest.raises(ValidationErrors) as info:
        run(office, bad_status)
    assert info.value.errors[0].field == "users.csv line 3: status"


def test_only_admins_import(office: Office) -> None:
    with db.unit_of_work(office.factory) as s, pytest.raises(PermissionDenied):
        oneroster.import_oneroster(s, office.approver, DATA / "v1p1")


# --------------------------------------------------------------- a contacts file laid over


def test_a_staffdesk_contacts_file_laid_over_the_agents(office: Office, tmp_path: Path) -> None:
    laid = tmp_path / "court-orders.csv"
    laid.write_text(
        "permanent_id,contact_name,relationship,phone,email,emergency_order,portal_access\n"
        # restricted for Mateo only; everything else stays as the export says
        "3100002,Marisol Hernández,,,,,restricted\n"
        # someone the SIS does not list as an agent at all
        "3100001,Ray Hernández,Uncle,,,9,restricted\n",
        encoding="utf-8",
    )
    report = run(office, DATA / "v1p1", laid)
    assert report.contacts_added == 6  # type: ignore[attr-defined]
    assert contacts_of(office, "3100002")[0] == (
        "Marisol Hernández",
        "Parent",
        "+14155550141",
        1,
        "restricted",
    )
    assert contacts_of(office, "3100001") == [
        ("Marisol Hernández", "Parent", "+14155550141", 1, "allowed"),
        ("Jorge Hernández", "Parent", "+16505550123", 2, "restricted"),
        ("Ray Hernández", "Uncle", "", 9, "restricted"),
    ]


def test_a_bad_line_in_the_laid_over_file_is_named_too(office: Office, tmp_path: Path) -> None:
    laid = tmp_path / "contacts.csv"
    laid.write_text(
        "permanent_id,contact_name,portal_access\n"
        "3100002,Marisol Hernández,maybe\n"
        "9999999,Nobody Known,restricted\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationErrors) as info:
        run(office, DATA / "v1p1", laid)
    assert [e.field for e in info.value.errors] == [
        "contacts line 2: portal_access",
        "contacts line 3: permanent_id",
    ]
    assert count(office, Student) == 5


# ------------------------------------------------------------------------ the command line


def test_command_line_imports_a_oneroster_zip(
    office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from staffdesk.cli import main
    from tests.conftest import PASSWORD

    monkeypatch.setenv("STAFFDESK_PASSWORD", PASSWORD)
    archive = zipped(DATA / "v1p1", tmp_path / "export.zip")
    base = ["--db", office.url, "roster", "import"]
    assert main([*base, "--oneroster", str(archive), "--as", "admin", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["students_added"], out["students_skipped"], out["schools_added"]) == (
        3,
        1,
        ["ROOS"],
    )
    assert main([*base, "--oneroster", str(archive), "--as", "admin"]) == 0
    assert capsys.readouterr().out.startswith(
        "students: 0 added, 0 updated, 3 unchanged, 1 skipped (tobedeleted); contacts: 0 added"
    )
    broken = copy_export(tmp_path)
    replace_line(broken / "users.csv", "415.555.0177", "415.555")
    assert main([*base, "--oneroster", str(broken), "--as", "admin"]) == 1
    err = capsys.readouterr().err
    assert "nothing was changed" in err and "users.csv line 4: phone" in err
    # a students file and an export at once, or neither: a usage error
    with pytest.raises(SystemExit) as info:
        main([*base, "s.csv", "--oneroster", str(archive), "--as", "admin"])
    assert info.value.code == 2
    with pytest.raises(SystemExit):
        main([*base, "--as", "admin"])


def test_a_blank_portal_access_on_reimport_keeps_a_restriction(
    office: Office, tmp_path: Path
) -> None:
    """Jorge is restricted by the first export. A later export whose metadata.portal_access
    cell is blank (or that has no such column) says nothing about him: he stays restricted.
    Only an explicit `allowed` lifts it; a new contact with a blank cell is allowed."""
    export = copy_export(tmp_path)
    users = export / "users.csv"
    run(office, export)
    jorge = ("Jorge Hernández", "Parent", "+16505550123", 2, "restricted")
    assert contacts_of(office, "3100001")[1] == jorge
    line = users.read_text(encoding="utf-8").splitlines()[6]
    assert line.startswith("par-88002,") and line.endswith(",restricted")
    replace_line(users, line, line.removesuffix("restricted"))
    run(office, export)
    assert contacts_of(office, "3100001")[1] == jorge
    # an export without the extension column at all says nothing either
    text = users.read_text(encoding="utf-8").splitlines()
    without = [r.rsplit(",", 1)[0] for r in text]
    users.write_text("\n".join(without) + "\n", encoding="utf-8")
    run(office, export)
    assert contacts_of(office, "3100001")[1] == jorge
    users.write_text("\n".join(text) + "\n", encoding="utf-8")
    replace_line(
        users, line.removesuffix("restricted") + "\n", line.removesuffix("restricted") + "allowed\n"
    )
    run(office, export)
    assert contacts_of(office, "3100001")[1] == (*jorge[:4], "allowed")
    assert contacts_of(office, "3100001")[0][4] == "allowed"  # Marisol: blank, never restricted
