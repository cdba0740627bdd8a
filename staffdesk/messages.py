"""Core messages in a person's language: the renderer the desk and the command line share.

The core raises and returns `Message`s (staffdesk.domain.messages): a code and parameters whose
English text is in staffdesk.domain.catalogue. A translation is resources/messages/<lang>.json,
one object of code → text with the same {parameters}; a code it lacks reads in English. JSON
rather than gettext: the codes, not English sentences, are the keys (an English wording can be
fixed without touching the translations), the slips' texts already ship as JSON beside it, and
there is no compile step to forget for the wheel. Qt's own .ts/.qm stay for the forms' texts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from staffdesk.assets import resource
from staffdesk.domain.catalogue import ENGLISH, ENGLISH_WORDS
from staffdesk.domain.errors import StaffDeskError, ValidationError, ValidationErrors
from staffdesk.domain.messages import Message, Term, render, render_value

ENGLISH_CODE = "en"


def folder() -> Any:
    return resource("messages")


@cache
def languages() -> tuple[str, ...]:
    """English (built in) and every translation that ships."""
    found = sorted(p.stem for p in folder().glob("*.json"))
    return (ENGLISH_CODE, *(c for c in found if c != ENGLISH_CODE))


@cache
def translation(lang: str) -> Mapping[str, str]:
    """The translation's code → text (empty for English or a language that does not ship)."""
    code = base_language(lang)
    if code == ENGLISH_CODE or code not in languages():
        return {}
    with (folder() / f"{code}.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def base_language(lang: str | None) -> str:
    """ "es_MX.UTF-8", "es-MX", "ES" → "es"; empty → English."""
    text = (lang or "").split(".")[0].split("@")[0].replace("_", "-").lower()
    return text.split("-")[0] or ENGLISH_CODE


def lookup(lang: str, *, words: bool = True) -> Callable[[str], str | None]:
    """The texts of `lang`; `words` adds the English words for fields and documents (the desk
    shows "Home phone" where the English command line shows the field's name, phone)."""
    table = translation(lang)
    if table:
        return table.get
    if words:
        return lambda code: ENGLISH_WORDS.get(code) or ENGLISH.get(code)
    return ENGLISH.get


def text(value: object, lang: str, *, words: bool = True) -> str:
    """A Message (or Term) in `lang`; any other value as it reads."""
    if isinstance(value, Message):
        return render(value.code, value.params, lookup(lang, words=words))
    if isinstance(value, Term):
        return str(render_value(value, lookup(lang, words=words)))
    return str(value)


def term(kind: str, value: str | None, lang: str) -> str:
    """A stored code in words: term("request_state", "approved", "es") → "aprobada"."""
    return text(Term(kind, value), lang) if value else ""


def field_label(field: str, lang: str) -> str:
    """A field's name in words ("phone" → "Home phone" / "Teléfono de casa"); a field the
    catalogue does not name reads as itself, capitalised."""
    found = lookup(lang)(f"field.{field}")
    return found or field.replace("_", " ").capitalize()


def error_text(exc: BaseException, lang: str, *, words: bool = True) -> str:
    """What a refusal says in `lang`: a validation error names its field in words."""
    if isinstance(exc, ValidationErrors):
        head = text(exc.summary, lang, words=words)
        return head + ":\n" + "\n".join(error_text(e, lang, words=words) for e in exc.errors)
    if isinstance(exc, StaffDeskError):
        return text(exc.message, lang, words=words)
    return str(exc)


def detail_text(exc: ValidationError, lang: str) -> str:
    """A validation error's message without its field (shown under the field itself)."""
    return text(exc.detail, lang)


def command_line_language(explicit: str | None = None) -> str:
    """The command line's language: --lang, else the configured interface language (the
    STAFFDESK_LANG variable, the user's or the site's file), else the locale (LC_ALL,
    LC_MESSAGES, LANG); English when that language does not ship."""
    candidates = [explicit or _configured()]
    candidates += [os.environ.get(v) for v in ("LC_ALL", "LC_MESSAGES", "LANG")]
    for candidate in candidates:
        if candidate and candidate not in ("C", "POSIX"):
            code = base_language(candidate)
            return code if code in languages() else ENGLISH_CODE
    return ENGLISH_CODE


def _configured() -> str | None:
    from staffdesk import config

    try:
        value = config.load().values[config.UI_LANGUAGE.key]
    except (StaffDeskError, KeyError, OSError):
        return None
    return str(value.value) if value.source != "default" else None
