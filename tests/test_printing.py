"""`staffdesk printer test`: a specimen slip through the desktop app's print path."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffdesk.cli import main
from staffdesk.services.specimen import SPECIMEN_VPC, specimen_slip_pdf
from tests.installed import assert_printed_page, pdf_text


def test_the_specimen_slip_is_marked_as_a_test(tmp_path: Path) -> None:
    pdf = tmp_path / "specimen.pdf"
    pdf.write_bytes(specimen_slip_pdf())
    text = pdf_text(pdf)
    assert "PRINTER TEST" in text and SPECIMEN_VPC in text


def test_printer_test_paints_one_letter_page_on_qts_pdf_printer(
    tmp_path: Path, qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "printed.pdf"
    assert main(["printer", "test", "--printer", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert_printed_page(out, tmp_path)


def test_an_unknown_printer_is_refused_by_name(
    qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["printer", "test", "--printer", "No Such Printer"]) == 1
    err = capsys.readouterr().err
    assert "no printer named 'No Such Printer'" in err
