"""Passcode policy: expiry range, the lockout policy, and the derived state of a passcode."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from staffdesk.domain.messages import msg
from staffdesk.domain.workflow import PasscodeState

DEFAULT_DAYS = 14
MIN_DAYS = 1
MAX_DAYS = 30


def minutes_until(until: datetime, now: datetime) -> int:
    """Whole minutes left, rounded up, at least 1: what a "try again in N minutes" says."""
    return max(1, math.ceil((until - now).total_seconds() / 60))


def _minutes(n: int) -> str:
    return msg("time.minute" if n == 1 else "time.minutes", n=n)


@dataclass(frozen=True, slots=True)
class Throttle:
    """At most `limit` counted failures in a window of `window`; the window starts with the
    first failure and expires by itself. Counted failures never lock anything for good."""

    limit: int
    window: timedelta

    def is_full(self, failures: int, started: datetime | None, now: datetime) -> bool:
        return started is not None and now < started + self.window and failures >= self.limit

    def count(self, failures: int, started: datetime | None, now: datetime) -> tuple[int, datetime]:
        """(failures, window start) after one more failure."""
        if started is None or now >= started + self.window:
            return 1, now
        return failures + 1, started

    def wait(self, started: datetime, now: datetime) -> int:
        return minutes_until(started + self.window, now)


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """The portal check's lockout, in one place: the SQL, the messages and the tests read it.

    Only a try with the right student id *and* phone and a wrong code counts against the code:
    every `short_lock_every`-th such failure locks it for `short_lock`, and `hard_lock_after`
    consecutive failures lock it until the office reissues it (NIST SP 800-63B's ceiling of
    100). Tries with a wrong phone or an unknown id never reach the code: they are throttled
    per portal account and per student id in expiring windows, so someone who knows only a
    Student ID can make the family wait out a window but cannot lock or burn their code.
    """

    short_lock_every: int = 5
    short_lock: timedelta = timedelta(minutes=15)
    hard_lock_after: int = 100
    account: Throttle = Throttle(10, timedelta(minutes=15))
    student: Throttle = Throttle(20, timedelta(minutes=15))

    def is_locked(
        self, *, failed_attempts: int, locked_until: datetime | None, now: datetime
    ) -> bool:
        if failed_attempts >= self.hard_lock_after:
            return True
        return locked_until is not None and now < locked_until

    def is_hard_locked(self, failed_attempts: int) -> bool:
        return failed_attempts >= self.hard_lock_after

    def locks_after(self, failed_attempts: int) -> bool:
        """Does the failure that brought the count to `failed_attempts` start a short lock?"""
        return (
            failed_attempts < self.hard_lock_after and failed_attempts % self.short_lock_every == 0
        )

    def locked_message(
        self, *, failed_attempts: int, locked_until: datetime | None, now: datetime
    ) -> str:
        if self.is_hard_locked(failed_attempts):
            return msg("portal.hard_locked")
        minutes = minutes_until(locked_until or now + self.short_lock, now)
        return msg("portal.locked", minutes=_minutes(minutes))

    def throttled_message(self, minutes: int) -> str:
        return msg("portal.throttled", minutes=_minutes(minutes))


LOCKOUT = LockoutPolicy()

# Staff sign-in: failures per account and per workstation; the window and the CLI say the wait.
SIGN_IN = Throttle(5, timedelta(minutes=15))


def derive_state(
    *,
    used_at: datetime | None,
    revoked_at: datetime | None,
    expires_at: datetime,
    now: datetime,
) -> PasscodeState:
    """Used beats revoked beats expired beats active; never stored in one shared column."""
    if used_at is not None:
        return PasscodeState.USED
    if revoked_at is not None:
        return PasscodeState.REVOKED
    if now >= expires_at:
        return PasscodeState.EXPIRED
    return PasscodeState.ACTIVE


def is_locked(*, failed_attempts: int, locked_until: datetime | None, now: datetime) -> bool:
    return LOCKOUT.is_locked(failed_attempts=failed_attempts, locked_until=locked_until, now=now)
