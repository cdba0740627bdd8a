"""What a credential slip says, as plain data: the services build it, the renderer draws it.

The plaintext VPC travels only inside these objects, from issuance to the PDF being drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class SlipStudent:
    permanent_id: str
    full_name: str  # as on the roster: "José Á. Núñez"
    grade: str
    phone_display: str  # primary phone on record, as a parent reads it: (555) 123-4567
    vpc_grouped: str  # the plaintext VPC, grouped: ABC-DEF-GHJ
    expires_on: date
    serial: str  # the passcode's slip serial number

    def __repr__(self) -> str:  # keep the code out of tracebacks and logs
        return f"SlipStudent({self.permanent_id}, serial={self.serial}, vpc=<hidden>)"


@dataclass(frozen=True, slots=True)
class CredentialSlip:
    """One page: one student, or a family slip listing siblings at one school."""

    language: str  # "en", "es", … (a text file per language in resources/slips/)
    district_name: str
    school_name: str
    portal_url: str
    support_email: str
    guardian_name: str
    students: tuple[SlipStudent, ...]
    issued_by: str  # staff display name
    issued_at: datetime  # aware UTC; printed in local time
    workstation: str
    pending_sync: bool = False  # issued offline: the portal honours it once synced
