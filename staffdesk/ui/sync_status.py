"""The status bar's sync part: one background sync round, and the text that says how it went."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session, sessionmaker

from staffdesk.ui import i18n


def sync_round(url: str, factory: sessionmaker[Session], schools: frozenset[str] | None) -> bool:
    """One sync round from this workstation's local store, if it has a shared database."""
    from staffdesk.sync import config
    from staffdesk.sync import connection as sync_connection
    from staffdesk.sync.engine import sync_once

    if not config.issues_pending_sync(url):
        return False  # standalone, or this store is the shared database itself
    shared_url = sync_connection.resolve_url()
    if shared_url is None:
        return False
    shared = sync_connection.shared_engine(shared_url)
    try:
        sync_once(factory, shared, schools=schools)
    finally:
        shared.dispose()
    return True


def has_shared_database(url: str) -> bool:
    """Does this desk keep a local store beside a shared database?"""
    from staffdesk.sync import config

    return config.issues_pending_sync(url)


def staff_from_shared(url: str, factory: sessionmaker[Session]) -> int | None:
    """A new desk whose store has no staff takes them from its shared database before anyone
    may make a first account (docs/sync.md, first-account rule): the staff count after the pull,
    or None when there is no shared database to ask. A shared database that cannot be reached
    raises (StoreUnavailable): the sign-in window says so."""
    from staffdesk.services import staff, storage
    from staffdesk.sync import config
    from staffdesk.sync import connection as sync_connection
    from staffdesk.sync.pull import pull

    if not config.issues_pending_sync(url):
        return None
    shared_url = sync_connection.resolve_url()
    if shared_url is None:
        return None
    shared = sync_connection.shared_engine(shared_url)
    try:
        pull(factory, shared)
    finally:
        shared.dispose()
    with storage.unit_of_work(factory) as session:
        return staff.staff_count(session)


def sync_status_parts(session: Session, url: str) -> tuple[str, str]:
    """The status bar's sync text — online/offline, changes waiting, last sync, changes that
    need an admin, open conflicts, what stopped the last round, the last verified checkpoint —
    and its tooltip: the last round's error in full, and the checkpoint."""
    from sqlalchemy.engine import make_url

    from staffdesk.sync.status import sync_status

    translate = QApplication.translate  # lupdate reads translate(context, text)

    if make_url(url).get_backend_name() != "sqlite":
        return translate("MainWindow", "Shared database (direct)"), ""
    st = sync_status(session)
    if st.state == "standalone":
        return translate("MainWindow", "Standalone"), ""
    parts = [translate("MainWindow", "Online") if st.online else translate("MainWindow", "Offline")]
    parts.append(translate("MainWindow", "{0} waiting").format(st.waiting))
    if st.last_sync_at is not None:
        local = st.last_sync_at.astimezone()
        parts.append(translate("MainWindow", "last sync {0}").format(f"{local:%Y-%m-%d %H:%M}"))
    else:
        parts.append(translate("MainWindow", "never synced"))
    if st.needs_admin:
        parts.append(translate("MainWindow", "{0} need an admin").format(st.needs_admin))
    if st.open_conflicts:
        parts.append(translate("MainWindow", "{0} conflict(s)").format(st.open_conflicts))
    if st.problem == "restored":
        parts.append(translate("MainWindow", "restored from a backup: run sync --new-segment"))
    elif st.problem == "duplicate":
        parts.append(translate("MainWindow", "another desk has this desk's name"))
    elif st.problem == "admin":
        parts.append(translate("MainWindow", "admin login refused"))
    if st.checkpoint is not None:
        when = st.checkpoint.verified_at.astimezone()
        parts.append(
            translate("MainWindow", "checkpoint #{0} verified {1}").format(
                st.checkpoint.seq, f"{when:%H:%M}"
            )
        )
    tip = i18n.core(st.last_error) if st.last_error else ""
    if st.checkpoint is not None:
        tip = (tip + "\n" if tip else "") + translate(
            "MainWindow", "Audit chain {0} anchored on the shared database up to event {1}"
        ).format(st.checkpoint.chain, st.checkpoint.seq)
    return " · ".join(parts), tip
