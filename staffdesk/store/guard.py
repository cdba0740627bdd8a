"""What the shared database itself enforces (migrations 0008, 0013), listed so it can be checked.

`expected_guards(dialect)` names the roles, the grants each role must have or must not have, and
the triggers; `missing_guards(bind)` reads the database's catalogue and says what is missing or
wrong, one line each (`staffdesk doctor` shows them). SQLite, the local store, has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

ROLES = ("staffdesk_app", "staffdesk_admin", "portal_app")
# written on the shared database only by an admin's login
PRIVILEGED_TABLES = (
    "school",
    "student",
    "student_contact",
    "student_name_token",
    "student_name_pair",
    "staff_user",
    "staff_school",
    "setting",
)
WRITES = ("INSERT", "UPDATE", "DELETE")

# the tables whose changes the shared database counts in sync_change (migration 0013)
STAMPED = (
    "school", "student", "student_contact", "sync_tombstone", "staff_user", "staff_school",
    "setting",
)  # fmt: skip
# (trigger, table) per dialect
PG_TRIGGERS = (
    ("sd_passcode_forward", "passcode"),
    ("sd_passcode_issue", "passcode"),
    ("sd_passcode_audited", "passcode"),
    ("sd_head_forward", "audit_head"),
    ("sd_event_append_only", "audit_event"),
    ("sd_event_no_truncate", "audit_event"),
    ("sd_checkpoint_extends", "audit_checkpoint"),
    ("sd_checkpoint_append_only", "audit_checkpoint"),
    ("sd_checkpoint_no_truncate", "audit_checkpoint"),
    *[(f"sd_changed_{t}", t) for t in STAMPED],
    ("sd_changed_access_request", "access_request"),
)
MARIADB_TRIGGERS = (
    ("sd_passcode_forward", "passcode"),
    ("sd_passcode_issue", "passcode"),
    ("sd_head_forward", "audit_head"),
    ("sd_head_keep", "audit_head"),
    ("sd_event_append_only", "audit_event"),
    ("sd_event_keep", "audit_event"),
    ("sd_checkpoint_extends", "audit_checkpoint"),
    ("sd_checkpoint_append_only", "audit_checkpoint"),
    ("sd_checkpoint_keep", "audit_checkpoint"),
    ("sd_identity_kept", "identity_check"),
    ("sd_decision_kept", "decision"),
    ("sd_slip_log_kept", "slip_print_log"),
    *[(f"sd_changed_{t}_{e}", t) for t in STAMPED for e in ("insert", "update", "delete")],
    *[(f"sd_changed_access_request_{e}", "access_request") for e in ("insert", "update")],
)


@dataclass(frozen=True, slots=True)
class Guard:
    """One thing the shared database must have: a role, a trigger, or a privilege a role must
    (`granted=True`) or must not (`granted=False`) hold on a table."""

    kind: str  # role | trigger | grant
    name: str  # the role or the trigger
    table: str = ""
    privilege: str = ""
    granted: bool = True

    def missing(self) -> str:
        if self.kind == "role":
            return f"role {self.name} is missing"
        if self.kind == "trigger":
            return f"trigger {self.name} on {self.table} is missing"
        if self.granted:
            return f"{self.name} may not {self.privilege} {self.table} (it must)"
        return f"{self.name} may {self.privilege} {self.table} (it must not)"


def _grants() -> list[Guard]:
    g: list[Guard] = []
    for table in PRIVILEGED_TABLES:
        g.append(Guard("grant", "staffdesk_app", table, "SELECT"))
        g += [Guard("grant", "staffdesk_app", table, p, granted=False) for p in WRITES]
        g += [Guard("grant", "staffdesk_admin", table, p) for p in WRITES]
    for role in ("staffdesk_app", "portal_app"):
        g.append(Guard("grant", role, "audit_checkpoint", "INSERT"))
        g += [Guard("grant", role, "audit_checkpoint", p, granted=False) for p in WRITES[1:]]
        g += [Guard("grant", role, "audit_event", p, granted=False) for p in WRITES[1:]]
        g.append(Guard("grant", role, "audit_head", "DELETE", granted=False))
    # the change counters: read by every desk, written only by the server's triggers
    g.append(Guard("grant", "staffdesk_app", "sync_change", "SELECT"))
    g += [Guard("grant", "staffdesk_app", "sync_change", p, granted=False) for p in WRITES]
    for table in ("staff_user", "setting", "access_request", "decision"):
        g.append(Guard("grant", "portal_app", table, "SELECT", granted=False))
    return g


def expected_guards(dialect: str) -> list[Guard]:
    """Everything migrations 0008 and 0013 leave on a shared database of this dialect."""
    triggers: tuple[tuple[str, str], ...]
    if dialect == "postgresql":
        triggers = PG_TRIGGERS
    elif dialect in ("mysql", "mariadb"):
        triggers = MARIADB_TRIGGERS
    else:
        return []  # the local SQLite store: the workstation's own file, nothing to guard
    roles = [Guard("role", r) for r in ROLES]
    return roles + [Guard("trigger", n, t) for n, t in triggers] + _grants()


def missing_guards(bind: Engine | Connection) -> list[str]:
    """What this database lacks of `expected_guards`, one line each (empty: all present)."""
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            return missing_guards(conn)
    expected = expected_guards(bind.dialect.name)
    if not expected:
        return []
    if bind.dialect.name == "postgresql":
        present = _present_pg(bind, expected)
    else:
        present = _present_mariadb(bind, expected)
    return [g.missing() for g in expected if present[g] != g.granted]


def _present_pg(conn: Connection, expected: list[Guard]) -> dict[Guard, bool]:
    roles = set(conn.scalars(text("SELECT rolname FROM pg_roles")))
    rows = conn.execute(
        text(
            "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal "
            "AND t.tgenabled <> 'D'"  # a disabled trigger guards nothing: reported missing
        )
    )
    triggers = {(str(name), str(table)) for name, table in rows}
    tables = set(
        conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
    )
    present: dict[Guard, bool] = {}
    for g in expected:
        if g.kind == "role":
            present[g] = g.name in roles
        elif g.kind == "trigger":
            present[g] = (g.name, g.table) in triggers
        elif g.name not in roles:
            present[g] = not g.granted  # reported as a missing role already
        elif g.table not in tables:  # an older schema (doctor says so): nothing is granted on it
            present[g] = False
        else:
            present[g] = bool(
                conn.scalar(
                    text("SELECT has_table_privilege(:r, :t, :p)"),
                    {"r": g.name, "t": g.table, "p": g.privilege},
                )
            )
    return present


GRANT_LINE = re.compile(r"^GRANT (?P<privs>.+?) ON (?P<target>\S+) TO ", re.IGNORECASE)


def _role_grants(conn: Connection, role: str, database: str) -> tuple[set[tuple[str, str]], bool]:
    """(table, privilege) pairs a MariaDB role holds in this database, and whether it is one."""
    try:
        lines = conn.scalars(text(f"SHOW GRANTS FOR {role}")).all()
    except DBAPIError:  # no such role (error 1141): the caller reports it
        return set(), False
    held: set[tuple[str, str]] = set()
    inherited: list[str] = []
    for line in lines:
        m = GRANT_LINE.match(line)
        if m is None:
            role_grant = re.match(r"^GRANT `?(\w+)`? TO ", line)
            if role_grant:
                inherited.append(role_grant.group(1))
            continue
        target = m.group("target").replace("`", "")
        db_name, _, table = target.partition(".")
        if db_name not in (database, "*"):
            continue
        for priv in re.split(r",\s*(?![^()]*\))", m.group("privs")):
            word = priv.strip().split(" ")[0].split("(")[0].upper()
            if word == "ALL":
                held.update((table, p) for p in ("SELECT", *WRITES))
            elif "(" not in priv:  # a column grant is not a table grant
                held.add((table, word))
    for parent in inherited:
        more, _ = _role_grants(conn, parent, database)
        held |= more
    return held, True


def _present_mariadb(conn: Connection, expected: list[Guard]) -> dict[Guard, bool]:
    database = conn.scalar(text("SELECT DATABASE()"))
    rows = conn.execute(
        text(
            "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS "
            "WHERE TRIGGER_SCHEMA = DATABASE()"
        )
    )
    triggers = {(str(name), str(table)) for name, table in rows}
    grants = {r: _role_grants(conn, r, str(database)) for r in ROLES}
    present: dict[Guard, bool] = {}
    for g in expected:
        if g.kind == "role":
            present[g] = grants[g.name][1]
        elif g.kind == "trigger":
            present[g] = (g.name, g.table) in triggers
        else:
            held, exists = grants[g.name]
            present[g] = (g.table, g.privilege) in held if exists else not g.granted
    return present
