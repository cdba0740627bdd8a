"""`staffdesk printer list|test`: the printers this computer offers, and a specimen slip sent
through the desktop app's print path (IT checks a desk's printer before a school opens)."""

from __future__ import annotations

import os
import sys

from staffdesk.cli.app import App, Commands, emit


def _qt() -> None:
    """A Qt application to paint with; on a Linux desk with no display, an offscreen one."""
    from staffdesk.ui.app import make_app

    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    make_app()


def cmd_printer_list(app: App) -> int:
    from staffdesk import config
    from staffdesk.ui import printing

    names, default = printing.printer_names(), printing.default_printer()
    configured = config.get(config.PRINTER)
    lines = [
        f"{'*' if n == default else ' '} {n}" + ("  (configured)" if n == configured else "")
        for n in names
    ] or ["no printer installed"]
    emit(
        app.args,
        "\n".join(lines),
        {"printers": names, "default": default, "configured": configured},
    )
    return 0


def cmd_printer_test(app: App) -> int:
    from staffdesk import config
    from staffdesk.services.specimen import specimen_slip_pdf
    from staffdesk.ui import printing

    _qt()
    name = app.args.printer or config.get(config.PRINTER)
    printer = printing.make_printer(name)
    pages = printing.print_pdf(specimen_slip_pdf(app.args.lang), printer)
    where = printer.outputFileName() or printer.printerName()
    emit(
        app.args,
        f"specimen slip ({pages} page) sent to {where}",
        {"printer": where, "pages": pages},
    )
    return 0


def register(c: Commands) -> None:
    g = c.group("printer", "printers for slips")
    c.leaf(g, "list", cmd_printer_list, "the printers this computer offers (* the default)", False)
    sp = c.leaf(
        g, "test", cmd_printer_test, "print a specimen slip (a code never issued)", staff=False
    )
    sp.add_argument(
        "--printer",
        metavar="NAME|FILE.pdf",
        help="default: the `printer` setting, else the system default; FILE.pdf: Qt's PDF printer",
    )
    sp.add_argument("--lang", default="en", help="slip language")
