"""The layers hold: the core knows nothing of Qt, the store nothing of sync, and every module
is small enough to hold in mind."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "staffdesk"

CORE = ("domain", "store", "services", "slips", "sync")

MAX_LINES = 600
# Modules still over MAX_LINES, awaiting their split; this list only shrinks (the goal: empty).
TOO_LONG_FOR_NOW: set[str] = set()


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every module `path` imports, with the line, lazy imports included. A relative import
    counts as one too (the project has none; it would hide a layer's name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                yield f"relative import from {'.' * node.level}{node.module or ''}", node.lineno
                continue
            module = node.module or ""
            yield module, node.lineno
            for a in node.names:  # `from staffdesk import sync` imports staffdesk.sync
                yield f"{module}.{a.name}", node.lineno


def _offenders(packages: tuple[str, ...], pattern: str) -> list[str]:
    found = []
    for pkg in packages:
        for path in (PACKAGE / pkg).rglob("*.py"):
            for name, line in _imports(path):
                if re.match(pattern, name) or name.startswith("relative import"):
                    found.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return found


def test_core_packages_never_import_qt() -> None:
    offenders = _offenders(CORE, r"(PySide6|PyQt\d|shiboken6)\b")
    assert not offenders, offenders


def test_the_store_imports_nothing_from_sync() -> None:
    """The store owns every table it creates; sync builds on it, never the other way."""
    offenders = _offenders(("store",), r"staffdesk\.sync\b")
    assert not offenders, offenders


def test_no_module_is_over_600_lines() -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
        if "migrations/versions" not in path.as_posix()
    }
    too_long = {p: n for p, n in sizes.items() if n > MAX_LINES and p not in TOO_LONG_FOR_NOW}
    assert not too_long, f"split these by responsibility: {too_long}"
    # a module split below the limit leaves the allow-list too
    stale = sorted(p for p in TOO_LONG_FOR_NOW if sizes.get(p, 0) <= MAX_LINES)
    assert not stale, f"no longer over {MAX_LINES} lines: remove from TOO_LONG_FOR_NOW: {stale}"


def test_every_type_ignore_says_which_library_forces_it() -> None:
    """mypy is strict over the whole package; an ignore stays only where a library's missing or
    odd typing forces it, and the line says so after it."""
    bare = []
    for path in PACKAGE.rglob("*.py"):
        if "migrations/" in path.as_posix():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = re.search(r"# type: ignore(\[[^\]]*\])?(.*)$", line)
            if m and not re.match(r"\s+#\s*\S", m.group(2)):
                bare.append(f"{path.relative_to(ROOT)}:{n}")
    assert not bare, f"say why (`# type: ignore[code]  # <library>: <reason>`): {bare}"


def test_the_window_imports_neither_slips_nor_the_store() -> None:
    """The desk previews and prints the bytes the deliver-slips use case returns, and reaches
    the database only through services (services/storage.py)."""
    offenders = _offenders(("ui",), r"staffdesk\.(slips|store)\b")
    assert not offenders, offenders


def test_the_command_line_never_opens_a_session_itself() -> None:
    """cli/ neither imports the store nor makes an engine, a session or a session factory: a
    command's unit of work comes from services.storage, and the use cases do the rest."""
    offenders = _offenders(("cli",), r"staffdesk\.store\b")
    makers = {"Session", "sessionmaker", "session_factory", "create_engine", "make_engine"}
    for path in (PACKAGE / "cli").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in makers:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} calls {name}")
    assert not offenders, offenders


PRIVATE_WRITER = "staffdesk/private.py"
# what writing a private file takes: only the one writer does it
PRIVATE_CALLS = {"chmod", "fchmod", "fsync", "mkstemp", "NamedTemporaryFile"}


def test_one_private_file_writer() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel == PRIVATE_WRITER or "migrations/" in rel:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            name = node.func.attr
            target = node.func.value
            opens_a_file = (
                name == "open"
                and isinstance(target, ast.Name)
                and target.id == "os"
                and not (node.args and ast.unparse(node.args[0]) == "os.devnull")
            )
            if name in PRIVATE_CALLS or opens_a_file:
                offenders.append(f"{rel}:{node.lineno} calls {ast.unparse(node.func)}")
    assert not offenders, f"write private files with staffdesk.private: {offenders}"


# the worker's own bootstrap (opening the store) and the paged table models' page fetches are
# the only other callers of the worker: every user action goes through ui/operations.py
WORKER_CALLERS = {"staffdesk/ui/operations.py", "staffdesk/ui/models.py", "staffdesk/ui/app.py"}


def test_every_desk_action_is_a_named_operation() -> None:
    """The window runs nothing anonymous on the worker: each user action is one function in
    ui/operations.py (success and failure callbacks added by the caller), so every action the
    desk can run is in one list."""
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel in WORKER_CALLERS or rel == "staffdesk/ui/worker.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("submit", "compute", "in_background", "open_store")
                and "worker" in ast.unparse(node.func.value)
            ):
                offenders.append(f"{rel}:{node.lineno} calls {ast.unparse(node.func)}")
    assert not offenders, f"add a named operation to ui/operations.py: {offenders}"
