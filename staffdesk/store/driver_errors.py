"""Driver errors sorted into the environment's problems and StaffDesk's bugs.

As qutebrowser's misc/sql.py does for SQLite: a short list of known error codes per driver
means the machine, the disk or the network is at fault (unreachable, disk full, read-only, a lock
held too long, a damaged file); everything else is a bug and stays one. The unit of work turns
the first kind into StoreUnavailable (exit code 4 on the command line, a calm message in the
window) and lets the second through to the crash log.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

# sqlite3 primary result codes (errorcode & 0xff) -> what the person is told
SQLITE = {
    5: "the database is busy: another program held a lock too long",  # SQLITE_BUSY
    6: "the database is locked by another connection",  # SQLITE_LOCKED
    7: "the computer ran out of memory",  # SQLITE_NOMEM
    8: "the database file is read-only",  # SQLITE_READONLY
    10: "the disk could not be read or written",  # SQLITE_IOERR
    11: "the database file is damaged",  # SQLITE_CORRUPT
    13: "the disk is full",  # SQLITE_FULL
    14: "the database file cannot be opened",  # SQLITE_CANTOPEN
    15: "the database file's locking failed",  # SQLITE_PROTOCOL
    26: "the file is not a database",  # SQLITE_NOTADB
}

# PostgreSQL SQLSTATE classes and codes
POSTGRES_CLASSES = {
    "08": "the database server cannot be reached",  # connection exception
    "53": "the database server is out of resources (disk, memory or connections)",
    "57": "the database server is shutting down or refused the work",  # operator intervention
    "58": "the database server had a system error (I/O)",
}
POSTGRES_CODES = {
    "25006": "the database is read-only",  # read_only_sql_transaction
    "55P03": "a lock was held too long by another connection",  # lock_not_available
    "40P01": "the database broke a deadlock: try again",  # deadlock_detected
    "40001": "another change got in the way: try again",  # serialization_failure
    "28000": "the database refused the sign-in",  # invalid_authorization_specification
    "28P01": "the database refused the password",  # invalid_password
}

# MariaDB/MySQL error numbers (server and client)
MYSQL = {
    1021: "the database server's disk is full",
    1040: "the database server has too many connections",
    1045: "the database refused the sign-in",
    1114: "a database table is full",
    1205: "a lock was held too long by another connection",
    1213: "the database broke a deadlock: try again",
    1290: "the database server is read-only",
    1792: "the database is read-only",
    2002: "the database server cannot be reached",
    2003: "the database server cannot be reached",
    2005: "the database server's name is unknown",
    2006: "the database server went away",
    2013: "the connection to the database server was lost",
}


def _sqlite(orig: BaseException) -> str | None:
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return SQLITE.get(code & 0xFF)
    text = str(orig).lower()  # older sqlite3 modules: only the message
    for needle, reason in (
        ("database is locked", SQLITE[5]),
        ("readonly database", SQLITE[8]),
        ("disk i/o error", SQLITE[10]),
        ("malformed", SQLITE[11]),
        ("database or disk is full", SQLITE[13]),
        ("unable to open database", SQLITE[14]),
        ("file is not a database", SQLITE[26]),
    ):
        if needle in text:
            return reason
    return None


def environment_problem(exc: DBAPIError) -> str | None:
    """What is wrong with the environment, or None when the error is a bug."""
    orig = exc.orig
    if orig is None:
        return None
    module = type(orig).__module__
    if module.startswith("sqlite3"):
        return _sqlite(orig)
    if module.startswith("psycopg"):
        state = getattr(orig, "sqlstate", None)
        if state is None:  # no answer from a server at all: it was never reached
            return POSTGRES_CLASSES["08"] if _no_server(orig) else None
        return POSTGRES_CODES.get(state) or POSTGRES_CLASSES.get(state[:2])
    if module.startswith("pymysql"):
        args = getattr(orig, "args", ())
        code = args[0] if args and isinstance(args[0], int) else None
        return MYSQL.get(code) if code is not None else None
    return None


def _no_server(orig: BaseException) -> bool:
    import psycopg

    return isinstance(orig, psycopg.OperationalError)


# The shared database's own refusals (migration 0008): a trust guard's trigger, or a privilege
# this database login does not hold.
GUARD_PREFIX = "staffdesk guard: "
POSTGRES_GUARD = "23SD1"
POSTGRES_PRIVILEGE = "42501"  # insufficient_privilege
MYSQL_GUARD = 4025  # SIGNAL … SET MYSQL_ERRNO = 4025 (ER_CONSTRAINT_FAILED)
MYSQL_PRIVILEGE = (1142, 1143, 1227)  # table, column, operation denied


def _first_line(orig: BaseException) -> str:
    args: tuple[object, ...] = getattr(orig, "args", ())
    if type(orig).__module__.startswith("pymysql") and len(args) > 1:
        raw = str(args[1])
    else:
        raw = str(orig)
    lines = raw.strip().splitlines()
    return lines[0][:300] if lines else ""


def database_refusal(exc: DBAPIError) -> str | None:
    """What the shared database refused and why, when it was a guard or a privilege; else None."""
    orig = exc.orig
    if orig is None:
        return None
    module = type(orig).__module__
    if module.startswith("psycopg"):
        state = getattr(orig, "sqlstate", None)
        if state == POSTGRES_GUARD:
            return _first_line(orig).removeprefix(GUARD_PREFIX)
        if state == POSTGRES_PRIVILEGE:
            return f"this database login may not do that ({_first_line(orig)})"
        return None
    if module.startswith("pymysql"):
        args = getattr(orig, "args", ())
        code = args[0] if args and isinstance(args[0], int) else None
        if code == MYSQL_GUARD and _first_line(orig).startswith(GUARD_PREFIX):
            return _first_line(orig).removeprefix(GUARD_PREFIX)
        if code in MYSQL_PRIVILEGE:
            return f"this database login may not do that ({_first_line(orig)})"
    return None
