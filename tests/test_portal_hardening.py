"""The portal check as a careless user and a patient attacker try it (issue 12): no raw input
stored, the same work for every refusal, a lockout that holds under concurrency, and wrong
phones that cannot burn a family's code."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from staffdesk.domain.passcode import LOCKOUT
from staffdesk.domain.vpc import Vpc
from staffdesk.services import hashing, portal
from staffdesk.services.context import utcnow
from staffdesk.store import db
from staffdesk.store.models import AuditEvent, Passcode
from tests.conftest import Office
from tests.flow import issued

ENGINES = [
    pytest.param("office", id="sqlite"),
    pytest.param("pg_office", marks=pytest.mark.postgres, id="postgresql"),
    pytest.param("mysql_office", marks=pytest.mark.mysql, id="mariadb"),
]


@pytest.fixture(params=ENGINES)
def any_office(request: pytest.FixtureRequest) -> Office:
    office: Office = request.getfixturevalue(request.param)
    return office


def _issue(office: Office) -> str:
    with db.unit_of_work(office.factory) as s:
        return issued(s, office.clerk, office.approver)[1]


def _link(office: Office, code: str, **kw: object) -> portal.LinkResult | portal.PortalRefused:
    args: dict[str, object] = dict(
        permanent_id="1000001", phone="415-555-0101", vpc=code, account_email="ana@example.org"
    )
    args.update(kw)
    with db.unit_of_work(office.factory) as s:
        return portal.link(s, **args)  # type: ignore[arg-type]


def _wrong(code: str) -> str:
    while (other := Vpc.generate().grouped()) == code:
        pass
    return other


def _refused(answer: object, reason: portal.Refusal) -> portal.PortalRefused:
    assert isinstance(answer, portal.PortalRefused), answer
    assert answer.reason is reason, answer.reason
    return answer


def _code_row(office: Office) -> Passcode:
    with office.session() as s:
        return s.scalars(select(Passcode).where(Passcode.permanent_id == "1000001")).one()


def _portal_events(office: Office) -> list[AuditEvent]:
    with office.session() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.chain == "portal").order_by(AuditEvent.seq)
            )
        )


# ------------------------------------------------------------------ nothing typed is stored raw


def test_a_code_typed_as_the_student_id_is_not_kept(any_office: Office) -> None:
    code = _issue(any_office)
    answer = _refused(_link(any_office, code, permanent_id=code), portal.Refusal.MALFORMED)
    assert answer.message == portal.REFUSED
    event = _portal_events(any_office)[-1]
    assert event.entity_id == "?"
    assert '"field": "permanent_id"' in event.details and '"length": 11' in event.details
    for e in _portal_events(any_office):
        for value in (e.entity_id, e.details, e.actor):
            assert code not in value and code.replace("-", "") not in value


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("permanent_id", "1" * 65),  # overflowed audit_event.entity_id: exit 3 on the servers
        ("permanent_id", "9" * 5000),
        ("phone", "4" * 500),
        ("vpc", "A" * 500),
        ("permanent_id", "1000\x00001"),
        ("contact_name", "x" * 5000),
    ],
)
def test_malformed_and_over_long_input_is_refused_and_recorded_by_length_and_kind(
    any_office: Office, field: str, value: str
) -> None:
    code = _issue(any_office)
    typed = value if field == "vpc" else code
    extra = {} if field == "vpc" else {field: value}
    _refused(_link(any_office, typed, **extra), portal.Refusal.MALFORMED)
    event = _portal_events(any_office)[-1]
    assert event.action == "portal.refused" and event.entity_id == "?"
    assert f'"field": "{field}"' in event.details
    assert f'"length": {len(value)}' in event.details
    assert value not in event.details and value[:20] not in event.details
    assert _code_row(any_office).failed_attempts == 0
    assert isinstance(_link(any_office, code), portal.LinkResult)  # the family is not held up


def test_engines_hide_bound_parameters_from_error_messages(any_office: Office) -> None:
    secret = "SECRET-VALUE-" + "Z" * 80
    with pytest.raises(DBAPIError) as info, any_office.session() as s:
        s.execute(
            text("INSERT INTO school (code, name, updated_at) VALUES (:c, :n, :u)"),
            {"c": secret, "n": secret, "u": None},
        )
    assert secret not in str(info.value)


# --------------------------------------------------------------------------------- no oracle


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every argon2 verification the portal check runs, real or dummy."""
    calls: list[str] = []
    real = hashing.verify_secret

    def verify(phc: str, secret: str) -> bool:
        calls.append(phc)
        return real(phc, secret)

    monkeypatch.setattr(hashing, "verify_secret", verify)
    monkeypatch.setattr(portal, "verify_secret", verify)
    yield calls


