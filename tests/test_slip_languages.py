"""Slips and forms in every shipped language: fonts, scripts, right to left, names in any
script, translation status and the roster's language tags."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import time
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from staffdesk.domain.errors import ValidationError
from staffdesk.slips import fonts, languages, layout, texts
from staffdesk.slips.blank_form import render_blank_form_bytes
from staffdesk.slips.content import CredentialSlip, SlipStudent
from staffdesk.slips.languages import match_language, shipped_languages
from staffdesk.slips.layout import lay_out, lay_out_text
from staffdesk.slips.paragraphs import parse
from staffdesk.slips.render import CUT_LINE_Y, MAX_STUDENTS_PER_SLIP, render_slips_bytes
from staffdesk.slips.texts import available_languages, embed, load_texts

LANGUAGES = available_languages()

# The script each language's text is written in (Unicode character-name prefixes).
SCRIPT = {
    "en": "LATIN",
    "es": "LATIN",
    "tl": "LATIN",
    "vi": "LATIN",
    "ru": "CYRILLIC",
    "hy": "ARMENIAN",
    "ar": "ARABIC",
    "fa": "ARABIC",
    "ko": "HANGUL",
    "zh-Hans": "CJK UNIFIED IDEOGRAPH",
    "zh-Hant": "CJK UNIFIED IDEOGRAPH",
}

SAMPLE_NAMES = (
    "Nguyễn Thị Ánh",  # Vietnamese: stacked diacritics
    "Trần Bảo Ngọc",
    "José Ñúñez Álvarez",
    "Andrea Dela Cruz-Magbanua",  # Tagalog
    "王小明",  # simplified Chinese
    "陳大文",  # traditional Chinese
    "黃美玲",
    "김민준",  # Korean
    "박서연",
    "Анна Иванова",  # Cyrillic
    "Արամ Պետրոսյան",  # Armenian
    "محمد العلي",  # Arabic
    "مریم احمدی",  # Persian (ی, ک)
    "Ζωή Παπαδοπούλου",  # Greek
    "さくら 山田",  # Japanese kana
)

PORTAL = "https://portal.riversideusd.org/parent"
PHONE = "(555) 123-4567"


def student(name: str, n: int = 1) -> SlipStudent:
    return SlipStudent(
        f"1000010{n}",
        name,
        str(n),
        PHONE,
        ("7K2-M9Q-4XD", "ABC-DEF-GH7", "Z9X-8W7-VT6")[n % 3],
        date(2026, 11, 28),
        f"S-00{n}",
    )


def slip(language: str, *students: SlipStudent, guardian: str = "María Núñez") -> CredentialSlip:
    return CredentialSlip(
        language=language,
        district_name="Riverside Unified School District",
        school_name="Lincoln Elementary School",
        portal_url=PORTAL,
        support_email="portal-help@riversideusd.org",
        guardian_name=guardian,
        students=students or (student("José Núñez"),),
        issued_by="Ana Ruiz",
        issued_at=datetime(2026, 11, 14, 12, 5, tzinfo=UTC),
        workstation="FRONT-1",
    )


def page_text(pdf: bytes, index: int = 0) -> str:
    return unicodedata.normalize("NFC", PdfReader(io.BytesIO(pdf)).pages[index].extract_text())


def script_count(text: str, script: str) -> int:
    return sum(1 for ch in text if unicodedata.name(ch, "").startswith(script))


def font_dicts(pdf: bytes) -> Iterator[Any]:
    """Every font dictionary of every page and of the forms they draw."""

    def walk(resources: Any) -> Iterator[Any]:
        resources = resources.get_object() if resources is not None else None
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            yield font.get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            yield from walk(xobject.get_object().get("/Resources"))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        yield from walk(page.get("/Resources"))


def all_texts(language: str) -> list[str]:
    """Every string and list item of a language file (placeholders left in)."""
    words = load_texts(language)
    return [*words._strings.values(), *(item for items in words._lists.values() for item in items)]


def found(phrase: str, page: str, rtl: bool) -> bool:
    """Is `phrase` on the page? Runs of a right-to-left line may come back in their own order,
    so there every word is looked for; elsewhere the phrase, spaces aside."""
    if rtl:
        return all(w.strip("().،") in page for w in phrase.split() if w.strip("().،"))
    return "".join(phrase.split()) in "".join(page.split())


# --- every language renders, embedded, in its own script ----------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_slip_family_slip_and_form_render_in_every_language(language: str) -> None:
    words = load_texts(language)
    single = render_slips_bytes([slip(language, student("Emily Carter"))])
    family = render_slips_bytes(
        [slip(language, student("王小明", 1), student("Nguyễn Thị Ánh", 2), student("محمد", 3))]
    )
    form = render_blank_form_bytes(language=language, district_name="Riverside USD")
    for pdf, pages in ((single, 1), (family, 1), (form, 2)):
        assert len(PdfReader(io.BytesIO(pdf)).pages) == pages
        dicts = list(font_dicts(pdf))
        assert dicts
        for font in dicts:  # every font embedded: a subset TrueType program in the file
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            assert str(font["/BaseFont"])[7] == "+", font["/BaseFont"]  # a subset
    for pdf in (single, family):
        text = page_text(pdf)
        assert script_count(text, SCRIPT[language]) >= 20, (language, text[:200])
        assert found(words("slip.steps_title"), text, words.rtl), language
        assert found(words("slip.keep_private_title"), text, words.rtl), language
        for code in (student("x", 1).vpc_grouped, PHONE, PORTAL):
            assert code in text, (language, code)  # left-to-right tokens come back whole
    family_text = page_text(family)
    for name in ("王小明", "Nguyễn Thị Ánh"):
        assert name in family_text, (language, name)
    assert "محمد" in family_text or "دمحم" in family_text
    for index in range(2):
        assert script_count(page_text(form, index), SCRIPT[language]) >= 20, language


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) missing")
@pytest.mark.parametrize("language", ["ar", "zh-Hant", "hy", "ko"])
def test_poppler_sees_every_font_embedded(language: str, tmp_path: Path) -> None:
    path = tmp_path / "slip.pdf"
    path.write_bytes(render_slips_bytes([slip(language, student("王小明"), student("Արամ", 2))]))
    listing = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert listing
    for row in listing:
        assert " yes yes " in row, row  # emb and sub columns


# --- glyphs: nothing prints as an empty box -------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_character_of_every_language_file_has_a_glyph(language: str) -> None:
    missing = set()
    for text in all_texts(language):
        for style in (fonts.REGULAR, fonts.BOLD):
            faces = fonts.assign_faces(text, fonts.stack(language, style))
            for ch, face in zip(text, faces, strict=True):
                if ch != "\n" and not fonts.has_glyph(face, ord(ch)):
                    missing.add((ch, f"U+{ord(ch):04X}", style, face))
    assert not missing, sorted(missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_names_in_every_script_have_glyphs_on_every_slip(language: str) -> None:
    missing = set()
    for name in SAMPLE_NAMES:
        for style in (fonts.REGULAR, fonts.BOLD):
            faces = fonts.assign_faces(name, fonts.stack(language, style))
            for ch, face in zip(name, faces, strict=True):
                if not fonts.has_glyph(face, ord(ch)):
                    missing.add((name, ch, style))
    assert not missing, sorted(missing)


def test_codes_have_glyphs_in_the_mono_face() -> None:
    for ch in "0123456789ABCDEFGHJKMNPQRSTVWXYZ-":
        assert fonts.has_glyph(fonts.MONO_BOLD, ord(ch)), ch


def test_a_run_of_one_script_keeps_one_face() -> None:
    """A bold Chinese name the bold cut lacks prints whole in the regular face."""
    faces = fonts.assign_faces("王小明", fonts.stack("zh-Hans", fonts.BOLD))
    assert len(set(faces)) == 1
    assert faces[0] in {"NotoSansSC-Bold", "NotoSansSC"}
    assert all(fonts.has_glyph(faces[0], ord(ch)) for ch in "王小明")


def test_a_face_missing_from_the_install_is_a_print_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffdesk.domain.errors import PrintFailed

    monkeypatch.setattr(fonts, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(fonts, "_loaded", {})
    with pytest.raises(PrintFailed, match=r"NotoSansKR-Regular\.ttf is missing"):
        fonts.load("NotoSansKR")


# --- names in any script on any slip ---------------------------------------------------------


def test_an_english_slip_prints_a_chinese_name() -> None:
    pdf = render_slips_bytes([slip("en", student("王小明"), guardian="王芳")])
    text = page_text(pdf)
    assert "王小明" in text
    assert "Preparedfor王芳,parent/guardian" in "".join(text.split())
    names = {str(font["/BaseFont"]).split("+")[1] for font in font_dicts(pdf)}
    assert "NotoSansCJKsc-Regular" in names, names


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_any_name_comes_back_from_the_pdf(name: str) -> None:
    text = page_text(render_slips_bytes([slip("en", student(name))]))
    if texts.has_rtl(name):
        assert all(word in text for word in name.split()), text[:300]
    else:
        assert name in text


def test_decomposed_vietnamese_prints_with_stacked_precomposed_letters() -> None:
    typed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    line = lay_out_text(typed, "en", fonts.BOLD)
    assert "".join(run.text for run in line.runs) == "Nguyễn Thị Ánh"
    assert [run.font for run in line.runs] == [fonts.SANS_BOLD]


# --- right to left --------------------------------------------------------------------------


def text_chunks(pdf: bytes) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text chunk drawn on page 1, forms included."""
    chunks: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            chunks.append((x, y, unicodedata.normalize("NFC", text)))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return chunks


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_right_to_left_slips_are_mirrored_and_right_aligned(language: str) -> None:
    code = student("x").vpc_grouped
    chunks = text_chunks(render_slips_bytes([slip(language, student("محمد العلي"))]))
    vpc = [x for x, _, t in chunks if code in t]
    assert vpc and vpc[0] < 306  # the VPC box moved to the left half
    english = [x for x, _, t in text_chunks(render_slips_bytes([slip("en", student("x"))]))]
    english_vpc = [x for x, _, t in text_chunks(render_slips_bytes([slip("en")])) if code in t]
    assert english and (not english_vpc or english_vpc[0] > 306)
    # Text starts from the right margin: a short heading lies wholly in the right half.
    words = load_texts(language)
    first_word = words("slip.steps_title").split()[0]
    starts = [x for x, _, t in chunks if first_word in t]
    assert starts and min(starts) > 306


