"""Logging: loggers named by topic (staffdesk.sync, staffdesk.print), a rotating file in the
user log dir. Nothing here ever receives a VPC, a password or a full phone number."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from staffdesk.private import open_private_append, private_dir


def log_dir() -> Path:
    """Owner-only: the log names people and workstations."""
    return private_dir(
        Path(os.environ.get("STAFFDESK_LOG_DIR") or platformdirs.user_log_dir("StaffDesk", False))
    )


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file, the first and every one a rotation starts, is created owner-only."""

    def _open(self) -> io.TextIOWrapper:
        return open_private_append(self.baseFilename, self.encoding, self.errors)


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
