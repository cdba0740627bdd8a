"""Logging: loggers named by topic (staffdesk.sync, staffdesk.print), a rotating file in the
user log dir. Nothing here ever receives a VPC, a password or a full phone number."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs


def log_dir() -> Path:
    """Owner-only: the log names people and workstations."""
    path = Path(
        os.environ.get("STAFFDESK_LOG_DIR") or platformdirs.user_log_dir("StaffDesk", False)
    )
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file, the first and every one a rotation starts, is created owner-only."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if os.name == "posix" and os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def setup(level: int = logging.INFO) -> Path:
    path = log_dir() / "staffdesk.log"
    root = logging.getLogger("staffdesk")
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = PrivateRotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return path
