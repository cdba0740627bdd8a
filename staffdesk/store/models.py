"""SQLAlchemy typed models: the shared-database contract (docs/shared-database.md).

Ownership is by column. Roster tables are written by roster import; office workflow tables by
StaffDesk only; the columns marked PORTAL on `passcode` and the `portal_link` table by the portal.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql import expression
from sqlalchemy.types import TypeEngine

# A BCP 47 language tag (RFC 5646 asks for 35 characters). SQLite stores any length in a VARCHAR
# and its stores keep the first release's VARCHAR(8) declaration (migration 0006).
LanguageTag = String(35).with_variant(String(8), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Stores naive UTC on every engine and hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name in ("mysql", "mariadb"):
            from sqlalchemy.dialects import mysql  # loaded with its dialect, not at every start

            return dialect.type_descriptor(mysql.DATETIME(fsp=6))
        return dialect.type_descriptor(DateTime())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# A case-insensitive text column on SQLite, so LIKE 'abc%' can use the index there.
SearchKey = String(200).with_variant(String(200, collation="NOCASE"), "sqlite")
TokenKey = String(100).with_variant(String(100, collation="NOCASE"), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# ---------------------------------------------------------------- roster (roster import writes)


class School(Base):
    __tablename__ = "school"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class Student(Base):
    __tablename__ = "student"
    permanent_id: Mapped[str] = mapped_column(String(12), primary_key=True)
    school_code: Mapped[str] = mapped_column(ForeignKey("school.code"), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    middle_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100))
    grade: Mapped[str] = mapped_column(String(4))
    primary_phone: Mapped[str] = mapped_column(String(20))  # E.164
    language: Mapped[str] = mapped_column(LanguageTag, default="")  # a BCP 47 tag
    # domain.names.search_key("last first middle") for prefix search: case and Latin accents
    # folded, letters of every script kept, one space between words
    name_key: Mapped[str] = mapped_column(SearchKey)
    # pulls read rows past a high-water mark of it (sync/pull.py): indexed (migration 0011)
    updated_at: Mapped[datetime] = mapped_column(
        UtcDateTime, default=utcnow, onupdate=utcnow, index=True
    )

    __table_args__ = (
        Index("ix_student_name_key", "name_key", postgresql_ops={"name_key": "text_pattern_ops"}),
    )


class StudentNameToken(Base):
    """Derived from `student` (domain/name_search.py): one row per search word of a student's
    names, so any word of any name part is found by an indexed prefix. The row carries the
    student's other words, so a search of several words filters inside the index instead of
    probing per row. Written wherever student rows are written (store/name_tokens.py)."""

    __tablename__ = "student_name_token"
    permanent_id: Mapped[str] = mapped_column(
        ForeignKey("student.permanent_id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(TokenKey, primary_key=True)
    school_code: Mapped[str] = mapped_column(String(20))
    # " a b c ": all the student's tokens, sorted; " a ": those sorting before `token`
    words: Mapped[str] = mapped_column(String(250))
    before: Mapped[str] = mapped_column(String(250))

    __table_args__ = (
        Index(
            "ix_student_name_token_token",
            "token",
            "permanent_id",
            "words",
            "before",
            postgresql_ops={"token": "text_pattern_ops"},
        ),
        Index(
            "ix_student_name_token_school",
            "school_code",
            "token",
            "permanent_id",
            postgresql_ops={"token": "text_pattern_ops"},
        ),
    )


class StudentNamePair(Base):
    """Derived from `student` like `student_name_token`: one row per ordered pair of two
    different search words of a student's names (those `words` holds), so a search of two words
    that each match many students ("sofia o": 25,000 Sofias, every O surname) reads only the
    students who have both, by an indexed (token, other-word prefix) range, instead of every
    student of the longer word (services/student_search.py)."""

    __tablename__ = "student_name_pair"
    permanent_id: Mapped[str] = mapped_column(
        ForeignKey("student.permanent_id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(TokenKey, primary_key=True)
    other: Mapped[str] = mapped_column(TokenKey, primary_key=True)

    __table_args__ = (
        Index(
            "ix_student_name_pair_token",
            "token",
            "other",
            "permanent_id",
            postgresql_ops={"token": "text_pattern_ops", "other": "text_pattern_ops"},
        ),
        {"sqlite_with_rowid": False},
    )


class StudentContact(Base):
    __tablename__ = "student_contact"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # uuid5(permanent id, name)
    permanent_id: Mapped[str] = mapped_column(ForeignKey("student.permanent_id"), index=True)
    contact_name: Mapped[str] = mapped_column(String(200))
    relationship: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")  # E.164 or empty
    email: Mapped[str] = mapped_column(String(254), default="")
    emergency_order: Mapped[int] = mapped_column(Integer, default=1)
    portal_access: Mapped[str] = mapped_column(String(12), default="allowed")  # or restricted
    # pulls read rows past a high-water mark of it (sync/pull.py): indexed (migration 0011)
    updated_at: Mapped[datetime] = mapped_column(
        UtcDateTime, default=utcnow, onupdate=utcnow, index=True
    )


# ------------------------------------------------------- office workflow (StaffDesk writes only)


class StaffUser(Base):
    __tablename__ = "staff_user"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class StaffSchool(Base):
    __tablename__ = "staff_school"
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff_user.id"), primary_key=True)
    school_code: Mapped[str] = mapped_column(ForeignKey("school.code"), primary_key=True)


class AccessRequest(Base):
    __tablename__ = "access_request"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    school_code: Mapped[str] = mapped_column(ForeignKey("school.code"), index=True)
    permanent_id: Mapped[str] = mapped_column(ForeignKey("student.permanent_id"), index=True)
    student_first_name: Mapped[str] = mapped_column(String(100))  # as written on the form
    student_middle_name: Mapped[str] = mapped_column(String(100), default="")
    student_last_name: Mapped[str] = mapped_column(String(100), index=True)  # queue sort
    name_mismatch: Mapped[bool] = mapped_column(Boolean, default=False)
    guardian_name: Mapped[str] = mapped_column(String(200), index=True)  # queue sort
    address: Mapped[str] = mapped_column(String(400))
    phone: Mapped[str] = mapped_column(String(20))  # E.164
    email: Mapped[str] = mapped_column(String(254))
    signed_on: Mapped[date] = mapped_column(Date)
    # the clerk saw the parent's signature on the paper form (false: recorded before 0007)
    paper_form_signed: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=expression.false()
    )
    language: Mapped[str] = mapped_column(LanguageTag, default="")  # a BCP 47 tag
    # a lost slip: the request whose code this one's issue revokes (no FK: rows of one table
    # reach the shared database in one batch, in any order)
    replaces_request_id: Mapped[str | None] = mapped_column(String(36), default=None)
    status: Mapped[str] = mapped_column(String(12), index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    workstation: Mapped[str] = mapped_column(String(64))
    # pulls read rows past a high-water mark of it (sync/pull.py): indexed (migration 0011)
    updated_at: Mapped[datetime] = mapped_column(
        UtcDateTime, default=utcnow, onupdate=utcnow, index=True
    )

    __mapper_args__ = {"version_id_col": version}
    # an approver's badge counts verified requests at their schools: one index range per school
    __table_args__ = (
        Index("ix_access_request_status_school", "status", "school_code"),
        # a desk's pull asks each of its schools for its newest request (migration 0011)
        Index("ix_access_request_school_updated", "school_code", "updated_at"),
    )


class IdentityCheck(Base):
    __tablename__ = "identity_check"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    request_id: Mapped[str] = mapped_column(ForeignKey("access_request.id"), unique=True)
    document_kind: Mapped[str] = mapped_column(String(20))
    document_description: Mapped[str] = mapped_column(String(200), default="")
    last4: Mapped[str] = mapped_column(String(4), default="")  # never the full number
    verified_by: Mapped[str] = mapped_column(String(64), index=True)
    verified_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    workstation: Mapped[str] = mapped_column(String(64))


class Decision(Base):
    __tablename__ = "decision"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    request_id: Mapped[str] = mapped_column(ForeignKey("access_request.id"), unique=True)
    outcome: Mapped[str] = mapped_column(String(12))  # approved | rejected
    reason: Mapped[str] = mapped_column(String(500), default="")
    override_reason: Mapped[str] = mapped_column(String(500), default="")
    # why a guardian who is not on the student's emergency-contact list was approved
    not_a_contact_reason: Mapped[str] = mapped_column(String(500), default="", server_default="")
    decided_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    workstation: Mapped[str] = mapped_column(String(64))


class Passcode(Base):
    __tablename__ = "passcode"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    permanent_id: Mapped[str] = mapped_column(ForeignKey("student.permanent_id"), index=True)
    request_id: Mapped[str] = mapped_column(ForeignKey("access_request.id"), index=True)
    vpc_hash: Mapped[str] = mapped_column(String(255))  # argon2id PHC string; never the code
    serial: Mapped[str] = mapped_column(String(24), unique=True)  # printed on the slip
    batch_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    revoked_by: Mapped[str | None] = mapped_column(String(64), default=None)
    revoke_reason: Mapped[str | None] = mapped_column(String(500), default=None)
    workstation: Mapped[str] = mapped_column(String(64))
    # PORTAL-owned columns: written by the portal check only
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    used_by_account: Mapped[str | None] = mapped_column(String(254), default=None)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class PortalLink(Base):
    """PORTAL-owned: an account linked to a student, and which emergency contact it belongs to."""

    __tablename__ = "portal_link"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    permanent_id: Mapped[str] = mapped_column(ForeignKey("student.permanent_id"), index=True)
    account_email: Mapped[str] = mapped_column(String(254))
    passcode_id: Mapped[str] = mapped_column(ForeignKey("passcode.id"))
    contact_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # pulls read links past a high-water mark of it (sync/pull.py): indexed (0011)
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)

    __table_args__ = (UniqueConstraint("permanent_id", "account_email"),)


class PortalThrottle(Base):
    """PORTAL-owned: failed portal checks per portal account and per student id, counted in an
    expiring window (LockoutPolicy.account / .student). Keys are validated, normalised
    identifiers (an account email, a permanent id), never raw input."""

    __tablename__ = "portal_throttle"
    scope: Mapped[str] = mapped_column(String(8), primary_key=True)  # account | student
    key: Mapped[str] = mapped_column(String(254), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime)
    failures: Mapped[int] = mapped_column(Integer)


class SignInThrottle(Base):
    """Failed staff sign-ins per account and per workstation in an expiring window. Keys are
    SHA-256 digests, so a password typed into the user name field is not kept."""

    __tablename__ = "signin_throttle"
    scope: Mapped[str] = mapped_column(String(12), primary_key=True)  # account | workstation
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime)
    failures: Mapped[int] = mapped_column(Integer)


class SlipPrintLog(Base):
    __tablename__ = "slip_print_log"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    passcode_id: Mapped[str] = mapped_column(ForeignKey("passcode.id"), index=True)
    serial: Mapped[str] = mapped_column(String(24))
    kind: Mapped[str] = mapped_column(String(12))  # slip | family | batch
    language: Mapped[str] = mapped_column(LanguageTag)  # the slip's language code
    printed_by: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    workstation: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class AuditEvent(Base):
    """Append-only; each event's hash covers its fields and the previous event's hash."""

    __tablename__ = "audit_event"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    chain: Mapped[str] = mapped_column(String(64))  # one chain per writer (workstation, portal)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(254))
    workstation: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    details: Mapped[str] = mapped_column(Text)  # JSON, never a secret
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("chain", "seq"),)


class AuditHead(Base):
    """The last event of each chain: locking this row serialises writers of one chain, and it
    lets verification notice a deleted tail."""

    __tablename__ = "audit_head"
    chain: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class AuditCheckpoint(Base):
    """Append-only anchor of a chain's head (migration 0008): on the shared database a trigger
    refuses a checkpoint that does not extend the chain's previous one and stamps the server's
    clock and the database login; no application role may update or delete one."""

    __tablename__ = "audit_checkpoint"
    chain: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))
    written_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    written_by: Mapped[str] = mapped_column(String(128), default="")  # the database login
    source: Mapped[str] = mapped_column(String(64), default="")  # "portal", "sync ws-a", ...


class Outbox(Base):
    """Local store only: changes waiting to be pushed to the shared database, in order."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
