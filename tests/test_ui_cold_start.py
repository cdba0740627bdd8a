"""The sign-in window shows before the heavy libraries load: SQLAlchemy, the slips (reportlab)
and the services are imported by the database thread while the user types (ui/app.py,
ui/operations.py; benchmarks/bench_ui.py measures the cold start)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# what a fresh process has loaded once the sign-in window is on screen (the database not
# opened yet: DeskApp.prepare is what opens it, in the worker)
SHOW_SIGN_IN = """
import json, sys
from staffdesk.ui.app import DeskApp, apply_style, install_translations, make_app
app = make_app()
install_translations(app); apply_style(app)
desk = DeskApp(sys.argv[1], demo=False)
desk.show_sign_in()
app.processEvents()
shown = desk.sign_in is not None and desk.sign_in.isVisible()
print(json.dumps({"shown": shown, "modules": sorted(sys.modules)}))
desk.shutdown()
"""

HEAVY = (
    "sqlalchemy",
    "reportlab",
    "alembic",
    "staffdesk.store",
    "staffdesk.slips",
    "staffdesk.services.delivery",
    "staffdesk.services.batch",
    "staffdesk.services.staff",
)


def test_the_sign_in_window_shows_without_sqlalchemy_reportlab_or_the_services(
    tmp_path: Path,
) -> None:
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "STAFFDESK_CONFIG_DIR": str(tmp_path),
        "STAFFDESK_LOG_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", SHOW_SIGN_IN, f"sqlite:///{tmp_path / 'desk.sqlite3'}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["shown"]
    loaded = [m for m in found["modules"] if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert not loaded, f"imported before the sign-in window shows: {loaded}"
