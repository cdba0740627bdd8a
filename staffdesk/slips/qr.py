"""The portal-address QR code, drawn as vector modules into a reusable PDF form.

It only ever encodes the portal URL, which is the same on every slip of a district: it is built
once per document and each page references it, so a school's batch stays small and fast.
"""

from __future__ import annotations

from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M


def qr_modules(data: str) -> list[list[bool]]:
    """The QR matrix of `data` without quiet zone (the page around it is left white)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def define_qr_form(canvas: Any, name: str, data: str) -> int:
    """Define form `name`: the QR code of `data`, one unit per module; returns the module count.

    Dark modules of a row are merged into runs and filled as one path, so the code prints without
    hairline seams and costs a few hundred operators, once per document.
    """
    modules = qr_modules(data)
    count = len(modules)
    canvas.beginForm(name, 0, 0, count, count)
    path = canvas.beginPath()
    for row_index, row in enumerate(modules):
        y = count - row_index - 1
        start: int | None = None
        for col, dark in enumerate([*row, False]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                path.rect(start, y, col - start, 1)
                start = None
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.endForm()
    return count


def draw_qr_form(canvas: Any, name: str, modules: int, x: float, y: float, size: float) -> None:
    """Place form `name` (from define_qr_form) as a `size`-point square with its corner at x, y."""
    canvas.saveState()
    canvas.translate(x, y)
    scale = size / modules
    canvas.scale(scale, scale)
    canvas.doForm(name)
    canvas.restoreState()
