"""Sync with the shared database (docs/sync.md): `engine` (one round: `sync_once`), `push`,
`pull`, `conflicts`, `status` (what the status bar shows), `batch` (the outbox read into a
batch), `rows` (what they share), `upsert`; `connection` (URL + keyring password, watch loop),
`config`, `secrets`. The command line is in staffdesk/cli/sync.py; the tables in
staffdesk/store/sync_tables.py. No Qt here: the UI runs a round in a worker and shows
`status.sync_status`."""
