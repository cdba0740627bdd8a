"""The core's message catalogue: every message has a code, English text and a Spanish
translation with the same parameters; the command line renders it in its language."""

from __future__ import annotations

import ast
import json
from datetime import date
from pathlib import Path

import pytest

from staffdesk import messages
from staffdesk.cli import main
from staffdesk.domain import errors
from staffdesk.domain.catalogue import ENGLISH, ENGLISH_WORDS
from staffdesk.domain.errors import ValidationError, ValidationErrors
from staffdesk.domain.messages import Message, Term, msg, placeholders
from staffdesk.domain.values import Phone
from staffdesk.domain.workflow import Action, RequestStatus, next_status
from tests.conftest import PASSWORD, Office

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "staffdesk"
SPANISH = json.loads((ROOT / "resources" / "messages" / "es.json").read_text(encoding="utf-8"))

# Refusals still raised with an English sentence instead of a code; this list only shrinks.
NOT_YET_CATALOGUED = {
    # a slip translation file's own format errors: read by whoever writes that file (a
    # translator, with docs/slip-translations in English), never by a clerk; the desk only says
    # that its Spanish slip texts are damaged and to reinstall
    "staffdesk/slips/texts.py",
}
# every refusal class: those of domain/errors.py, and the two the values module adds
ERRORS = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.StaffDeskError)
} | {"VpcTypo", "NameMismatch"}


def _sources() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "/ui/" not in str(p) and "migrations" not in str(p)]


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def test_every_message_has_spanish_with_the_same_parameters() -> None:
    missing = sorted(set(ENGLISH) - set(SPANISH))
    assert not missing, f"codes without a Spanish text: {missing}"
    for code, english in ENGLISH.items():
        assert placeholders(SPANISH[code]) == placeholders(english), code
    unknown = [
        c
        for c in SPANISH
        if not c.startswith("_") and c not in ENGLISH and c.split(".")[0] not in TERM_KINDS
    ]
    assert not unknown, f"Spanish texts of no code: {unknown}"


TERM_KINDS = {"field", "document", "email_reason", "request_state", "passcode_state", "role",
              "action", "doing", "relationship", "audit_action", "audit_area",
              "record"}  # fmt: skip


def test_the_words_the_desk_shows_are_translated() -> None:
    assert not sorted(set(ENGLISH_WORDS) - set(SPANISH))
    for kind in ("request_state", "passcode_state"):
        assert any(c.startswith(kind + ".") for c in SPANISH)


def test_every_code_raised_is_in_the_catalogue() -> None:
    used = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("msg", "_warning")  # _warning(code, …): msg(code, …)
                and node.args
            ):
                arg = node.args[0]
                if isinstance(arg, ast.IfExp):
                    used |= {a.value for a in (arg.body, arg.orelse) if isinstance(a, ast.Constant)}
                elif isinstance(arg, ast.Constant):
                    used.add(arg.value)
                elif not (isinstance(arg, ast.Name) and arg.id == "code"):
                    raise AssertionError(f"{path}:{node.lineno}: msg() needs a literal code")
    assert used and not sorted(used - set(ENGLISH))


def test_the_core_raises_codes_not_sentences() -> None:
    """A refusal raised with an English sentence (a literal or an f-string) cannot be shown in
    Spanish: raise msg("code", ...) instead."""
    found = []
    for path in _sources():
        rel = str(path.relative_to(ROOT))
        if rel in NOT_YET_CATALOGUED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ERRORS or not node.args:
                continue
            field_first = node.func.id in ("ValidationError", "VpcTypo", "NameMismatch")
            text = node.args[1:2] if field_first else node.args[:1]
            if any(_is_text(a) for a in text):
                found.append(f"{rel}:{node.lineno}")
    assert not found, found


def test_spanish_names_the_field_and_the_stored_codes() -> None:
    try:
        Phone.parse("12x")
    except ValidationError as exc:
        english = messages.error_text(exc, "en", words=False)
        assert english == exc.message == "phone: expected a telephone number such as " \
            "(555) 123-4567, got '12x'"  # fmt: skip
        assert messages.error_text(exc, "en").startswith("Home phone: expected")
        assert messages.error_text(exc, "es") == (
            "Teléfono de casa: se espera un teléfono como (555) 123-4567; se escribió '12x'"
        )
        assert messages.detail_text(exc, "es").startswith("se espera un teléfono")
    with pytest.raises(Exception) as illegal:
        next_status(RequestStatus.ISSUED, Action.APPROVE)
    assert messages.error_text(illegal.value, "es") == (
        "no se puede aprobar: la solicitud está emitida; lo siguiente permitido: "
        "volver a emitir el código, revocar el código"
    )
    assert messages.term("relationship", "Mother", "es") == "Madre"
    assert messages.term("relationship", "Godmother", "es") == "Godmother"  # as the roster says
    assert messages.term("document", "drivers-licence", "en") == "Driver's licence"


