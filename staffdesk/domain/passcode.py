"""Passcode policy: expiry range, lock-out rules, and the derived state of a passcode."""

from __future__ import annotations

from datetime import datetime, timedelta

from staffdesk.domain.workflow import PasscodeState

DEFAULT_DAYS = 14
MIN_DAYS = 1
MAX_DAYS = 30
SHORT_LOCK_EVERY = 5
SHORT_LOCK = timedelta(minutes=15)
HARD_LOCK_AFTER = 100


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
    if failed_attempts >= HARD_LOCK_AFTER:
        return True
    return locked_until is not None and now < locked_until


def lock_after_failure(failed_attempts: int, now: datetime) -> datetime | None:
    """After the failure that brought the count to `failed_attempts`, when does the lock end?"""
    if failed_attempts >= HARD_LOCK_AFTER:
        return None  # hard lock: failed_attempts itself says so, until reissued
    if failed_attempts % SHORT_LOCK_EVERY == 0:
        return now + SHORT_LOCK
    return None
