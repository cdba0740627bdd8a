"""What every command shares: the App (database, unit of work, signed-in staff member), the one
`emit`, the exit codes, and the two helpers that add a command to the parser."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from staffdesk import messages
from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import msg
from staffdesk.services import storage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# exit codes
OK = 0
REFUSED = 1  # a refused action or bad input (message on stderr naming the field)
USAGE = 2  # a usage error
UNEXPECTED = 3  # an unexpected error, a bug (logged; the message says where)
ENVIRONMENT = 4  # the environment failed: database unreachable, disk full or read-only, a lock
# held too long, no secure keyring (domain.errors.EnvironmentProblem)
IDENTITY = 5  # this workstation's audit chain on the shared database is not its store's:
# restored from a backup, or two desks with one name (domain.errors.WorkstationIdentityProblem)
INTERRUPTED = 130  # Ctrl-C


class Usage(Exception):
    """A usage error the parser could not catch (exit 2)."""


def json_default(o: Any) -> Any:
    """How `--json` writes what the services return: dates as ISO text, enums as values."""
    if isinstance(o, datetime | date):
        return o.isoformat()
    if isinstance(o, Enum):
        return o.value
    if isinstance(o, frozenset | set | tuple):
        return list(o)
    if is_dataclass(o) and not isinstance(o, type):
        return asdict(o)
    return str(o)


def emit(args: argparse.Namespace, text: str, data: Any = None) -> None:
    """Print a command's result: `text` for people, `data` (or the text) as JSON with --json.
    Flushed at once, so `sync --watch` shows each round as it ends."""
    if getattr(args, "json", False):
        payload = data if data is not None else {"message": text}
        if is_dataclass(payload) and not isinstance(payload, type):
            payload = asdict(payload)
        print(json.dumps(payload, default=json_default, ensure_ascii=False, indent=2), flush=True)
    else:
        print(text, flush=True)


class App:
    """What a command needs: the database, a unit of work, and the signed-in staff member."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.url: str = args.db or os.environ.get("STAFFDESK_DB") or storage.default_url()
        self._factory: storage.SessionFactory | None = None
        self.lang = messages.command_line_language(getattr(args, "interface_lang", None))

    def say(self, value: object) -> str:
        """A core message (a refusal, a notice) in the command line's language. In English a
        field reads as its own name (phone, guardian_name), as the options name it."""
        return messages.text(value, self.lang, words=self.lang != messages.ENGLISH_CODE)

    def say_error(self, exc: BaseException) -> str:
        return messages.error_text(exc, self.lang, words=self.lang != messages.ENGLISH_CODE)

    @property
    def factory(self) -> storage.SessionFactory:
        if self._factory is None:
            # a new store is created on first use; an older one gets this build's migrations
            self._factory = storage.open_store(self.url)[1]
        return self._factory

    @staticmethod
    def out_path(value: str) -> Path:
        """--out: a file in a folder that exists (said before anything is issued)."""
        out = Path(value).expanduser()
        if not out.parent.is_dir():
            raise ValidationError("out", msg("cli.no_folder", folder=str(out.parent)))
        return out

    @contextmanager
    def work(self) -> Iterator[Session]:
        with storage.unit_of_work(self.factory) as session:
            yield session

    def actor(self, session: Session) -> Any:
        from staffdesk.services import staff

        username = getattr(self.args, "as_user", None)
        if not username:
            raise Usage(msg("cli.needs_as"))
        password = os.environ.get("STAFFDESK_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                raise ValidationError("password", msg("cli.password_env"))
            password = getpass.getpass(self.say(msg("cli.password_for", user=username)))
        return staff.authenticate(session, username, password)


def new_password(app: App) -> str:
    """A new account's password: STAFFDESK_NEW_PASSWORD, else asked twice at the terminal."""
    password = os.environ.get("STAFFDESK_NEW_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise ValidationError("password", msg("cli.new_password_env"))
    first = getpass.getpass(app.say(msg("cli.new_password")))
    if getpass.getpass(app.say(msg("cli.again"))) != first:
        raise ValidationError("password", msg("cli.passwords_differ"))
    return first


Command = Callable[[App], int]


class Commands:
    """Adds commands to the parser: each command-group module calls `leaf` and `group`.

    A command acting as a staff member takes `--as USER`; every command takes `--json` after
    its name as well as before it."""

    def __init__(self, subparsers: Any) -> None:
        self.sub = subparsers
        self.staff_opts = argparse.ArgumentParser(add_help=False)
        self.staff_opts.add_argument(
            "--as", dest="as_user", metavar="USER", help="act as this staff member"
        )
        self.staff_opts.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
        )
        self.plain = argparse.ArgumentParser(add_help=False)
        self.plain.add_argument("--json", action="store_true", default=argparse.SUPPRESS)

    def leaf(
        self, parent: Any, name: str, func: Command, help_: str, staff: bool = True
    ) -> argparse.ArgumentParser:
        """A command: `parent` is the top level (`commands.sub`) or a group."""
        sp: argparse.ArgumentParser = parent.add_parser(
            name,
            help=help_,
            description=help_,
            parents=[self.staff_opts if staff else self.plain],
        )
        sp.set_defaults(func=func)
        return sp

    def group(self, name: str, help_: str) -> Any:
        """A command group (`staffdesk NAME ACTION`): its actions are leaves of what it returns."""
        g = self.sub.add_parser(name, help=help_, description=help_)
        return g.add_subparsers(dest="action", metavar="ACTION", required=True)