def test_a_message_is_its_english_text_and_survives_a_pickle() -> None:
    import pickle

    m = msg("request.not_found", rid="R1")
    assert m == "no access request 'R1' at your schools" and isinstance(m, str)
    back = pickle.loads(pickle.dumps(m))
    assert isinstance(back, Message) and back.code == m.code and back.params == {"rid": "R1"}
    several = ValidationErrors([ValidationError("email", msg("email.required"))])
    assert messages.error_text(several, "es") == (
        "1 problema(s) encontrado(s):\nCorreo electrónico: falta el correo electrónico, "
        "p. ej. nombre@ejemplo.org"
    )
    assert str(Term("request_state", "approved")) == "approved"


def test_a_broken_translation_reads_in_english() -> None:
    m = msg("store.unreachable", url="u", detail="d")
    assert messages.text(m, "xx") == str(m)  # a language that does not ship
    from staffdesk.domain.messages import render

    assert render(m.code, m.params, {"store.unreachable": "{nope}"}.get) == str(m)


def test_the_command_line_speaks_the_interface_language(
    office: Office, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STAFFDESK_PASSWORD", PASSWORD)
    add = [
        "request", "add", "--student", "1000001", "--guardian", "Pedro Núñez",
        "--email", "pedro@example.org", "--phone", "415 555 01", "--address", "1 Main St",
        "--signed-on", date.today().isoformat(), "--paper-form-signed", "--as", "clerk",
    ]  # fmt: skip
    assert main(["--db", office.url, *add]) == 1
    english = capsys.readouterr().err
    assert english == "error: phone: '415 555 01' is not a valid telephone number; expected " \
        "e.g. (555) 123-4567\n"  # fmt: skip
    assert main(["--db", office.url, "--lang", "es", *add]) == 1
    assert capsys.readouterr().err == (
        "error: Teléfono de casa: '415 555 01' no es un teléfono válido; se espera p. ej. "
        "(555) 123-4567\n"
    )
    monkeypatch.setenv("LANG", "es_MX.UTF-8")  # the locale, when nothing is configured
    fixed = [a if a != "415 555 01" else "415 555 0101" for a in add]
    assert main(["--db", office.url, *fixed]) == 0
    err = capsys.readouterr().err
    assert "Pedro Núñez' no está en la lista de contactos de emergencia" in err
    assert err.startswith("aviso: Nombre del padre, madre o tutor: ")


def test_every_action_a_role_guards_is_named_in_spanish() -> None:
    """actor.require(Role.X, "what") says "what" in a refusal: each has a doing.* text."""
    named = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("require", "require_school")
                and len(node.args) == 2
                and isinstance(node.args[1], ast.Constant)
            ):
                named.add(node.args[1].value)
    assert named and not sorted(n for n in named if f"doing.{n}" not in SPANISH)


def test_a_roster_file_is_refused_in_spanish(tmp_path: Path) -> None:
    from staffdesk.services import oneroster, roster

    bad = b"school_code,permanent_id,first_name,last_name,grade,primary_phone\nlin!,1234567,A,B,5,"
    with pytest.raises(ValidationError) as missing:
        list(roster.csv_rows(bad[:40], "s.csv", msg("roster.students_file"), ("primary_phone",)))
    assert messages.error_text(missing.value, "es") == (
        "archivo de estudiantes: en s.csv falta(n) la(s) columna(s): primary_phone"
    )
    assert missing.value.message == "students file: s.csv lacks the column(s): primary_phone"
    (tmp_path / "students.csv").write_bytes(bad + b"4155550101\n")
    errors: list[ValidationError] = []
    roster._parse_students(tmp_path / "students.csv", errors)
    with pytest.raises(ValidationErrors) as rows:
        roster.refuse(errors)
    assert messages.error_text(rows.value, "es") == (
        "no se importó la lista de estudiantes: 1 fila(s) con errores; no se cambió nada:\n"
        "archivo de estudiantes, línea 2: school_code: se espera un código de escuela de 1 a 20 "
        "letras, dígitos, '.', '_' o '-'"
    )
    with pytest.raises(ValidationError) as gone:
        oneroster.read_export(tmp_path / "nowhere")
    assert messages.error_text(gone.value, "es").startswith("exportación de OneRoster: ")
    assert messages.error_text(gone.value, "es").endswith("nowhere no existe")


