"""The words printed on slips and forms, one JSON file per language in resources/slips/.

Adding a language is adding a file: every file must carry the same keys as en.json, and may use
only the placeholders the English text uses, so a translation cannot break a print run.
Dates are spelt from the month names in the file, never from the OS locale. Each file's "meta"
group says how far its translation has come (status `source` for English, `draft` until a
certified translator has reviewed it, then `reviewed` with the reviewer and the date), whether it
reads right to left, and which BCP 47 language tags a roster may use for it (see languages.py).
"""

from __future__ import annotations

import json
import re
import string
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from bidi import algorithm as uba

from staffdesk.assets import resources_dir
from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import msg

REFERENCE_LANGUAGE = "en"
STATUSES = ("source", "draft", "reviewed")

LRE, RLE, PDF = "\u202a", "\u202b", "\u202c"
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)

# Placeholders a translator may use in the date and time patterns (any subset, any order).
_DATE_FIELDS = frozenset({"day", "month", "year", "month_number"})
_TIME_FIELDS = frozenset({"hour12", "hour24", "minute", "am_pm"})
_PATTERN_FIELDS = {"date_format": _DATE_FIELDS, "time_format": _TIME_FIELDS}


def _texts_dir() -> Path:
    return resources_dir() / "slips"


def available_languages() -> list[str]:
    """Language codes with a text file, sorted: ["en", "es", …].

    This is asked for every slip of a batch and every paragraph of a page, and a listing costs a
    stat per file: the folder is listed again only when its modification time changes, or when
    it changed in the last two seconds (a file added within the same clock tick as the last
    listing leaves that time as it was).
    """
    folder = _texts_dir()
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return []
    if time.time_ns() - stamp < _RACY_NS:
        return _list(folder)
    return list(_listing(str(folder), stamp))


_RACY_NS = 2_000_000_000


@lru_cache(maxsize=8)
def _listing(folder: str, stamp: int) -> tuple[str, ...]:
    return tuple(_list(Path(folder)))


