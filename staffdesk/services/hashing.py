"""argon2id for staff passwords and VPCs (m=19 MiB, t=2, p=1), and hashing many codes at once."""

from __future__ import annotations

import functools
import os
import secrets
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)


def hash_secret(secret: str) -> str:
    return HASHER.hash(secret)


def verify_secret(phc: str, secret: str) -> bool:
    try:
        return HASHER.verify(phc, secret)
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def _dummy_hash() -> str:
    """Made on first use (hashing costs a fifth of a second nobody should pay at import)."""
    return HASHER.hash(secrets.token_hex(16))


def dummy_verify(secret: str) -> bool:
    """Spend what a real verification spends, when there is nothing to verify against, so the
    time of an answer does not tell a missing account or code from a wrong secret."""
    verify_secret(_dummy_hash(), secret)
    return False


def hash_many(secrets_: Sequence[str], workers: int | None = None) -> list[str]:
    """Hash on every core: argon2-cffi releases the GIL while it works."""
    if len(secrets_) < 2:
        return [HASHER.hash(s) for s in secrets_]
    workers = workers or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(HASHER.hash, secrets_, chunksize=max(1, len(secrets_) // workers)))
