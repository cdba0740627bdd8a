"""trust boundary: an admin role, forward-only passcodes, audit checkpoints (issue 8)

Revision ID: 0008
Revises: 0005

On every engine: the append-only `audit_checkpoint` table (a chain's head as it stood when a
sync round or a portal check anchored it). On the shared database engines (PostgreSQL and
MariaDB), what staffdesk/store/guard.py lists and `staffdesk doctor` checks:

- Roles. `staffdesk_app` (every front-desk login) may read staff, staff-school assignments,
  settings and the roster but no longer write them; `staffdesk_admin` (a group role each district
  admin's own login is granted: one set of grants, a name on every change) has everything
  `staffdesk_app` has plus those writes; `portal_app` may add checkpoints. MariaDB gets the same
  roles and grants 0002 gave PostgreSQL (it had none before).
- Triggers. A passcode only moves forward (revoked_at and used_at once set never change,
  expires_at is never extended and never more than domain.passcode.MAX_DAYS after issue, the code
  itself never changes); a passcode row is inserted only for an approved request, approved by
  someone other than the identity checker while the two-person rule is on, and only with its
  issuance audit event (PostgreSQL: a deferred constraint trigger checks it at commit; MariaDB has
  no deferred triggers, so the event must be written first in the same transaction). Audit
  events, checkpoints and chain heads never move back: events and checkpoints are append-only, a
  head never decreases, a checkpoint must extend its chain's previous one.

Every refusal says "staffdesk guard: …" with SQLSTATE class 23 (PostgreSQL 23SD1; MariaDB
error 4025), so the drivers report it as an integrity error (store/driver_errors.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

from staffdesk.domain.passcode import MAX_DAYS

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

# written on the shared database only with an admin's login
PRIVILEGED = (
    "school, student, student_contact, student_name_token, staff_user, staff_school, setting, "
    "sync_tombstone"
)
PASSCODE_OFFICE = (
    "id, permanent_id, request_id, vpc_hash, serial, batch_id, issued_by, issued_at, "
    "expires_at, revoked_at, revoked_by, revoke_reason, workstation"
)
PASSCODE_PORTAL = "used_at, used_by_account, failed_attempts, locked_until"
# what never changes once a passcode is issued
AS_ISSUED = (
    "id", "permanent_id", "request_id", "vpc_hash", "serial", "batch_id", "issued_by",
    "issued_at", "workstation",
)  # fmt: skip
ISSUE_ACTIONS = "('passcode.issue', 'passcode.reissue')"
CLOCK_SLACK_HOURS = 24  # a desk's clock may run this far ahead of the server's when it issues

PG_GRANTS = [
    f"REVOKE INSERT, UPDATE, DELETE ON {PRIVILEGED} FROM staffdesk_app",
    "GRANT staffdesk_app TO staffdesk_admin",
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON {PRIVILEGED} TO staffdesk_admin",
    "GRANT SELECT, INSERT ON audit_checkpoint TO staffdesk_app, portal_app",
]

# MariaDB had no roles before: what 0002, 0005, 0007 and this migration give on PostgreSQL
MARIADB_GRANTS = [
    f"GRANT SELECT ON {t} TO staffdesk_app" for t in PRIVILEGED.split(", ")
] + [
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON {t} TO staffdesk_admin"
    for t in PRIVILEGED.split(", ")
] + [
    "GRANT SELECT, INSERT, UPDATE ON access_request TO staffdesk_app",
    "GRANT SELECT, INSERT, UPDATE ON outbox TO staffdesk_app",
    "GRANT SELECT, INSERT ON identity_check TO staffdesk_app",
    "GRANT SELECT, INSERT ON decision TO staffdesk_app",
    "GRANT SELECT, INSERT ON slip_print_log TO staffdesk_app",
    "GRANT SELECT ON passcode TO staffdesk_app",
    "GRANT SELECT ON portal_link TO staffdesk_app",
    "GRANT SELECT ON alembic_version TO staffdesk_app",
    f"GRANT INSERT ({PASSCODE_OFFICE}) ON passcode TO staffdesk_app",
    # a push's upsert is ON DUPLICATE KEY UPDATE, which needs UPDATE on every column it inserts:
    # sd_passcode_forward keeps all but the revocation as issued
    f"GRANT UPDATE ({PASSCODE_OFFICE}) ON passcode TO staffdesk_app",
    "GRANT SELECT, INSERT ON audit_event TO staffdesk_app",
    "GRANT SELECT, INSERT, UPDATE ON audit_head TO staffdesk_app",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON signin_throttle TO staffdesk_app",
    "GRANT SELECT, INSERT ON audit_checkpoint TO staffdesk_app",
    "GRANT SELECT ON student TO portal_app",
    "GRANT SELECT ON student_contact TO portal_app",
    "GRANT SELECT ON passcode TO portal_app",
    "GRANT SELECT ON portal_link TO portal_app",
    "GRANT SELECT ON alembic_version TO portal_app",
    f"GRANT UPDATE ({PASSCODE_PORTAL}) ON passcode TO portal_app",
    "GRANT INSERT, UPDATE ON portal_link TO portal_app",
    "GRANT INSERT ON audit_event TO portal_app",
    "GRANT SELECT, INSERT, UPDATE ON audit_head TO portal_app",
    "GRANT SELECT, INSERT, UPDATE ON portal_throttle TO portal_app",
    "GRANT SELECT, INSERT ON audit_checkpoint TO portal_app",
    "GRANT staffdesk_app TO staffdesk_admin",
] + [
    # a push's "insert if missing" is ON DUPLICATE KEY UPDATE id = id on MariaDB, which needs
    # the UPDATE privilege on every column inserted; sd_*_kept refuses any real change of a row
    f"GRANT UPDATE ON {t} TO staffdesk_app" for t in ("identity_check", "decision", "slip_print_log")
]
KEPT = {
    "identity_check": (
        "sd_identity_kept",
        "id request_id document_kind document_description last4 verified_by verified_at "
        "workstation",
    ),
    "decision": (
        "sd_decision_kept",
        "id request_id outcome reason override_reason not_a_contact_reason decided_by "
        "decided_at workstation",
    ),
    "slip_print_log": (
        "sd_slip_log_kept",
        "id passcode_id serial kind language printed_by printed_at workstation",
    ),
}

# ----------------------------------------------------------------------------- PostgreSQL

PG_REFUSE = "USING ERRCODE = '23SD1'"


def _pg_raise(message: str, *args: str) -> str:
    params = "".join(f", {a}" for a in args)
    return f"RAISE EXCEPTION 'staffdesk guard: {message}'{params} {PG_REFUSE};"


def _pg_person(name: str) -> str:
    """domain.workflow.person_of in SQL: the account without its directory domain, lower-case
    (jdoe and DISTRICT\\jdoe are one person for the two-person rule)."""
    return f"lower(btrim(regexp_replace({name}, '^.*\\\\', '')))"


PG_FUNCTIONS = {
    "sd_passcode_forward": f"""
