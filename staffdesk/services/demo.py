"""A demo district for trying StaffDesk: generated roster, staff accounts, a few requests.

It always goes into its own database file (store.db.demo_url), never mixed with real records.
"""

from __future__ import annotations

import csv
import random
import tempfile
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from staffdesk.domain.workflow import Role
from staffdesk.services import requests as req_svc
from staffdesk.services import roster, settings, staff
from staffdesk.services.context import Actor, utcnow
from staffdesk.store.models import StudentContact

DEMO_PASSWORD = "demo-pass-2026"
SCHOOLS = (
    ("LINC", "Lincoln Elementary"),
    ("WASH", "Washington Middle School"),
    ("ROOS", "Roosevelt High School"),
)
FIRST = (
    "José",
    "María",
    "Ánh",
    "Liam",
    "Olivia",
    "Noah",
    "Sofía",
    "Mateo",
    "Aiyana",
    "Chloé",
    "Dmitri",
    "Fatima",
    "Hiroshi",
    "Isabella",
    "Jamal",
    "Kai",
    "Lucía",
    "Mei",
    "Nia",
    "Omar",
)
LAST = (
    "Núñez",
    "García",
    "Nguyễn",
    "O'Brien-Smith",
    "Johnson",
    "Martínez",
    "Smith",
    "López",
    "Kim",
    "Hernández",
    "Williams",
    "Pérez",
    "Brown",
    "Tran",
    "Davis",
    "Rodríguez",
    "Lee",
)
GUARDIAN_FIRST = ("Ana", "Carlos", "Thị", "Michael", "Sarah", "David", "Rosa", "Luis", "Emily")


def write_demo_csv(folder: Path, n_students: int = 60, seed: int = 7) -> tuple[Path, Path]:
    rng = random.Random(seed)
    students = folder / "students.csv"
    contacts = folder / "contacts.csv"
    with (
        students.open("w", newline="", encoding="utf-8") as s,
        contacts.open("w", newline="", encoding="utf-8") as c,
    ):
        sw, cw = csv.writer(s), csv.writer(c)
        sw.writerow(
            [
                "school_code",
                "school_name",
                "permanent_id",
                "first_name",
                "middle_name",
                "last_name",
                "grade",
                "primary_phone",
                "language",
            ]
        )
        cw.writerow(
            [
                "permanent_id",
                "contact_name",
                "relationship",
                "phone",
                "email",
                "emergency_order",
                "portal_access",
            ]
        )
        for i in range(n_students):
            code, name = SCHOOLS[i % len(SCHOOLS)]
            grade = {
                "LINC": rng.choice("K12345"),
                "WASH": str(rng.randint(6, 8)),
                "ROOS": str(rng.randint(9, 12)),
            }[code]
            last = LAST[(i // 2) % len(LAST)] if i % 7 else LAST[i % len(LAST)]
            pid = f"{1000001 + i}"
            phone = f"(415) 555-{1000 + i:04d}"
            lang = (
                "es"
                if last
                in ("Núñez", "García", "Martínez", "López", "Hernández", "Pérez", "Rodríguez")
                else "en"
            )
            sw.writerow(
                [
                    code,
                    name,
                    pid,
                    FIRST[i % len(FIRST)],
                    rng.choice(("", "A", "M", "J")),
                    last,
                    grade,
                    phone,
                    lang,
                ]
            )
            g1 = f"{GUARDIAN_FIRST[i % len(GUARDIAN_FIRST)]} {last}"
            cw.writerow(
                [
                    pid,
                    g1,
                    "Mother" if i % 2 else "Father",
                    phone,
                    f"family{i}@example.org",
                    1,
                    "allowed",
                ]
            )
            g2 = f"{GUARDIAN_FIRST[(i + 3) % len(GUARDIAN_FIRST)]} {last}"
            cw.writerow(
                [
                    pid,
                    g2,
                    "Guardian",
                    f"(415) 555-{2000 + i:04d}",
                    "",
                    2,
                    "restricted" if i % 11 == 5 else "allowed",
                ]
            )
    return students, contacts


def load_demo(session: Session) -> dict[str, str]:
    """Fill an empty database with the demo district. Returns username -> role."""
    staff.add_staff(
        session,
        None,
        username="admin",
        role="admin",
        password=DEMO_PASSWORD,
        display_name="Dana Admin",
    )
    admin = Actor("admin", "Dana Admin", Role.ADMIN)
    with tempfile.TemporaryDirectory() as tmp:
        s, c = write_demo_csv(Path(tmp))
        roster.import_roster(session, admin, s, c)
    settings.set_value(session, admin, "district_name", "Bayside Unified School District")
    settings.set_value(session, admin, "portal_url", "https://parents.bayside.example.org")
    settings.set_value(session, admin, "support_email", "portal-help@bayside.example.org")
    accounts = {"admin": "admin"}
    for user, role, name, schools in (
        ("clerk", "clerk", "Carmen Clerk", ["LINC", "WASH", "ROOS"]),
        ("approver", "approver", "Arturo Approver", ["LINC", "WASH", "ROOS"]),
        ("approver2", "approver", "Beth Approver", ["LINC", "WASH", "ROOS"]),
    ):
        staff.add_staff(
            session,
            admin,
            username=user,
            role=role,
            password=DEMO_PASSWORD,
            display_name=name,
            schools=schools,
        )
        accounts[user] = role
    clerk = staff.authenticate(session, "clerk", DEMO_PASSWORD)
    approver = staff.authenticate(session, "approver", DEMO_PASSWORD)
    today = utcnow().date()
    # a few forms in different states, so every screen has something to show
    samples = [
        ("1000001", "recorded"),
        ("1000004", "verified"),
        ("1000008", "verified"),
        ("1000010", "approved"),
        ("1000013", "approved"),
    ]
    for pid, state in samples:
        guardian = (
            session.scalars(
                select(StudentContact.contact_name)
                .where(StudentContact.permanent_id == pid)
                .order_by(StudentContact.emergency_order)
            ).first()
            or "Parent"
        )
        rec = req_svc.record_request(
            session,
            clerk,
            req_svc.AccessForm(
                permanent_id=pid,
                guardian_name=guardian,
                address="12 Harbor Way, Bayside, CA",
                phone="(415) 555-0100",
                email="parent@example.org",
                signed_on=today - timedelta(days=1),
                paper_form_signed=True,
            ),
        )
        if state in ("verified", "approved"):
            req_svc.verify_identity(
                session, clerk, rec.request.id, document_kind="drivers-licence", last4="4821"
            )
        if state == "approved":
            req_svc.approve(session, approver, rec.request.id)
    return accounts
