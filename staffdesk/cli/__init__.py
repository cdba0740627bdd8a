"""`staffdesk`: launches the desktop app, and the admin and batch commands over the services.

One module per command group; each has `register(commands)`. What they share (the App, `emit`,
the exit codes) is in app.py. Exit codes: 0 success, 1 a refused action or bad input (message
on stderr naming the field), 2 a usage error, 3 an unexpected error, a bug (logged; the message
says where), 4 the environment failed (database unreachable, disk full or read-only, a lock held
too long, no secure keyring), 130 interrupted. A closed pipe on output ends quietly with 0.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence

from staffdesk import applog, messages
from staffdesk.cli import (
    argtexts,
    audit,
    config,
    desk,
    directory,
    doctor,
    passcodes,
    portal,
    printer,
    requests,
    roster,
    settings,
    slips,
    staff,
    students,
    sync,
)
from staffdesk.cli.app import (
    ENVIRONMENT,
    IDENTITY,
    INTERRUPTED,
    OK,
    REFUSED,
    UNEXPECTED,
    USAGE,
    App,
    Commands,
    Usage,
)
from staffdesk.domain.errors import (
    EnvironmentProblem,
    StaffDeskError,
    WorkstationIdentityProblem,
)
from staffdesk.domain.messages import msg

log = logging.getLogger("staffdesk.cli")

# in the order `staffdesk --help` lists them
GROUPS = (
    desk,
    staff,
    directory,
    roster,
    students,
    settings,
    requests,
    passcodes,
    slips,
    portal,
    audit,
    sync,
    config,
    doctor,
    printer,
)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="staffdesk",
        description="StaffDesk: Parent Access Forms "
        "to parent-portal links. With no command, opens the desktop app.",
    )
    p.add_argument(
        "--db", help="database URL (default: STAFFDESK_DB, else the embedded SQLite file)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--lang",
        dest="interface_lang",
        metavar="LANG",
        help="language of messages (en, es; default: the configured interface language, "
        "else LANG); a command's own --lang is the slip's language",
    )
    # start the app, check that the sign-in window, database and forms work, and quit
    p.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=desk.cmd_gui, command=None)
    commands = Commands(p.add_subparsers(dest="command", metavar="COMMAND"))
    for group in GROUPS:
        group.register(commands)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; argparse's own texts (usage errors, help headings) are said in the
    command line's language too (cli/argtexts.py)."""
    given = list(sys.argv[1:] if argv is None else argv)
    lang = messages.command_line_language(argtexts.top_level_lang(given))
    with argtexts.speaking(lang):
        return _main(given)


def _main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "json"):
        args.json = False
    logfile = applog.setup()
    app = App(args)
    try:
        return int(args.func(app))
    except Usage as exc:
        parser.error(app.say(exc.args[0]))
        return USAGE
    except BrokenPipeError:
        return _reader_gone()
    except EnvironmentProblem as exc:
        _error(app, app.say_error(exc))
        log.warning("environment: %s", type(exc).__name__)
        return ENVIRONMENT
    except WorkstationIdentityProblem as exc:
        _error(app, app.say_error(exc))
        log.warning("workstation identity: %s on chain %s", type(exc).__name__, exc.chain)
        return IDENTITY
    except StaffDeskError as exc:
        _error(app, app.say_error(exc))
        # the message may quote what was typed (a phone number): log only what kind of refusal
        log.info("refused: %s %s", type(exc).__name__, getattr(exc, "field", ""))
        return REFUSED
    except KeyboardInterrupt:
        print(app.say(msg("cli.interrupted")), file=sys.stderr)
        return INTERRUPTED
    except Exception as exc:
        known = _known(exc)
        if known is not None:  # a driver error outside a unit of work: the environment's
            _error(app, app.say_error(known))
            log.warning("environment: %s", type(exc).__name__)
            return ENVIRONMENT if isinstance(known, EnvironmentProblem) else REFUSED
        log.exception("unexpected error")
        print(app.say(msg("cli.unexpected", path=str(logfile))), file=sys.stderr)
        return UNEXPECTED


def _error(app: App, text: str) -> None:
    print(app.say(msg("cli.error", text=text)), file=sys.stderr)


def _known(exc: BaseException) -> StaffDeskError | None:
    """A driver error sorted as a unit of work sorts it (services.storage.known_error)."""
    from staffdesk.services.storage import known_error

    return known_error(exc)


def _reader_gone() -> int:
    """The output's reader went away (`staffdesk … | head`): end quietly. Whatever the command
    did is done; stdout goes to devnull so the interpreter's last flush finds nowhere to fail."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return OK


__all__ = ["build_parser", "main"]