def test_a_bad_site_config_is_refused_in_spanish(tmp_path: Path) -> None:
    from staffdesk import config
    from staffdesk.services import directory

    site = tmp_path / "site.toml"
    site.write_text("[directory\n", encoding="utf-8")
    with pytest.raises(ValidationError) as broken:
        config._read(site, config.SITE_FILE)
    assert messages.error_text(broken.value, "es") == (
        f"Ajustes: no se puede leer el archivo de configuración del sitio {site}: no es TOML "
        "válido en la línea 1, columna 11 (Expected ']' at the end of a table declaration)"
    )
    with pytest.raises(ValidationError) as plain:
        directory.parse_settings({"url": "ldap://dc1.example.org"})
    assert messages.error_text(plain.value, "es").startswith(
        "configuración del sitio [directory] url: ldap://dc1.example.org enviaría las "
        "contraseñas sin cifrar"
    )
    assert plain.value.message.startswith("site config [directory] url: ldap://dc1.example.org")
    minutes = config.OPTIONS["idle_lock_minutes"]
    with pytest.raises(ValidationError) as late:
        minutes.parse(99, "site.toml")
    assert messages.error_text(late.value, "es") == (
        "Bloqueo por inactividad (minutos): site.toml: se espera de 1 a 30 minutos; el valor es 99"
    )


def test_a_sync_round_keeps_its_error_as_a_message() -> None:
    """The status bar says the last round's error again after a restart, in the desk's
    language: the round keeps the message's code and parameters (sync_state is text)."""
    from staffdesk.domain.messages import dumps, loads
    from staffdesk.sync.identity import ChainState, _problem

    state = ChainState(
        "desk-1", local_seq=9, local_hash="a", shared_seq=12, shared_hash="b", agreed=7
    )
    problem = _problem(state, "desk-1")
    back = loads(dumps(problem.message))
    assert isinstance(back, Message) and back == problem.message
    assert messages.text(back, "es").startswith(
        "el almacén de este equipo está atrasado respecto a lo que ya envió: la cadena de "
        "auditoría compartida 'desk-1' llega al evento 12, y este almacén solo coincide con ella "
        "hasta el evento 7 y tiene 2 evento(s) propios después de ese."
    )
    driver = loads(dumps(msg("sync.driver", reason="connection refused")))
    assert driver == "connection refused"  # English: the driver's words as they were
    assert messages.text(driver, "es") == (
        "la base de datos compartida respondió: connection refused"
    )
    assert loads("not json") == "" and loads(dumps("plain")) == "plain"
    assert messages.text(loads(dumps(msg("errors.field", field=Term("field", "phone"),
                                         detail="x"))), "es") == "Teléfono de casa: x"  # fmt: skip


def test_argparse_speaks_spanish_too(capsys: pytest.CaptureFixture[str]) -> None:
    """Usage errors come from argparse itself: under --lang es they are Spanish, and argparse
    is English again once the command is done."""
    import argparse

    with pytest.raises(SystemExit) as usage:
        main(["--lang", "es", "request", "approve"])
    assert usage.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("uso: staffdesk request approve [-h]")
    assert err.endswith("error: faltan estos argumentos obligatorios: request\n")
    with pytest.raises(SystemExit):
        main(["--lang=es", "request", "list"])
    assert (
        "argumento ACTION: opción no válida: 'list' (elija entre 'add'" in capsys.readouterr().err
    )
    with pytest.raises(SystemExit):  # a usage error of our own, said through the parser
        main(["--lang", "es", "roster", "import"])
    assert "indique un archivo CSV de estudiantes o --oneroster" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["request", "approve"])
    assert "the following arguments are required: request" in capsys.readouterr().err
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def test_argparse_texts_keep_their_placeholders() -> None:
    import re

    from staffdesk.cli import argtexts

    for code, english in ENGLISH.items():
        if code.startswith(argtexts.PREFIX):
            marks = re.findall(r"%(?:\(\w+\))?[sr]", english)
            assert sorted(re.findall(r"%(?:\(\w+\))?[sr]", SPANISH[code])) == sorted(marks), code
    # every text argparse says to a person has a code (argparse.py of this Python)
    source = Path(argparse_file()).read_text(encoding="utf-8")
    for text in ("the following arguments are required: %s", "usage: ", "options"):
        assert f"_({text!r})" in source and text in argtexts.CODES


def argparse_file() -> str:
    import argparse

    return argparse.__file__