BEGIN
  IF OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
    {_pg_raise("passcode % is revoked; a revocation is never undone or moved", "OLD.serial")}
  END IF;
  IF OLD.used_at IS NOT NULL AND NEW.used_at IS DISTINCT FROM OLD.used_at THEN
    {_pg_raise("passcode % was used; its use is never undone or moved", "OLD.serial")}
  END IF;
  IF NEW.expires_at > OLD.expires_at THEN
    {_pg_raise("the expiry of passcode % is never extended", "OLD.serial")}
  END IF;
  IF OLD.revoked_at IS NOT NULL AND (NEW.revoked_by IS DISTINCT FROM OLD.revoked_by
     OR NEW.revoke_reason IS DISTINCT FROM OLD.revoke_reason) THEN
    {_pg_raise("passcode % is revoked; who revoked it and why never change", "OLD.serial")}
  END IF;
  IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in AS_ISSUED)} THEN
    {_pg_raise("passcode % stays as issued: only its revocation and the portal columns "
               "change", "OLD.serial")}
  END IF;
  RETURN NEW;
END""",
    "sd_passcode_issue": f"""
DECLARE
  approver text;
  checker text;
  rule text;
BEGIN
  IF EXISTS (SELECT 1 FROM passcode WHERE id = NEW.id) THEN
    RETURN NEW;  -- an upsert of a passcode already here: sd_passcode_forward judges the update
  END IF;
  IF NEW.used_at IS NOT NULL THEN
    {_pg_raise("a new passcode (%) is not used yet", "NEW.serial")}
  END IF;
  IF NEW.issued_at > (now() AT TIME ZONE 'UTC') + interval '{CLOCK_SLACK_HOURS} hours' THEN
    {_pg_raise("passcode % is issued in the future", "NEW.serial")}
  END IF;
  IF NEW.expires_at > NEW.issued_at + interval '{MAX_DAYS} days' THEN
    {_pg_raise(f"passcode % expires more than {MAX_DAYS} days after its issue", "NEW.serial")}
  END IF;
  SELECT decided_by INTO approver FROM decision
   WHERE request_id = NEW.request_id AND outcome = 'approved';
  IF NOT FOUND THEN
    {_pg_raise("passcode % has no approval of its request", "NEW.serial")}
  END IF;
  SELECT verified_by INTO checker FROM identity_check WHERE request_id = NEW.request_id;
  IF NOT FOUND THEN
    {_pg_raise("passcode % has no identity check of its request", "NEW.serial")}
  END IF;
  SELECT value INTO rule FROM setting WHERE key = 'two_person_rule';
  IF coalesce(rule, 'on') <> 'off' AND {_pg_person("approver")} = {_pg_person("checker")} THEN
    {_pg_raise("two-person rule: the request of passcode % was approved by the one who "
               "checked the ID", "NEW.serial")}
  END IF;
  RETURN NEW;
