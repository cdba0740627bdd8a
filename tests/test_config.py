"""The workstation's settings: IT's site file, the user's file, the environment, and who wins."""

from __future__ import annotations

import ast
import json
import stat
import tomllib
from pathlib import Path

import pytest

from staffdesk import config
from staffdesk.cli import main
from staffdesk.domain.errors import ValidationError
from staffdesk.sync import config as shared_config

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(site file, user file), neither written yet."""
    site = tmp_path / "etc" / "staffdesk.toml"
    site.parent.mkdir()
    monkeypatch.setenv("STAFFDESK_SITE_CONFIG", str(site))
    monkeypatch.setenv("STAFFDESK_CONFIG_DIR", str(tmp_path / "user"))
    for option in config.OPTIONS.values():
        if option.env:
            monkeypatch.delenv(option.env, raising=False)
    return site, tmp_path / "user" / "staffdesk.toml"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_defaults_come_from_the_registry_when_no_file_exists(files: tuple[Path, Path]) -> None:
    current = config.load()
    assert current[config.IDLE_LOCK_MINUTES] == 15
    assert current[config.SHARED_DB_URL] == ""
    assert current[config.WORKSTATION]  # the computer's name
    assert {v.source for v in current.values.values()} == {"default"}


def test_the_site_file_sets_the_desk_and_its_values_say_where_they_came_from(
    files: tuple[Path, Path],
) -> None:
    site, _ = files
    write(
        site,
        'shared_db_url = "postgresql://staffdesk@db.district.org/staffdesk"\n'
        'workstation = "LINC-FRONT-1"\ndefault_school = "LINC"\nprinter = "Front office"\n'
        "idle_lock_minutes = 10\n",
    )
    current = config.load()
    assert current[config.WORKSTATION] == "LINC-FRONT-1"
    assert current[config.IDLE_LOCK_MINUTES] == 10
    assert current.values["printer"].source == "site"
    assert current.values["printer"].where == str(site)
    assert shared_config.load() == shared_config.SharedConfig(
        "postgresql://staffdesk@db.district.org/staffdesk", False
    )
    from staffdesk.services.context import current_workstation

    assert current_workstation() == "LINC-FRONT-1"


def test_a_user_may_narrow_the_idle_lock_but_not_loosen_it(files: tuple[Path, Path]) -> None:
    site, user = files
    write(site, "idle_lock_minutes = 10\nreauth_hours = 8\n")
    write(user, "idle_lock_minutes = 5\nreauth_hours = 12\n")
    current = config.load()
    assert current[config.IDLE_LOCK_MINUTES] == 5
    assert current.values["idle_lock_minutes"].source == "user"
    assert current[config.REAUTH_HOURS] == 8  # the user's 12 is longer: the site's 8 holds
    assert "ignored" in current.values["reauth_hours"].note
    with pytest.raises(ValidationError, match=r"at most 10"):
        config.set_user({config.IDLE_LOCK_MINUTES: 20})
    config.set_user({config.IDLE_LOCK_MINUTES: 3})
    assert config.get(config.IDLE_LOCK_MINUTES) == 3


def test_the_user_cannot_change_what_the_site_fixes(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, user = files
    write(site, 'shared_db_url = "postgresql://sd@db/sd"\nworkstation = "LINC-FRONT-1"\n')
    write(user, 'shared_db_url = "postgresql://sd@elsewhere/sd"\nworkstation = "MINE"\n')
    monkeypatch.setenv("STAFFDESK_WORKSTATION", "FROM-ENV")
    current = config.load()
    assert current[config.SHARED_DB_URL] == "postgresql://sd@db/sd"
    assert current[config.WORKSTATION] == "LINC-FRONT-1"
    assert "STAFFDESK_WORKSTATION" in current.values["workstation"].note
    with pytest.raises(ValidationError, match=r"set to .* by IT"):
        shared_config.save("postgresql://sd@elsewhere/sd", password_in_keyring=False)
    with pytest.raises(ValidationError, match="cannot go standalone"):
        shared_config.clear()
    # the same URL as IT's: the desk only records that its password is in the keyring
    shared_config.save("postgresql://sd:pw@db/sd", password_in_keyring=True)
    assert shared_config.load() == shared_config.SharedConfig("postgresql://sd@db/sd", True)
    assert "pw" not in user.read_text(encoding="utf-8")


def test_without_a_site_file_the_user_and_environment_choose(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, user = files
    shared_config.save("postgresql://sd:secret@db/sd", password_in_keyring=True)
    assert tomllib.loads(user.read_text(encoding="utf-8"))["shared_db_url"] == (
        "postgresql://sd@db/sd"
    )
    assert stat.S_IMODE(user.stat().st_mode) == 0o600
    monkeypatch.setenv("STAFFDESK_WORKSTATION", "WS-7")
    assert config.load().values["workstation"].source == "environment"
    assert shared_config.clear() is not None and shared_config.load() is None


@pytest.mark.parametrize("which", ["site", "user"])
def test_a_shared_url_with_a_password_is_refused_saying_why(
    files: tuple[Path, Path], which: str
) -> None:
    site, user = files
    write(site if which == "site" else user, 'shared_db_url = "postgresql://sd:hunter2@db/sd"\n')
    with pytest.raises(ValidationError) as refused:
        config.load()
    assert refused.value.field == "shared_db_url"
    assert str(site if which == "site" else user) in refused.value.message
    assert "keyring" in refused.value.message and "hunter2" not in refused.value.message


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("idle_lock_minutes = 45\n", "idle_lock_minutes", "expected 1 to 30 minutes"),
        ("idle_lock_minute = 5\n", "idle_lock_minute", "unknown setting"),
        ('ui_language = "fr"\n', "ui_language", "expected one of en, es"),
        ('shared_db_url = "sqlite:///x.db"\n', "shared database", "PostgreSQL or MariaDB"),
        ("workstation = [1]\n", "workstation", "letters, digits"),
        ("idle_lock_minutes = \n", "settings", "cannot read the site config file"),
    ],
)
def test_a_bad_site_file_is_refused_naming_the_key(
    files: tuple[Path, Path], text: str, field: str, expected: str
) -> None:
    site, _ = files
    write(site, text)
    with pytest.raises(ValidationError, match=expected) as refused:
        config.load()
    assert refused.value.field == field


def test_config_show_says_where_each_value_came_from(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, user = files
    write(site, 'workstation = "LINC-FRONT-1"\nidle_lock_minutes = 10\n')
    write(user, "idle_lock_minutes = 5\n")
    monkeypatch.setenv("STAFFDESK_LANG", "es")
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines() if line and line[0] != " "}
    assert "LINC-FRONT-1" in lines["workstation"] and str(site) in lines["workstation"]
    assert str(user) in lines["idle_lock_minutes"]
    assert "environment STAFFDESK_LANG" in lines["ui_language"]
    assert "default" in lines["printer"]
    assert main(["config", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["site_file"] == str(site) and shown["site_file_found"] is True
    assert shown["settings"]["idle_lock_minutes"] == {
        "value": 5,
        "source": "user",
        "where": str(user),
        "note": "",
    }


def test_a_bad_site_file_stops_the_command_line_with_its_name(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    site, _ = files
    write(site, 'shared_db_url = "postgresql://sd:hunter2@db/sd"\n')
    assert main(["config", "show"]) == 1
    err = capsys.readouterr().err
    assert str(site) in err and "hunter2" not in err


def test_settings_and_assets_never_import_qt() -> None:
    """They sit below every layer (the services read the workstation name)."""
    for name in ("config.py", "assets.py"):
        tree = ast.parse((ROOT / "staffdesk" / name).read_text(encoding="utf-8"))
        modules = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        modules += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [m for m in modules if m.startswith(("PySide6", "shiboken6"))]
        below = [m for m in modules if m.startswith("staffdesk.")]
        assert all(
            m.startswith(("staffdesk.domain", "staffdesk.assets", "staffdesk.private"))
            for m in below
        ), below


def test_the_site_files_service_tables_are_its_own_and_it_alone(files: tuple[Path, Path]) -> None:
    site, user = files
    write(site, 'workstation = "LINC-FRONT-1"\n[directory]\nkind = "ad"\n[oneroster]\nx = 1\n')
    from staffdesk.services import siteconfig

    assert siteconfig.section("directory") == {"kind": "ad"}
    assert siteconfig.section("oneroster") == {"x": 1}
    assert config.get(config.WORKSTATION) == "LINC-FRONT-1"
    write(user, '[directory]\nurl = "ldaps://elsewhere"\n')
    with pytest.raises(ValidationError, match="only IT's site config file") as refused:
        config.load()
    assert refused.value.field == "[directory]"
    user.unlink()
    write(site, 'directory = "ad"\n')
    with pytest.raises(ValidationError, match="expected a table"):
        siteconfig.section("directory")


@pytest.fixture
def it_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where IT's site file lives on this platform (/etc/xdg/StaffDesk on Linux), here."""
    path = tmp_path / "platform" / "StaffDesk" / "staffdesk.toml"
    monkeypatch.setattr(config, "platform_site_path", lambda: path)
    return path


