"""A specimen credential slip for a printer test: made-up student, a code that was never issued.

IT prints it to check a desk's printer before a school opens (`staffdesk printer test`); it is
drawn by the same renderer, on the same page size, as a real slip.
"""

from __future__ import annotations

from datetime import timedelta

from staffdesk.services.context import current_workstation, utcnow
from staffdesk.slips.content import CredentialSlip, SlipStudent
from staffdesk.slips.render import render_slips_bytes

SPECIMEN_VPC = "000-000-000"  # never issued: the portal refuses it like any wrong code


def specimen_slip(language: str = "en") -> CredentialSlip:
    now = utcnow()
    student = SlipStudent(
        permanent_id="0000000",
        full_name="PRINTER TEST — not a real student",
        grade="K",
        phone_display="(555) 010-0000",
        vpc_grouped=SPECIMEN_VPC,
        expires_on=(now + timedelta(days=14)).date(),
        serial="TEST-PRINT",
    )
    return CredentialSlip(
        language=language,
        district_name="StaffDesk printer test",
        school_name="(no school)",
        portal_url="https://portal.example.org",
        support_email="portal-help@example.org",
        guardian_name="Printer test",
        students=(student,),
        issued_by="StaffDesk",
        issued_at=now,
        workstation=current_workstation(),
    )


def specimen_slip_pdf(language: str = "en") -> bytes:
    """The specimen slip as PDF bytes, ready for the print path."""
    return render_slips_bytes([specimen_slip(language)])
