"""Search that finds people: any word of any name part, in every script, on every engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from staffdesk.domain.name_search import name_tokens, words
from staffdesk.services import queries, roster
from staffdesk.store import db
from staffdesk.store.models import StudentNameToken
from tests.conftest import Office

MORE_STUDENTS = (
    "school_code,permanent_id,first_name,middle_name,last_name,grade,primary_phone\n"
    "LINC,1000011,Ngọc,,Trần Bảo,2,(415) 555-0111\n"
    "LINC,1000012,Rosa,María,De La Cruz,4,(415) 555-0112\n"
    "LINC,1000013,Иван,,Петров,6,(415) 555-0113\n"
    "LINC,1000014,小明,,王,3,(415) 555-0114\n"
    "LINC,1000015,Ana,,Anaya,3,(415) 555-0115\n"
    "LINC,1000016,Łukasz,,Wójcik,3,(415) 555-0116\n"
    "LINC,1000017,Jo\u200bhn,,Zed,3,(415) 555-0117\n"  # a zero-width space pasted in
    "LINC,1000018,مُحَمَّد,,عَلِي,3,(415) 555-0118\n"  # with its vowel signs
    "LINC,1000019,Артём,,Ёлкин,3,(415) 555-0119\n"
)


def test_tokens_fold_every_script_and_split_compound_names() -> None:
    assert name_tokens("Liam", "", "O'Brien-Smith") == {"liam", "obrien", "smith", "obriensmith"}
    assert name_tokens("Ngọc", "", "Trần Bảo") == {"ngoc", "tran", "bao", "tranbao"}
    assert name_tokens("Иван", "", "Петров") == {"иван", "петров"}
    assert name_tokens("민준", "", "김") == {"민준", "김", "김민준"}
    assert name_tokens("小明", "", "王") == {"小明", "王", "王小明"}
    assert words("  O’Brien,  tran_bao%  ") == ["obrien", "tran", "bao"]
    assert name_tokens("Jo\u200bhn", "", "Kaʻahumanu") == {"john", "kaahumanu"}
    assert name_tokens("Артём", "", "Ёлкин") == {"артём", "ёлкин"}  # ё is a letter of its own


@pytest.mark.parametrize(
    "name",
    ["Trần Bảo Ngọc", "Seán O'Brien-Smith", "Jo\u200bhn Q. Lopez", "Łukasz Wójcik", "王小明",
     "مُحَمَّد عَلِي", "Мария Иванова", "김민준", "Ｊｏｈｎ  Lopez"],
)  # fmt: skip
def test_search_words_are_the_match_keys_words(name: str) -> None:
    """The words a name is found by are the words its matching key is made of (before the
    confusable skeleton): search and the restricted-contact match read one fold."""
    from staffdesk.domain.names import match_key, search_key

    assert words(name) == search_key(name).split()
    assert name_tokens(name) >= set(words(name))
    assert match_key(name) == match_key(" ".join(words(name)))


def _ids(office: Office, typed: str, actor: str = "admin") -> list[str]:
    with office.session() as s:
        page = queries.search_students(s, getattr(office, actor), typed)
    return [r.id for r in page.rows]


def _add_more(office: Office, tmp_path: Path) -> None:
    (tmp_path / "more.csv").write_text(MORE_STUDENTS, encoding="utf-8")
    with db.unit_of_work(office.factory) as s:
        roster.import_roster(s, office.admin, tmp_path / "more.csv")


def _finds_people(office: Office, tmp_path: Path) -> None:
    _add_more(office, tmp_path)
    assert _ids(office, "obrien") == ["1000003"]
    assert _ids(office, "smith") == ["1000003"]
    assert _ids(office, "O'Brien-Smith") == ["1000003"]
    assert _ids(office, "liam o'b") == ["1000003"]
    assert _ids(office, "sofia") == ["1000004"]
    assert _ids(office, "SOFÍA núñ") == ["1000004"]
    assert _ids(office, "rosa") == ["1000012"]  # a first name
    assert _ids(office, "maria") == ["1000012", "2000001"]  # middle (Cruz), first (García)
    assert _ids(office, "tran bao") == ["1000011"]
    assert _ids(office, "bao tran") == ["1000011"]
    assert _ids(office, "ngoc tr") == ["1000011"]
    assert _ids(office, "cruz") == ["1000012"]
    assert _ids(office, "delacruz") == ["1000012"]
    assert _ids(office, "петр") == ["1000013"]
    assert _ids(office, "王") == ["1000014"]
    assert _ids(office, "ana") == ["1000015"]  # Ana Anaya: once, though two words match
    assert _ids(office, "tran zz") == []
    # search words are the restricted-contact key's words (domain.names.search_key): what the
    # match takes for one name, search finds by it, in every script
    assert _ids(office, "lukasz wojcik") == ["1000016"]
    assert _ids(office, "john zed") == ["1000017"]
    assert _ids(office, "محمد علي") == ["1000018"]  # as people type it, without vowel signs
    assert _ids(office, "ёлкин") == ["1000019"]
    assert _ids(office, "100001") == [
        "1000011",
        "1000012",
        "1000013",
        "1000014",
        "1000015",
        "1000016",
        "1000017",
        "1000018",
        "1000019",
    ]
    assert _ids(office, "sofia", actor="wash_clerk") == []  # another school's student


def test_search_finds_any_word_of_any_name_part(office: Office, tmp_path: Path) -> None:
    _finds_people(office, tmp_path)


def test_search_on_postgres(pg_office: Office, tmp_path: Path) -> None:
    _finds_people(pg_office, tmp_path)


def test_search_on_mariadb(mysql_office: Office, tmp_path: Path) -> None:
    _finds_people(mysql_office, tmp_path)


def test_pages_do_not_repeat_or_skip(office: Office) -> None:
    with office.session() as s:
        first = queries.search_students(s, office.admin, "n", limit=2)
        second = queries.search_students(s, office.admin, "n", offset=2, limit=2)
        everyone = queries.search_students(s, office.admin, "n")
    assert first.more
    assert [r.id for r in first.rows + second.rows] == [r.id for r in everyone.rows][:4]
    assert len({r.id for r in everyone.rows}) == len(everyone.rows)


def test_roster_import_keeps_tokens_in_step_all_or_nothing(office: Office, tmp_path: Path) -> None:
    renamed = (
        "school_code,permanent_id,first_name,middle_name,last_name,grade,primary_phone\n"
        "LINC,1000003,Liam,,Walker,K,+1 415 555 0103\n"
    )
    broken = renamed + "LINC,12,Bad,,Row,K,+1 415 555 0103\n"
    (tmp_path / "broken.csv").write_text(broken, encoding="utf-8")
    with pytest.raises(Exception, match="nothing was changed"):
        with db.unit_of_work(office.factory) as s:
            roster.import_roster(s, office.admin, tmp_path / "broken.csv")
    assert _ids(office, "smith") == ["1000003"]
    (tmp_path / "renamed.csv").write_text(renamed, encoding="utf-8")
    with db.unit_of_work(office.factory) as s:
        roster.import_roster(s, office.admin, tmp_path / "renamed.csv")
    assert _ids(office, "smith") == []
    assert _ids(office, "walker") == ["1000003"]


def test_upgrade_from_0003_fills_the_tokens_of_an_existing_roster(
    office: Office, tmp_path: Path
) -> None:
    from alembic import command

    engine = db.make_engine(office.url)
    command.downgrade(db.alembic_config(engine), "0003")
    with engine.connect() as c:
        assert "student_name_token" not in {
            r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        }
    db.upgrade(engine)
    with engine.connect() as c:
        n = c.scalar(select(func.count()).select_from(StudentNameToken))
    engine.dispose()
    assert n and n > 10
    assert _ids(office, "obrien") == ["1000003"]


def test_upgrade_to_0010_rebuilds_tokens_and_name_keys(office: Office) -> None:
    """A database at 0005 holds tokens and name keys of the old folds; 0010 rebuilds them."""
    from alembic import command
    from sqlalchemy import update

    from staffdesk.store.models import Student

    engine = db.make_engine(office.url)
    with engine.begin() as c:
        c.execute(
            update(Student)
            .where(Student.permanent_id == "1000002")
            .values(first_name="Jo\u200bhn", last_name="Łukasz")
        )
        c.execute(text("DELETE FROM student_name_token WHERE permanent_id = '1000002'"))
        c.execute(
            text(
                "INSERT INTO student_name_token (permanent_id, token, school_code, words, before) "
                "VALUES ('1000002', 'jo', 'LINC', ' hn jo ', ' hn ')"
            )
        )
    command.downgrade(db.alembic_config(engine), "0005")
    assert not db.schema_is_current(engine)
    db.upgrade(engine)
    assert db.schema_is_current(engine)
    with engine.connect() as c:
        key = c.scalar(text("SELECT name_key FROM student WHERE permanent_id = '1000002'"))
    engine.dispose()
    assert key == "lukasz john"
    assert _ids(office, "john lukasz") == ["1000002"]
    assert _ids(office, "obrien") == ["1000003"]


def _searched(
    office: Office, typed: str, actor: str, *, limit: int = 100, holding: str = ""
) -> tuple[str, queries.StudentPage]:
    """The page the search gives, and SQLite's plan for the statement it ran: the first whose
    text holds `holding`, else the last SELECT."""
    seen: list[tuple[str, object]] = []

    def capture(_c: object, _cur: object, stmt: str, params: object, *_a: object) -> None:
        seen.append((stmt, params))

    engine = office.factory.kw["bind"]
    event.listen(engine, "before_cursor_execute", capture)
    try:
        with office.session() as s:
            page = queries.search_students(s, getattr(office, actor), typed, limit=limit)
            if holding:
                stmt, params = next(x for x in seen if holding in x[0])
            else:
                stmt, params = [x for x in seen if x[0].lstrip().startswith("SELECT")][-1]
            rows = s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + stmt, params)  # type: ignore[arg-type]
            return " | ".join(str(r[-1]) for r in rows), page
    finally:
        event.remove(engine, "before_cursor_execute", capture)


def _plan(office: Office, typed: str, actor: str) -> str:
    """SQLite's plan for the statement the search runs."""
    return _searched(office, typed, actor)[0]


