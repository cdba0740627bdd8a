"""Roster import from the two CSV files an SIS exports: students, and their contacts.

All-or-nothing: every bad row is reported with its line number and nothing is written unless the
whole import is clean. Re-import updates students in place, keyed by permanent id, and is
idempotent: rows that did not change are not touched.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from staffdesk.domain.errors import ValidationError, ValidationErrors
from staffdesk.domain.messages import msg, os_reason
from staffdesk.domain.names import match_key, search_key
from staffdesk.domain.values import Email, PermanentId, Phone, check_text, clean_text
from staffdesk.domain.workflow import Role
from staffdesk.services import audit
from staffdesk.services.context import Actor, utcnow
from staffdesk.slips.languages import canonical_tag, is_language_tag
from staffdesk.store import name_tokens
from staffdesk.store.models import Outbox, PortalLink, School, Student, StudentContact

STUDENT_REQUIRED = (
    "school_code",
    "permanent_id",
    "first_name",
    "last_name",
    "grade",
    "primary_phone",
)
STUDENT_OPTIONAL = ("middle_name", "language", "school_name")
CONTACT_REQUIRED = ("permanent_id", "contact_name")
CONTACT_OPTIONAL = ("relationship", "phone", "email", "emergency_order", "portal_access")
MAX_LISTED = 50
CONTACT_NS = uuid.UUID("5b0a8f53-2f0e-4a57-9d7e-3c1f0c2b6a11")
CHUNK = 5000


def contact_id(permanent_id: str, contact_name: str) -> str:
    """Stable across imports and workstations, so re-import and sync update in place; two
    names with one matching key (domain.names) are one contact."""
    return str(uuid.uuid5(CONTACT_NS, f"{permanent_id}|{match_key(contact_name)}"))


def name_key(first: str, middle: str, last: str) -> str:
    """student.name_key: the search key of "last first middle" (domain.names.search_key)."""
    return search_key(f"{last} {first} {middle}")


@dataclass(frozen=True, slots=True)
class ImportReport:
    students_added: int
    students_updated: int
    students_unchanged: int
    contacts_added: int
    contacts_updated: int
    contacts_removed: int
    schools_added: tuple[str, ...]
    students_skipped: int = 0  # marked inactive in the source (OneRoster tobedeleted)


Label = Callable[[str], str]


def _rows(
    source: Path | str, label: str, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each record; headers normalised, extra columns ignored."""
    path = Path(source)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            label, msg("file.cannot_read", path=str(path), reason=os_reason(exc))
        ) from None
    return csv_rows(raw, path.name, label, required)


def csv_rows(
    raw: bytes, name: str, label: str, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each record of one CSV file's bytes (UTF-8, with or without BOM).

    Headers are matched without case, spaces read as underscores; a record spanning several
    lines is numbered by its first; blank records are skipped.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(label, msg("roster.not_utf8", name=name, byte=exc.start)) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)

    def records() -> Iterator[list[str]]:
        """The csv module's records; what it cannot read as meant (a field over its size limit,
        a quote never closed) is refused with the line, never guessed at."""
        while True:
            before = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ValidationError(
                    msg("roster.line", file=label, line=before),
                    msg("roster.nothing_imported", problem=_csv_problem(str(exc))),
                ) from None
            yield record

    rows = records()
    try:
        header = next(rows)
    except StopIteration:
        raise ValidationError(label, msg("roster.empty", name=name)) from None
    heading = msg("roster.header", file=label)
    names = [check_text(h, heading).strip().lower().replace(" ", "_") for h in header]
    twice = sorted({n for n in names if n and names.count(n) > 1})
    if twice:
        raise ValidationError(
            msg("roster.line", file=label, line=1),
            msg("roster.columns_twice", columns=", ".join(twice)),
        )
    missing = [c for c in required if c not in names]
    if missing:
        raise ValidationError(
            label, msg("roster.columns_missing", name=name, columns=", ".join(missing))
        )
    return _records(reader, rows, names)