def test_arabic_letters_are_joined_and_read_back_as_typed() -> None:
    line = lay_out_text("محمد لا", "ar", fonts.REGULAR, "rtl")
    (run,) = line.runs
    font = fonts.load(run.font)
    # Joined forms are glyphs of their own: none of them is the isolated letter's glyph.
    isolated = {font.face.charToGlyph[ord(ch)] for ch in "محمد"}
    drawn = [font.face.charToGlyph[ord(ch)] for ch in run.text]
    assert len(drawn) == 6  # م ح م د, a space and one lam-alef ligature for two letters
    assert not isolated & set(drawn[1:]), "letters were not joined"
    meaning = [font._meaning.get(ord(ch), ch) for ch in run.text]
    assert "".join(reversed(meaning)) == "محمد لا"  # visual order is right to left


def test_codes_and_addresses_stay_left_to_right_inside_arabic() -> None:
    words = load_texts("ar")
    sentence = words("slip.help", support_email="portal-help@riversideusd.org")
    spans = [*parse(sentence), (" " + embed(PHONE), fonts.REGULAR)]
    line = lay_out(spans, "ar", "rtl")
    runs = [run.text for run in line.runs]
    assert "portal-help@riversideusd.org" in runs
    assert PHONE in runs  # not reversed, brackets not swapped
    # Visual order: the number, written last, is printed leftmost.
    assert runs.index(PHONE) < runs.index("portal-help@riversideusd.org")