def _statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def before(_c: object, _cur: object, statement: str, *_a: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def test_every_refusal_costs_one_verification_and_the_same_statements(
    office: Office, counted: list[str]
) -> None:
    code = _issue(office)
    now = utcnow()
    kinds = {
        "unknown id": dict(permanent_id="9999999"),
        "wrong phone": dict(phone="(415) 555-0199"),
        "wrong code": dict(vpc=_wrong(code)),
        "malformed": dict(permanent_id=code),
        "typo": dict(vpc=code[:-1] + ("0" if code[-1] != "0" else "1")),
        "expired": dict(now=now + timedelta(days=30)),
    }
    engine = office.factory.kw["bind"]
    _link(office, code, account_email="warm-up@example.org", permanent_id="9999990")  # the
    # portal chain's first event creates its head: every later check finds it
    costs: dict[str, tuple[int, int]] = {}
    for kind, args in kinds.items():
        counted.clear()
        for seen in _statements(engine):
            answer = _link(office, code, **args)
            assert isinstance(answer, portal.PortalRefused), kind
            costs[kind] = (len(counted), len(seen))
    assert {verifications for verifications, _ in costs.values()} == {1}, costs
    statements = [n for _, n in costs.values()]
    assert len(set(statements)) == 1, costs


def test_a_locked_code_says_so_only_to_a_caller_with_the_right_phone(office: Office) -> None:
    code = _issue(office)
    now = utcnow()
    for _ in range(LOCKOUT.short_lock_every):
        _refused(_link(office, _wrong(code), now=now), portal.Refusal.WRONG_CODE)
    locked = _refused(_link(office, code, now=now), portal.Refusal.LOCKED)
    minutes = int(LOCKOUT.short_lock.total_seconds() // 60)
    assert f"Try again in {minutes} minutes" in locked.message
    later = _refused(_link(office, code, now=now + timedelta(minutes=10)), portal.Refusal.LOCKED)
    assert f"Try again in {minutes - 10} minutes" in later.message
    stranger = _link(office, code, phone="(415) 555-0199", account_email="x@example.org", now=now)
    assert _refused(stranger, portal.Refusal.WRONG_PHONE).message == portal.REFUSED


# ------------------------------------------------- wrong phones cannot burn the family's code


def test_wrong_phones_never_count_against_the_code(office: Office) -> None:
    code = _issue(office)
    now = utcnow()
    tries = LOCKOUT.hard_lock_after + 20
    for i in range(tries):  # many accounts, so only the student's window holds them back
        answer = _link(
            office,
            _wrong(code),
            phone=f"(415) 555-{1000 + i:04d}",
            account_email=f"guess{i}@example.org",
            now=now + timedelta(seconds=i),
        )
        assert isinstance(answer, portal.PortalRefused)
        assert answer.reason in (portal.Refusal.WRONG_PHONE, portal.Refusal.THROTTLED)
    assert _code_row(office).failed_attempts == 0
    assert _code_row(office).locked_until is None
    # while the student's window is full every caller waits, the family too ...
    held = _refused(_link(office, code, now=now + timedelta(minutes=5)), portal.Refusal.THROTTLED)
    assert "Try again in" in held.message
    # ... and once it has passed, the family's own code still works
    later = now + LOCKOUT.student.window + timedelta(minutes=1)
    assert isinstance(_link(office, code, now=later), portal.LinkResult)


def test_the_student_window_holds_after_its_limit_for_known_and_unknown_ids_alike(
    office: Office,
) -> None:
    _issue(office)
    now = utcnow()
    answers: dict[str, list[portal.Refusal]] = {}
    for pid in ("1000001", "9999999"):
        answers[pid] = []
        for i in range(LOCKOUT.student.limit + 2):
            answer = _link(
                office,
                Vpc.generate().grouped(),
                permanent_id=pid,
                phone=f"(415) 555-{2000 + i:04d}",
                account_email=f"p{i}@example.org",
                now=now,
            )
            assert isinstance(answer, portal.PortalRefused)
            answers[pid].append(answer.reason)
    for reasons in answers.values():
        assert portal.Refusal.THROTTLED not in reasons[: LOCKOUT.student.limit]
        assert reasons[LOCKOUT.student.limit :] == [portal.Refusal.THROTTLED] * 2


def test_one_account_is_throttled_after_its_limit_and_told_how_long(office: Office) -> None:
    code = _issue(office)
    now = utcnow()
    for i in range(LOCKOUT.account.limit):
        answer = _link(office, code, permanent_id=f"{9000000 + i}", now=now)
        _refused(answer, portal.Refusal.UNKNOWN_STUDENT)
    held = _refused(_link(office, code, now=now + timedelta(minutes=3)), portal.Refusal.THROTTLED)
    minutes = int(LOCKOUT.account.window.total_seconds() // 60) - 3
    assert held.message == LOCKOUT.throttled_message(minutes)
    other = _link(office, code, account_email="thi@example.org", now=now + timedelta(minutes=3))
    assert isinstance(other, portal.LinkResult)  # another account is not held up


# -------------------------------------------------------- the lock holds under concurrency


def _as_portal_app(url: str, **kw: object) -> Engine:
    u = make_url(url)
    if u.get_backend_name() != "postgresql":
        return db.make_engine(url, **kw)
    options = f"{u.query['options']} -crole=portal_app"
    return db.make_engine(u.update_query_dict({"options": options}).render_as_string(False), **kw)


@pytest.mark.parametrize(
    "server",
    [
        pytest.param("pg_office", marks=pytest.mark.postgres, id="postgresql"),
        pytest.param("mysql_office", marks=pytest.mark.mysql, id="mariadb"),
    ],
)
def test_concurrent_wrong_codes_are_evaluated_at_most_five_times(
    request: pytest.FixtureRequest, server: str
) -> None:
    office: Office = request.getfixturevalue(server)
    code = _issue(office)
    attempts = 24
    web = _as_portal_app(office.url, pool_size=attempts, max_overflow=0)
    factory = db.session_factory(web)
    barrier = threading.Barrier(attempts)

    def attempt(i: int) -> portal.LinkResult | portal.PortalRefused:
        barrier.wait()
        with db.unit_of_work(factory) as s:
            return portal.link(
                s,
                permanent_id="1000001",
                phone="(415) 555-0101",
                vpc=_wrong(code),
                account_email=f"parent{i}@example.org",
            )

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        answers = list(pool.map(attempt, range(attempts)))
    web.dispose()
    reasons = [a.reason for a in answers if isinstance(a, portal.PortalRefused)]
    assert len(reasons) == attempts
    assert reasons.count(portal.Refusal.WRONG_CODE) == LOCKOUT.short_lock_every
    assert reasons.count(portal.Refusal.LOCKED) == attempts - LOCKOUT.short_lock_every
    row = _code_row(office)
    assert row.failed_attempts == LOCKOUT.short_lock_every
    assert row.locked_until is not None


# ------------------------------------------------------------- an export safe in a spreadsheet


def test_cells_a_spreadsheet_would_run_are_prefixed() -> None:
    from staffdesk.services.audit import spreadsheet_safe

    for risky in ("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert spreadsheet_safe(risky) == "'" + risky
    assert spreadsheet_safe("ana@example.org") == "ana@example.org"
    assert spreadsheet_safe(42) == "42"


def test_the_audit_export_neutralises_what_a_portal_caller_typed(
    office: Office, tmp_path: Path
) -> None:
    import csv

    from staffdesk.services import audit

    code = _issue(office)
    for account in ("=1+2@example.org", "-2+3@example.org", "+cmd@example.org"):
        _link(office, _wrong(code), account_email=account)
    out = tmp_path / "audit.csv"
    with db.unit_of_work(office.factory) as s:
        audit.export_csv(s, office.admin, out)
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    actors = [r["actor"] for r in rows if r["chain"] == "portal"]
    assert actors == ["'=1+2@example.org", "'-2+3@example.org", "'+cmd@example.org"]
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
