"""Credential slip PDFs: what a parent reads, what the school keeps, and what never leaks."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from staffdesk.domain.errors import PrintFailed, ValidationError
from staffdesk.slips import slip_geometry, slip_static, texts
from staffdesk.slips.content import CredentialSlip, SlipStudent
from staffdesk.slips.render import (
    CUT_LINE_Y,
    MAX_STUDENTS_PER_SLIP,
    render_slips,
    render_slips_bytes,
)
from staffdesk.slips.texts import available_languages, load_texts

PORTAL_URL = "https://portal.riversideusd.org/parent"
SUPPORT_EMAIL = "portal-help@riversideusd.org"

JOSE = SlipStudent(
    "1234567890", "José Núñez", "3", "(555) 123-4567", "7K2-M9Q-4XD", date(2026, 11, 28), "S-004217"
)
ANH = SlipStudent(
    "2234567891",
    "Nguyễn Thị Ánh",
    "5",
    "(555) 987-6543",
    "ABC-DEF-GH7",
    date(2026, 11, 29),
    "S-0418",
)
LIAM = SlipStudent(
    "3234567892",
    "Liam O'Brien-Smith",
    "K",
    "(555) 222-3333",
    "Z9X-8W7-VT6",
    date(2026, 11, 30),
    "S-19",
)


def make_slip(
    *students: SlipStudent,
    language: str = "en",
    pending_sync: bool = False,
    guardian: str = "María Núñez",
) -> CredentialSlip:
    return CredentialSlip(
        language=language,
        district_name="Riverside Unified School District",
        school_name="Lincoln Elementary School",
        portal_url=PORTAL_URL,
        support_email=SUPPORT_EMAIL,
        guardian_name=guardian,
        students=students or (JOSE,),
        issued_by="Ana Ruiz",
        issued_at=datetime(2026, 11, 14, 12, 5, tzinfo=UTC),  # same date in any local zone
        workstation="FRONT-1",
        pending_sync=pending_sync,
    )


def page_text(pdf: bytes, index: int = 0) -> str:
    """The page's text, whitespace collapsed and NFC-normalised, so phrases can be searched."""
    text = PdfReader(io.BytesIO(pdf)).pages[index].extract_text()
    return unicodedata.normalize("NFC", " ".join(text.split()))


def text_by_height(pdf: bytes, index: int = 0) -> list[tuple[float, str]]:
    """(y in points from the page bottom, text) of every piece of text drawn on the page."""
    chunks: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            chunks.append((y, unicodedata.normalize("NFC", text)))

    PdfReader(io.BytesIO(pdf)).pages[index].extract_text(visitor_text=visit)
    return chunks


