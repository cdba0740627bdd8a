"""The blank two-sided Parent Access Form handed out at the front counter."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from staffdesk.domain.errors import PrintFailed, ValidationError
from staffdesk.slips.blank_form import render_blank_form, render_blank_form_bytes
from staffdesk.slips.texts import available_languages, load_texts

DISTRICT = "Riverside Unified School District"


def pages_text(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [
        unicodedata.normalize("NFC", " ".join(page.extract_text().split())) for page in reader.pages
    ]


def test_form_is_two_letter_pages() -> None:
    reader = PdfReader(io.BytesIO(render_blank_form_bytes(district_name=DISTRICT)))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612.0, 792.0)


def test_first_page_explains_what_to_bring_and_what_the_parent_receives() -> None:
    first, _ = pages_text(render_blank_form_bytes(district_name=DISTRICT))
    for expected in (
        "Parent Access Form",
        DISTRICT.upper(),
        "What this form is for",
        "photo ID",
        "driver's licence",
        "Student Permanent ID",
        "Verification PassCode (VPC)",
        "Primary telephone number on record",
        "enter your email address twice",
        "Student verification",
        "emergency-contact list",
        "page 1 of 2",
    ):
        assert expected in first, expected


def test_second_page_is_the_form_with_the_office_box() -> None:
    _, form = pages_text(render_blank_form_bytes(district_name=DISTRICT))
    for expected in (
        "School",
        "Student Permanent ID",
        "Student name",
        "First",
        "MI",
        "Last",
        "Parent/guardian name",
        "Address",
        "City",
        "ZIP code",
        "Home phone",
        "Email",
        "Parent/guardian signature",
        "Date",
        "OFFICE USE ONLY",
        "Verified by (printed name)",
        "CA ID / driver's licence",
        "Other ID (specify)",
        "page 2 of 2",
    ):
        assert expected in form, expected


def test_school_name_is_printed_in_the_school_field() -> None:
    pdf = render_blank_form_bytes(district_name=DISTRICT, school_name="Escuela César Chávez")
    first, form = pages_text(pdf)
    assert "Escuela César Chávez" in first
    assert "Escuela César Chávez" in form


def test_spanish_form() -> None:
    first, form = pages_text(render_blank_form_bytes(language="es", district_name=DISTRICT))
    assert "Formulario de acceso para padres" in first
    assert "Código de verificación (VPC)" in first
    assert "Número de teléfono principal registrado" in first
    for expected in (
        "SOLO PARA USO DE LA OFICINA",
        "Verificado por (nombre en letra de molde)",
        "Identificación de California / licencia de conducir",
        "Otra identificación (especifique)",
        "Firma del padre, la madre o el tutor",
        "página 2 de 2",
    ):
        assert expected in form, expected
    assert "Office use only" not in form


def test_form_uses_only_the_shipped_truetype_fonts() -> None:
    reader = PdfReader(io.BytesIO(render_blank_form_bytes(district_name=DISTRICT)))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    families = {name.split("+", 1)[1].split("-")[0] for name in fonts}
    assert families == {"NotoSans", "DejaVuSans"}, fonts  # DejaVu: the arrow of "turn over"


def test_form_written_to_a_path(tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    render_blank_form(path, language="es", district_name=DISTRICT, school_name="Lincoln")
    assert len(PdfReader(path).pages) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["form.pdf"]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValidationError, match="expected one of: ar, en, es, fa, hy, ko, ru, tl"):
        render_blank_form_bytes(language="de", district_name=DISTRICT)


def test_district_name_is_required() -> None:
    with pytest.raises(ValidationError) as caught:
        render_blank_form_bytes(district_name="  ")
    assert caught.value.field == "district_name"


def test_unwritable_destination_is_a_print_failure(tmp_path: Path) -> None:
    with pytest.raises(PrintFailed):
        render_blank_form(tmp_path / "missing" / "form.pdf", district_name=DISTRICT)


def test_form_carries_the_seed_forms_whole_text() -> None:
    """Terms (district rules, codes and passwords private, password advice), the twelve kinds
    of information the portal opens, and the authorized signer's statement in the office box."""
    first, form = pages_text(render_blank_form_bytes(district_name=DISTRICT))
    for kind in (
        "Attendance",
        "Grades",
        "Classes and schedule",
        "Report cards",
        "Demographic information",
        "Medical information",
        "Contacts",
        "Teacher and counselor email",
        "Transcripts",
        "Test scores and test details",
        "Graduation status",
        "College entrance requirements",
    ):
        assert kind in first, kind
    for expected in (
        "Terms of use",
        "according to the district's rules",
        "my password private and will not share them",
        "choose a password that is hard to guess",
        "The authorized signer confirms that identification was verified.",
        "Authorized signer (signature)",
    ):
        assert expected in form, expected


@pytest.mark.parametrize("language", available_languages())
def test_every_language_form_is_two_pages_with_every_text(language: str) -> None:
    words = load_texts(language)
    pdf = render_blank_form_bytes(language=language, district_name=DISTRICT, school_name="Lincoln")
    first, form = pages_text(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    squeeze = "".join  # CJK lines come back with spaces where runs of one face meet

    def found(text: str, page: str) -> bool:
        if words.rtl:  # extractors put a right-to-left line's runs in their own order
            return all(w.strip("().،") in page for w in text.split() if w.strip("().،"))
        return squeeze(text.split()) in squeeze(page.split())

    for kind in words.lines("form.kinds"):
        assert found(kind, first), (language, kind)
    for key in ("form.terms_title", "form.office_confirm", "form.authorized_signature"):
        assert found(words(key), form), (language, key)


@pytest.mark.parametrize("language", available_languages())
def test_both_pages_fit_in_every_language(language: str) -> None:
    """However long a translation, page 1 ends above "please turn over" and page 2's office box
    above the footer at some setting."""
    from staffdesk.slips import blank_form
    from staffdesk.slips.drawing import new_canvas, written_in

    words = load_texts(language)

    def bottom(draw: object, setting: object) -> float:
        canvas = new_canvas(io.BytesIO(), title="")
        with written_in(canvas, language, words.rtl):
            return draw(canvas, words, DISTRICT, "Lincoln Elementary School", setting)  # type: ignore[operator,no-any-return]

    assert max(bottom(blank_form._instructions, s) for s in blank_form._BODY_SIZES) >= (
        blank_form._TURN_OVER_Y + 18
    )
    assert max(bottom(blank_form._form, f) for f in blank_form._FORM_FITS) >= (
        blank_form._FORM_FLOOR
    )
