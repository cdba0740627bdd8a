"""sync: engine tables, passcode default, and (PostgreSQL) roles enforcing column ownership

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 15:00:00

The sync engine's tables on every engine (staffdesk/store/sync_tables.py). On the shared database
engines, passcode.failed_attempts gets a server default so StaffDesk can insert a passcode
without naming a portal-owned column. On PostgreSQL only: the roles staffdesk_app and
portal_app (NOLOGIN; give login roles membership) with column-level grants on the tables of the
current schema, and row-level security so each writes only its own audit chains.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

ROLES = ("staffdesk_app", "portal_app")
PASSCODE_OFFICE = (
    "id, permanent_id, request_id, vpc_hash, serial, batch_id, issued_by, issued_at, "
    "expires_at, revoked_at, revoked_by, revoke_reason, workstation"
)
PASSCODE_PORTAL = "used_at, used_by_account, failed_attempts, locked_until"

GRANTS = [
    # StaffDesk: roster import, office workflow, its own audit chains; never portal columns
    "GRANT SELECT, INSERT, UPDATE, DELETE ON school, student, student_contact, staff_user, "
    "staff_school, setting, sync_tombstone TO staffdesk_app",
    "GRANT SELECT, INSERT, UPDATE ON access_request, outbox TO staffdesk_app",
    "GRANT SELECT, INSERT ON identity_check, decision, slip_print_log TO staffdesk_app",
    "GRANT SELECT ON passcode, portal_link, alembic_version TO staffdesk_app",
    f"GRANT INSERT ({PASSCODE_OFFICE}) ON passcode TO staffdesk_app",
    "GRANT UPDATE (revoked_at, revoked_by, revoke_reason) ON passcode TO staffdesk_app",
    "GRANT SELECT, INSERT ON audit_event TO staffdesk_app",
    "GRANT SELECT, INSERT, UPDATE ON audit_head TO staffdesk_app",
    # the portal: what its check reads, the portal-owned columns, links, its own audit chain
    "GRANT SELECT ON student, student_contact, passcode, portal_link, alembic_version "
    "TO portal_app",
    f"GRANT UPDATE ({PASSCODE_PORTAL}) ON passcode TO portal_app",
    "GRANT INSERT, UPDATE ON portal_link TO portal_app",
    "GRANT INSERT ON audit_event TO portal_app",
    "GRANT SELECT, INSERT, UPDATE ON audit_head TO portal_app",
]

POLICIES = [
    ("audit_event", "sd_read", "FOR SELECT TO staffdesk_app, portal_app USING (true)"),
    ("audit_event", "sd_append", "FOR INSERT TO staffdesk_app WITH CHECK (chain <> 'portal')"),
    ("audit_event", "portal_append", "FOR INSERT TO portal_app WITH CHECK (chain = 'portal')"),
    ("audit_head", "sd_read", "FOR SELECT TO staffdesk_app, portal_app USING (true)"),
    ("audit_head", "sd_start", "FOR INSERT TO staffdesk_app WITH CHECK (chain <> 'portal')"),
    ("audit_head", "sd_advance",
     "FOR UPDATE TO staffdesk_app USING (chain <> 'portal') WITH CHECK (chain <> 'portal')"),
    ("audit_head", "portal_start", "FOR INSERT TO portal_app WITH CHECK (chain = 'portal')"),
    ("audit_head", "portal_advance",
     "FOR UPDATE TO portal_app USING (chain = 'portal') WITH CHECK (chain = 'portal')"),
]


def _create_roles() -> None:
    # roles are cluster-wide: create each once, tolerating a concurrent creator
    for role in ROLES:
        op.execute(
            f"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{role}') THEN
                BEGIN
                  CREATE ROLE {role} NOLOGIN;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                  NULL;
                END;
              END IF;
            END
            $$
            """
        )
    op.execute(
        "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO staffdesk_app, portal_app', "
        "current_schema()); END $$"
    )


def upgrade() -> None:
    op.create_table(
        'sync_state',
        sa.Column('key', sa.String(length=100), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state')),
    )
    op.create_table(
        'sync_base',
        sa.Column('entity_type', sa.String(length=32), nullable=False),
        sa.Column('entity_id', sa.String(length=64), nullable=False),
        sa.Column('version', sa.Integer(), nullable=True),
        sa.Column('digest', sa.String(length=64), nullable=True),
        sa.Column('in_flight', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('entity_type', 'entity_id', name=op.f('pk_sync_base')),
    )
    op.create_table(
        'sync_conflict',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('entity_type', sa.String(length=32), nullable=False),
        sa.Column('entity_id', sa.String(length=64), nullable=False),
        sa.Column('local_version', sa.Integer(), nullable=True),
        sa.Column('shared_version', sa.Integer(), nullable=True),
        sa.Column('local_state', sa.Text(), nullable=False),
        sa.Column('shared_state', sa.Text(), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('detected_at', UTC_DATETIME, nullable=False),
        sa.Column('resolved_at', UTC_DATETIME, nullable=True),
        sa.Column('resolved_by', sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict')),
    )
    op.create_index(
        op.f('ix_sync_conflict_entity_id'), 'sync_conflict', ['entity_id'], unique=False
    )
    op.create_table(
        'sync_tombstone',
        sa.Column('entity_type', sa.String(length=32), nullable=False),
        sa.Column('entity_id', sa.String(length=64), nullable=False),
        sa.Column('deleted_at', UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint('entity_type', 'entity_id', name=op.f('pk_sync_tombstone')),
    )
    op.create_index(
        op.f('ix_sync_tombstone_deleted_at'), 'sync_tombstone', ['deleted_at'], unique=False
    )

    dialect = op.get_bind().dialect.name
    if dialect != "sqlite":
        # a push inserts passcodes without naming the portal-owned columns
        op.alter_column(
            'passcode', 'failed_attempts', existing_type=sa.Integer(), existing_nullable=False,
            server_default='0',
        )
    if dialect == "postgresql":
        _create_roles()
        for grant in GRANTS:
            op.execute(grant)
        op.execute(
            "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SEQUENCE %s TO staffdesk_app', "
            "pg_get_serial_sequence('outbox', 'seq')); END $$"
        )
        for table in ("audit_event", "audit_head"):
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for table, name, body in POLICIES:
            op.execute(f"CREATE POLICY {name} ON {table} {body}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table, name, _ in POLICIES:
            op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
        for table in ("audit_event", "audit_head"):
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        tables = (
            "school, student, student_contact, staff_user, staff_school, setting, "
            "access_request, outbox, identity_check, decision, slip_print_log, passcode, "
            "portal_link, audit_event, audit_head, alembic_version, sync_tombstone"
        )
        op.execute(f"REVOKE ALL ON {tables} FROM staffdesk_app, portal_app")
        op.execute(
            "DO $$ BEGIN EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM staffdesk_app', "
            "pg_get_serial_sequence('outbox', 'seq')); "
            "EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM staffdesk_app, portal_app', "
            "current_schema()); END $$"
        )
        # the roles themselves stay: they are cluster-wide and other schemas may use them
    if dialect != "sqlite":
        op.alter_column(
            'passcode', 'failed_attempts', existing_type=sa.Integer(), existing_nullable=False,
            server_default=None,
        )
    op.drop_index(op.f('ix_sync_tombstone_deleted_at'), table_name='sync_tombstone')
    op.drop_table('sync_tombstone')
    op.drop_index(op.f('ix_sync_conflict_entity_id'), table_name='sync_conflict')
    op.drop_table('sync_conflict')
    op.drop_table('sync_base')
    op.drop_table('sync_state')