def test_an_arabic_name_on_an_english_slip_is_ordered_right_to_left() -> None:
    words = load_texts("en")
    line = lay_out(
        [(words("slip.prepared_for", guardian="فاطمة العلي"), fonts.REGULAR)], "en", "ltr"
    )
    first, name, last = line.runs
    assert first.text == "Prepared for " and last.text == ", parent/guardian"
    assert name.font == "NotoSansArabic"


def test_persian_keeps_its_non_joiner() -> None:
    line = lay_out_text("ثبت\u200cشده", "fa", fonts.REGULAR, "rtl")
    (run,) = line.runs
    font = fonts.load(run.font)
    joined = lay_out_text("ثبتشده", "fa", fonts.REGULAR, "rtl").runs[0]
    assert run.text != joined.text  # the non-joiner changed the forms around it
    assert "\u200c" in "".join(font._meaning.get(ord(ch), ch) for ch in run.text)


def _sizes_below_cut(pdf: bytes) -> list[tuple[float, str]]:
    """(font size in points, text) of every piece of text below the cut line."""
    sizes: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _: Any, size: float) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y < CUT_LINE_Y + 2:
            sizes.append((size * abs(tm[3]) * abs(cm[3]), text))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return sizes


# --- the receipt strip -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_receipt_labels_are_at_least_8_points(language: str) -> None:
    for count in (1, MAX_STUDENTS_PER_SLIP):
        students = tuple(student(f"Student {i} Núñez", i) for i in range(count))
        pdf = render_slips_bytes([slip(language, *students)])
        sizes = _sizes_below_cut(pdf)
        assert sizes
        small = [(round(s, 2), t) for s, t in sizes if s < 7.99]
        assert not small, (language, count, small)


