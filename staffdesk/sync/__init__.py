"""Sync with the shared database (docs/sync.md): `engine` (push, pull, conflicts, status),
`connection` (URL + keyring password, watch loop), `config`, `secrets`, `commands` (CLI).
No Qt here: the UI runs a round in a worker and shows `engine.status`."""
