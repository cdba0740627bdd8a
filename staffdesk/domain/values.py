"""Value objects: a permanent id, a phone, an email, as the office writes them and as stored."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from staffdesk.domain.errors import ValidationError

_PERMANENT_ID = re.compile(r"^[0-9]{5,12}$")


@dataclass(frozen=True, slots=True)
class PermanentId:
    """A Student Permanent ID: 5 to 12 digits, as printed on report cards."""

    value: str

    @classmethod
    def parse(cls, raw: str, field: str = "permanent_id") -> PermanentId:
        text = re.sub(r"[\s-]", "", raw or "")
        if not _PERMANENT_ID.match(text):
            raise ValidationError(field, f"expected 5 to 12 digits, got {raw!r}")
        return cls(text)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Phone:
    """A telephone number, stored in E.164; parsed the way people write it (US by default)."""

    e164: str

    @classmethod
    def parse(cls, raw: str, field: str = "phone", region: str = "US") -> Phone:
        text = (raw or "").strip()
        if not text:
            raise ValidationError(field, "a telephone number is required, e.g. (555) 123-4567")
        import phonenumbers  # here, not at import: its metadata costs start-up time

        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            raise ValidationError(
                field, f"expected a telephone number such as (555) 123-4567, got {raw!r}"
            ) from None
        if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
            raise ValidationError(
                field, f"{raw!r} is not a valid telephone number; expected e.g. (555) 123-4567"
            )
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
        text = (raw or "").strip()
        if not text:
            raise ValidationError(field, "an email address is required, e.g. name@example.org")
        from email_validator import EmailNotValidError, validate_email

        try:
            result = validate_email(text, check_deliverability=False)
        except EmailNotValidError as exc:
            raise ValidationError(field, f"{raw!r} is not a valid email address: {exc}") from None
        return cls(result.normalized)

    def __str__(self) -> str:
        return self.value


def fold_name(name: str) -> str:
    """Compare names the way a clerk would: accents, case, punctuation and spacing folded."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    letters = re.sub(r"[^0-9a-z]+", " ", stripped.casefold())
    return " ".join(letters.split())


def clean_text(raw: str | None, field: str, *, required: bool = True, max_len: int = 200) -> str:
    """Trim a free-text field; refuse empty (when required) or over-long values."""
    text = " ".join((raw or "").split())
    if required and not text:
        raise ValidationError(field, "is required")
    if len(text) > max_len:
        raise ValidationError(field, f"must be at most {max_len} characters")
    return text