END""",
    "sd_passcode_audited": f"""
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_event WHERE entity_type = 'passcode'
                  AND entity_id = NEW.id AND action IN {ISSUE_ACTIONS}) THEN
    {_pg_raise("passcode % was inserted without its issuance audit event", "NEW.serial")}
  END IF;
  RETURN NULL;
END""",
    "sd_head_forward": f"""
BEGIN
  IF TG_OP = 'DELETE' THEN
    {_pg_raise("the head of audit chain % is never deleted", "OLD.chain")}
  END IF;
  IF NEW.chain <> OLD.chain OR NEW.seq < OLD.seq
     OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN
    {_pg_raise("the head of audit chain % never moves back (event % to %)",
               "OLD.chain", "OLD.seq", "NEW.seq")}
  END IF;
  RETURN NEW;
END""",
    "sd_append_only": f"""
BEGIN
  {_pg_raise("% is append-only", "TG_TABLE_NAME")}
END""",
    "sd_checkpoint_extends": f"""
DECLARE
  problem text;
BEGIN
  problem := sd_checkpoint_problem(NEW.chain, NEW.seq, NEW.hash);
  IF problem IS NOT NULL THEN
    {_pg_raise("a checkpoint of audit chain % at event %: %", "NEW.chain", "NEW.seq", "problem")}
  END IF;
  NEW.written_at := clock_timestamp() AT TIME ZONE 'UTC';
  NEW.written_by := CASE WHEN session_user = current_user THEN session_user::text
                         ELSE session_user || ' as ' || current_user END;
  RETURN NEW;
END""",
}
# run as their owner, so a role that may not read the whole trail still gets the full check
PG_DEFINER = {
    "sd_checkpoint_problem": (
        "c text, s integer, h text",
        "text",
        """
DECLARE
  last_seq integer;
  last_hash text;
  found_hash text;
BEGIN
  SELECT seq, hash INTO last_seq, last_hash FROM audit_checkpoint
   WHERE chain = c ORDER BY seq DESC LIMIT 1;
  IF last_seq IS NOT NULL AND s <= last_seq THEN
    RETURN format('it does not extend the checkpoint at event %s', last_seq);
  END IF;
  SELECT hash INTO found_hash FROM audit_event WHERE chain = c AND seq = s;
  IF found_hash IS NULL THEN
    RETURN 'the chain has no such event';
  END IF;
  IF found_hash <> h THEN
    RETURN 'the hash is not that event''s';
  END IF;
  IF last_seq IS NOT NULL THEN
    SELECT hash INTO found_hash FROM audit_event WHERE chain = c AND seq = last_seq;
    IF found_hash IS DISTINCT FROM last_hash THEN
      RETURN format('the chain no longer holds event %s as it was checkpointed', last_seq);
    END IF;
  END IF;
  RETURN NULL;
