"""PDF pages as images, for the slip preview and for printing on any system printer.

PySide6-Essentials has no QtPdf, so this uses QtPdf when the Addons are installed, else
poppler's pdftoppm, else Ghostscript. Runs in a worker: QImage (not QPixmap) is thread-safe.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage

from staffdesk.domain.errors import PrintFailed
from staffdesk.private import write_private_bytes


def _with_qtpdf(data: bytes, dpi: int) -> list[QImage] | None:
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    pages = []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        px = QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72))
        pages.append(doc.render(i, px))
    return pages


def _with_tool(data: bytes, dpi: int) -> list[QImage] | None:
    pdftoppm = shutil.which("pdftoppm")
    gs = shutil.which("gs") or shutil.which("gswin64c")
    if not pdftoppm and not gs:
        return None
    with tempfile.TemporaryDirectory(prefix="staffdesk-") as tmp:
        src = Path(tmp) / "slip.pdf"
        write_private_bytes(src, data)
        if pdftoppm:
            cmd = [pdftoppm, "-png", "-r", str(dpi), str(src), str(Path(tmp) / "page")]
        else:
            assert gs is not None
            cmd = [
                gs,
                "-q",
                "-dSAFER",
                "-dBATCH",
                "-dNOPAUSE",
                "-sDEVICE=png16m",
                f"-r{dpi}",
                f"-sOutputFile={Path(tmp) / 'page-%03d.png'}",
                str(src),
            ]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as exc:
            raise PrintFailed(f"the slip could not be turned into an image: {exc}") from None
        return [QImage(str(p)) for p in sorted(Path(tmp).glob("page*.png"))]


def available() -> bool:
    try:
        import PySide6.QtPdf  # noqa: F401
    except ImportError:
        return bool(shutil.which("pdftoppm") or shutil.which("gs"))
    return True


def pdf_pages(data: bytes, dpi: int = 110) -> list[QImage]:
    """Every page of the PDF as an image at `dpi`; PrintFailed when nothing can rasterise."""
    pages = _with_qtpdf(data, dpi)
    if pages is None:
        pages = _with_tool(data, dpi)
    if pages is None:
        raise PrintFailed(
            "this computer has no PDF renderer for the preview or for printing (install the "
            "PySide6-Addons package or poppler-utils); save the slip as a PDF instead"
        )
    if not pages or any(p.isNull() for p in pages):
        raise PrintFailed("the slip could not be turned into an image")
    return pages
