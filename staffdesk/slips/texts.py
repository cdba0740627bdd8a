"""The words printed on slips and forms, one JSON file per language in resources/slips/.

Adding a language is adding a file: every file must carry the same keys as en.json, and may use
only the placeholders the English text uses, so a translation cannot break a print run.
Dates are spelt from the month names in the file, never from the OS locale.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from staffdesk.assets import resources_dir
from staffdesk.domain.errors import ValidationError

REFERENCE_LANGUAGE = "en"

# Placeholders a translator may use in the date and time patterns (any subset, any order).
_DATE_FIELDS = frozenset({"day", "month", "year", "month_number"})
_TIME_FIELDS = frozenset({"hour12", "hour24", "minute", "am_pm"})
_PATTERN_FIELDS = {"date_format": _DATE_FIELDS, "time_format": _TIME_FIELDS}


def _texts_dir() -> Path:
    return resources_dir() / "slips"


def available_languages() -> list[str]:
    """Language codes with a text file, sorted: ["en", "es", …]."""
    return sorted(p.stem for p in _texts_dir().glob("*.json") if p.is_file())


@dataclass(frozen=True, slots=True)
class Texts:
    """One language's printed wording. `texts("slip.title")`, `texts.lines("slip.steps")`."""

    language: str
    language_name: str
    months: tuple[str, ...]
    _strings: Mapping[str, str]
    _lists: Mapping[str, tuple[str, ...]]

    def __call__(self, key: str, /, **values: object) -> str:
        """The text for a dotted key, with {placeholders} filled from `values`."""
        text = self._strings[key]
        return text.format(**values) if values else text

    def lines(self, key: str, /, **values: object) -> tuple[str, ...]:
        """A list text (numbered steps, bullet points), each item filled from `values`."""
        items = self._lists[key]
        return tuple(item.format(**values) for item in items) if values else items

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


def load_texts(lang: str) -> Texts:
    """The texts of `lang` (cached); an unknown language names the ones available."""
    languages = available_languages()
    if lang not in languages:
        raise ValidationError("language", f"expected one of: {', '.join(languages)}")
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
        if key in _PATTERN_FIELDS:
            continue
        try:
            unknown = _placeholders(text) - _placeholders(ref)
        except ValueError as exc:
            raise _bad_file(lang, f"'{key}' {exc}") from exc
        if unknown:
            raise _bad_file(lang, f"'{key}' uses {sorted(unknown)}, which en.json does not")


def _bad_file(lang: str, problem: str) -> ValidationError:
    return ValidationError("language", f"resources/slips/{lang}.json {problem}")