def test_the_search_reads_the_token_index_in_order(office: Office) -> None:
    """District-wide, the (token, …) index is read in order, other words checked inside it;
    for a clerk, the (school, token, …) index. Neither sorts the matches nor probes per row."""
    plan = _plan(office, "smith liam", "admin")
    assert "COVERING INDEX ix_student_name_token_token (token>? AND token<?)" in plan
    assert "TEMP B-TREE" not in plan and "SUBQUERY" not in plan
    plan = _plan(office, "smi", "clerk")
    assert "ix_student_name_token_school (school_code=? AND token>? AND token<?)" in plan
    assert "TEMP B-TREE" not in plan


# ------------------------------------------------------------------ the word-pair search

TWO_WORDS = (
    "liam o", "o liam", "liam obrien smith", "smith o", "sofia n", "n sofia", "maria gar",
    "maria c", "rosa de la", "de la cruz rosa", "cruz r", "tran bao", "bao tran", "ngoc tr",
    "john zed", "ana anaya", "an ana", "ana a", "liam zz", "zz liam", "иван п", "王 小",
)  # fmt: skip


def _both_ways(
    office: Office, monkeypatch: pytest.MonkeyPatch, typed: str, actor: str = "admin", **kw: int
) -> tuple:
    """The page a search gives reading the lead word's rows, and the one it gives through the
    word pairs wherever it may (SCAN 0: every lead word counts as common)."""
    from staffdesk.services import student_search

    seen: list[str] = []

    def capture(_c: object, _cur: object, stmt: str, *_a: object) -> None:
        seen.append(stmt)

    engine = office.factory.kw["bind"]
    pages = []
    event.listen(engine, "before_cursor_execute", capture)
    try:
        for scan in (10**9, 0):
            monkeypatch.setattr(student_search, "SCAN", scan)
            seen.clear()
            with office.session() as s:
                page = queries.search_students(s, getattr(office, actor), typed, **kw)
            pages.append(([r.id for r in page.rows], page.more))
            used = any("FROM student_name_pair " in x and "JOIN" in x for x in seen)
            pages.append(used)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return tuple(pages)


