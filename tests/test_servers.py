"""Rules that only a real shared database can prove: concurrency on PostgreSQL and MariaDB."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from staffdesk.services import audit, portal
from staffdesk.store import db
from staffdesk.store.models import Passcode, PortalLink
from tests.conftest import Office
from tests.flow import issued


def _race(office: Office, code: str, attempts: int) -> list[object]:
    barrier = threading.Barrier(attempts)
    engine = db.make_engine(
        office.url, **({"pool_size": attempts} if "sqlite" not in office.url else {})
    )
    factory = db.session_factory(engine)  # a connection each, so they truly race

    def attempt(i: int) -> object:
        barrier.wait()
        with db.unit_of_work(factory) as s:
            return portal.link(
                s,
                permanent_id="1000001",
                phone="4155550101",
                vpc=code,
                account_email=f"parent{i}@example.org",
            )

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        return list(pool.map(attempt, range(attempts)))


def _exactly_one_link(office: Office, attempts: int) -> None:
    with db.unit_of_work(office.factory) as s:
        _, code = issued(s, office.clerk, office.approver)
    results = _race(office, code, attempts)
    links = [r for r in results if isinstance(r, portal.LinkResult)]
    assert len(links) == 1, results
    with office.session() as s:
        assert s.scalar(select(func.count()).select_from(PortalLink)) == 1
        p = s.scalars(select(Passcode)).one()
        assert p.used_by_account == links[0].account_email
        report = audit.verify(s)
        assert report.ok, report.problems  # concurrent portal writers kept one intact chain


@pytest.mark.postgres
def test_twenty_concurrent_right_codes_link_once_on_postgres(pg_office: Office) -> None:
    _exactly_one_link(pg_office, 20)


@pytest.mark.mysql
def test_twenty_concurrent_right_codes_link_once_on_mariadb(mysql_office: Office) -> None:
    _exactly_one_link(mysql_office, 20)


def test_concurrent_right_codes_link_once_on_sqlite(office: Office) -> None:
    _exactly_one_link(office, 8)