def test_a_users_environment_cannot_replace_its_site_file(
    files: tuple[Path, Path],
    it_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """IT fixed the shared database and a 5-minute idle lock. A user who points
    STAFFDESK_SITE_CONFIG (or XDG_CONFIG_DIRS) at a file of their own gets IT's values all the
    same, and `config show` says the override was ignored. Without IT's file, the named file is
    read (tests, a lab)."""
    mine, _ = files  # STAFFDESK_SITE_CONFIG names it
    write(mine, 'shared_db_url = "postgresql://me@evil.example.org/x"\nidle_lock_minutes = 30\n')
    assert config.load()[config.IDLE_LOCK_MINUTES] == 30  # no file of IT's: the named one is read
    write(it_file, 'shared_db_url = "postgresql://sd@db.district.org/sd"\nidle_lock_minutes = 5\n')
    current = config.load()
    assert current.site_file == it_file
    assert current[config.SHARED_DB_URL] == "postgresql://sd@db.district.org/sd"
    assert current[config.IDLE_LOCK_MINUTES] == 5
    with pytest.raises(ValidationError, match="at most 5"):
        config.set_user({config.IDLE_LOCK_MINUTES: 30})
    assert main(["config", "show"]) == 0
    assert "STAFFDESK_SITE_CONFIG ignored" in capsys.readouterr().out
    # XDG_CONFIG_DIRS, which platformdirs follows on Linux, is no way round it either
    monkeypatch.delenv("STAFFDESK_SITE_CONFIG")
    write(tmp_path / "xdg" / "StaffDesk" / "staffdesk.toml", "idle_lock_minutes = 30\n")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg"))
    assert config.load()[config.IDLE_LOCK_MINUTES] == 5
    it_file.unlink()
    assert config.load()[config.IDLE_LOCK_MINUTES] == 30
