"""The name keys: search in every script, and a matching key that confusable, invisible and
accented characters and middle initials cannot dodge (domain/names.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from staffdesk.domain.names import edit_distance, match_key, near, search_key


def test_search_key_folds_case_latin_accents_and_punctuation() -> None:
    assert search_key("José  NÚÑEZ") == search_key("jose nunez") == "jose nunez"
    assert search_key("Nguyễn Thị Ánh") == "nguyen thi anh"
    assert search_key("Đặng") == "dang"
    assert search_key("O'Brien-Smith") == "obrien smith"  # apostrophes join, hyphens part


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("王芳", "王芳"),
        ("Иванова", "иванова"),  # stays Cyrillic: not transliterated, not emptied
        ("Андрей", "андрей"),  # й keeps its breve: only Latin accents are folded
        ("Հակոբյան", "հակոբյան"),
        ("محمد", "محمد"),
        ("김민준", "김민준"),
        ("ﬁona", "fiona"),  # NFKC
    ],
)
def test_search_key_keeps_the_letters_of_every_script(name: str, key: str) -> None:
    assert search_key(name) == key


def test_different_names_in_one_script_keep_different_keys() -> None:
    assert match_key("王芳") != match_key("王强")
    assert match_key("Иванова") != match_key("Иванов")
    assert match_key("김민준") != match_key("김민수")
    assert all(match_key(n) for n in ("王芳", "Иванова", "محمد", "김민준", "Հայկ"))


@pytest.mark.parametrize(
    "disguise",
    [
        "J\u043ehn Lopez",  # Cyrillic о
        "Jo\u200bhn Lopez",  # zero-width space
        "\u202eJohn Lopez\u202c",  # bidi override
        "John Q. Lopez",  # middle initial
        "JOHN  LÓPEZ",  # case, accents, spacing
        "Ｊｏｈｎ Lopez",  # full-width letters
        "John L\u03bfpez",  # Greek omicron
        "Jo\u3164hn Lopez",  # Hangul filler: a letter that shows as a gap
        "Jo\u115fhn Lopez",  # Hangul choseong filler
        "Jo\uffa0hn Lopez",  # half-width Hangul filler
        "Jo\u2800hn Lopez",  # Braille blank
        "John Lopez\u17b4",  # Khmer inherent vowel, invisible
        "Jo\u034fhn Lop\ufe0fez",  # combining grapheme joiner, variation selector
    ],
)
def test_disguised_names_share_the_matching_key(disguise: str) -> None:
    assert match_key(disguise) == match_key("John Lopez")


def test_near_names_have_one_family_name_and_a_close_given_name() -> None:
    assert near("Marcos Núñez", "Marco Nunez")
    assert near("John Quincy Lopez", "John Lopez")  # another middle name
    assert not near("María Núñez", "Marco Núñez")  # two letters apart in a short name
    assert not near("Ana Núñez", "Carlos Núñez")
    assert not near("Marco Núñez", "Marco Núñez")  # equal is not near: it is the same key
    assert not near("王芳", "王强")  # one-word names have no given and family parts


@pytest.mark.parametrize(
    "written",
    ["Lopez John", "Lopez, John", "John Lopez García", "J. Lopez", "Garcia John Lopez"],
)
def test_a_reordered_abbreviated_or_longer_name_is_near(written: str) -> None:
    """Ways a form names the restricted John Lopez that his key does not catch: family name
    first, a second family name added, the given name as an initial. The approver is asked."""
    assert match_key(written) != match_key("John Lopez")
    assert near(written, "John Lopez") and near("John Lopez", written)


def test_names_that_only_share_a_family_name_are_not_near() -> None:
    for other in ("Jane Lopez", "Maria Lopez", "Juan Lopez", "Lopez", "John"):
        assert not near(other, "John Lopez"), other
    assert edit_distance("marco", "marcos") == 1
    assert edit_distance("maria", "mraia") == 1  # swapped neighbours


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_ascii_fast_path_folds_exactly_as_the_general_one(text: str) -> None:
    from staffdesk.domain.names import _search_key_general

    assert search_key(text) == _search_key_general(text)
