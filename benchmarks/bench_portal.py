"""The portal check's refusals, timed: does the time of an answer tell what was wrong?

Every refusal kind — unknown id, wrong phone, right phone + wrong code, expired, revoked,
locked, malformed input, a typo caught by the check symbol — is run ROUNDS times, the kinds
interleaved (shuffled in every round) so a slow moment of this shared machine falls on all of
them alike. Each check is one transaction, committed, as the portal runs it. Prints the median of
each kind and the ratio of the slowest median to the fastest (target: at most 1.5).

Against PostgreSQL as `portal_app` when a URL is given or STAFFDESK_TEST_POSTGRES_URL is set
(in a throw-away schema), else against a temporary SQLite file.

    python benchmarks/bench_portal.py [URL] [ROUNDS]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.domain.vpc import ALPHABET, Vpc
from staffdesk.services import demo, portal, requests, roster, staff
from staffdesk.services.context import utcnow
from staffdesk.store import db
from staffdesk.store.models import Passcode, Student, StudentContact

URL = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("STAFFDESK_TEST_POSTGRES_URL", "")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 30
PASSWORD = "bench-password-1"
PER_KIND = ("wrong phone", "wrong code", "expired", "revoked", "locked")


@contextmanager
def shared() -> Iterator[tuple[str, str]]:
    """(admin URL, portal URL): a fresh schema (PostgreSQL, portal as portal_app) or file."""
    if not URL:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
            yield url, url
        return
    name = f"bench_{uuid.uuid4().hex[:10]}"
    base = db.normalise_url(URL)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE SCHEMA "{name}"'))
    u = make_url(base).update_query_dict({"options": f"-csearch_path={name}"})
    web = u.update_query_dict({"options": f"-csearch_path={name} -crole=portal_app"})
    try:
        yield u.render_as_string(hide_password=False), web.render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


def seed(url: str, students_needed: int) -> dict[str, list[tuple[str, str, str]]]:
    """A district with issued codes; returns kind -> [(permanent id, phone, code)]."""
    engine = db.make_engine(url)
    db.upgrade(engine)
    factory = db.session_factory(engine)
    with tempfile.TemporaryDirectory() as tmp, db.unit_of_work(factory) as s:
        students_csv, contacts_csv = demo.write_demo_csv(Path(tmp), students_needed * 2)
        staff.add_staff(s, None, username="admin", role="admin", password=PASSWORD)
        admin = staff.authenticate(s, "admin", PASSWORD)
        roster.import_roster(s, admin, students_csv, contacts_csv)
        for user in ("clerk", "approver"):
            staff.add_staff(
                s,
                admin,
                username=user,
                role="approver",
                password=PASSWORD,
                schools=[code for code, _ in demo.SCHOOLS],
            )
    codes: list[tuple[str, str, str]] = []
    with db.unit_of_work(factory) as s:
        clerk = staff.authenticate(s, "clerk", PASSWORD)
        approver = staff.authenticate(s, "approver", PASSWORD)
        for st in s.scalars(select(Student).order_by(Student.permanent_id)):
            if len(codes) == students_needed:
                break
            guardian = s.scalars(
                select(StudentContact.contact_name).where(
                    StudentContact.permanent_id == st.permanent_id,
                    StudentContact.portal_access == "allowed",
                )
            ).first()
            if guardian is None:
                continue
            with s.begin_nested():
                form = requests.AccessForm(
                    permanent_id=st.permanent_id,
                    guardian_name=guardian,
                    address="1 Main St",
                    phone=st.primary_phone,
                    email="parent@example.org",
                    signed_on=utcnow().date(),
                    paper_form_signed=True,
                )
                rid = requests.record_request(s, clerk, form).request.id
                requests.verify_identity(s, clerk, rid, document_kind="passport")
                requests.approve(s, approver, rid)
                out = requests.issue_passcodes(s, clerk, [rid])
            codes.append((st.permanent_id, st.primary_phone, out.slip.students[0].vpc_grouped))
    groups = {kind: codes[i :: len(PER_KIND)] for i, kind in enumerate(PER_KIND)}
    with db.unit_of_work(factory) as s:
        revoked = [pid for pid, _, _ in groups["revoked"]]
        s.execute(
            update(Passcode)
            .where(Passcode.permanent_id.in_(revoked))
            .values(revoked_at=utcnow(), revoked_by="bench", revoke_reason="bench")
        )
        locked = [pid for pid, _, _ in groups["locked"]]
        s.execute(
            update(Passcode)
            .where(Passcode.permanent_id.in_(locked))
            .values(failed_attempts=5, locked_until=utcnow() + timedelta(days=1))
        )
    engine.dispose()
    return groups


def wrong(code: str) -> str:
    while (other := Vpc.generate().grouped()) == code:
        pass
    return other


def typo(code: str) -> str:
    raw = code.replace("-", "")
    return raw[:-1] + next(c for c in ALPHABET if c != raw[-1])


def main() -> None:
    with shared() as (admin_url, portal_url):
        groups = seed(admin_url, ROUNDS * len(PER_KIND))
        engine = db.make_engine(portal_url)
        factory: sessionmaker[Session] = db.session_factory(engine)
        later = utcnow() + timedelta(days=30)
        any_code = groups["wrong code"][0][2]
        kinds: dict[str, Callable[[int], dict[str, object]]] = {
            "unknown id": lambda i: dict(
                permanent_id=f"{8_000_000 + i}", phone="(415) 555-0100", vpc=wrong(any_code)
            ),
            "wrong phone": lambda i: dict(
                permanent_id=groups["wrong phone"][i][0],
                phone="(415) 555-0199",
                vpc=groups["wrong phone"][i][2],
            ),
            "wrong code": lambda i: dict(
                permanent_id=groups["wrong code"][i][0],
                phone=groups["wrong code"][i][1],
                vpc=wrong(groups["wrong code"][i][2]),
            ),
            "expired": lambda i: dict(
                permanent_id=groups["expired"][i][0],
                phone=groups["expired"][i][1],
                vpc=groups["expired"][i][2],
                now=later,
            ),
            "revoked": lambda i: dict(
                permanent_id=groups["revoked"][i][0],
                phone=groups["revoked"][i][1],
                vpc=groups["revoked"][i][2],
            ),
            "locked": lambda i: dict(
                permanent_id=groups["locked"][i][0],
                phone=groups["locked"][i][1],
                vpc=groups["locked"][i][2],
            ),
            "malformed": lambda i: dict(
                permanent_id=any_code, phone="(415) 555-0100", vpc=any_code
            ),
            "typo": lambda i: dict(
                permanent_id=groups["wrong code"][i][0],
                phone=groups["wrong code"][i][1],
                vpc=typo(groups["wrong code"][i][2]),
            ),
        }
        times: dict[str, list[float]] = {k: [] for k in kinds}
        order = list(kinds)
        for i in range(-1, ROUNDS):  # round -1 warms the pool, the hasher and the audit head
            random.shuffle(order)
            for kind in order:
                args = kinds[kind](max(i, 0))
                start = time.perf_counter()
                with db.unit_of_work(factory) as s:
                    answer = portal.link(
                        s, account_email=f"bench-{kind.replace(' ', '-')}-{i}@example.org", **args
                    )  # type: ignore[arg-type]
                elapsed = time.perf_counter() - start
                if not isinstance(answer, portal.PortalRefused):
                    raise SystemExit(f"{kind}: expected a refusal, got {answer!r}")
                if i >= 0:
                    times[kind].append(elapsed)
        engine.dispose()
    where = f"PostgreSQL as portal_app ({db.redacted(URL)})" if URL else "SQLite"
    print(f"portal check refusals, {ROUNDS} interleaved rounds, {where}")
    medians = {k: statistics.median(v) * 1000 for k, v in times.items()}
    for kind, ms in medians.items():
        print(f"  {kind:<12} median {ms:7.2f} ms")
    ratio = max(medians.values()) / min(medians.values())
    verdict = "met" if ratio <= 1.5 else "NOT met"
    print(f"  slowest / fastest median: {ratio:.2f} (target <= 1.5: {verdict})")


if __name__ == "__main__":
    main()
