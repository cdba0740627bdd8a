"""Failures counted in expiring windows (domain.passcode.Throttle), one row per (scope, key):
the portal's per-account and per-student windows, staff sign-in per account and workstation."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, case
from sqlalchemy.orm import Session

from staffdesk.domain.passcode import Throttle
from staffdesk.store.models import PortalThrottle, SignInThrottle


def count(
    session: Session,
    model: type[PortalThrottle] | type[SignInThrottle],
    scope: str,
    key: str,
    by: int,
    throttle: Throttle,
    now: datetime,
) -> None:
    """Add `by` failures (0 or 1) to the window of (scope, key) in one atomic upsert. Callers
    that must cost the same on every path run it with 0 where nothing is counted."""
    t = cast(Table, model.__table__)
    expired = t.c.window_start <= now - throttle.window
    # failures first: MariaDB assigns left to right, so window_start is still the old one
    failures = case((expired, by), else_=t.c.failures + by)
    start = case((expired, now), else_=t.c.window_start) if by else t.c.window_start
    values = {"scope": scope, "key": key, "window_start": now, "failures": by}
    dialect = session.get_bind().dialect.name
    stmt: Any
    if dialect in ("mysql", "mariadb"):
        from sqlalchemy.dialects import mysql

        stmt = mysql.insert(t).values(values)
        stmt = stmt.on_duplicate_key_update([("failures", failures), ("window_start", start)])
    else:
        from sqlalchemy.dialects import postgresql, sqlite

        insert_ = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = insert_(t).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[t.c.scope, t.c.key],
            set_={"failures": failures, "window_start": start},
        )
    session.execute(stmt)