# --- translation status and the list of languages --------------------------------------------


def test_shipped_languages_come_from_the_text_files() -> None:
    shipped = shipped_languages()
    assert shipped[0].code == "en"
    assert {lang.code for lang in shipped} == set(LANGUAGES)
    assert set(LANGUAGES) >= {"en", "es", "vi", "zh-Hans", "zh-Hant", "tl", "ko", "ar", "fa"}
    by_code = {lang.code: lang for lang in shipped}
    assert by_code["en"].status == "source"
    assert all(lang.status == "draft" and not lang.reviewer for lang in shipped[1:])
    assert by_code["ar"].rtl and by_code["fa"].rtl and not by_code["ru"].rtl
    assert by_code["zh-Hant"].describe() == "zh-Hant 繁體中文 (draft, not yet reviewed)"


@pytest.fixture
def texts_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "slips"
    shutil.copytree(texts.resources_dir() / "slips", folder)
    monkeypatch.setattr(texts, "_texts_dir", lambda: folder)
    texts._load.cache_clear()
    languages.clear_cache()
    yield folder
    texts._load.cache_clear()
    languages.clear_cache()


def write_variant(folder: Path, code: str, **meta: object) -> None:
    data = json.loads((folder / "es.json").read_text(encoding="utf-8"))
    data["meta"] = {**data["meta"], **meta}
    (folder / f"{code}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_reviewed_translation_says_who_and_when(texts_folder: Path) -> None:
    write_variant(texts_folder, "xx", status="reviewed", reviewer="", reviewed_on="")
    with pytest.raises(ValidationError, match="names its reviewer and the date"):
        load_texts("xx")
    write_variant(
        texts_folder,
        "xx",
        status="reviewed",
        reviewer="Lucía Gómez, ATA-certified",
        reviewed_on="2026-09-01",
        matches=["xx"],
    )
    texts._load.cache_clear()
    listed = {lang.code: lang for lang in shipped_languages()}["xx"]
    assert listed.describe() == "xx Español (reviewed by Lucía Gómez, ATA-certified, 2026-09-01)"


@pytest.mark.parametrize(
    ("meta", "problem"),
    [
        ({"status": "draft", "reviewer": "Someone"}, "has no reviewer"),
        ({"status": "source"}, "must be draft or reviewed"),
        ({"status": "final"}, "must be draft or reviewed"),
        ({"direction": "up"}, "ltr or rtl"),
        ({"matches": []}, "language tags"),
    ],
)
def test_a_bad_status_is_refused_by_name(
    texts_folder: Path, meta: dict[str, object], problem: str
) -> None:
    write_variant(texts_folder, "xx", **meta)
    with pytest.raises(ValidationError, match=problem):
        load_texts("xx")


# --- the roster's language tags --------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("en", "en"),
        ("EN-us", "en"),
        ("es-MX", "es"),
        ("es-419", "es"),
        ("vi-VN", "vi"),
        ("vie", "vi"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-Hans-SG", "zh-Hans"),
        ("zh-Hant", "zh-Hant"),
        ("zh-TW", "zh-Hant"),
        ("zh_HK", "zh-Hant"),
        ("zh-Hant-TW", "zh-Hant"),
        ("yue", "zh-Hant"),
        ("cmn-Hans-CN", "zh-Hans"),
        ("fil", "tl"),
        ("tl-PH", "tl"),
        ("ko-KR", "ko"),
        ("ar-EG", "ar"),
        ("fa-IR", "fa"),
        ("fa-AF", "fa"),
        ("prs", "fa"),
        ("ru-RU", "ru"),
        ("hy-AM", "hy"),
    ],
)
def test_a_roster_tag_gets_the_nearest_shipped_language(tag: str, code: str) -> None:
    match = match_language(tag)
    assert (match.code, match.fallback) == (code, False)


