"""The wheel, installed outside the clone: a desk's commands, a slip, printing and the desktop
app all run from another folder.

It is built with `python -m build --wheel` from a copy of the clone's files (what a fresh
clone holds) and installed with `pip install --no-deps` into a new virtual environment in a
temporary folder. Only then is that environment given this test run's dependencies, through a
.pth file naming this environment's site-packages: Python does not process the .pth files of a
folder named that way, so this clone's editable install stays invisible and the only staffdesk
the new environment can import is the wheel's (checked below). This spares installing PySide6
again on every run; the wheel's own requirements are checked against what is there.
"""

from __future__ import annotations

import re
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.installed import Installed, assert_printed_page, issue_a_slip, pdf_text

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Wheel:
    path: Path
    venv: Path

    def staffdesk(self, home: Path) -> Installed:
        return Installed(
            self.venv / "bin" / "staffdesk", home, {"PATH": f"{self.venv / 'bin'}:/usr/bin:/bin"}
        )


def clone_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    return [name for name in out.decode().split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Wheel:
    base = tmp_path_factory.mktemp("wheel")
    clone = base / "clone"
    for name in clone_files():
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        (clone / name).write_bytes((ROOT / name).read_bytes())
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(base / "dist"), str(clone)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (path,) = (base / "dist").glob("staffdesk-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run([*pip, "install", "--quiet", "--no-deps", str(path)], check=True, timeout=300)
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    deps = sysconfig.get_paths()["purelib"]
    (Path(purelib) / "dependencies-of-the-test-run.pth").write_text(deps + "\n", encoding="utf-8")
    return Wheel(path, venv)


def test_the_wheel_carries_every_form_and_resource(wheel: Wheel) -> None:
    names = set(zipfile.ZipFile(wheel.path).namelist())
    shipped = {
        f"staffdesk/{name}"
        for name in clone_files()
        if name.startswith(("forms/", "resources/")) and not name.endswith(".ts")
    }
    assert shipped - names == set()
    assert {"staffdesk/forms/signin.ui", "staffdesk/resources/ui/style.qss"} <= shipped
    assert any(n.endswith(".qm") for n in shipped) and any(n.endswith(".ttf") for n in shipped)
    assert not [n for n in names if n.endswith(".ts")]


def test_the_installed_staffdesk_is_the_wheels_and_its_requirements_are_met(
    wheel: Wheel, tmp_path: Path
) -> None:
    probe = (
        "import staffdesk, staffdesk.assets as a; "
        "print(staffdesk.__file__); print(a.forms_dir()); print(a.resource('fonts'))"
    )
    out = subprocess.run(
        [str(wheel.venv / "bin" / "python"), "-c", probe],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(p).is_relative_to(wheel.venv) for p in out), out
    checked = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(wheel.venv / "bin" / "python"), "check"],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_init_demo_and_the_blank_form_from_another_folder(wheel: Wheel, tmp_path: Path) -> None:
    run = wheel.staffdesk(tmp_path / "desk")
    assert "schema is up to date" in run("init").stdout
    assert "demo district created" in run("demo", "--no-gui").stdout
    run("forms", "blank", "--out", "blank.pdf", "--lang", "es")
    assert "Formulario" in pdf_text(run.home / "blank.pdf")


def test_a_slip_from_the_installed_command(wheel: Wheel, tmp_path: Path) -> None:
    slip = issue_a_slip(wheel.staffdesk(tmp_path / "desk"))
    text = pdf_text(slip)
    assert "1000001" in text and "Portal para Padres" in text  # the family reads Spanish
    assert re.search(r"\b[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}\b", text)  # the code


def test_the_desktop_app_starts_and_opens_the_sign_in_window(wheel: Wheel, tmp_path: Path) -> None:
    run = wheel.staffdesk(tmp_path / "desk")
    run("demo", "--no-gui")
    out = run("--smoke-test").stdout
    assert "sign-in window: shown" in out and "database: ready" not in out  # no staff yet
    run.env["STAFFDESK_LANG"] = "es"
    out = run("--db", f"sqlite:///{run.home / 'data' / 'demo.sqlite3'}", "--smoke-test").stdout
    assert "database: ready" in out and "interface language: es" in out
    forms = len([n for n in clone_files() if n.startswith("forms/") and n.endswith(".ui")])
    assert f"forms: {forms} loaded" in out


def test_a_slip_printed_through_the_apps_print_path(wheel: Wheel, tmp_path: Path) -> None:
    run = wheel.staffdesk(tmp_path / "desk")
    run("printer", "test", "--printer", "printed.pdf")
    assert_printed_page(run.home / "printed.pdf", tmp_path)
