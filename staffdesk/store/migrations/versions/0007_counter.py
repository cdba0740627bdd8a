"""counter: name-search tokens, signed paper form, not-a-contact reason, approver badge indexes

Revision ID: 0007
Revises: 0003

- `student_name_token` (permanent_id, token, school_code, words, before): any word of any name
  part found by an indexed prefix (`text_pattern_ops` on PostgreSQL, NOCASE on SQLite), district
  wide or per school; filled here from the roster.
- `access_request.paper_form_signed`: the clerk saw the parent's signature (false for older rows).
- `access_request.replaces_request_id`: a lost slip's request names the one whose code it replaces.
- `decision.not_a_contact_reason`: why a guardian not on the contact list was approved.
- Indexes for the approver's "waiting for me" count: access_request (status, school_code) and
  identity_check (verified_by).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKEN = sa.String(length=100).with_variant(sa.String(length=100, collation="NOCASE"), "sqlite")


def upgrade() -> None:
    op.create_table(
        "student_name_token",
        sa.Column("permanent_id", sa.String(length=12), nullable=False),
        sa.Column("token", TOKEN, nullable=False),
        sa.Column("school_code", sa.String(length=20), nullable=False),
        sa.Column("words", sa.String(length=250), nullable=False),
        sa.Column("before", sa.String(length=250), nullable=False),
        sa.ForeignKeyConstraint(
            ["permanent_id"],
            ["student.permanent_id"],
            name=op.f("fk_student_name_token_permanent_id_student"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("permanent_id", "token", name=op.f("pk_student_name_token")),
    )
    op.create_index(
        "ix_student_name_token_token",
        "student_name_token",
        ["token", "permanent_id", "words", "before"],
        unique=False,
        postgresql_ops={"token": "text_pattern_ops"},
    )
    op.create_index(
        "ix_student_name_token_school",
        "student_name_token",
        ["school_code", "token", "permanent_id"],
        unique=False,
        postgresql_ops={"token": "text_pattern_ops"},
    )
    with op.batch_alter_table("access_request", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "paper_form_signed", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
        batch_op.add_column(
            sa.Column("replaces_request_id", sa.String(length=36), nullable=True)
        )
        batch_op.create_index(
            "ix_access_request_status_school", ["status", "school_code"], unique=False
        )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "not_a_contact_reason", sa.String(length=500), server_default="", nullable=False
            )
        )
    with op.batch_alter_table("identity_check", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_identity_check_verified_by"), ["verified_by"], unique=False
        )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # derived from the roster: the same writers as `student` (see migration 0002)
        op.execute(
            "GRANT SELECT, INSERT, UPDATE, DELETE ON student_name_token TO staffdesk_app"
        )
    from staffdesk.store import name_tokens

    name_tokens.rebuild(bind, pairs=False)  # 0012 adds the pairs


def downgrade() -> None:
    with op.batch_alter_table("identity_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_identity_check_verified_by"))
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_column("not_a_contact_reason")
    with op.batch_alter_table("access_request", schema=None) as batch_op:
        batch_op.drop_index("ix_access_request_status_school")
        batch_op.drop_column("replaces_request_id")
        batch_op.drop_column("paper_form_signed")
    for name in ("ix_student_name_token_school", "ix_student_name_token_token"):
        op.drop_index(
            name, table_name="student_name_token", postgresql_ops={"token": "text_pattern_ops"}
        )
    op.drop_table("student_name_token")
