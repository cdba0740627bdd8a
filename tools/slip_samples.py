"""Render a sample slip, family slip and blank form in every shipped language, to look at.

    python tools/slip_samples.py OUT_DIR [--docs]

Writes OUT_DIR/<lang>-slip.pdf, <lang>-family.pdf and <lang>-form.pdf (poppler's pdftoppm turns
them into PNGs); with --docs also regenerates docs/slip-<lang>.png for the README's languages
and docs/blank-form.png. The names are made up, in many scripts; the codes are not real.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from staffdesk.slips.blank_form import render_blank_form  # noqa: E402
from staffdesk.slips.content import CredentialSlip, SlipStudent  # noqa: E402
from staffdesk.slips.languages import shipped_languages  # noqa: E402
from staffdesk.slips.render import render_slips  # noqa: E402

# A name of the family's own script for each language, and one child named in another script.
NAMES = {
    "en": ("Emily Carter", "Daniel Carter"),
    "es": ("José Núñez", "María Núñez"),
    "vi": ("Nguyễn Thị Ánh", "Trần Văn Bảo"),
    "zh-Hans": ("王小明", "李秀英"),
    "zh-Hant": ("陳大文", "黃美玲"),
    "tl": ("Andrea Dela Cruz", "Maria Santos"),
    "ko": ("김민준", "박서연"),
    "ar": ("محمد العلي", "فاطمة العلي"),
    "fa": ("مریم احمدی", "علی احمدی"),
    "ru": ("Анна Иванова", "Ольга Иванова"),
    "hy": ("Արամ Պետրոսյան", "Անի Պետրոսյան"),
}
DOCS = ("en", "es", "vi", "zh-Hans", "ar")


def student(name: str, n: int) -> SlipStudent:
    return SlipStudent(
        permanent_id=f"10000{n}0{n}",
        full_name=name,
        grade=str(n + 2),
        phone_display="(555) 123-4567",
        vpc_grouped=["7K2-M9Q-4XD", "ABC-DEF-GH7", "Z9X-8W7-VT6"][n % 3],
        expires_on=date(2026, 11, 28),
        serial=f"LINC-2611-00{n}42{n}",
    )


def slip(language: str, *students: SlipStudent) -> CredentialSlip:
    return CredentialSlip(
        language=language,
        district_name="Riverside Unified School District",
        school_name="Lincoln Elementary School",
        portal_url="https://portal.riversideusd.org/parent",
        support_email="portal-help@riversideusd.org",
        guardian_name=NAMES[language][1],
        students=students,
        issued_by="Ana Ruiz",
        issued_at=datetime(2026, 11, 14, 20, 5, tzinfo=UTC),
        workstation="FRONT-1",
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for lang in shipped_languages():
        child, _ = NAMES[lang.code]
        render_slips([slip(lang.code, student(child, 1))], out / f"{lang.code}-slip.pdf")
        family = (student(child, 1), student("王小明", 2), student("Nguyễn Thị Ánh", 3))
        render_slips([slip(lang.code, *family)], out / f"{lang.code}-family.pdf")
        render_blank_form(
            out / f"{lang.code}-form.pdf",
            language=lang.code,
            district_name="Riverside Unified School District",
        )
        print(lang.describe())
    if "--docs" in sys.argv:
        write_docs(out)


def png(pdf: Path, dpi: int) -> list[Image.Image]:
    """The pages of `pdf` at `dpi`, as poppler's pdftoppm draws them."""
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(stem)], check=True)
    pages = sorted(pdf.parent.glob(f"{stem.name}-*.png"))
    return [Image.open(page).convert("RGB") for page in pages]


def write_docs(out: Path) -> None:
    """docs/slip-<lang>.png for the README's languages, docs/blank-form.png (both pages)."""
    docs = ROOT / "docs"
    for code in DOCS:
        (page,) = png(out / f"{code}-slip.pdf", 110)
        page.quantize(64).save(docs / f"slip-{code}.png", optimize=True)
    first, second = png(out / "en-form.pdf", 104)
    both = Image.new("RGB", (first.width * 2, first.height), "white")
    both.paste(first, (0, 0))
    both.paste(second, (first.width, 0))
    both.quantize(64).save(docs / "blank-form.png", optimize=True)


if __name__ == "__main__":
    main()
