"""Migration 0005 from the previous head: the throttle tables appear, and the name keys an
older build stored (empty for names without Latin letters) are recomputed so search finds them."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from staffdesk.store import db


def test_upgrade_from_0003_recomputes_name_keys(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(db.alembic_config(engine), "0003")
    with engine.begin() as c:
        c.execute(text("INSERT INTO school (code, name, updated_at) VALUES ('LINC', 'L', :t)"),
                  {"t": "2026-01-01 00:00:00"})  # fmt: skip
        for pid, first, last, old_key in (
            ("1000001", "芳", "王", ""),  # what the old fold made of it
            ("1000002", "Мария", "Иванова", ""),
            ("1000003", "Seán", "O'Brien", "o brien sean"),
        ):
            c.execute(
                text(
                    "INSERT INTO student (permanent_id, school_code, first_name, middle_name, "
                    "last_name, grade, primary_phone, language, name_key, updated_at) VALUES "
                    "(:p, 'LINC', :f, '', :l, '3', '+14155550101', '', :k, '2026-01-01')"
                ),
                {"p": pid, "f": first, "l": last, "k": old_key},
            )
    assert not inspect(engine).has_table("portal_throttle")
    db.upgrade(engine)
    assert db.schema_is_current(engine)
    assert {"portal_throttle", "signin_throttle"} <= set(inspect(engine).get_table_names())
    with engine.connect() as c:
        keys = dict(c.execute(text("SELECT permanent_id, name_key FROM student")).all())
    assert keys == {"1000001": "王 芳", "1000002": "иванова мария", "1000003": "obrien sean"}
    engine.dispose()
