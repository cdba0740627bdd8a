"""argparse's own texts (usage, "the following arguments are required", "invalid choice", the
help's headings) in the command line's language.

argparse looks its texts up through `gettext` with the texts themselves as keys, at the
moment it says them. Installing a gettext catalogue would mean a compiled .mo file and the
process-wide text domain; instead, while `main` runs, argparse's lookup is this module's:
each text is a code of the message catalogue (`argparse.*` in domain/catalogue.py, whose
English is argparse's own text), so its translation sits in resources/messages/<lang>.json
beside every other message. argparse's `%(name)s` placeholders are filled by argparse after
the lookup, so a translation keeps them as they are.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from staffdesk import messages
from staffdesk.domain.catalogue import ENGLISH

PREFIX = "argparse."
CODES = {text: code for code, text in ENGLISH.items() if code.startswith(PREFIX)}
# ngettext's plural texts share the singular's code (the translation covers both)
PLURALS = {"expected %s arguments": "expected %s argument"}


def top_level_lang(argv: Sequence[str]) -> str | None:
    """The top-level `--lang` (before the command; after it, --lang is a slip's language)."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--lang":
            return argv[i + 1] if i + 1 < len(argv) else None
        if token.startswith("--lang="):
            return token.partition("=")[2]
        if token == "--db":
            i += 2
        elif token.startswith("-"):
            i += 1
        else:
            return None  # the command: what follows is its own
    return None


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse says its texts in `lang` until the block ends (English: as it always does)."""
    table = messages.translation(lang)
    if not table:
        yield
        return

    def gettext(text: str) -> str:
        code = CODES.get(text)
        return (table.get(code) if code else None) or text

    def ngettext(singular: str, plural: str, n: int) -> str:
        code = CODES.get(singular)
        found = table.get(code) if code else None
        return found or (singular if n == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]  # argparse: private hooks
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]  # argparse: private hooks
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]  # argparse: private hooks