def fonts_used(pdf: bytes) -> set[str]:
    """BaseFont of every font in every page's and form's resources."""
    names: set[str] = set()

    def walk(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else None
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return names


# --- what the parent reads ---------------------------------------------------------------


def test_slip_carries_the_three_values_the_portal_asks_for() -> None:
    text = page_text(render_slips_bytes([make_slip()]))
    for expected in (
        "Parent Portal — your access information",
        "Riverside Unified School District".upper(),
        "Lincoln Elementary School",
        "José Núñez",
        "Student Permanent ID",
        "1234567890",
        "Primary telephone number on record",
        "(555) 123-4567",
        "Verification PassCode (VPC)",
        "7K2-M9Q-4XD",
        "Expires November 28, 2026",
        "S-004217",
        PORTAL_URL,
        SUPPORT_EMAIL,
        "Prepared for María Núñez",
        "Issued by Ana Ruiz at Lincoln Elementary School on November 14, 2026",
    ):
        assert expected in text, expected


def test_slip_lists_every_portal_step() -> None:
    text = page_text(render_slips_bytes([make_slip()]))
    for phrase in (
        "enter your email address twice",
        "enter it twice",
        "confirm your email address",
        "Log in to the portal",
        "Student verification",
        "emergency-contact list",
    ):
        assert phrase in text, phrase


@pytest.mark.parametrize("student", [JOSE, ANH, LIAM], ids=["spanish", "vietnamese", "irish"])
def test_any_roster_name_prints_as_written(student: SlipStudent) -> None:
    pdf = render_slips_bytes([make_slip(student, guardian="Trần Văn Bảo")])
    text = page_text(pdf)
    assert student.full_name in text
    assert "Trần Văn Bảo" in text


def test_only_the_shipped_truetype_fonts_are_used() -> None:
    fonts = fonts_used(render_slips_bytes([make_slip(ANH), make_slip(JOSE, ANH, language="es")]))
    assert fonts, "no font found in the PDF"
    # Latin slips need Noto Sans and the VPC's mono face, plus the scissors of the cut line.
    families = {name.split("+", 1)[1].split("-")[0] for name in fonts}
    assert families == {"NotoSans", "DejaVuSansMono", "DejaVuSans"}, fonts


def test_spanish_slip_is_in_spanish() -> None:
    text = page_text(render_slips_bytes([make_slip(language="es", pending_sync=True)]))
    for expected in (
        "Portal para Padres — su información de acceso",
        "Código de verificación (VPC)",
        "Número de identificación permanente del estudiante",
        "Número de teléfono principal registrado",
        "Vence el 28 de noviembre de 2026",
        "Verificación del estudiante",
        "Emitida por Ana Ruiz en Lincoln Elementary School el 14 de noviembre de 2026",
        "Pendiente de sincronizar",
        "Recibo — copia para la escuela",
        "7K2-M9Q-4XD",
    ):
        assert expected in text, expected
    assert "Parent Portal — your access information" not in text


def test_offline_slip_says_it_works_once_synced() -> None:
    notice = "Pending sync — this code works once the school's computer has synced"
    assert notice in page_text(render_slips_bytes([make_slip(pending_sync=True)]))
    assert notice not in page_text(render_slips_bytes([make_slip(pending_sync=False)]))


# --- what the school keeps ------------------------------------------------------------------


def test_receipt_strip_never_carries_the_vpc() -> None:
    pdf = render_slips_bytes([make_slip(JOSE)])
    chunks = text_by_height(pdf)
    above = " ".join(text for y, text in chunks if y > CUT_LINE_Y)
    below = " ".join(text for y, text in chunks if y < CUT_LINE_Y)
    assert "7K2-M9Q-4XD" in above
    assert "7K2-M9Q-4XD" not in below
    assert "7K2M9Q4XD" not in below.replace("-", "").replace(" ", "")
    for expected in ("S-004217", "José Núñez", "María Núñez", "Received by (signature)", "Date"):
        assert expected in below, expected
    assert "Staff initials" in below


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_receipt_strip_region_read_by_poppler_has_no_vpc(tmp_path: Path) -> None:
    """Second opinion from another PDF reader: crop the strip below the cut line."""
    path = tmp_path / "slip.pdf"
    render_slips([make_slip(JOSE, ANH, LIAM)], path)
    strip_top = int(792 - CUT_LINE_Y) + 2  # pdftotext measures from the top, at 72 dpi

    def crop(y: int, height: int) -> str:
        args = ["-r", "72", "-x", "0", "-y", str(y), "-W", "612", "-H", str(height)]
        out = subprocess.run(
            ["pdftotext", *args, str(path), "-"], check=True, capture_output=True, text=True
        )
        return unicodedata.normalize("NFC", out.stdout)

    strip, rest = crop(strip_top, 792 - strip_top), crop(0, strip_top - 4)
    for student in (JOSE, ANH, LIAM):
        assert student.vpc_grouped not in strip
        assert student.vpc_grouped in rest
        assert student.serial in strip
        assert student.full_name in strip


def test_family_slip_lists_each_student_on_one_page() -> None:
    pdf = render_slips_bytes([make_slip(JOSE, ANH, LIAM)])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = page_text(pdf)
    for student in (JOSE, ANH, LIAM):
        for value in (
            student.full_name,
            student.permanent_id,
            student.phone_display,
            student.vpc_grouped,
            student.serial,
        ):
            assert value in text, value
    assert "Expires November 30, 2026" in text
    below = " ".join(text for y, text in text_by_height(pdf) if y < CUT_LINE_Y)
    for student in (JOSE, ANH, LIAM):
        assert student.serial in below and student.full_name in below
        assert student.vpc_grouped not in below


def test_largest_family_slip_fits_in_every_language() -> None:
    """The steps and notes must end above the footer however long a translation is."""
    for language in available_languages():
        words = load_texts(language)
        for count in range(1, MAX_STUDENTS_PER_SLIP + 1):
            key = slip_geometry.StaticKey(
                language, "District", "School", PORTAL_URL, SUPPORT_EMAIL, count
            )
            top = slip_static._block_bottom(key, words) - 22
            plan = slip_static._plan_flow(key, words, top)
            assert plan.bottom >= slip_geometry.FLOW_FLOOR, (language, count)


def test_six_students_render_on_one_page() -> None:
    students = tuple(
        SlipStudent(
            permanent_id=f"90000000{i}",
            full_name=f"Student {i} Núñez",
            grade=str(i),
            phone_display=f"(555) 000-000{i}",
            vpc_grouped=f"AB{i}-CD{i}-EF{i}",
            expires_on=date(2026, 12, 1),
            serial=f"S-9{i}",
        )
        for i in range(MAX_STUDENTS_PER_SLIP)
    )
    pdf = render_slips_bytes([make_slip(*students, language="es", pending_sync=True)])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    below = " ".join(text for y, text in text_by_height(pdf) if y < CUT_LINE_Y)
    for student in students:
        assert student.serial in below and student.vpc_grouped not in below


# --- the QR code -----------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_qr_code_opens_the_portal_and_never_holds_the_vpc(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    image_module = pytest.importorskip("PIL.Image")
    path = tmp_path / "slip.pdf"
    largest_family = (JOSE, ANH, LIAM, JOSE, ANH, LIAM)  # the densest layout, the smallest code
    render_slips([make_slip(JOSE), make_slip(*largest_family, language="es")], path)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    for page in pages:
        with image_module.open(page) as image:
            found = zxingcpp.read_barcodes(image)
        assert [code.text for code in found] == [PORTAL_URL]
        for code in found:
            assert "7K2" not in code.text and "ABC-DEF" not in code.text


def test_qr_code_and_shared_layout_are_drawn_once_per_document() -> None:
    pdf = render_slips_bytes([make_slip(JOSE), make_slip(ANH), make_slip(LIAM)])
    reader = PdfReader(io.BytesIO(pdf))
    forms = {
        xobject.idnum
        for page in reader.pages
        for xobject in page["/Resources"]["/XObject"].values()
    }
    assert len(forms) == 1  # every page reuses one shared form (which holds the QR code)
    qr_forms = [
        name
        for xobject in reader.pages[0]["/Resources"]["/XObject"].values()
        for name in (xobject.get_object()["/Resources"].get("/XObject") or {})
    ]
    assert len(qr_forms) == 1


def test_pages_drawing_the_same_form_share_one_resource_dictionary() -> None:
    batch = [make_slip(JOSE), make_slip(ANH, language="es"), make_slip(LIAM), make_slip(ANH)]
    pdf = render_slips_bytes(batch)
    reader = PdfReader(io.BytesIO(pdf))
    references = [dict.__getitem__(page, "/Resources") for page in reader.pages]
    assert all(isinstance(ref, IndirectObject) for ref in references)  # not a copy per page
    english = {references[i].idnum for i in (0, 2, 3)}
    assert len(english) == 1 and references[1].idnum not in english
    for page in reader.pages:
        assert "/Font" in page["/Resources"] and len(page["/Resources"]["/XObject"]) == 1
    # Each page still carries its own values over its language's shared part.
    spanish_title = " ".join(load_texts("es")("slip.title").split())
    for index, (one, student) in enumerate(zip(batch, (JOSE, ANH, LIAM, ANH), strict=True)):
        text = page_text(pdf, index)
        assert student.vpc_grouped in text and student.full_name in text
        assert (spanish_title in text) == (one.language == "es")
    assert fonts_used(pdf) == fonts_used(render_slips_bytes([make_slip(JOSE)])) | fonts_used(
        render_slips_bytes([make_slip(ANH, language="es")])
    )


# --- the print job ---------------------------------------------------------------------------


def test_progress_is_reported_after_every_page(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    slips = [make_slip(JOSE), make_slip(ANH), make_slip(LIAM, language="es"), make_slip(JOSE, ANH)]
    path = tmp_path / "batch.pdf"
    pages = render_slips(slips, path, progress=lambda done, total: calls.append((done, total)))
    assert pages == 4
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert len(PdfReader(path).pages) == 4


def test_cancel_stops_the_job_and_leaves_no_file(tmp_path: Path) -> None:
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    path = tmp_path / "batch.pdf"
    progress: list[int] = []
    with pytest.raises(PrintFailed, match="cancelled"):
        render_slips(
            [make_slip()] * 5, path, progress=lambda d, t: progress.append(d), cancelled=cancelled
        )
    assert progress == [1, 2]
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []

    buffer = io.BytesIO()
    with pytest.raises(PrintFailed, match="cancelled"):
        render_slips([make_slip()], buffer, cancelled=lambda: True)
    assert buffer.getvalue() == b""


def test_unknown_language_names_the_ones_available() -> None:
    with pytest.raises(ValidationError) as caught:
        render_slips_bytes([make_slip(language="fr")])
    assert caught.value.field == "language"
    assert caught.value.detail == f"expected one of: {', '.join(available_languages())}"


@pytest.mark.parametrize(
    ("slips", "field"),
    [
        ([], "slips"),
        ([make_slip(*([JOSE] * (MAX_STUDENTS_PER_SLIP + 1)))], "students"),
    ],
)
def test_bad_slips_are_refused_before_drawing(slips: list[CredentialSlip], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        render_slips_bytes(slips)
    assert caught.value.field == field


def test_slip_without_students_or_with_naive_time_is_refused() -> None:
    empty = CredentialSlip(**{**_fields(make_slip()), "students": ()})
    with pytest.raises(ValidationError, match="students"):
        render_slips_bytes([empty])
    naive = CredentialSlip(**{**_fields(make_slip()), "issued_at": datetime(2026, 11, 14, 12)})
    with pytest.raises(ValidationError, match="issued_at"):
        render_slips_bytes([naive])


def _fields(slip: CredentialSlip) -> dict[str, object]:
    return {name: getattr(slip, name) for name in CredentialSlip.__dataclass_fields__}


def test_unwritable_destination_is_a_print_failure(tmp_path: Path) -> None:
    with pytest.raises(PrintFailed, match="cannot write"):
        render_slips([make_slip()], tmp_path / "no-such-folder" / "slips.pdf")


def test_closed_file_is_a_print_failure() -> None:
    closed = io.BytesIO()
    closed.close()
    with pytest.raises(PrintFailed):
        render_slips([make_slip()], closed)


def test_saved_file_is_a_complete_pdf(tmp_path: Path) -> None:
    path = tmp_path / "slips.pdf"
    assert render_slips([make_slip(), make_slip(ANH, language="es")], str(path)) == 2
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert [p.name for p in tmp_path.iterdir()] == ["slips.pdf"]  # no temporary file left


# --- the texts -------------------------------------------------------------------------------


def test_every_language_file_matches_english() -> None:
    assert {"en", "es"} <= set(available_languages())
    for language in available_languages():
        words = load_texts(language)
        assert len(words.lines("slip.steps", portal_url="x")) == 5
        assert words.format_date(date(2026, 11, 28))


def test_dates_are_spelt_per_language_without_the_os_locale() -> None:
    assert load_texts("en").format_date(date(2026, 11, 28)) == "November 28, 2026"
    assert load_texts("es").format_date(date(2026, 11, 28)) == "28 de noviembre de 2026"
    assert load_texts("en").format_time(datetime(2026, 1, 1, 15, 5)) == "3:05 PM"
    assert load_texts("es").format_time(datetime(2026, 1, 1, 15, 5)) == "15:05"


def test_unknown_language_from_load_texts() -> None:
    with pytest.raises(ValidationError, match="expected one of: ar, en, es, fa, hy, ko, ru"):
        load_texts("fr")


@pytest.fixture
def texts_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of resources/slips the test may add languages to."""
    folder = tmp_path / "slips"
    shutil.copytree(texts.resources_dir() / "slips", folder)
    monkeypatch.setattr(texts, "_texts_dir", lambda: folder)
    texts._load.cache_clear()
    yield folder
    texts._load.cache_clear()


def test_adding_a_language_is_adding_a_file(texts_folder: Path) -> None:
    pirate = json.loads((texts_folder / "en.json").read_text(encoding="utf-8"))
    pirate["language_name"] = "Pirate"
    pirate["meta"] = {**pirate["meta"], "status": "draft", "matches": ["xx"]}
    pirate["slip"]["title"] = "Ye Parent Portal — yer access papers"
    (texts_folder / "xx.json").write_text(json.dumps(pirate), encoding="utf-8")
    assert "xx" in available_languages()
    text = page_text(render_slips_bytes([make_slip(language="xx")]))
    assert "Ye Parent Portal — yer access papers" in text


def test_a_broken_translation_is_refused_by_name(texts_folder: Path) -> None:
    broken = json.loads((texts_folder / "es.json").read_text(encoding="utf-8"))
    broken["slip"]["expires"] = "Vence el {fecha}"
    del broken["receipt"]["title"]
    (texts_folder / "xx.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValidationError, match=r"xx\.json lacks receipt\.title"):
        load_texts("xx")
    broken["receipt"]["title"] = "Recibo"
    (texts_folder / "xx.json").write_text(json.dumps(broken), encoding="utf-8")
    texts._load.cache_clear()
    with pytest.raises(ValidationError, match=r"slip\.expires"):
        load_texts("xx")


def test_resources_dir_is_the_project_resources_folder() -> None:
    assert (texts.resources_dir() / "slips" / "en.json").is_file()
    assert (texts.resources_dir() / "fonts" / "LICENSE-DejaVu.txt").is_file()
    assert (texts.resources_dir() / "fonts" / "LICENSE-Noto.txt").is_file()
