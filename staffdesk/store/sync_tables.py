"""The sync engine's own tables (created by migration 0002), beside the shared-database contract.
The store owns them as it owns every table (staffdesk/sync only reads and writes them).

Local store only: `sync_state` (high-water marks, last sync, last error), `sync_base` (the last
state of a versioned row known to be on the shared database, and states sent but not yet
acknowledged), `sync_conflict` (conflicts and rejected changes, shown to staff). Shared database
only: `sync_tombstone` (roster rows deleted by a push, so other workstations' pulls delete them)
and `sync_change` (how often and when each kind of row changed, counted by triggers: 0013).
They hang on the models' metadata so a schema comparison sees the same tables as the migrations.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, String, Table, Text

from staffdesk.store.models import Base, UtcDateTime

sync_state = Table(
    "sync_state",
    Base.metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

sync_base = Table(
    "sync_base",
    Base.metadata,
    Column("entity_type", String(32), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
    Column("version", Integer, nullable=True),
    Column("digest", String(64), nullable=True),
    # JSON list of [version, digest] pushed but not yet acknowledged (a crash may hide a commit)
    Column("in_flight", Text, nullable=False),
)

sync_conflict = Table(
    "sync_conflict",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(12), nullable=False),  # conflict | rejected
    Column("entity_type", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False, index=True),
    Column("local_version", Integer, nullable=True),
    Column("shared_version", Integer, nullable=True),
    Column("local_state", Text, nullable=False),  # JSON
    Column("shared_state", Text, nullable=False),  # JSON
    Column("message", Text, nullable=False),
    Column("detected_at", UtcDateTime, nullable=False),
    Column("resolved_at", UtcDateTime, nullable=True),
    Column("resolved_by", String(64), nullable=True),
)

sync_tombstone = Table(
    "sync_tombstone",
    Base.metadata,
    Column("entity_type", String(32), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
    Column("deleted_at", UtcDateTime, nullable=False, index=True),
)

# Shared database only (migration 0013): how many times rows of each kind changed there, and
# when last, written by the server's triggers, so an idle sync round asks one small table
sync_change = Table(
    "sync_change",
    Base.metadata,
    Column("kind", String(32), primary_key=True),
    Column("scope", String(20), primary_key=True),  # a school's code for access_request; else ''
    Column("changes", BigInteger, nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
)