def _list(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.json") if p.is_file())


def has_rtl(text: str) -> bool:
    """Does `text` hold right-to-left letters (Arabic, Persian, Hebrew…)?"""
    return not text.isascii() and _RTL.search(text) is not None


def embed(value: object) -> str:
    """`value` as text embedded in its own direction (by its first letter), so the sentence it
    is put into cannot reorder it: a phone number stays whole inside an Arabic sentence."""
    text = str(value)
    if not text:
        return text
    return (RLE if uba.get_base_level(text) else LRE) + text + PDF


@dataclass(frozen=True, slots=True)
class Texts:
    """One language's printed wording. `texts("slip.title")`, `texts.lines("slip.steps")`."""

    language: str
    language_name: str
    months: tuple[str, ...]
    _strings: Mapping[str, str]
    _lists: Mapping[str, tuple[str, ...]]

    @property
    def rtl(self) -> bool:
        return self._strings["meta.direction"] == "rtl"

    @property
    def status(self) -> str:
        return self._strings["meta.status"]

    @property
    def reviewer(self) -> str:
        return self._strings["meta.reviewer"]

    @property
    def reviewed_on(self) -> str:
        return self._strings["meta.reviewed_on"]

    @property
    def matches(self) -> tuple[str, ...]:
        """The BCP 47 tags (and prefixes) a roster may use for this language."""
        return self._lists["meta.matches"]

    def __call__(self, key: str, /, **values: object) -> str:
        """The text for a dotted key, with {placeholders} filled from `values`."""
        text = self._strings[key]
        return text.format(**self._embedded(values)) if values else text

    def lines(self, key: str, /, **values: object) -> tuple[str, ...]:
        """A list text (numbered steps, bullet points), each item filled from `values`."""
        items = self._lists[key]
        if not values:
            return items
        filled = self._embedded(values)
        return tuple(item.format(**filled) for item in items)

    def _embedded(self, values: Mapping[str, object]) -> Mapping[str, object]:
        """Values keep their own direction in right-to-left text, or when they are right to
        left themselves (an Arabic name on an English slip)."""
        if self.rtl or any(has_rtl(str(v)) for v in values.values()):
            return {k: embed(v) for k, v in values.items()}
        return values

    def format_date(self, day: date) -> str:
        """'November 28, 2026' / '28 de noviembre de 2026'."""
        return self._strings["date_format"].format(
            day=day.day, month=self.months[day.month - 1], year=day.year, month_number=day.month
        )

    def format_time(self, moment: datetime) -> str:
        """'3:05 PM' / '15:05'."""
        hour12 = moment.hour % 12 or 12
        am_pm = self._strings["pm"] if moment.hour >= 12 else self._strings["am"]
        return self._strings["time_format"].format(
            hour12=hour12, hour24=moment.hour, minute=f"{moment.minute:02d}", am_pm=am_pm
        )


def is_rtl(lang: str) -> bool:
    """Is `lang` written right to left? (False for a language that does not ship.)"""
    return lang in available_languages() and load_texts(lang).rtl


def load_texts(lang: str) -> Texts:
    """The texts of `lang` (cached); an unknown language names the ones available."""
    languages = available_languages()
    if lang not in languages:
        raise ValidationError("language", msg("expected.one_of", choices=", ".join(languages)))
    return _load(lang)


@cache
def _load(lang: str) -> Texts:
    strings, lists = _read(lang)
    if lang != REFERENCE_LANGUAGE:
        ref_strings, ref_lists = _read(REFERENCE_LANGUAGE)
        _check_against_reference(lang, strings, lists, ref_strings, ref_lists)
    else:
        _check_patterns(lang, strings)
    months = lists.get("months", ())
    if len(months) != 12:
        raise _bad_file(lang, "'months' must list the 12 month names")
    _check_meta(lang, strings, lists)
    return Texts(
        language=lang,
        language_name=strings.get("language_name", lang),
        months=months,
        _strings=strings,
        _lists=lists,
    )


def _read(lang: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    path = _texts_dir() / f"{lang}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad_file(lang, f"cannot be read: {exc}") from exc
    if not isinstance(raw, dict):
        raise _bad_file(lang, "expected a JSON object of texts")
    strings: dict[str, str] = {}
    lists: dict[str, tuple[str, ...]] = {}
    _flatten(lang, raw, "", strings, lists)
    return strings, lists


def _flatten(
    lang: str,
    node: Mapping[str, Any],
    prefix: str,
    strings: dict[str, str],
    lists: dict[str, tuple[str, ...]],
) -> None:
    for key, value in node.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, str):
            strings[dotted] = value
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            lists[dotted] = tuple(value)
        elif isinstance(value, dict):
            _flatten(lang, value, f"{dotted}.", strings, lists)
        else:
            raise _bad_file(lang, f"'{dotted}' must be a text, a list of texts or a group")


def _placeholders(text: str) -> set[str]:
    try:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError as exc:  # an unmatched brace
        raise ValueError(f"{text!r}: {exc}") from exc


def _check_patterns(lang: str, strings: Mapping[str, str]) -> None:
    for key, allowed in _PATTERN_FIELDS.items():
        if key not in strings:
            raise _bad_file(lang, f"'{key}' is missing")
        try:
            unknown = _placeholders(strings[key]) - allowed
        except ValueError as exc:
            raise _bad_file(lang, f"'{key}' {exc}") from exc
        if unknown:
            raise _bad_file(
                lang, f"'{key}' may only use {', '.join(sorted(allowed))}, not {sorted(unknown)}"
            )


def _check_against_reference(
    lang: str,
    strings: Mapping[str, str],
    lists: Mapping[str, tuple[str, ...]],
    ref_strings: Mapping[str, str],
    ref_lists: Mapping[str, tuple[str, ...]],
) -> None:
    missing = sorted(
        [key for key in ref_strings if key not in strings]
        + [key for key in ref_lists if key not in lists]
    )
    if missing:
        raise _bad_file(lang, f"lacks {', '.join(missing)} (each key of en.json, same kind)")
    _check_patterns(lang, strings)
    pairs: list[tuple[str, str, str]] = [
        (key, strings[key], ref) for key, ref in ref_strings.items()
    ]
    for key, ref_items in ref_lists.items():
        pairs.extend((key, item, " ".join(ref_items)) for item in lists[key])
    for key, text, ref in pairs:
        if key in _PATTERN_FIELDS or key.startswith("meta."):
            continue
        try:
            unknown = _placeholders(text) - _placeholders(ref)
        except ValueError as exc:
            raise _bad_file(lang, f"'{key}' {exc}") from exc
        if unknown:
            raise _bad_file(lang, f"'{key}' uses {sorted(unknown)}, which en.json does not")


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _check_meta(
    lang: str, strings: Mapping[str, str], lists: Mapping[str, tuple[str, ...]]
) -> None:
    """The translation status must be one we know, and say who reviewed it and when."""
    for key in ("meta.status", "meta.reviewer", "meta.reviewed_on", "meta.direction"):
        if key not in strings:
            raise _bad_file(lang, f"'{key}' is missing")
    status = strings["meta.status"]
    if status not in STATUSES or (status == "source") != (lang == REFERENCE_LANGUAGE):
        allowed = "source" if lang == REFERENCE_LANGUAGE else "draft or reviewed"
        raise _bad_file(lang, f"'meta.status' must be {allowed}, not {status!r}")
    reviewer, day = strings["meta.reviewer"].strip(), strings["meta.reviewed_on"].strip()
    if status == "reviewed" and not (reviewer and _DATE.fullmatch(day)):
        raise _bad_file(lang, "a reviewed translation names its reviewer and the date (YYYY-MM-DD)")
    if status != "reviewed" and (reviewer or day):
        raise _bad_file(lang, f"a {status} translation has no reviewer or review date yet")
    if strings["meta.direction"] not in ("ltr", "rtl"):
        raise _bad_file(lang, "'meta.direction' must be ltr or rtl")
    if not lists.get("meta.matches"):
        raise _bad_file(lang, "'meta.matches' must list the language tags it answers to")


def _bad_file(lang: str, problem: str) -> ValidationError:
    return ValidationError("language", f"resources/slips/{lang}.json {problem}")
