"""The Verification PassCode: generation, normalisation, check symbol, display.

Crockford base32 (no I, L, O, U), 8 random symbols (40 bits from `secrets`) plus one Luhn mod 32
check symbol, so a mistyped symbol or swapped neighbours is told apart from a wrong code.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import msg

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_ALIASES = {"O": "0", "I": "1", "L": "1"}
DATA_SYMBOLS = 8
ENTROPY_BITS = DATA_SYMBOLS * 5
LENGTH = DATA_SYMBOLS + 1
GROUP = 3


def _luhn_check(symbols: str) -> str:
    """Luhn mod N (N=32): detects every single-symbol error and most adjacent transpositions."""
    n = len(ALPHABET)
    factor = 2
    total = 0
    for ch in reversed(symbols):
        addend = factor * _VALUE[ch]
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return ALPHABET[(n - total % n) % n]


def normalise(raw: str) -> str:
    """Upper-case, drop spaces and hyphens, read O as 0 and I/L as 1."""
    out = []
    for ch in (raw or "").upper():
        if ch in " -\t":
            continue
        out.append(_ALIASES.get(ch, ch))
    return "".join(out)


class VpcTypo(ValidationError):
    """The code is well formed but its check symbol does not match: a typo, not a wrong code."""


@dataclass(frozen=True, slots=True)
class Vpc:
    """A plaintext VPC. Lives only in memory on its way to the hash and the slip; never logged."""

    symbols: str

    @classmethod
    def generate(cls) -> Vpc:
        data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_SYMBOLS))
        return cls(data + _luhn_check(data))

    @classmethod
    def parse(cls, raw: str, field: str = "vpc") -> Vpc:
        text = normalise(raw)
        bad = sorted({c for c in text if c not in _VALUE})
        if bad:
            raise ValidationError(field, msg("vpc.bad_characters", chars="".join(bad)))
        if len(text) != LENGTH:
            raise ValidationError(field, msg("vpc.length", length=LENGTH, got=len(text)))
        if _luhn_check(text[:-1]) != text[-1]:
            raise VpcTypo(field, msg("vpc.typo"))
        return cls(text)

    def grouped(self) -> str:
        """For reading aloud and printing: ABC-DEF-GHJ."""
        s = self.symbols
        return "-".join(s[i : i + GROUP] for i in range(0, len(s), GROUP))

    def __repr__(self) -> str:  # never show a code by accident in a traceback or log
        return "Vpc(<hidden>)"

    __str__ = __repr__
