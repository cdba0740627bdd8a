"""Value objects: a permanent id, a phone, an email, as the office writes them and as stored."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import Term, msg

_PERMANENT_ID = re.compile(r"^[0-9]{5,12}$")


@dataclass(frozen=True, slots=True)
class PermanentId:
    """A Student Permanent ID: 5 to 12 digits, as printed on report cards."""

    value: str

    @classmethod
    def parse(cls, raw: str, field: str = "permanent_id") -> PermanentId:
        text = re.sub(r"[\s-]", "", raw or "")
        if not _PERMANENT_ID.match(text):
            raise ValidationError(field, msg("permanent_id.digits", raw=raw))
        return cls(text)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Phone:
    """A telephone number, stored in E.164; parsed the way people write it (US by default)."""

    e164: str

    @classmethod
    def parse(cls, raw: str, field: str = "phone", region: str = "US") -> Phone:
        text = check_text(raw, field).strip()
        if not text:
            raise ValidationError(field, msg("phone.required"))
        import phonenumbers  # here, not at import: its metadata costs start-up time

        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            raise ValidationError(field, msg("phone.unreadable", raw=raw)) from None
        if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
            raise ValidationError(field, msg("phone.invalid", raw=raw))
        return cls(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))

    def display(self) -> str:
        """National format for US numbers, international otherwise: how a parent reads it."""
        import phonenumbers

        number = phonenumbers.parse(self.e164)
        if number.country_code == 1:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def masked(self) -> str:
        """For logs: never a full phone number."""
        return "***" + self.e164[-4:]

    def __str__(self) -> str:
        return self.e164


@dataclass(frozen=True, slots=True)
class Email:
    """An email address, normalised (domain lower-cased); deliverability is not checked offline."""

    value: str

    @classmethod
    def parse(cls, raw: str, field: str = "email") -> Email:
        text = check_text(raw, field).strip()
        if not text:
            raise ValidationError(field, msg("email.required"))
        from email_validator import EmailNotValidError, validate_email

        try:
            result = validate_email(text, check_deliverability=False)
        except EmailNotValidError as exc:
            # the library's reason, in words the catalogue may translate (email_reason.*)
            reason = Term("email_reason", str(exc))
            raise ValidationError(field, msg("email.invalid", raw=raw, reason=reason)) from None
        return cls(result.normalized)

    def __str__(self) -> str:
        return self.value


def fold_name(name: str) -> str:
    """The roster's name fold (student.name_key's): domain.names.search_key, which keeps the
    letters of every script. Identity (same person?) is domain.names.match_key."""
    from staffdesk.domain.names import search_key

    return search_key(name)


# Characters no form field or roster cell may hold: NUL and the other C0/C1 controls (tab, line
# feed and carriage return are read as spaces), the bidi embeddings, overrides and isolates that
# make text display in another order than it is stored, and lone surrogates.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WHITESPACE_CONTROLS = frozenset("\t\n\r")


def _refused_char(ch: str) -> bool:
    if ch in _WHITESPACE_CONTROLS:
        return False
    return ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs")


def check_text(raw: str | None, field: str) -> str:
    """Refuse control characters, escape sequences and bidi overrides; return the text as is.

    The one validator for typed and imported text (forms, roster files, staff, settings)."""
    text = raw or ""
    bad = next((ch for ch in text if _refused_char(ch)), None)
    if bad is not None:
        what = msg("text.bidi_override" if bad in _BIDI_CONTROLS else "text.control_character")
        raise ValidationError(
            field, msg("text.refused_character", what=what, code=f"{ord(bad):04X}")
        )
    return text


def clean_text(raw: str | None, field: str, *, required: bool = True, max_len: int = 200) -> str:
    """Trim a free-text field; refuse control characters, empty (when required) or over-long."""
    text = " ".join(check_text(raw, field).split())
    if required and not text:
        raise ValidationError(field, msg("text.required"))
    if len(text) > max_len:
        raise ValidationError(field, msg("text.too_long", max_len=max_len))
    return text
