"""The core knows nothing of Qt: domain, store, services, slips and sync never import it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CORE = ("domain", "store", "services", "slips", "sync")


def test_core_packages_never_import_qt() -> None:
    offenders = []
    for pkg in CORE:
        for path in (ROOT / "staffdesk" / pkg).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(re.match(r"(PySide6|PyQt\d|shiboken6)\b", n) for n in names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, offenders
