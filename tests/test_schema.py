"""The migrations build exactly the schema the models describe, on every engine, and a store
already at the newest migration is left alone on start."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import staffdesk.store.sync_tables  # noqa: F401  (the sync tables join the models' metadata)
from staffdesk.domain.errors import StoreUnavailable
from staffdesk.store import db
from staffdesk.store.models import Base


def _differences(url: str) -> list[object]:
    engine = db.make_engine(url)
    try:
        db.upgrade(engine)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            return list(compare_metadata(ctx, Base.metadata))
    finally:
        engine.dispose()


def test_sqlite_schema_matches_the_models(tmp_path: Path) -> None:
    assert _differences(f"sqlite:///{tmp_path / 'store.db'}") == []


def test_postgres_schema_matches_the_models(pg_url: str) -> None:
    engine = db.make_engine(pg_url)
    assert not db.schema_is_current(engine)  # an empty schema: no version table yet
    engine.dispose()
    assert _differences(pg_url) == []


def test_mariadb_schema_matches_the_models(mysql_url: str) -> None:
    engine = db.make_engine(mysql_url)
    assert not db.schema_is_current(engine)  # an empty database: no version table yet
    engine.dispose()
    assert _differences(mysql_url) == []


def test_the_start_up_check_knows_the_newest_migration() -> None:
    from alembic.script import ScriptDirectory

    assert ScriptDirectory(str(db.MIGRATIONS)).get_current_head() == db.SCHEMA_HEAD


def test_upgrade_brings_an_old_store_to_head_and_then_does_nothing(tmp_path: Path) -> None:
    from alembic import command

    engine = db.make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(db.alembic_config(engine), "0001")  # a store made by the first release
    assert not db.schema_is_current(engine)
    assert not inspect(engine).has_table("sync_state")
    db.upgrade(engine)
    assert db.schema_is_current(engine)
    assert inspect(engine).has_table("sync_state")
    indexes = {i["name"] for i in inspect(engine).get_indexes("access_request")}
    assert "ix_access_request_guardian_name" in indexes
    db.upgrade(engine)  # already current: nothing to do, nothing breaks
    assert db.schema_is_current(engine)
    engine.dispose()


def test_a_store_newer_than_this_build_is_not_taken_for_current(tmp_path: Path) -> None:
    from sqlalchemy import text

    engine = db.make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    db.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert not db.schema_is_current(engine)
    with pytest.raises(StoreUnavailable, match="newer StaffDesk"):
        db.upgrade(engine)
    engine.dispose()


def _widened_language_keeps_rows(url: str) -> None:
    """0006 on a store at 0003: a family's language survives and a long BCP 47 tag then fits."""
    from alembic import command
    from sqlalchemy import text

    engine = db.make_engine(url)
    try:
        command.upgrade(db.alembic_config(engine), "0003")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO school (code, name, updated_at)"
                    " VALUES ('LINC', 'Lincoln', CURRENT_TIMESTAMP)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO student (permanent_id, school_code, first_name, middle_name,"
                    " last_name, grade, primary_phone, language, name_key, updated_at) VALUES"
                    " ('1000', 'LINC', 'Ana', '', 'Ruiz', '3', '+14155550101', 'es',"
                    " 'ruiz ana', CURRENT_TIMESTAMP)"
                )
            )
        db.upgrade(engine)
        assert db.schema_is_current(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE student SET language = 'zh-Hant-TW-x-cantonese'"))
            assert conn.execute(text("SELECT language FROM student")).scalar() == (
                "zh-Hant-TW-x-cantonese"
            )
        if engine.dialect.name != "sqlite":  # SQLite keeps any length in a VARCHAR
            columns = {c["name"]: c["type"] for c in inspect(engine).get_columns("access_request")}
            assert getattr(columns["language"], "length", None) == 35
    finally:
        engine.dispose()


def test_language_columns_widen_from_0003_on_sqlite(tmp_path: Path) -> None:
    _widened_language_keeps_rows(f"sqlite:///{tmp_path / 'old.db'}")


def test_language_columns_widen_from_0003_on_postgres(pg_url: str) -> None:
    _widened_language_keeps_rows(pg_url)


def test_language_columns_widen_from_0003_on_mariadb(mysql_url: str) -> None:
    _widened_language_keeps_rows(mysql_url)