def _paged_both_ways(
    office: Office, monkeypatch: pytest.MonkeyPatch, typed: str, actor: str = "admin"
) -> tuple[list[str], list[str], int]:
    """Every student a search finds, a page of one at a time (the pairs are read for a page the
    lead rows past it could not fill), both ways; and how many pages came from the pairs."""
    by_lead: list[str] = []
    by_pairs: list[str] = []
    used = 0
    for offset in range(50):
        lead_page, lead_used, pair_page, pair_used = _both_ways(
            office, monkeypatch, typed, actor, offset=offset, limit=1
        )
        assert not lead_used and lead_page == pair_page, (typed, offset)
        by_lead += lead_page[0]
        by_pairs += pair_page[0]
        used += pair_used
        if not lead_page[1]:
            break
    return by_lead, by_pairs, used


def _pairs_find_the_same(office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _add_more(office, tmp_path)
    through_pairs = 0
    for typed in TWO_WORDS:
        by_lead, by_pairs, used = _paged_both_ways(office, monkeypatch, typed)
        assert by_pairs == by_lead, typed
        through_pairs += used > 0
    assert through_pairs >= 5, through_pairs  # the pairs were read, not only the lead rows
    assert _paged_both_ways(office, monkeypatch, "liam o")[1] == ["1000003"]
    # O'Brien-Smith pairs liam with obrien and obriensmith: listed once
    assert _paged_both_ways(office, monkeypatch, "liam obr")[1] == ["1000003"]
    assert _paged_both_ways(office, monkeypatch, "zz liam")[1] == []
    assert _paged_both_ways(office, monkeypatch, "ana a")[1] == ["1000015"]
    # a clerk's search stays in the clerk's schools on either read
    for typed in ("maria ga", "liam o", "sofia n"):
        by_lead, by_pairs, _ = _paged_both_ways(office, monkeypatch, typed, "wash_clerk")
        assert by_pairs == by_lead == (["2000001"] if typed == "maria ga" else []), typed


def test_word_pairs_find_what_the_lead_rows_find(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pairs_find_the_same(office, tmp_path, monkeypatch)


def test_word_pairs_on_postgres(
    pg_office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pairs_find_the_same(pg_office, tmp_path, monkeypatch)


def test_word_pairs_on_mariadb(
    mysql_office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pairs_find_the_same(mysql_office, tmp_path, monkeypatch)


def test_a_typed_word_another_starts_with_adds_nothing() -> None:
    from staffdesk.domain.name_search import implied_dropped

    assert implied_dropped(["an", "ana", "anaya"]) == ["anaya"]
    assert implied_dropped(["sofia", "o", "ob"]) == ["sofia", "ob"]
    assert implied_dropped(["tran", "bao"]) == ["tran", "bao"]


def test_the_word_pairs_are_read_by_their_index(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "liam o" through the pairs: a range of the (token, other) index, then the student's
    lead row by its key; no table scan."""
    from staffdesk.services import student_search

    _add_more(office, tmp_path)
    monkeypatch.setattr(student_search, "SCAN", 0)
    plan, page = _searched(
        office, "maria c", "admin", limit=1, holding="FROM student_name_pair JOIN"
    )
    assert [r.id for r in page.rows] == ["1000012"]
    assert "COVERING INDEX ix_student_name_pair_token (token=? AND other>? AND other<?)" in plan
    assert "SCAN" not in plan


def test_word_pairs_follow_the_names(office: Office, tmp_path: Path) -> None:
    """Every ordered pair of two different words of a student's names, rewritten with them."""
    from staffdesk.store.models import StudentNamePair

    def pairs(pid: str) -> set[tuple[str, str]]:
        with office.factory() as s:
            rows = s.execute(
                select(StudentNamePair.token, StudentNamePair.other).where(
                    StudentNamePair.permanent_id == pid
                )
            )
            return {(a, b) for a, b in rows}

    tokens = name_tokens("Liam", "", "O'Brien-Smith")
    assert pairs("1000003") == {(a, b) for a in tokens for b in tokens if a != b}
    renamed = (
        "school_code,permanent_id,first_name,middle_name,last_name,grade,primary_phone\n"
        "LINC,1000003,Liam,,Walker,K,+1 415 555 0103\n"
    )
    (tmp_path / "renamed.csv").write_text(renamed, encoding="utf-8")
    with db.unit_of_work(office.factory) as s:
        roster.import_roster(s, office.admin, tmp_path / "renamed.csv")
    assert pairs("1000003") == {("liam", "walker"), ("walker", "liam")}


def test_upgrade_to_0012_fills_the_word_pairs(office: Office) -> None:
    from alembic import command

    from staffdesk.store.models import StudentNamePair

    engine = db.make_engine(office.url)
    with engine.connect() as c:
        want = c.scalar(select(func.count()).select_from(StudentNamePair))
    command.downgrade(db.alembic_config(engine), "0011")
    assert not db.schema_is_current(engine)
    db.upgrade(engine)
    with engine.connect() as c:
        got = c.scalar(select(func.count()).select_from(StudentNamePair))
    engine.dispose()
    assert want and got == want
    assert _ids(office, "liam o") == ["1000003"]
