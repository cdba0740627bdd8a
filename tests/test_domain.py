"""Value objects, the VPC policy and the request state machine."""

from __future__ import annotations

import math
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from staffdesk.domain import vpc as vpcmod
from staffdesk.domain.errors import IllegalTransition, ValidationError
from staffdesk.domain.values import Email, PermanentId, Phone
from staffdesk.domain.vpc import ALPHABET, Vpc, VpcTypo, normalise
from staffdesk.domain.workflow import Action, RequestStatus, next_status

codes = st.builds(Vpc.generate)


def test_alphabet_is_crockford() -> None:
    assert len(ALPHABET) == 32 and len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)
    assert vpcmod.ENTROPY_BITS >= 40
    assert vpcmod.DATA_SYMBOLS * math.log2(len(ALPHABET)) >= 40


@given(codes)
def test_generated_codes_parse_back(code: Vpc) -> None:
    assert Vpc.parse(code.symbols) == code
    assert Vpc.parse(code.grouped()) == code
    assert Vpc.parse(code.grouped().lower()) == code


@given(codes, st.lists(st.sampled_from([" ", "-", "  ", "\t"]), min_size=9, max_size=9))
def test_spaces_hyphens_and_case_are_ignored(code: Vpc, seps: list[str]) -> None:
    mixed = "".join(c.lower() + s for c, s in zip(code.symbols, seps, strict=True))
    assert Vpc.parse(mixed) == code


@given(codes)
def test_o_reads_as_zero_and_i_l_as_one(code: Vpc) -> None:
    typed = code.symbols.replace("0", "O").replace("1", "l")
    assert Vpc.parse(typed) == code
    assert normalise("oOiIlL") == "001111"


@given(codes, st.integers(0, vpcmod.LENGTH - 1), st.sampled_from(ALPHABET))
def test_any_single_symbol_typo_is_caught_by_the_check_symbol(
    code: Vpc, pos: int, sub: str
) -> None:
    s = code.symbols
    if s[pos] == sub:
        return
    typo = s[:pos] + sub + s[pos + 1 :]
    with pytest.raises(VpcTypo):
        Vpc.parse(typo)


@given(codes, st.integers(0, vpcmod.LENGTH - 2))
def test_most_adjacent_swaps_are_caught(code: Vpc, pos: int) -> None:
    s = code.symbols
    a, b = s[pos], s[pos + 1]
    swapped = s[:pos] + b + a + s[pos + 2 :]
    if a == b:
        return
    # Luhn mod N misses only the swap of the two symbols whose doubled sums coincide
    misses = {ALPHABET[0] + ALPHABET[-1], ALPHABET[-1] + ALPHABET[0]}
    if a + b in misses:
        return
    with pytest.raises(VpcTypo):
        Vpc.parse(swapped)


@given(st.text(alphabet=string.ascii_uppercase + string.digits, min_size=0, max_size=20))
def test_wrong_length_or_symbols_is_a_validation_error_naming_the_field(raw: str) -> None:
    if len(normalise(raw)) == vpcmod.LENGTH and all(c in ALPHABET for c in normalise(raw)):
        return
    with pytest.raises(ValidationError) as info:
        Vpc.parse(raw)
    assert info.value.field == "vpc"


def test_grouping_and_hidden_repr() -> None:
    code = Vpc.parse(Vpc.generate().symbols)
    assert len(code.grouped().split("-")) == 3
    assert code.symbols not in repr(code) and code.symbols not in str(code)


def test_codes_are_random() -> None:
    assert len({Vpc.generate().symbols for _ in range(2000)}) == 2000


@pytest.mark.parametrize("raw", ["(415) 555-0101", "415.555.0101", "4155550101", "+1 415 555 0101"])
def test_phone_written_any_common_way(raw: str) -> None:
    p = Phone.parse(raw)
    assert p.e164 == "+14155550101"
    assert p.display() == "(415) 555-0101"
    assert p.masked() == "***0101"


@pytest.mark.parametrize("raw", ["", "12", "555-0101x", "not a phone"])
def test_bad_phone_names_the_field(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        Phone.parse(raw, "home phone")
    assert info.value.field == "home phone"


def test_email_and_permanent_id() -> None:
    assert Email.parse(" Ana@Example.ORG ").value == "Ana@example.org"
    with pytest.raises(ValidationError, match="email"):
        Email.parse("ana@")
    assert PermanentId.parse("1000-001").value == "1000001"
    with pytest.raises(ValidationError, match="permanent_id: expected 5 to 12 digits"):
        PermanentId.parse("12ab")


def test_state_machine_says_what_is_allowed_next() -> None:
    assert next_status(RequestStatus.RECORDED, Action.VERIFY) is RequestStatus.VERIFIED
    with pytest.raises(IllegalTransition, match="allowed next: verify identity, reject"):
        next_status(RequestStatus.RECORDED, Action.APPROVE)
    with pytest.raises(IllegalTransition, match="nothing"):
        next_status(RequestStatus.REJECTED, Action.ISSUE)
    assert next_status(RequestStatus.REVOKED, Action.REISSUE) is RequestStatus.ISSUED
