"""Messages the core shows people: a stable code and its parameters, rendered in a language.

Every refusal (domain/errors.py) and every notice a service returns is a `Message`: a code from
the catalogue (domain/catalogue.py holds the English text of each code; resources/messages/
<lang>.json the translations) and the values it names. A Message *is* its English text (a str),
so logs, `str(exc)` and the English command line read as before; the desk and the command line
render it again in the interface language through staffdesk.messages.

Parameters may be Messages themselves (rendered in the same language), `Term`s (a stored code
such as a request state, shown translated) or plain values (ids, names, numbers: shown as is).
"""

from __future__ import annotations

import errno
import json
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from staffdesk.domain.catalogue import ENGLISH

_FORMATTER = string.Formatter()


@dataclass(frozen=True, slots=True)
class Term:
    """A stored code shown in words: `kind` names its list in the catalogue ("request_state",
    "document", "relationship", "role", ...), `value` is what the database keeps. English shows
    the value itself unless the catalogue says otherwise (English is the stored language)."""

    kind: str
    value: str

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


@dataclass(frozen=True, slots=True)
class Join:
    """Several parameters shown as one, e.g. the reasons of a duplicate joined with "; "."""

    separator: str
    items: tuple[Any, ...]

    def __str__(self) -> str:
        return self.separator.join(str(i) for i in self.items)


class Message(str):
    """A catalogued message: its English text, with `code` and `params` to render it again."""

    code: str
    params: Mapping[str, Any]

    def __new__(cls, code: str, params: Mapping[str, Any]) -> Message:
        self = super().__new__(cls, render(code, params, ENGLISH.get))
        self.code = code
        self.params = dict(params)
        return self

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {self.params!r})"

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (worker results) keep code and params
        return (Message, (self.code, self.params))


def msg(code: str, /, **params: Any) -> Message:
    """The message `code` of the catalogue with its parameters."""
    return Message(code, params)


Lookup = Callable[[str], "str | None"]


def render(
    code: str, params: Mapping[str, Any], lookup: Lookup, fallback: Lookup = ENGLISH.get
) -> str:
    """`code`'s template from `lookup` (else `fallback`, else the code itself) filled with
    `params`; Message and Term parameters are looked up the same way."""
    template = lookup(code) or fallback(code) or code
    values = {key: render_value(value, lookup, fallback) for key, value in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation naming the wrong parameter
        return (fallback(code) or code).format(**values)


def render_value(value: Any, lookup: Lookup, fallback: Lookup = ENGLISH.get) -> Any:
    if isinstance(value, Message):
        return render(value.code, value.params, lookup, fallback)
    if isinstance(value, Term):
        if isinstance(value.value, Message):  # a label made of words, e.g. a file and line
            return render(value.value.code, value.value.params, lookup, fallback)
        key = f"{value.kind}.{value.value}"
        return lookup(key) or lookup(key.lower().strip()) or value.value
    if isinstance(value, Join):
        return value.separator.join(str(render_value(v, lookup, fallback)) for v in value.items)
    if isinstance(value, list | tuple) and value and isinstance(value[0], Message | Term):
        return ", ".join(str(render_value(v, lookup, fallback)) for v in value)
    return value


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses (a translation must use the same ones)."""
    return {
        name.split(".")[0].split("[")[0] for _, name, _, _ in _FORMATTER.parse(template) if name
    }


_OS_REASONS = {
    errno.ENOENT: "os.no_such_file",
    errno.EACCES: "os.permission_denied",
    errno.EPERM: "os.not_permitted",
    errno.EISDIR: "os.is_a_directory",
    errno.ENOTDIR: "os.not_a_directory",
    errno.ENOSPC: "os.no_space",
    errno.EROFS: "os.read_only",
    errno.EEXIST: "os.exists",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, as a message for the common cases (the C library's
    strerror is English whatever the interface language), else its own words."""
    code = _OS_REASONS.get(exc.errno or 0)
    if code is not None:
        return msg(code)
    return exc.strerror or str(exc) or type(exc).__name__


def dumps(message: str) -> str:
    """A Message as JSON (its code and parameters, nested Messages and Terms too), to keep it
    where only text is kept (sync_state) and say it again later in any language; plain text
    is kept as a JSON string."""
    return json.dumps(_encode(message), ensure_ascii=False)


def loads(text: str) -> str:
    """What `dumps` wrote: the Message again (plain text stays text; "" for unreadable)."""
    try:
        value = _decode(json.loads(text))
    except (ValueError, TypeError, KeyError):
        return ""
    return value if isinstance(value, str) else str(value)


def _encode(value: Any) -> Any:
    if isinstance(value, Message):
        return {"code": value.code, "params": {k: _encode(v) for k, v in value.params.items()}}
    if isinstance(value, Term):
        return {"term": value.kind, "value": _encode(value.value)}
    if isinstance(value, Join):
        return {"join": value.separator, "items": [_encode(v) for v in value.items]}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "code" in value:
            return Message(value["code"], {k: _decode(v) for k, v in value["params"].items()})
        if "term" in value:
            return Term(value["term"], _decode(value["value"]))
        return Join(value["join"], tuple(_decode(v) for v in value["items"]))
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value
