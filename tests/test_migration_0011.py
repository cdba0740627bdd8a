"""Migration 0011 from the previous head: the pulls' high-water-mark columns get their indexes,
and the rows already there stay as they were."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from staffdesk.store import db

WANTED = {
    "student": {"ix_student_updated_at"},
    "student_contact": {"ix_student_contact_updated_at"},
    "access_request": {"ix_access_request_updated_at", "ix_access_request_school_updated"},
    "portal_link": {"ix_portal_link_linked_at"},
}


def _indexes(engine: object, table: str) -> set[str]:
    return {ix["name"] for ix in inspect(engine).get_indexes(table)}  # type: ignore[arg-type]


def test_upgrade_from_0010_indexes_the_marks(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(db.alembic_config(engine), "0010")
    with engine.begin() as c:
        c.execute(text("INSERT INTO school (code, name, updated_at) VALUES ('LINC', 'L', :t)"),
                  {"t": "2026-01-01 00:00:00"})  # fmt: skip
        c.execute(
            text(
                "INSERT INTO student (permanent_id, school_code, first_name, middle_name, "
                "last_name, grade, primary_phone, language, name_key, updated_at) VALUES "
                "('1000001', 'LINC', 'Ana', '', 'Lee', '3', '+14155550101', '', 'lee ana', "
                "'2026-01-01')"
            )
        )
    for table, names in WANTED.items():
        assert not names & _indexes(engine, table)
    db.upgrade(engine)
    assert db.schema_is_current(engine)
    for table, names in WANTED.items():
        assert names <= _indexes(engine, table), table
    with engine.connect() as c:
        assert c.execute(text("SELECT name_key FROM student")).scalar_one() == "lee ana"
    command.downgrade(db.alembic_config(engine), "0010")
    for table, names in WANTED.items():
        assert not names & _indexes(engine, table)
    engine.dispose()
