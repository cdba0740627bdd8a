"""The one writer of private files: everything that may hold a passcode, a password or a child's
record (slips, exports, the settings file, the store, the log) is written here and nowhere else.

A private file is owner-only (0600) in a folder only its owner may enter when StaffDesk made it
(0700). A whole file is written durably: into a temporary file beside it, flushed and fsynced,
then renamed over the target in one step, so a reader sees the old file or the new one, never
half of one, and a failure leaves nothing behind. The layer test (tests/test_layers.py) keeps
os.open, chmod and fsync for private files in this module only.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

from staffdesk.domain.errors import PrintFailed
from staffdesk.domain.messages import msg

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_OTHERS = 0o077  # group and world bits: none on a private file or folder

T = TypeVar("T")


def private_dir(path: Path) -> Path:
    """Create (or tighten) a folder only this user may enter."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if os.name == "posix" and path.stat().st_mode & _OTHERS:
        path.chmod(PRIVATE_DIR)
    return path


def tighten(paths: Iterable[Path]) -> None:
    """Make existing files owner-only (one made by an older version, or by a library that
    copies another file's mode); a missing one is skipped."""
    if os.name != "posix":
        return
    for p in paths:
        try:
            if p.stat().st_mode & _OTHERS:
                p.chmod(PRIVATE_FILE)
        except FileNotFoundError:
            continue


def create_private(path: Path) -> None:
    """Create an empty owner-only file if there is none (before a library opens it with its
    own default mode, as SQLite does for a new store)."""
    if not path.exists():
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE))


def open_private_append(
    path: str | Path, encoding: str | None, errors: str | None
) -> io.TextIOWrapper:
    """A text file opened for appending, created owner-only (a log file)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
    if os.name == "posix" and os.fstat(fd).st_mode & _OTHERS:
        os.fchmod(fd, PRIVATE_FILE)
    return os.fdopen(fd, "a", encoding=encoding, errors=errors)


def write_private(path: str | Path, write: Callable[[BinaryIO], T]) -> T:
    """Write a whole private file durably: `write` fills a temporary owner-only file beside
    `path`, which replaces `path` once flushed to disk. Returns what `write` returned. Any
    failure removes the temporary file; an OS error is a PrintFailed naming the file."""
    target = Path(path).expanduser()
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )  # mkstemp creates it 0600
    except OSError as exc:
        reason = _reason(exc) if target.parent.is_dir() else "its folder does not exist"
        raise PrintFailed(msg("file.cannot_write", path=target, reason=reason)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            result = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise PrintFailed(msg("file.cannot_write", path=target, reason=_reason(exc))) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return result


def write_private_bytes(path: str | Path, data: bytes) -> None:
    """`data` as the whole private file `path` (see write_private)."""
    write_private(path, lambda fh: fh.write(data))


def write_private_text(path: str | Path, text: str) -> None:
    """`text` (UTF-8) as the whole private file `path` (see write_private)."""
    write_private_bytes(path, text.encode("utf-8"))


def write_private_text_with(path: str | Path, write: Callable[[TextIO], T]) -> T:
    """Like write_private, for a writer of UTF-8 text (a CSV export: newlines as written)."""

    def binary(fh: BinaryIO) -> T:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
        try:
            return write(text)
        finally:
            text.flush()
            text.detach()  # the binary file stays open for the fsync

    return write_private(path, binary)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