def _records(
    reader: Any, rows: Iterator[list[str]], names: list[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    line = reader.line_num + 1
    for record in rows:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        row = {n: (record[i].strip() if i < len(record) else "") for i, n in enumerate(names)}
        if line - start > 1:
            column = next(n for n, v in row.items() if "\n" in v or "\r" in v)
            row[MULTILINE] = f"{column}\x00{start}\x00{line - 1}"
        yield start, row


def _csv_problem(message: str) -> str:
    if "field larger than field limit" in message:
        return msg("roster.value_too_long", limit=f"{csv.field_size_limit():,}")
    if "unexpected end of data" in message or "EOF" in message:
        return msg("roster.quote_not_closed")
    return msg("roster.csv_unreadable", detail=message)  # the csv module's own words


MULTILINE = "\x00multiline"  # the key _records adds to a record that runs over several lines
_SCHOOL_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_.-]{0,19}$")


def _check_cells(row: Mapping[str, str], label: Label) -> None:
    """No value may run over several lines (a missing closing quote swallows the rows after
    it) or hold a control character or a bidi override (domain.values.check_text)."""
    if MULTILINE in row:
        column, first, last = row[MULTILINE].split("\x00")
        raise ValidationError(
            _named(label, column), msg("roster.multiline", first=first, last=last)
        )
    for column, value in row.items():
        try:
            check_text(value, column)
        except ValidationError as exc:
            raise ValidationError(_named(label, column), exc.detail) from None


def _named(label: Label, column: str) -> str:
    try:
        return label(column)
    except KeyError:  # a source's own column that its labels do not name
        return column


def at(where: str) -> Label:
    """Errors named "<where>: <column>" (e.g. "students line 12: grade"); the column is the
    file's own heading, named as the file names it in every language."""
    return lambda column: msg("roster.column", where=where, column=column)


def student_record(
    row: Mapping[str, str], label: Label, phones: dict[str, str] | None = None
) -> dict[str, Any]:
    """One student checked and brought to the shape every roster source is written in.

    `row` uses the students file's column names; `label(column)` names the field in an error
    (file, line and the source's own column). `phones` caches parsed numbers across rows.
    """
    _check_cells(row, label)
    pid = PermanentId.parse(row.get("permanent_id", ""), label("permanent_id")).value
    code = row.get("school_code", "").strip().upper()
    if not _SCHOOL_CODE.match(code):
        raise ValidationError(label("school_code"), msg("roster.school_code"))
    first = clean_text(row.get("first_name", ""), label("first_name"), max_len=100)
    last = clean_text(row.get("last_name", ""), label("last_name"), max_len=100)
    middle = clean_text(
        row.get("middle_name", ""), label("middle_name"), required=False, max_len=100
    )
    grade = clean_text(row.get("grade", ""), label("grade"), max_len=4).upper()
    raw_phone = row.get("primary_phone", "")
    cache = phones if phones is not None else {}
    phone = cache.get(raw_phone) or Phone.parse(raw_phone, label("primary_phone")).e164
    cache[raw_phone] = phone
    lang = row.get("language", "").strip()
    if lang and not is_language_tag(lang):
        raise ValidationError(label("language"), msg("roster.language_tag"))
    lang = canonical_tag(lang)
    return {
        "permanent_id": pid,
        "school_code": code,
        "first_name": first,
        "middle_name": middle,
        "last_name": last,
        "grade": grade,
        "primary_phone": phone,
        "language": lang,
        "name_key": name_key(first, middle, last),
    }


def contact_record(
    row: Mapping[str, str],
    known: Container[str],
    label: Label,
    phones: dict[str, str] | None = None,
) -> dict[str, Any]:
    """One contact checked (the contacts file's column names), for a student in `known`."""
    _check_cells(row, label)
    pid = PermanentId.parse(row.get("permanent_id", ""), label("permanent_id")).value
    if pid not in known:
        raise ValidationError(label("permanent_id"), msg("roster.no_student", pid=pid))
    name = clean_text(row.get("contact_name", ""), label("contact_name"))
    raw_phone = row.get("phone", "")
    cache = phones if phones is not None else {}
    phone = cache.get(raw_phone) or (
        Phone.parse(raw_phone, label("phone")).e164 if raw_phone else ""
    )
    cache[raw_phone] = phone
    email = row.get("email", "")
    email = Email.parse(email, label("email")).value if email else ""
    order_raw = row.get("emergency_order", "") or "1"
    if not order_raw.isdigit():
        raise ValidationError(label("emergency_order"), msg("roster.number", raw=order_raw))
    # blank: not stated; write_roster keeps a known contact's flag, a new contact is allowed
    access = (row.get("portal_access", "") or "").strip().lower()
    if access not in ("allowed", "restricted", ""):
        raise ValidationError(label("portal_access"), msg("roster.portal_access", raw=access))
    return {
        "id": contact_id(pid, name),
        "permanent_id": pid,
        "contact_name": name,
        "relationship": clean_text(
            row.get("relationship", ""), label("relationship"), required=False, max_len=50
        ),
        "phone": phone,
        "email": email,
        "emergency_order": int(order_raw),
        "portal_access": access,
    }


def _parse_students(
    path: Path | str, errors: list[ValidationError]
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    students: dict[str, dict[str, Any]] = {}
    schools: dict[str, str] = {}
    phones: dict[str, str] = {}
    for line, row in _rows(path, msg("roster.students_file"), STUDENT_REQUIRED):
        where = msg("roster.students_line", line=line)
        try:
            record = student_record(row, at(where), phones)
            pid = record["permanent_id"]
            if pid in students:
                raise ValidationError(at(where)("permanent_id"), msg("roster.twice", pid=pid))
            school_name = clean_text(
                row.get("school_name", ""), at(where)("school_name"), required=False
            )
        except ValidationError as exc:
            errors.append(exc)
            continue
        students[pid] = record
        code = record["school_code"]
        if school_name or code not in schools:
            schools[code] = school_name or schools.get(code, "")
    return students, schools


def parse_contacts(
    path: Path | str,
    known: Container[str],
    errors: list[ValidationError],
    under: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, dict[str, Any]]:
    """The contacts file, by contact id. With `under` (contacts from another source, as rows
    by contact id), each line is laid over the row it names: its non-empty cells win."""
    contacts: dict[str, dict[str, Any]] = {}
    for line, row in _rows(path, msg("roster.contacts_file"), CONTACT_REQUIRED):
        where = msg("roster.contacts_line", line=line)
        try:
            if under:
                base = under.get(_row_contact_id(row), {})
                row = {**base, **{k: v for k, v in row.items() if v}}
            record = contact_record(row, known, at(where))
            cid = record["id"]
            if cid in contacts:
                raise ValidationError(
                    at(where)("contact_name"),
                    msg(
                        "roster.contact_twice",
                        name=record["contact_name"],
                        pid=record["permanent_id"],
                    ),
                )
        except ValidationError as exc:
            errors.append(exc)
            continue
        contacts[cid] = record
    return contacts


def _row_contact_id(row: Mapping[str, str]) -> str:
    try:
        pid = PermanentId.parse(row.get("permanent_id", ""), "permanent_id").value
    except ValidationError:
        return ""
    return contact_id(pid, row.get("contact_name", ""))


def _diff(
    session: Session, model: Any, key: str, incoming: dict[str, dict[str, Any]], scope: Any = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, list[str]]:
    """(rows to insert, rows to update, unchanged count, keys present but absent from incoming)."""
    cols = [c for c in next(iter(incoming.values()), {})]
    existing: dict[str, tuple[Any, ...]] = {}
    if cols:
        stmt = select(*[getattr(model, c) for c in cols])
        if scope is not None:
            stmt = stmt.where(scope)
        for row in session.execute(stmt):
            existing[row[cols.index(key)]] = tuple(row)
    adds, changes, same = [], [], 0
    for k, values in incoming.items():
        old = existing.get(k)
        if old is None:
            adds.append(values)
        elif old != tuple(values[c] for c in cols):
            changes.append(values)
        else:
            same += 1
    gone = [k for k in existing if k not in incoming]
    return adds, changes, same, gone


def _known_contacts(
    session: Session, incoming: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Incoming contacts laid over the ones this database already holds for their students.

    A contact keeps the id it has: the portal's `portal_link.contact_id` names it, and ids made
    by an older name key (before domain.names.match_key) differ from contact_id()'s today.
    A contact is the same one when its match key is. Where two stored contacts of a student now
    share a key, the one a portal link names is kept. A blank portal_access keeps the stored
    flag (a re-import that says nothing never lifts a restriction); a new contact is allowed.
    """
    pids = sorted({c["permanent_id"] for c in incoming.values()})
    linked: set[str] = set()
    stored: dict[tuple[str, str], tuple[str, str]] = {}
    for i in range(0, len(pids), CHUNK):
        part = pids[i : i + CHUNK]
        linked.update(
            cid
            for cid in session.scalars(
                select(PortalLink.contact_id).where(PortalLink.permanent_id.in_(part))
            )
            if cid
        )
        rows = session.execute(
            select(
                StudentContact.id,
                StudentContact.permanent_id,
                StudentContact.contact_name,
                StudentContact.portal_access,
            )
            .where(StudentContact.permanent_id.in_(part))
            .order_by(StudentContact.id)
        ).all()
        for cid, pid, name, access in rows:
            key = (pid, match_key(name))
            kept = stored.get(key)
            # a linked contact wins, then the id today's key gives, then the first by id
            if kept is None or (
                kept[0] not in linked and (cid in linked or cid == contact_id(pid, name))
            ):
                stored[key] = (cid, access)
    out: dict[str, dict[str, Any]] = {}
    for record in incoming.values():
        known = stored.get((record["permanent_id"], match_key(record["contact_name"])))
        access = record["portal_access"] or (known[1] if known else "allowed")
        record = record | {"portal_access": access}
        if known is not None:
            record["id"] = known[0]
        out[record["id"]] = record
    return out


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), CHUNK):
        yield rows[i : i + CHUNK]


@dataclass(frozen=True, slots=True)
class CheckedRoster:
    """A roster from any source, every row checked, ready to write in one transaction."""

    students: dict[str, dict[str, Any]]  # by permanent id (student_record)
    schools: dict[str, str]  # code -> name ("" when the source names none)
    contacts: dict[str, dict[str, Any]] | None  # by contact id (contact_record); None: untouched
    # students whose contacts the source lists in full: their other contacts are removed
    authoritative: set[str] = field(default_factory=set)
    skipped: int = 0  # students the source marks inactive (not written)
    source: str = "csv"


def refuse(errors: list[ValidationError]) -> None:
    """All-or-nothing: any bad row and nothing is written; the first rows are listed."""
    if not errors:
        return
    listed = errors[:MAX_LISTED]
    more = len(errors) - len(listed)
    summary = msg("roster.not_imported", n=len(errors))
    if more:
        listed.append(ValidationError("…", msg("roster.more", n=more)))
    raise ValidationErrors(listed, summary)


def import_roster(
    session: Session, actor: Actor, students_csv: Path | str, contacts_csv: Path | str | None = None
) -> ImportReport:
    actor.require(Role.ADMIN, "importing a roster")
    errors: list[ValidationError] = []
    students, schools = _parse_students(students_csv, errors)
    known = set(students)
    contacts: dict[str, dict[str, Any]] | None = None
    if contacts_csv is not None:
        # students not in this file but already in the roster may have contacts too
        contacts = parse_contacts(contacts_csv, known | existing_ids(session), errors)
    refuse(errors)
    authoritative = {c["permanent_id"] for c in (contacts or {}).values()}
    return write_roster(session, actor, CheckedRoster(students, schools, contacts, authoritative))


def write_roster(session: Session, actor: Actor, roster: CheckedRoster) -> ImportReport:
    """The one write path of every roster import: insert or update what changed, outbox, audit."""
    actor.require(Role.ADMIN, "importing a roster")
    students, schools, contacts = roster.students, roster.schools, roster.contacts
    existing_schools = set(session.scalars(select(School.code)).all())
    new_schools = sorted(set(schools) - existing_schools)
    for code in new_schools:
        session.add(School(code=code, name=schools[code] or code))
    session.flush()

    adds, changes, same, _ = _diff(session, Student, "permanent_id", students)
    for chunk in _chunks(adds):
        session.execute(insert(Student), chunk)
    now = utcnow()
    for chunk in _chunks(changes):
        session.execute(update(Student), [r | {"updated_at": now} for r in chunk])
    # the search words follow the names, in the same transaction (all-or-nothing)
    name_tokens.replace(
        session.connection(),
        [
            (r["permanent_id"], r["school_code"], r["first_name"], r["middle_name"], r["last_name"])
            for r in adds + changes
        ],
    )

    c_adds: list[dict[str, Any]] = []
    c_changes: list[dict[str, Any]] = []
    c_gone: list[str] = []
    if contacts is not None:
        contacts = _known_contacts(session, contacts)
        c_adds, c_changes, _, stale = _diff(session, StudentContact, "id", contacts)
        # the export is authoritative for the students it lists: their other contacts go
        stale_set = set(stale)
        if stale_set:
            rows = session.execute(select(StudentContact.id, StudentContact.permanent_id)).all()
            c_gone = [cid for cid, pid in rows if cid in stale_set and pid in roster.authoritative]
        for i in range(0, len(c_gone), CHUNK):
            session.execute(
                delete(StudentContact).where(StudentContact.id.in_(c_gone[i : i + CHUNK]))
            )
        for chunk in _chunks(c_adds):
            session.execute(insert(StudentContact), chunk)
        for chunk in _chunks(c_changes):
            session.execute(update(StudentContact), [r | {"updated_at": now} for r in chunk])

    outbox = [
        {"entity_type": "school", "entity_id": c, "action": "roster.import"} for c in new_schools
    ]
    outbox += [
        {"entity_type": "student", "entity_id": r["permanent_id"], "action": "roster.import"}
        for r in adds + changes
    ]
    outbox += [
        {"entity_type": "student_contact", "entity_id": r["id"], "action": "roster.import"}
        for r in c_adds + c_changes
    ]
    outbox += [
        {"entity_type": "student_contact", "entity_id": cid, "action": "roster.delete"}
        for cid in c_gone
    ]
    for chunk in _chunks(outbox):
        session.execute(insert(Outbox), chunk)
    report = ImportReport(
        students_added=len(adds),
        students_updated=len(changes),
        students_unchanged=same,
        contacts_added=len(c_adds),
        contacts_updated=len(c_changes),
        contacts_removed=len(c_gone),
        schools_added=tuple(new_schools),
        students_skipped=roster.skipped,
    )
    audit.append(
        session,
        actor=actor.username,
        workstation=actor.workstation,
        action="roster.import",
        entity_type="roster",
        entity_id="*",
        details={
            "students_added": report.students_added,
            "students_updated": report.students_updated,
            "contacts_added": report.contacts_added,
            "contacts_updated": report.contacts_updated,
            "contacts_removed": report.contacts_removed,
            "schools_added": list(report.schools_added),
            "students_skipped": report.students_skipped,
            "source": roster.source,
        },
    )
    return report


def existing_ids(session: Session) -> set[str]:
    return set(session.scalars(select(Student.permanent_id)).all())
