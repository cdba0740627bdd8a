"""The slip's language comes from the roster's BCP 47 tag; an unknown one prints in English and
the result says so; settings and the roster accept tags and shipped codes in any case."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from staffdesk.domain.errors import ValidationError, ValidationErrors
from staffdesk.services import batch, requests, roster, settings
from staffdesk.store import db
from staffdesk.store.models import AccessRequest, SlipPrintLog, Student
from tests.conftest import PASSWORD, Office
from tests.flow import approved


def _family_language(office: Office, pid: str, tag: str) -> None:
    with db.unit_of_work(office.factory) as s:
        student = s.get(Student, pid)
        assert student is not None
        student.language = tag


@pytest.mark.parametrize(
    ("tag", "code"),
    [("zh-TW", "zh-Hant"), ("vi-VN", "vi"), ("fa-IR", "fa"), ("zh", "zh-Hans"), ("fil", "tl")],
)
def test_the_roster_tag_picks_the_slip_language(office: Office, tag: str, code: str) -> None:
    _family_language(office, "1000002", tag)
    with db.unit_of_work(office.factory) as s:
        rid = approved(s, office.clerk, office.approver, "1000002", "Thị Nguyễn")
        assert s.get(AccessRequest, rid).language == tag  # type: ignore[union-attr]
        out = requests.issue_passcodes(s, office.clerk, [rid])
        requests.log_printed(s, office.clerk, out, "slip")
    assert out.slip.language == code
    assert out.language_fallback == ""
    with office.session() as s:
        assert s.scalars(select(SlipPrintLog.language)).one() == code


def test_an_unknown_family_language_prints_in_english_and_says_so(office: Office) -> None:
    _family_language(office, "1000002", "so-SO")  # Somali: no slip text ships
    with db.unit_of_work(office.factory) as s:
        rid = approved(s, office.clerk, office.approver, "1000002", "Thị Nguyễn")
        out = requests.issue_passcodes(s, office.clerk, [rid])
    assert (out.slip.language, out.language_fallback) == ("en", "so-SO")


def test_no_family_language_is_the_districts_default_without_a_note(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        settings.set_value(s, office.admin, "slip_language", "VI")
        rid = approved(s, office.clerk, office.approver, "1000002", "Thị Nguyễn")
        out = requests.issue_passcodes(s, office.clerk, [rid])
    assert (out.slip.language, out.language_fallback) == ("vi", "")


def test_staff_may_choose_any_shipped_language_in_any_case(office: Office) -> None:
    with db.unit_of_work(office.factory) as s:
        rid = approved(s, office.clerk, office.approver)
        with pytest.raises(ValidationError, match="expected one of: ar, en, es, fa, hy"):
            requests.issue_passcodes(s, office.clerk, [rid], language="fr")
        out = requests.issue_passcodes(s, office.clerk, [rid], language="zh-hant")
    assert out.slip.language == "zh-Hant"


def test_a_batch_mixes_languages_page_by_page(office: Office) -> None:
    for pid, tag in (("1000001", "es-MX"), ("1000002", "vi"), ("1000003", "hmn")):
        _family_language(office, pid, tag)
    with db.unit_of_work(office.factory) as s:
        for pid, guardian in (
            ("1000001", "Ana Núñez"),
            ("1000002", "Thị Nguyễn"),
            ("1000003", "Sarah O'Brien-Smith"),
        ):
            approved(s, office.clerk, office.approver, pid, guardian)
        out = io.BytesIO()
        result = batch.issue_batch(s, office.approver, "LINC", out)
    assert result.issued == 3
    assert result.language_fallbacks == (("hmn", 1),)
    with office.session() as s:
        logged = sorted(s.scalars(select(SlipPrintLog.language)))
    assert logged == ["en", "es", "vi"]


def test_settings_list_the_shipped_languages_and_take_any_case(office: Office) -> None:
    listed = settings.slip_languages()
    assert [lang.code for lang in listed][:1] == ["en"]
    assert {"zh-Hant", "ar", "hy"} <= {lang.code for lang in listed}
    with db.unit_of_work(office.factory) as s:
        assert settings.set_value(s, office.admin, "slip_language", "zh-HANT").slip_language == (
            "zh-Hant"
        )
        with pytest.raises(ValidationError, match="slip_language"):
            settings.set_value(s, office.admin, "slip_language", "klingon")


def test_roster_import_takes_bcp47_tags_and_refuses_others(office: Office, tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text(
        "school_code,permanent_id,first_name,last_name,grade,primary_phone,language\n"
        "LINC,1000101,Mei,Chen,2,(415) 555-0111,zh_tw\n"
        "LINC,1000102,Gor,Sargsyan,2,(415) 555-0112,HY-am\n"
        "LINC,1000103,Ana,Ruiz,2,(415) 555-0113,español\n",
        encoding="utf-8",
    )
    with db.unit_of_work(office.factory) as s, pytest.raises(ValidationErrors) as caught:
        roster.import_roster(s, office.admin, path)
    assert "line 4: language" in str(caught.value)
    assert "BCP 47" in str(caught.value)
    path.write_text(path.read_text(encoding="utf-8").replace("español", "es-419"), "utf-8")
    with db.unit_of_work(office.factory) as s:
        roster.import_roster(s, office.admin, path)
    with office.session() as s:
        tags = {pid: s.get(Student, pid).language for pid in ("1000101", "1000102", "1000103")}  # type: ignore[union-attr]
    assert tags == {"1000101": "zh-TW", "1000102": "hy-AM", "1000103": "es-419"}


# --- the command line says which languages ship and when a slip fell back to English ----------


def test_forms_blank_help_lists_the_languages_and_their_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from staffdesk.cli import main

    with pytest.raises(SystemExit):
        main(["forms", "blank", "--help"])
    out = capsys.readouterr().out
    assert "en English (source text)" in out
    for lang in settings.slip_languages():
        assert lang.describe() in out


def test_forms_blank_in_a_language_and_refusing_an_unknown_one(
    office: Office, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    from staffdesk.cli import main

    out = tmp_path / "form.pdf"
    assert main(["--db", office.url, "forms", "blank", "--out", str(out), "--lang", "ZH-hant"]) == 0
    assert "(zh-Hant)" in capsys.readouterr().out
    assert "家長存取申請表" in PdfReader(out).pages[0].extract_text()
    assert main(["--db", office.url, "forms", "blank", "--out", str(out), "--lang", "fr"]) == 1
    assert "lang: expected one of: ar, en, es" in capsys.readouterr().err


def test_settings_show_lists_the_languages(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    from staffdesk.cli import main

    assert main(["--db", office.url, "settings", "show"]) == 0
    out = capsys.readouterr().out
    assert "slip languages:" in out and "zh-Hant 繁體中文 (draft, not yet reviewed)" in out
    assert main(["--db", office.url, "--json", "settings", "show"]) == 0
    listed = json.loads(capsys.readouterr().out)["slip_languages"]
    assert {
        "code": "ar",
        "name": "العربية",
        "status": "draft",
        "reviewer": "",
        "reviewed_on": "",
    } in (listed)


def test_the_issue_command_says_when_a_slip_fell_back_to_english(
    office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from staffdesk.cli import main

    _family_language(office, "1000002", "so-SO")
    with db.unit_of_work(office.factory) as s:
        rid = approved(s, office.clerk, office.approver, "1000002", "Thị Nguyễn")
    monkeypatch.setenv("STAFFDESK_PASSWORD", PASSWORD)
    out = tmp_path / "slip.pdf"
    args = ["--db", office.url, "passcode", "issue", rid, "--out", str(out), "--as", "clerk"]
    assert main(args) == 0
    said = capsys.readouterr().out
    assert "the slip is in English: no slip text ships for the family's language 'so-SO'" in said
