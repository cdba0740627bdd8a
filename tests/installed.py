"""Running an installed StaffDesk (the wheel in its own virtual environment, or the bundle) the
way a user would: from a folder outside the clone, with an environment of its own."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from tests.conftest import CONTACTS_CSV, STUDENTS_CSV

PW = "install-pass-1"


class Installed:
    def __init__(self, command: Path, home: Path, env: dict[str, str]) -> None:
        self.command = command
        self.home = home
        home.mkdir(parents=True, exist_ok=True)
        self.env = {
            "HOME": str(home),
            "STAFFDESK_DATA_DIR": str(home / "data"),
            "STAFFDESK_LOG_DIR": str(home / "log"),
            "STAFFDESK_CONFIG_DIR": str(home / "config"),
            "STAFFDESK_SITE_CONFIG": str(home / "site.toml"),
            "STAFFDESK_PASSWORD": PW,
            "STAFFDESK_NEW_PASSWORD": PW,
            "QT_QPA_PLATFORM": "offscreen",
            **env,
        }

    def __call__(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [str(self.command), *args],
            cwd=self.home,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
        if ok:
            assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
        return proc


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def issue_a_slip(run: Installed) -> Path:
    """Roster, staff, a form recorded, checked, approved, and its slip issued: slip.pdf."""
    home = run.home
    (home / "students.csv").write_text(STUDENTS_CSV, encoding="utf-8")
    (home / "contacts.csv").write_text(CONTACTS_CSV, encoding="utf-8")
    db = ["--db", f"sqlite:///{home / 'office.sqlite3'}"]
    run(*db, "staff", "add", "root", "--role", "admin")
    run(*db, "roster", "import", "students.csv", "--contacts", "contacts.csv", "--as", "root")
    run(*db, "staff", "add", "carmen", "--role", "clerk", "--school", "LINC", "--as", "root")
    run(*db, "staff", "add", "abe", "--role", "approver", "--school", "LINC", "--as", "root")
    request = ["--student", "1000001", "--guardian", "Ana Núñez", "--email", "ana@example.org"]
    request += ["--phone", "415 555 0101", "--address", "1 Main St"]
    request += ["--signed-on", date.today().isoformat(), "--paper-form-signed"]
    out = run(*db, "request", "add", *request, "--as", "carmen")
    rid = out.stdout.strip().splitlines()[-1]
    run(*db, "request", "verify", rid, "--document", "passport", "--as", "carmen")
    run(*db, "request", "approve", rid, "--as", "abe")
    run(*db, "passcode", "issue", rid, "--out", "slip.pdf", "--as", "carmen")
    return home / "slip.pdf"


def assert_printed_page(pdf: Path, work: Path) -> None:
    """One US Letter page, painted (not blank): what reached Qt's PDF printer."""
    (page,) = PdfReader(pdf).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(work / "page")], check=True)
    (png,) = work.glob("page*.png")
    dark = sum(Image.open(png).convert("L").histogram()[:128])
    assert dark > 1000  # text, the code box and the QR code