END""",
    ),
}
PG_TRIGGERS = [
    ("sd_passcode_forward", "BEFORE UPDATE ON passcode FOR EACH ROW", "sd_passcode_forward"),
    ("sd_passcode_issue", "BEFORE INSERT ON passcode FOR EACH ROW", "sd_passcode_issue"),
    ("sd_head_forward", "BEFORE UPDATE OR DELETE ON audit_head FOR EACH ROW", "sd_head_forward"),
    ("sd_event_append_only", "BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW",
     "sd_append_only"),
    ("sd_event_no_truncate", "BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT",
     "sd_append_only"),
    ("sd_checkpoint_extends", "BEFORE INSERT ON audit_checkpoint FOR EACH ROW",
     "sd_checkpoint_extends"),
    ("sd_checkpoint_append_only", "BEFORE UPDATE OR DELETE ON audit_checkpoint FOR EACH ROW",
     "sd_append_only"),
    ("sd_checkpoint_no_truncate", "BEFORE TRUNCATE ON audit_checkpoint FOR EACH STATEMENT",
     "sd_append_only"),
]
PG_CONSTRAINT_TRIGGERS = [
    ("sd_passcode_audited", "AFTER INSERT ON passcode DEFERRABLE INITIALLY DEFERRED "
     "FOR EACH ROW", "sd_passcode_audited"),
]


def _pg_pin(name: str, args: str = "") -> None:
    """Pin the function's search path to this schema, pg_temp last: a temporary table of the
    caller's can never stand in for one the guard reads."""
    op.execute(
        "DO $$ BEGIN EXECUTE format('ALTER FUNCTION %I(" + args + ") "
        "SET search_path = %I, pg_temp', '" + name + "', current_schema()); END $$"
    )


def _pg_create_admin_role() -> None:
    op.execute(
        """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'staffdesk_admin') THEN
            BEGIN
              CREATE ROLE staffdesk_admin NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
              NULL;
            END;
          END IF;
        END
        $$
        """
    )


def _pg_upgrade() -> None:
    _pg_create_admin_role()
    for grant in PG_GRANTS:
        op.execute(grant)
    for name, (args, returns, body) in PG_DEFINER.items():
        op.execute(
            f"CREATE FUNCTION {name}({args}) RETURNS {returns} LANGUAGE plpgsql "
            f"SECURITY DEFINER AS $fn${body}$fn$"
        )
        _pg_pin(name, "text, integer, text")
    for name, body in PG_FUNCTIONS.items():
        op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $fn${body}$fn$")
        _pg_pin(name)
    for name, when, function in PG_TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {when} EXECUTE FUNCTION {function}()")
    for name, when, function in PG_CONSTRAINT_TRIGGERS:
        op.execute(f"CREATE CONSTRAINT TRIGGER {name} {when} EXECUTE FUNCTION {function}()")


def _pg_downgrade() -> None:
    for name, when, _ in PG_TRIGGERS + PG_CONSTRAINT_TRIGGERS:
        table = when.split(" ON ")[1].split()[0]
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for name in PG_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.execute("DROP FUNCTION IF EXISTS sd_checkpoint_problem(text, integer, text)")
    op.execute(f"REVOKE ALL ON {PRIVILEGED} FROM staffdesk_admin")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {PRIVILEGED} TO staffdesk_app")


# -------------------------------------------------------------------------------- MariaDB


def _my_raise(message: str) -> str:
    """`message`: an SQL expression (CONCAT …) for the refusal's text."""
    return (
        f"BEGIN SET msg = CONCAT('staffdesk guard: ', {message}); "
        "SIGNAL SQLSTATE '23000' SET MYSQL_ERRNO = 4025, MESSAGE_TEXT = msg; END"
    )


def _my_person(name: str) -> str:
    """domain.workflow.person_of in MariaDB's SQL (its string literals escape with \\)."""
    return f"LOWER(TRIM(SUBSTRING_INDEX({name}, '\\\\', -1)))"


