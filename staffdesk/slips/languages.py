"""Which slip languages ship, how far each translation has come, and which one a roster's
language tag gets.

Everything here is read from resources/slips/: a language ships when its file is there, and
each file lists the BCP 47 tags it answers to ("zh-Hant" also answers to "zh-TW", "zh-HK" and
"yue"). A roster tag is matched the way RFC 4647 "lookup" does it: the whole tag, then the tag
with its last subtag dropped, and so on ("zh-Hant-TW" → "zh-Hant"; "vi-VN" → "vi").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from staffdesk.slips.texts import REFERENCE_LANGUAGE, available_languages, load_texts

# Letters, digits and hyphens, 1-8 characters a subtag (RFC 5646); "_" is read as "-".
_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
TAG_MAX_LENGTH = 35  # what RFC 5646 asks implementations to hold


@dataclass(frozen=True, slots=True)
class SlipLanguage:
    """A shipped language, for lists: settings, `forms blank --help`, the UI's pickers."""

    code: str  # "zh-Hant"
    name: str  # in the language itself: "繁體中文"
    status: str  # source | draft | reviewed
    reviewer: str
    reviewed_on: str
    rtl: bool

    def describe(self) -> str:
        """'zh-Hant 繁體中文 (draft)', 'es Español (reviewed by A. Ruiz, 2026-09-01)'."""
        if self.status == "reviewed":
            state = f"reviewed by {self.reviewer}, {self.reviewed_on}"
        elif self.status == "source":
            state = "source text"
        else:
            state = "draft, not yet reviewed"
        return f"{self.code} {self.name} ({state})"


@dataclass(frozen=True, slots=True)
class LanguageMatch:
    """The slip language for a roster tag; `fallback` when nothing matched and English is used."""

    tag: str
    code: str
    fallback: bool


def shipped_languages() -> list[SlipLanguage]:
    """Every language with a text file in resources/slips/, English first."""
    out = []
    for code in available_languages():
        texts = load_texts(code)
        out.append(
            SlipLanguage(
                code=code,
                name=texts.language_name,
                status=texts.status,
                reviewer=texts.reviewer,
                reviewed_on=texts.reviewed_on,
                rtl=texts.rtl,
            )
        )
    out.sort(key=lambda lang: (lang.code != REFERENCE_LANGUAGE, lang.code))
    return out


def is_language_tag(tag: str) -> bool:
    """Is `tag` shaped like a BCP 47 tag ("es", "zh-Hant-TW", "zh_TW")?"""
    text = tag.strip().replace("_", "-")
    return len(text) <= TAG_MAX_LENGTH and _TAG.fullmatch(text) is not None


def canonical_tag(tag: str) -> str:
    """A tag as BCP 47 writes it: "ZH_hant-tw" → "zh-Hant-TW" (case carries no meaning)."""
    subtags = tag.strip().replace("_", "-").split("-")
    out = [subtags[0].lower()]
    for subtag in subtags[1:]:
        if len(subtag) == 4 and subtag.isalpha():
            out.append(subtag.title())  # script
        elif len(subtag) == 2 and subtag.isalpha():
            out.append(subtag.upper())  # region
        else:
            out.append(subtag.lower())
    return "-".join(out) if tag.strip() else ""


def shipped_code(text: str) -> str | None:
    """The shipped language `text` names, whatever its case ("zh-hant" → "zh-Hant")."""
    wanted = text.strip().replace("_", "-").lower()
    return next((code for code in available_languages() if code.lower() == wanted), None)


def match_language(tag: str) -> LanguageMatch:
    """The shipped language nearest to a roster's `tag`; English, flagged, when none is."""
    text = tag.strip().replace("_", "-")
    table = _match_table()
    subtags = text.lower().split("-") if text else []
    while subtags:
        code = table.get("-".join(subtags))
        if code is not None:
            return LanguageMatch(tag, code, fallback=False)
        subtags.pop()
        while subtags and len(subtags[-1]) == 1:  # drop a dangling singleton ("x", "u")
            subtags.pop()
    return LanguageMatch(tag, REFERENCE_LANGUAGE, fallback=bool(text))


@cache
def _match_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in available_languages():
        for tag in (code, *load_texts(code).matches):
            table.setdefault(tag.lower(), code)
    return table


def clear_cache() -> None:
    """Forget what was read (tests that add a language file)."""
    _match_table.cache_clear()
