"""Named steps of a sync round where tests inject faults: a kill -9, or a lost connection.

`STAFFDESK_SYNC_FAULT=ACTION:STEP[@N][,…]` with ACTION `kill` (SIGKILL this process) or `raise`
(an OperationalError, as if the shared database went away) at the N-th time STEP is reached
(default the first). In-process tests may install a hook instead (`installed`). With neither,
`point` does nothing. Steps:

- `after_local_commit`: a caller's own step, after its local transaction committed
- `push.begin`: a batch was read from the local store, nothing sent yet
- `push.mid`: inside the shared transaction, some of the batch written, not committed
- `push.after_server_commit`: the shared transaction committed, the local store not yet told
- `pull.begin`: before the shared database is read
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import OperationalError

ENV = "STAFFDESK_SYNC_FAULT"

Hook = Callable[[str, dict[str, Any]], None]
_hits: Counter[str] = Counter()
_hook: Hook | None = None


class InjectedFault(ConnectionError):
    """The cause inside the OperationalError a `raise` fault throws."""


def point(step: str, **context: Any) -> None:
    """Reached a named step: run the installed hook, then any fault the environment names."""
    if _hook is not None:
        _hook(step, context)
    spec = os.environ.get(ENV)
    if not spec:
        return
    _hits[step] += 1
    for item in spec.split(","):
        action, _, target = item.strip().partition(":")
        target, _, nth = target.partition("@")
        if target != step or _hits[step] != int(nth or 1):
            continue
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "raise":
            raise OperationalError(
                f"fault injected at {step}", None, InjectedFault("the shared database went away")
            )


@contextmanager
def installed(hook: Hook) -> Iterator[None]:
    """Run `hook(step, context)` at every step while the block runs (tests only)."""
    global _hook
    previous, _hook = _hook, hook
    try:
        yield
    finally:
        _hook = previous


def reset() -> None:
    _hits.clear()
