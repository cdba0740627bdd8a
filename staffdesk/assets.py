"""Where the shipped files are: the Qt Designer forms and the resources (fonts, slip texts, style
sheet, icons, compiled translations). Every reader asks here.

The top-level forms/ and resources/ folders are installed as the packages staffdesk.forms and
staffdesk.resources (setup.py maps them), and found through importlib.resources, so the same
code works from a clone (editable install), an installed wheel and a PyInstaller bundle.
Qt and reportlab open files by name, so this hands out real paths: StaffDesk is installed
unpacked (pip and PyInstaller's one-folder bundle both do), never run from a zip.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

FORMS = "staffdesk.forms"
RESOURCES = "staffdesk.resources"
_SOURCE_FOLDERS = {FORMS: "forms", RESOURCES: "resources"}


class AssetsMissing(RuntimeError):
    """The installation lacks its forms or resources: a broken install, not the user's doing."""


@cache
def _folder(package: str) -> Path:
    try:
        found = resources.files(package)
    except ModuleNotFoundError:
        # a clone whose editable install predates the mapping: its source folder is right there
        source = Path(__file__).resolve().parents[1] / _SOURCE_FOLDERS[package]
        if (source / "__init__.py").is_file():
            return source
        raise AssetsMissing(
            f"StaffDesk's {_SOURCE_FOLDERS[package]} are not installed ({package} is missing); "
            "reinstall StaffDesk (from a clone: make .venv/.installed)"
        ) from None
    if not isinstance(found, Path):
        raise AssetsMissing(f"{package} is inside an archive ({found}); install StaffDesk unpacked")
    return found


def forms_dir() -> Path:
    """The folder of .ui files (forms/ in the clone)."""
    return _folder(FORMS)


def resources_dir() -> Path:
    """The resources folder: fonts/, slips/, ui/style.qss, i18n/*.qm, icons/."""
    return _folder(RESOURCES)


def form(name: str) -> Path:
    """forms/<name>.ui"""
    return forms_dir() / f"{name}.ui"


def resource(*parts: str) -> Path:
    """A file or folder under resources/, e.g. resource("fonts", "DejaVuSans.ttf")."""
    return resources_dir().joinpath(*parts)
