"""The one-folder desktop bundle (`make bundle` → dist/staffdesk/) in a bare environment:
`env -i`, no Python on PATH. The app starts, the command line works, a slip prints.

The bundle takes minutes to build, so the test suite does not build it: it tests the one in
dist/ (or STAFFDESK_TEST_BUNDLE), skips with the reason when there is none, and fails under
CI=true, where .ci/run builds it first.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.installed import Installed, assert_printed_page, issue_a_slip, pdf_text

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bundle() -> Path:
    path = Path(
        os.environ.get("STAFFDESK_TEST_BUNDLE") or ROOT / "dist" / "staffdesk" / "staffdesk"
    )
    if not path.is_file():
        why = f"no bundle at {path}: run `make bundle` first"
        if os.environ.get("CI") == "true":
            pytest.fail(why + " (CI must test the bundle)")
        pytest.skip(why)
    return path


def bare(bundle: Path, home: Path) -> Installed:
    """The bundle run as by `env -i`: only the variables Installed names (a home folder of its
    own, offscreen Qt), no PATH and no PYTHON* variable at all."""
    run = Installed(bundle, home, {})
    assert not [k for k in run.env if k == "PATH" or k.startswith("PYTHON")]
    return run


def test_the_command_line_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    run = bare(bundle, tmp_path)
    run("forms", "blank", "--out", "blank.pdf")
    assert "Parent Access Form" in pdf_text(tmp_path / "blank.pdf")
    slip = issue_a_slip(run)
    assert "1000001" in pdf_text(slip)


def test_the_bundled_app_starts(bundle: Path, tmp_path: Path) -> None:
    run = bare(bundle, tmp_path)
    run("demo", "--no-gui")
    demo = f"sqlite:///{tmp_path / 'data' / 'demo.sqlite3'}"
    out = run("--db", demo, "--smoke-test").stdout
    assert "sign-in window: shown" in out and "database: ready" in out, out


def test_the_bundle_prints_a_slip(bundle: Path, tmp_path: Path) -> None:
    run = bare(bundle, tmp_path)
    run("printer", "test", "--printer", "printed.pdf")
    assert_printed_page(tmp_path / "printed.pdf", tmp_path)


def test_the_bundle_holds_no_translation_sources_and_no_test_tools(bundle: Path) -> None:
    inside = bundle.parent / "_internal"
    assert (inside / "staffdesk" / "forms" / "signin.ui").is_file()
    assert not list(inside.rglob("*.ts")) and not (inside / "pytest").exists()