HEAD_KEPT = "'the head of audit chain ', OLD.chain, ' is never deleted'"
MY_TRIGGERS = {
    "sd_passcode_forward": (
        "BEFORE UPDATE ON passcode",
        f"""
  IF OLD.revoked_at IS NOT NULL AND NOT (NEW.revoked_at <=> OLD.revoked_at) THEN
    {_my_raise("'passcode ', OLD.serial, ' is revoked; a revocation is never undone or moved'")};
  END IF;
  IF OLD.used_at IS NOT NULL AND NOT (NEW.used_at <=> OLD.used_at) THEN
    {_my_raise("'passcode ', OLD.serial, ' was used; its use is never undone or moved'")};
  END IF;
  IF NEW.expires_at > OLD.expires_at THEN
    {_my_raise("'the expiry of passcode ', OLD.serial, ' is never extended'")};
  END IF;
  IF OLD.revoked_at IS NOT NULL AND NOT (BINARY NEW.revoked_by <=> BINARY OLD.revoked_by
     AND BINARY NEW.revoke_reason <=> BINARY OLD.revoke_reason) THEN
    {_my_raise("'passcode ', OLD.serial, ' is revoked; who revoked it and why never change'")};
  END IF;
  IF NOT ({" AND ".join(f"BINARY NEW.{c} <=> BINARY OLD.{c}" for c in AS_ISSUED)}) THEN
    {_my_raise("'passcode ', OLD.serial, ' stays as issued: only its revocation and the "
               "portal columns change'")};
  END IF;""",
    ),
    "sd_passcode_issue": (
        "BEFORE INSERT ON passcode",
        f"""
  DECLARE approver VARCHAR(64);
  DECLARE checker VARCHAR(64);
  DECLARE two_person TEXT;
  IF NOT EXISTS (SELECT 1 FROM passcode WHERE id = NEW.id) THEN
    IF NEW.used_at IS NOT NULL THEN
      {_my_raise("'a new passcode (', NEW.serial, ') is not used yet'")};
    END IF;
    IF NEW.issued_at > UTC_TIMESTAMP(6) + INTERVAL {CLOCK_SLACK_HOURS} HOUR THEN
      {_my_raise("'passcode ', NEW.serial, ' is issued in the future'")};
    END IF;
    IF NEW.expires_at > NEW.issued_at + INTERVAL {MAX_DAYS} DAY THEN
      {_my_raise(f"'passcode ', NEW.serial, ' expires more than {MAX_DAYS} days after its issue'")};
    END IF;
    SET approver = (SELECT decided_by FROM decision
                     WHERE request_id = NEW.request_id AND outcome = 'approved');
    IF approver IS NULL THEN
      {_my_raise("'passcode ', NEW.serial, ' has no approval of its request'")};
    END IF;
    SET checker = (SELECT verified_by FROM identity_check WHERE request_id = NEW.request_id);
    IF checker IS NULL THEN
      {_my_raise("'passcode ', NEW.serial, ' has no identity check of its request'")};
    END IF;
    SET two_person = (SELECT value FROM setting WHERE `key` = 'two_person_rule');
    IF COALESCE(two_person, 'on') <> 'off' AND {_my_person("approver")} = {_my_person("checker")} THEN
      {_my_raise("'two-person rule: the request of passcode ', NEW.serial, "
                 "' was approved by the one who checked the ID'")};
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit_event WHERE entity_type = 'passcode'
                    AND entity_id = NEW.id AND action IN {ISSUE_ACTIONS}) THEN
      {_my_raise("'passcode ', NEW.serial, ' was inserted without its issuance audit event "
                 "(on MariaDB it is written first, in the same transaction)'")};
    END IF;
  END IF;""",
    ),
    "sd_head_forward": (
        "BEFORE UPDATE ON audit_head",
        f"""
  IF NEW.chain <> OLD.chain OR NEW.seq < OLD.seq
     OR (NEW.seq = OLD.seq AND BINARY NEW.hash <> BINARY OLD.hash) THEN
    {_my_raise("'the head of audit chain ', OLD.chain, ' never moves back (event ', OLD.seq, "
               "' to ', NEW.seq, ')'")};
  END IF;""",
    ),
    "sd_head_keep": (
        "BEFORE DELETE ON audit_head",
        f"{_my_raise(HEAD_KEPT)};",
    ),
    "sd_event_append_only": (
        "BEFORE UPDATE ON audit_event",
        f"{_my_raise(repr('audit_event is append-only'))};",
    ),
    "sd_event_keep": (
        "BEFORE DELETE ON audit_event",
        f"{_my_raise(repr('audit_event is append-only'))};",
    ),
    "sd_checkpoint_extends": (
        "BEFORE INSERT ON audit_checkpoint",
        f"""
  DECLARE last_seq INT;
  DECLARE last_hash VARCHAR(64);
  DECLARE found_hash VARCHAR(64);
  DECLARE problem VARCHAR(200);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_checkpoint
   WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
  SET found_hash = (SELECT hash FROM audit_event WHERE chain = NEW.chain AND seq = NEW.seq);
  IF last_seq IS NOT NULL AND NEW.seq <= last_seq THEN
    SET problem = CONCAT('it does not extend the checkpoint at event ', last_seq);
  ELSEIF found_hash IS NULL THEN
    SET problem = 'the chain has no such event';
  ELSEIF BINARY found_hash <> BINARY NEW.hash THEN
    SET problem = 'the hash is not that event''s';
  ELSEIF last_seq IS NOT NULL AND NOT (BINARY last_hash <=> BINARY (SELECT hash FROM audit_event
         WHERE chain = NEW.chain AND seq = last_seq)) THEN
    SET problem = CONCAT('the chain no longer holds event ', last_seq, ' as it was checkpointed');
  END IF;
  IF problem IS NOT NULL THEN
    {_my_raise("'a checkpoint of audit chain ', NEW.chain, ' at event ', NEW.seq, ': ', problem")};
  END IF;
  SET NEW.written_at = UTC_TIMESTAMP(6);
  SET NEW.written_by = LEFT(USER(), 128);""",
    ),
    "sd_checkpoint_append_only": (
        "BEFORE UPDATE ON audit_checkpoint",
        f"{_my_raise(repr('audit_checkpoint is append-only'))};",
    ),
    "sd_checkpoint_keep": (
        "BEFORE DELETE ON audit_checkpoint",
        f"{_my_raise(repr('audit_checkpoint is append-only'))};",
    ),
}
MY_TRIGGERS.update(
    {
        name: (
            f"BEFORE UPDATE ON {table}",
            "IF NOT ("
            + " AND ".join(f"BINARY NEW.{c} <=> BINARY OLD.{c}" for c in columns.split())
            + f") THEN {_my_raise(repr(table + ' rows are never changed'))}; END IF;",
        )
        for table, (name, columns) in KEPT.items()
    }
)


