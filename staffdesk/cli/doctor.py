"""`staffdesk doctor`: check this workstation the way IT would before a school opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from staffdesk.cli.app import App, Commands, emit

if TYPE_CHECKING:
    from staffdesk.sync.doctor import Printers


def _printers() -> Printers | None:
    """The printers Qt sees (the system's print queues; no window needed); None without Qt."""
    from staffdesk.sync.doctor import Printers

    try:
        from staffdesk.ui import printing
    except ImportError:
        return None
    return Printers(tuple(printing.printer_names()), printing.default_printer())


def cmd_doctor(app: App) -> int:
    from staffdesk.sync import doctor

    checks = doctor.run_checks(app.url, printers=_printers())
    ok = all(c.ok for c in checks)
    summary = "all checks passed" if ok else f"{sum(not c.ok for c in checks)} check(s) failed"
    emit(
        app.args,
        "\n".join([*(c.line() for c in checks), summary]),
        {"ok": ok, "checks": checks},
    )
    return 0 if ok else 1


def register(c: Commands) -> None:
    c.leaf(c.sub, "doctor", cmd_doctor, "check this workstation (exit 1 if anything fails)", False)