@pytest.mark.parametrize("tag", ["pa", "so-SO", "hmn", "x-klingon"])
def test_an_unknown_tag_falls_back_to_english_and_says_so(tag: str) -> None:
    match = match_language(tag)
    assert (match.code, match.fallback, match.tag) == ("en", True, tag)


def test_no_tag_is_english_without_a_fallback_note() -> None:
    assert match_language("  ") == languages.LanguageMatch("  ", "en", fallback=False)


def test_language_tag_shape() -> None:
    assert languages.is_language_tag("zh-Hant-TW") and languages.is_language_tag("es_419")
    for bad in ("", "zh--TW", "español", "a" * 9, "en-" + "x" * 40):
        assert not languages.is_language_tag(bad), bad


def test_a_mixed_batch_shares_one_form_per_language_and_one_qr_code() -> None:
    languages_in_batch = ["en", "ar", "zh-Hant", "en", "ar", "ko", "zh-Hant", "en"]
    pdf = render_slips_bytes(
        [slip(lang, student(f"Student {i}", i)) for i, lang in enumerate(languages_in_batch)]
    )
    reader = PdfReader(io.BytesIO(pdf))
    forms = [{x.idnum for x in page["/Resources"]["/XObject"].values()} for page in reader.pages]
    assert all(len(f) == 1 for f in forms)
    by_language: dict[str, set[int]] = {}
    for lang, form in zip(languages_in_batch, forms, strict=True):
        by_language.setdefault(lang, set()).update(form)
    assert all(len(ids) == 1 for ids in by_language.values())  # one form per language
    assert len(set().union(*by_language.values())) == len(set(languages_in_batch))
    qr = {
        inner.idnum
        for page in reader.pages
        for xobject in page["/Resources"]["/XObject"].values()
        for inner in (xobject.get_object()["/Resources"].get("/XObject") or {}).values()
    }
    assert len(qr) == 1  # every language's form places the same QR code


# --- the shortcuts rendering takes: the same lines as the full layout ----------------------


@pytest.mark.parametrize("style", [fonts.REGULAR, fonts.BOLD, fonts.MONO])
@pytest.mark.parametrize("language", ["en", "ar", "zh-Hant", "ko"])
@pytest.mark.parametrize(
    "text",
    ["7K2-M9Q-4XD", "(555) 123-4567", "S-004217", "Grade 3 ~ {ok} | 50% @ #1", " ", ""],
)
def test_an_ascii_line_is_laid_out_as_the_full_layout_lays_it_out(
    text: str, language: str, style: str
) -> None:
    full = layout._lay_out.__wrapped__(((text, style),), language, "auto")
    assert lay_out_text(text, language, style) == full
    assert lay_out_text(text, language, style, "ltr") == full


def test_text_outside_printable_ascii_takes_the_full_layout_in_its_language() -> None:
    # The shortcut is for printable ASCII only: a name, a tab or a right-to-left page still
    # gets its faces per language, its bidi order and its shaping.
    tc = lay_out_text("Room 4 王小明", "zh-Hant", fonts.REGULAR)
    sc = lay_out_text("Room 4 王小明", "en", fonts.REGULAR)
    assert [r.font for r in tc.runs] == [fonts.SANS, "NotoSansTC"]
    assert [r.font for r in sc.runs] == [fonts.SANS, "NotoSansSC"]
    rtl = lay_out_text("(Slip 12)", "ar", fonts.REGULAR, "rtl")
    assert rtl == layout._lay_out.__wrapped__((("(Slip 12)", fonts.REGULAR),), "ar", "rtl")
    assert len(rtl.runs) == 3  # the brackets take the right-to-left paragraph's level
    assert len(lay_out_text("(Slip 12)", "ar", fonts.REGULAR, "ltr").runs) == 1


def test_the_language_list_is_read_again_only_when_the_folder_changes(
    texts_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settled = time.time_ns() - 60 * 10**9  # changed a minute ago
    os.utime(texts_folder, ns=(settled, settled))
    listings: list[Path] = []
    real_list = texts._list
    monkeypatch.setattr(texts, "_list", lambda folder: listings.append(folder) or real_list(folder))
    first = available_languages()
    assert available_languages() == first and "xx" not in first
    assert len(listings) == 1  # the second answer came from the cache
    write_variant(texts_folder, "xx", matches=["xx"])  # the folder changes: read again
    assert "xx" in available_languages()
    assert len(listings) == 2
