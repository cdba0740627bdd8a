"""Credential slips as PDF: one US Letter page per CredentialSlip, with a tear-off receipt strip.

A whole school is printed in August, so the part of a page that is the same on every slip of a
school and language (headings, steps, QR code, receipt labels) is drawn once into a PDF form and
referenced from each page; only names, ids and codes are drawn per page. The VPC is drawn only
above the cut line: the receipt strip the school keeps never carries it.

Where things sit on the page: slip_geometry.py; the shared part: slip_static.py; the part drawn
on every page: slip_values.py; this module puts a document together and writes it.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from staffdesk.domain.errors import PrintFailed, StaffDeskError, ValidationError
from staffdesk.domain.messages import msg
from staffdesk.slips.content import CredentialSlip
from staffdesk.slips.drawing import (
    new_canvas,
    share_page_resources,
    write_pdf,
    written_in,
)
from staffdesk.slips.qr import define_qr_form
from staffdesk.slips.slip_geometry import CUT_LINE_Y, MAX_STUDENTS_PER_SLIP, StaticKey
from staffdesk.slips.slip_static import draw_static
from staffdesk.slips.slip_values import draw_variable
from staffdesk.slips.texts import Texts, load_texts

__all__ = ["CUT_LINE_Y", "MAX_STUDENTS_PER_SLIP", "render_slips", "render_slips_bytes"]

log = logging.getLogger("staffdesk.print")


def render_slips(
    slips: Sequence[CredentialSlip],
    out: BinaryIO | str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Draw one page per slip into `out` (a path, written only once complete, or a binary file).

    Returns the number of pages. `progress(done, total)` is called after every page;
    `cancelled()` is asked before every page and, when true, stops with PrintFailed and writes
    nothing. Bad slips raise ValidationError before anything is drawn.
    """
    texts = _validate(slips)
    total = len(slips)
    buffer = io.BytesIO()
    try:
        canvas = new_canvas(buffer, title=texts[slips[0].language]("slip.document_title"))
        document = _SlipDocument(canvas)
    except StaffDeskError:
        raise
    except Exception as exc:
        raise _drawing_failed(exc) from exc
    for done, slip in enumerate(slips):
        if cancelled is not None and cancelled():
            raise PrintFailed(msg("slip.cancelled", done=done, total=total))
        try:
            document.draw(slip, texts[slip.language])
            canvas.showPage()
        except StaffDeskError:
            raise
        except Exception as exc:
            raise _drawing_failed(exc, page=done + 1) from exc
        if progress is not None:
            progress(done + 1, total)
    try:
        share_page_resources(canvas)
        canvas.save()
    except Exception as exc:
        raise _drawing_failed(exc) from exc
    write_pdf(buffer.getvalue(), out)
    return total


def render_slips_bytes(
    slips: Sequence[CredentialSlip],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """render_slips into memory: the PDF bytes (for a print preview or the print spooler)."""
    buffer = io.BytesIO()
    render_slips(slips, buffer, progress=progress, cancelled=cancelled)
    return buffer.getvalue()


def _validate(slips: Sequence[CredentialSlip]) -> dict[str, Texts]:
    if not slips:
        raise ValidationError("slips", msg("slip.nothing"))
    texts: dict[str, Texts] = {}
    for slip in slips:
        if slip.language not in texts:
            texts[slip.language] = load_texts(slip.language)
        if not slip.students:
            raise ValidationError("students", msg("slip.no_student"))
        if len(slip.students) > MAX_STUDENTS_PER_SLIP:
            raise ValidationError(
                "students",
                msg("slip.too_many", most=MAX_STUDENTS_PER_SLIP, got=len(slip.students)),
            )
        if slip.issued_at.tzinfo is None or slip.issued_at.utcoffset() is None:
            raise ValidationError("issued_at", msg("slip.naive_time"))
    return texts


def _drawing_failed(exc: Exception, page: int | None = None) -> PrintFailed:
    where = f" on page {page}" if page is not None else ""
    log.error("slip rendering failed%s: %s", where, type(exc).__name__)
    reason = f"{type(exc).__name__}: {exc}"
    if page is not None:
        return PrintFailed(msg("slip.cannot_draw_page", page=page, reason=reason))
    return PrintFailed(msg("slip.cannot_draw", reason=reason))


class _SlipDocument:
    """One PDF being drawn: remembers the forms already defined in it."""

    def __init__(self, canvas: Any) -> None:
        self._canvas = canvas
        self._qr_forms: dict[str, tuple[str, int]] = {}
        self._static_forms: dict[StaticKey, str] = {}

    def draw(self, slip: CredentialSlip, texts: Texts) -> None:
        key = StaticKey(
            slip.language,
            slip.district_name,
            slip.school_name,
            slip.portal_url,
            slip.support_email,
            len(slip.students),
        )
        form = self._static_forms.get(key)
        if form is None:
            form = self._define_static(key, texts)
        c = self._canvas
        c.doForm(form)
        with written_in(c, texts.language, texts.rtl):
            draw_variable(c, slip, texts)

    def _qr_form(self, url: str) -> tuple[str, int]:
        found = self._qr_forms.get(url)
        if found is None:
            name = f"portalqr{len(self._qr_forms)}"
            found = (name, define_qr_form(self._canvas, name, url))
            self._qr_forms[url] = found
        return found

    def _define_static(self, key: StaticKey, texts: Texts) -> str:
        qr = self._qr_form(key.portal_url)
        name = f"slipbase{len(self._static_forms)}"
        c = self._canvas
        c.beginForm(name)
        with written_in(c, texts.language, texts.rtl):
            draw_static(c, key, texts, qr)
        c.endForm()
        self._static_forms[key] = name
        return name


# --- the part shared by every slip of a school and language -------------------------------