def _my_upgrade() -> None:
    for role in ("staffdesk_app", "portal_app", "staffdesk_admin"):
        op.execute(f"CREATE ROLE IF NOT EXISTS {role}")
    for grant in MARIADB_GRANTS:
        op.execute(grant)
    for name, (when, body) in MY_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} {when} FOR EACH ROW BEGIN\n"
            "  DECLARE msg VARCHAR(500);\n" + _declarations_first(body) + "\nEND"
        )


def _declarations_first(body: str) -> str:
    """MariaDB wants every DECLARE before the first statement of a block."""
    lines = body.strip("\n").splitlines()
    declare = [line for line in lines if line.strip().startswith("DECLARE ")]
    rest = [line for line in lines if not line.strip().startswith("DECLARE ")]
    return "\n".join(declare + rest)


def _my_downgrade() -> None:
    for name in MY_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    # the roles stay (server-wide, other databases may use them); their grants here go
    op.execute("SET @sd_db = DATABASE()")
    for role in ("staffdesk_app", "portal_app", "staffdesk_admin"):
        for table in (*PRIVILEGED.split(", "), "access_request", "outbox", "identity_check",
                      "decision", "slip_print_log", "passcode", "portal_link", "alembic_version",
                      "audit_event", "audit_head", "signin_throttle", "portal_throttle",
                      "audit_checkpoint"):  # fmt: skip
            op.execute(
                f"DELETE FROM mysql.tables_priv WHERE Db = @sd_db AND User = '{role}' "
                f"AND Table_name = '{table}'"
            )
            op.execute(
                f"DELETE FROM mysql.columns_priv WHERE Db = @sd_db AND User = '{role}' "
                f"AND Table_name = '{table}'"
            )
    op.execute("FLUSH PRIVILEGES")


# -------------------------------------------------------------------------------- upgrade


def upgrade() -> None:
    op.create_table(
        "audit_checkpoint",
        sa.Column("chain", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("written_at", UTC_DATETIME, nullable=False),
        sa.Column("written_by", sa.String(length=128), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("chain", "seq", name=op.f("pk_audit_checkpoint")),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        _pg_upgrade()
    elif dialect in ("mysql", "mariadb"):
        _my_upgrade()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        _pg_downgrade()
    elif dialect in ("mysql", "mariadb"):
        _my_downgrade()
    op.drop_table("audit_checkpoint")
