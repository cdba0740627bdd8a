"""Migration 0013 on a shared database already in use: every kind of row is stamped once (so each
desk reads each part once more, then only what changed), the schools with requests too, and its
triggers are among the guards `staffdesk doctor` checks; downgrading takes them away again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from staffdesk.store import db, guard
from tests import sync_helpers as h

KINDS = {"school", "student", "student_contact", "sync_tombstone", "staff"}


@pytest.fixture(params=h.SHARED_PARAMS)
def shared(request: pytest.FixtureRequest) -> Iterator[Engine]:
    engine = db.make_engine(h.shared_url(request))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return h.seed_template(tmp_path_factory.mktemp("m0013-template"), "ws-a")


def _stamps(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as c:
        return {(k, s) for k, s in c.execute(text("SELECT kind, scope FROM sync_change"))}


def test_upgrade_from_0012_stamps_what_is_there(
    shared: Engine, template: Path, tmp_path: Path
) -> None:
    desk = h.desk(tmp_path, "ws-a", template)
    h.issued(desk, "1000001")  # a LINC student's code: LINC has a request
    assert desk.sync(shared).ok
    command.downgrade(db.alembic_config(shared), "0012")
    assert "sync_change" not in inspect(shared).get_table_names()
    missing = guard.missing_guards(shared)
    assert missing and all("sd_changed_" in m or "sync_change" in m for m in missing), missing

    db.upgrade(shared)
    assert db.schema_is_current(shared) and guard.missing_guards(shared) == []
    assert _stamps(shared) == {(k, "") for k in KINDS} | {("access_request", "LINC")}
    # the desk synced before the upgrade: it reads the stamped parts again, then idles
    again = desk.sync(shared)
    assert again.ok, again.error
    idle = desk.sync(shared)
    assert idle.ok and not any(idle.pull.rows.values()), idle.lines()
