"""The translation files are what lupdate makes of the windows' sources today (docs/languages.md),
and no text in a form or a catalogue is garbled by an edit that escaped an `&` twice."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
CATALOGUES = sorted(I18N.glob("staffdesk_*.ts"))


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if found:
        return found
    inside = Path(PySide6.__file__).parent / "lupdate"
    if not inside.exists():
        pytest.fail("pyside6-lupdate is not installed beside this Python (make .venv/.installed)")
    return str(inside)


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation, its type: "" finished, "unfinished", "obsolete"…)."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            assert tr is not None
            out[(name, message.findtext("source") or "")] = (tr.text or "", tr.get("type", ""))
    return out


def _form_texts() -> list[tuple[str, str]]:
    texts = []
    for ui in sorted((ROOT / "forms").glob("*.ui")):
        texts += [(ui.name, s.text or "") for s in ET.parse(ui).getroot().iter("string")]
    return texts


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_each_catalogue_is_what_lupdate_makes_of_the_sources(ts: Path, tmp_path: Path) -> None:
    """No message a source no longer has (obsolete), none it has that the file lacks, every one
    finished: regenerate with the command in docs/languages.md after changing a window's text."""
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    sources = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "staffdesk" / "ui").glob("*.py"))]
    sources += [str(p.relative_to(ROOT)) for p in sorted((ROOT / "forms").glob("*.ui"))]
    subprocess.run(
        [_lupdate(), "-no-obsolete", *sources, "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    committed, made = _messages(ts), _messages(fresh)
    assert sorted(set(committed) - set(made)) == []  # texts no source says any more
    assert sorted(set(made) - set(committed)) == []  # texts a source says, not in the file
    if ts.name != "staffdesk_en.ts":  # English is its own source language
        unfinished = [k for k, (_t, kind) in committed.items() if kind]
        assert unfinished == []


def test_no_text_is_garbled_by_an_ampersand_escaped_twice() -> None:
    """An `&amp;` pasted into a decoded text left `ApproA&pprove here…amp;ve here…` on the front
    desk's button once: no form string and no catalogue text carries a stray `amp;`, and a
    button's text has at most one mnemonic."""
    texts = _form_texts()
    for ts in CATALOGUES:
        for (context, source), (translation, _kind) in _messages(ts).items():
            texts += [(f"{ts.name}:{context}", source), (f"{ts.name}:{context}", translation)]
    garbled = [(where, t) for where, t in texts if re.search(r"&?amp;|&lt;|&gt;", t)]
    assert garbled == []
    mnemonics = [
        (where, t) for where, t in texts if len(re.findall(r"&(?!&)\w", t.replace("&&", ""))) > 1
    ]
    assert mnemonics == []
