"""The TrueType fonts every slip and form is drawn with, registered once per process.

DejaVu covers Latin, Vietnamese, Greek and Cyrillic names (José Núñez, Nguyễn Thị Ánh); a
base-14 PDF font would print them as boxes. The files and their licence are in resources/fonts/.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from staffdesk.assets import resources_dir
from staffdesk.domain.errors import PrintFailed

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
MONO_BOLD = "DejaVuSansMono-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Load the shipped fonts into reportlab; cheap after the first call."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = resources_dir() / "fonts"
        for name, filename in _FILES.items():
            path = folder / filename
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise PrintFailed(
                    f"the font {filename} is missing or damaged in {folder} ({exc}); "
                    "reinstall StaffDesk"
                ) from exc
        # <b> in paragraph markup picks the bold face of the family.
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS)
        addMapping(SANS, 1, 1, SANS_BOLD)
        _registered = True
