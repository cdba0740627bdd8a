"""Roster import from a OneRoster 1.1 or 1.2 CSV bulk export, as a folder or a zip.

The files are those of the IMS (1EdTech) OneRoster CSV binding: `manifest.csv` (version and
bulk/delta per file), `orgs.csv`, `users.csv` and, in 1.2, `roles.csv`. Schools come from the
orgs of type school (code: the org's `identifier`, else its `sourcedId`); a student is a user
with the student role (1.1: `role`; 1.2: `roles.csv`), at the first school among its orgs
(1.2: its `primaryOrgSourcedId` first). Its Permanent ID is its `identifier` or one of its
`userIds` (site config [oneroster] permanent_id), its primary phone its own `phone` or its first
agent's (primary_phone). Its contacts are its parent, guardian and relative agents, in the order
of its `agentSourcedIds` then of agents naming it in theirs; a `metadata.portal_access` column
(allowed / restricted) marks restricted contacts, and a StaffDesk contacts file may be laid over.
Records with `status` tobedeleted are left out: a student so marked is skipped (counted, never
written, and left as it is if StaffDesk already has it); an agent so marked is no longer a contact.

Every row is checked by the CSV import's own validators and written by its one write path, all
or nothing, errors named by file and line (`users.csv line 12: phone: …`).
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy.orm import Session

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import msg
from staffdesk.domain.workflow import Role
from staffdesk.services import siteconfig
from staffdesk.services.context import Actor
from staffdesk.services.roster import (
    CheckedRoster,
    ImportReport,
    at,
    contact_record,
    csv_rows,
    existing_ids,
    parse_contacts,
    refuse,
    student_record,
    write_roster,
)

MANIFEST, ORGS, USERS, ROLES = "manifest.csv", "orgs.csv", "users.csv", "roles.csv"
AGENT_ROLES = ("parent", "guardian", "relative")
MAX_FILE = 2 << 30  # a district's users.csv is a few hundred MB; refuse anything absurd
_KEPT = (
    "givenname",
    "familyname",
    "middlename",
    "identifier",
    "userids",
    "email",
    "sms",
    "phone",
    "agentsourcedids",
    "grades",
    "metadata.portal_access",
    "metadata.language",
)
_AT = {name: i for i, name in enumerate(_KEPT)}
_USER_ID = re.compile(r"\{\s*([^:{}]+?)\s*:\s*([^{}]*?)\s*\}")
LABEL = msg("oneroster.export")


@dataclass(frozen=True, slots=True)
class OneRosterSettings:
    permanent_id: str = "identifier"  # or "userIds:<type>", e.g. "userIds:SIS"
    primary_phone: str = "student"  # or "first_agent"

    @property
    def user_id_type(self) -> str:
        """The userIds type holding the Permanent ID; empty when it is `identifier`."""
        return self.permanent_id.partition(":")[2].strip().lower()


def parse_settings(table: Mapping[str, Any]) -> OneRosterSettings:
    pid = table.get("permanent_id", "identifier")
    phone = table.get("primary_phone", "student")
    if not isinstance(pid, str) or not (
        pid == "identifier" or (pid.startswith("userIds:") and pid.partition(":")[2].strip())
    ):
        raise ValidationError(
            msg("oneroster.setting", key="permanent_id"), msg("oneroster.permanent_id")
        )
    if phone not in ("student", "first_agent"):
        raise ValidationError(
            msg("oneroster.setting", key="primary_phone"), msg("oneroster.primary_phone")
        )
    return OneRosterSettings(pid, phone)


def settings() -> OneRosterSettings:
    return parse_settings(siteconfig.section("oneroster"))


# ---------------------------------------------------------------------------- the files


def read_export(source: Path | str) -> dict[str, bytes]:
    """The export's CSV files by lower-case name, from a folder or a zip (at its top or in one
    folder inside it)."""
    path = Path(source).expanduser()
    wanted = (MANIFEST, ORGS, USERS, ROLES)
    files: dict[str, bytes] = {}
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.name.lower() in wanted and child.is_file():
                files[child.name.lower()] = child.read_bytes()
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                name = PurePosixPath(info.filename).name.lower()
                depth = len(PurePosixPath(info.filename).parts)
                if info.is_dir() or name not in wanted or depth > 2:
                    continue
                if name in files:
                    raise ValidationError(
                        LABEL, msg("oneroster.two_files", archive=path.name, name=name)
                    )
                if info.file_size > MAX_FILE:
                    raise ValidationError(LABEL, msg("oneroster.too_large", name=info.filename))
                files[name] = archive.read(info)
    elif path.exists():
        raise ValidationError(LABEL, msg("oneroster.not_folder_or_zip", path=str(path)))
    else:
        raise ValidationError(LABEL, msg("oneroster.missing", path=str(path)))
    for needed in (ORGS, USERS):
        if needed not in files:
            raise ValidationError(LABEL, msg("oneroster.no_file", archive=path.name, name=needed))
    return files


def _status(row: Mapping[str, str], label: str) -> bool:
    """Active? Bulk files leave status empty; delta-style values are read as the spec says."""
    status = row.get("status", "").strip().lower()
    if status in ("", "active"):
        return True
    if status in ("tobedeleted", "inactive"):
        return False
    raise ValidationError(label, msg("oneroster.status", raw=status))


def _list(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(",") if p.strip()]


def _grade(grades: str) -> str:
    """The first of the student's grades, as the desk writes them: 09 → 9, KG → K."""
    first = next(iter(_list(grades)), "")
    if first.isdigit():
        return str(int(first))
    return {"KG": "K"}.get(first.upper(), first.upper())


@dataclass(slots=True)
class _Org:
    line: int
    active: bool
    name: str
    kind: str
    code: str
    usable: bool = True  # False when its code is refused (named once, on its own line)


@dataclass(slots=True)
class _User:
    line: int
    sid: str
    active: bool
    row: tuple[str | None, ...]  # the _KEPT columns, None when empty
    roles: list[str] = field(default_factory=list)  # lower-case, primary first
    orgs: list[str] = field(default_factory=list)  # primary first
    role_rows: list[tuple[bool, str, str]] = field(default_factory=list)  # 1.2: (secondary?, ..)

    def get(self, column: str) -> str:
        return self.row[_AT[column.lower()]] or ""


@dataclass
class _Export:
    files: dict[str, bytes]
    config: OneRosterSettings
    errors: list[ValidationError] = field(default_factory=list)
    version: str = ""
    orgs: dict[str, _Org] = field(default_factory=dict)
    users: dict[str, _User] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)
    phones: dict[str, str] = field(default_factory=dict)  # parsed once, shared by siblings

    def fail(self, where: str, message: str) -> None:
        error = ValidationError(where, message)
        if error.message not in self._seen:
            self._seen.add(error.message)
            self.errors.append(error)

    def sorted_errors(self) -> list[ValidationError]:
        """By file, then line: an agent's error is found with each of its students."""
        rank = {name: i for i, name in enumerate((MANIFEST, ORGS, USERS, ROLES))}

        def key(e: ValidationError) -> tuple[int, int]:
            name, _, rest = e.field.partition(" line ")
            line = rest.partition(":")[0]
            return rank.get(name, -1), int(line) if line.isdigit() else 0

        return sorted(self.errors, key=key)

    def rows(self, name: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
        return csv_rows(self.files[name], name, LABEL, required)

    # ------------------------------------------------------------------ reading the files

    def read_manifest(self) -> None:
        if MANIFEST not in self.files:
            return
        for line, row in self.rows(MANIFEST, ("propertyname", "value")):
            prop, value = row["propertyname"].strip(), row["value"].strip().lower()
            where = at(msg("roster.line", file=MANIFEST, line=line))(prop)
            if prop.lower() == "oneroster.version":
                if value not in ("1.1", "1.2"):
                    self.fail(where, msg("oneroster.version", raw=value))
                self.version = value
            elif prop.lower() in ("file.orgs", "file.users", "file.roles") and value == "delta":
                self.fail(
                    where,
                    msg("oneroster.delta"),
                )

    def read_orgs(self) -> None:
        codes: dict[str, int] = {}
        for line, row in self.rows(ORGS, ("sourcedid", "name", "type")):
            where = msg("roster.line", file=ORGS, line=line)
            try:
                active = _status(row, at(where)("status"))
            except ValidationError as exc:
                self.fail(exc.field, exc.detail)
                continue
            sid = row["sourcedid"]
            code = (row.get("identifier") or sid).strip().upper()
            org = _Org(line, active, row["name"].strip(), row["type"].strip().lower(), code)
            if sid in self.orgs:
                self.fail(at(where)("sourcedId"), msg("oneroster.twice", sid=sid, file=ORGS))
                continue
            self.orgs[sid] = org
            if org.kind != "school" or not active:
                continue
            if not code or len(code) > 20:
                org.usable = False
                self.fail(
                    at(where)("identifier"),
                    msg("oneroster.school_code"),
                )
            elif code in codes:
                org.usable = False
                self.fail(
                    at(where)("identifier"), msg("oneroster.code_also", code=code, line=codes[code])
                )
            else:
                codes[code] = line

    def read_users(self) -> None:
        required = ("sourcedid", "givenname", "familyname")
        rows = self.rows(USERS, required)
        first = next(rows, None)
        if first is None:
            return
        has_role = "role" in first[1]
        if not self.version:
            self.version = "1.1" if has_role else "1.2"
        if self.version == "1.1" and not has_role:
            self.fail(LABEL, msg("oneroster.no_role_column", file=USERS))
            return
        column = "userids" if self.config.user_id_type else "identifier"
        if column not in first[1]:
            self.fail(LABEL, msg("oneroster.no_pid_column", file=USERS, column=column))
            return
        for line, row in itertools.chain([first], rows):
            where = msg("roster.line", file=USERS, line=line)
            try:
                active = _status(row, at(where)("status"))
            except ValidationError as exc:
                self.fail(exc.field, exc.detail)
                continue
            sid = row["sourcedid"]
            if sid in self.users:
                self.fail(at(where)("sourcedId"), msg("oneroster.twice", sid=sid, file=USERS))
                continue
            # only the columns StaffDesk reads, and only when filled: a district has millions
            kept = tuple(row.get(k) or None for k in _KEPT)
            user = _User(line, sid, active, kept)
            if self.version == "1.1":
                user.roles = [row.get("role", "").lower()]
                user.orgs = _list(row.get("orgsourcedids", ""))
            elif row.get("primaryorgsourcedid"):
                user.orgs = [row["primaryorgsourcedid"]]
            self.users[sid] = user
        if self.version == "1.2":
            self.read_roles()

    def read_roles(self) -> None:
        if ROLES not in self.files:
            self.fail(LABEL, msg("oneroster.needs_roles", file=ROLES))
            return
        required = ("usersourcedid", "role", "orgsourcedid")
        for line, row in self.rows(ROLES, required):
            where = msg("roster.line", file=ROLES, line=line)
            try:
                if not _status(row, at(where)("status")):
                    continue
            except ValidationError as exc:
                self.fail(exc.field, exc.detail)
                continue
            user = self.users.get(row["usersourcedid"])
            if user is None:
                self.fail(
                    at(where)("userSourcedId"),
                    msg("oneroster.no_user", sid=row["usersourcedid"], file=USERS),
                )
                continue
            primary = row.get("roletype", "").lower() == "primary"
            user.role_rows.append((not primary, row["role"].lower(), row["orgsourcedid"]))
        for user in self.users.values():
            ordered = sorted(user.role_rows, key=lambda r: r[0])  # primary first, else as listed
            user.roles = [role for _, role, _ in ordered]
            user.orgs += [org for _, _, org in ordered]

    # -------------------------------------------------------------- students and contacts

    def school_of(self, user: _User, where: str) -> str | None:
        for sid in user.orgs:
            org = self.orgs.get(sid)
            if org is not None and org.active and org.kind == "school":
                return sid
        column = "orgSourcedIds" if self.version == "1.1" else "primaryOrgSourcedId"
        listed = ", ".join(user.orgs) or msg("codes.none")
        self.fail(at(where)(column), msg("oneroster.no_school", orgs=listed))
        return None

    def agents_of(self, student: _User, where: str, back: dict[str, list[str]]) -> list[_User]:
        """Active parent, guardian and relative agents, in the order the export gives them."""
        found: list[_User] = []
        ids = _list(student.get("agentSourcedIds")) + back.get(student.sid, [])
        for sid in dict.fromkeys(ids):
            agent = self.users.get(sid)
            if agent is None:
                self.fail(
                    at(where)("agentSourcedIds"), msg("oneroster.no_user", sid=sid, file=USERS)
                )
            elif agent.active and any(r in AGENT_ROLES for r in agent.roles):
                found.append(agent)
        return found

    def permanent_id(self, user: _User) -> tuple[str, str]:
        """(value, the column it came from)."""
        wanted = self.config.user_id_type
        if not wanted:
            return user.get("identifier"), "identifier"
        for kind, value in _USER_ID.findall(user.get("userIds")):
            if kind.lower() == wanted:
                return value, "userIds"
        return "", "userIds"

    def check(self, keep_rows: bool = False) -> tuple[CheckedRoster, dict[str, dict[str, str]]]:
        """The checked roster, and (with keep_rows, for a contacts file laid over it) each
        contact's row as built from the export."""
        self.read_manifest()
        self.read_orgs()
        self.read_users()
        back: dict[str, list[str]] = {}
        for agent in self.users.values():
            if any(r in AGENT_ROLES for r in agent.roles):
                for sid in _list(agent.get("agentSourcedIds")):
                    back.setdefault(sid, []).append(agent.sid)
        students: dict[str, dict[str, Any]] = {}
        schools: dict[str, str] = {}
        contacts: dict[str, dict[str, Any]] = {}
        raw_contacts: dict[str, dict[str, str]] = {}
        skipped = 0
        for user in self.users.values():
            if "student" not in user.roles:
                continue
            if not user.active:
                skipped += 1
                continue
            where = msg("roster.line", file=USERS, line=user.line)
            school = self.school_of(user, where)
            agents = self.agents_of(user, where, back)
            pid, pid_column = self.permanent_id(user)
            phone_from = user
            if self.config.primary_phone == "first_agent":
                if not agents:
                    self.fail(
                        at(where)("agentSourcedIds"),
                        msg("oneroster.no_agent"),
                    )
                    continue
                phone_from = agents[0]
            if school is None or not self.orgs[school].usable:
                continue
            org = self.orgs[school]
            labels = {
                "permanent_id": at(where)(pid_column),
                "school_code": at(msg("roster.line", file=ORGS, line=org.line))("identifier"),
                "first_name": at(where)("givenName"),
                "middle_name": at(where)("middleName"),
                "last_name": at(where)("familyName"),
                "grade": at(where)("grades"),
                "primary_phone": at(msg("roster.line", file=USERS, line=phone_from.line))("phone"),
                "language": at(where)("metadata.language"),
            }
            row = {
                "permanent_id": pid,
                "school_code": org.code,
                "first_name": user.get("givenName"),
                "middle_name": user.get("middleName"),
                "last_name": user.get("familyName"),
                "grade": _grade(user.get("grades")),
                "primary_phone": phone_from.get("phone"),
                "language": user.get("metadata.language"),
            }
            try:
                record = student_record(row, labels.__getitem__, self.phones)
                if record["permanent_id"] in students:
                    raise ValidationError(
                        labels["permanent_id"],
                        msg("oneroster.twice", sid=record["permanent_id"], file=USERS),
                    )
            except ValidationError as exc:
                self.fail(exc.field, exc.detail)  # a bad school code is named once, on its org
                continue
            pid = record["permanent_id"]
            students[pid] = record
            schools[org.code] = org.name
            for order, agent in enumerate(agents, start=1):
                self.add_contact(
                    pid,
                    order,
                    agent,
                    labels["permanent_id"],
                    contacts,
                    raw_contacts if keep_rows else None,
                )
        return CheckedRoster(
            students,
            schools,
            contacts,
            authoritative={c["permanent_id"] for c in contacts.values()},
            skipped=skipped,
            source=f"oneroster {self.version}",
        ), raw_contacts

    def add_contact(
        self,
        pid: str,
        order: int,
        agent: _User,
        pid_label: str,
        contacts: dict[str, dict[str, Any]],
        raw: dict[str, dict[str, str]] | None,
    ) -> None:
        where = msg("roster.line", file=USERS, line=agent.line)
        role = next(r for r in agent.roles if r in AGENT_ROLES)
        phone_column = "phone" if agent.get("phone") else "sms"
        row = {
            "permanent_id": pid,
            "contact_name": f"{agent.get('givenName')} {agent.get('familyName')}".strip(),
            "relationship": role.capitalize(),
            "phone": agent.get(phone_column),
            "email": agent.get("email"),
            "emergency_order": str(order),
            "portal_access": agent.get("metadata.portal_access"),
        }
        labels = {
            "permanent_id": pid_label,
            "contact_name": at(where)("givenName"),
            "relationship": at(where)("role"),
            "phone": at(where)(phone_column),
            "email": at(where)("email"),
            "emergency_order": at(where)("agentSourcedIds"),
            "portal_access": at(where)("metadata.portal_access"),
        }
        try:
            record = contact_record(row, {pid}, labels.__getitem__, self.phones)
            if record["id"] in contacts:
                raise ValidationError(
                    labels["contact_name"],
                    msg("roster.contact_twice", name=record["contact_name"], pid=pid),
                )
        except ValidationError as exc:
            self.fail(exc.field, exc.detail)
            return
        contacts[record["id"]] = record
        if raw is not None:
            raw[record["id"]] = row


def import_oneroster(
    session: Session,
    actor: Actor,
    source: Path | str,
    contacts_csv: Path | str | None = None,
    config: OneRosterSettings | None = None,
) -> ImportReport:
    """Import a OneRoster export (folder or zip), optionally with a StaffDesk contacts file laid
    over its agents (its lines win cell by cell; a line naming no agent adds a contact)."""
    actor.require(Role.ADMIN, "importing a roster")
    export = _Export(read_export(source), config or settings())
    checked, raw_contacts = export.check(keep_rows=contacts_csv is not None)
    errors = export.sorted_errors()
    contacts = dict(checked.contacts or {})
    authoritative = set(checked.authoritative)
    if contacts_csv is not None:
        known = set(checked.students) | existing_ids(session)
        laid = parse_contacts(contacts_csv, known, errors, under=raw_contacts)
        contacts.update(laid)
        authoritative |= {c["permanent_id"] for c in laid.values()}
    refuse(errors)
    return write_roster(
        session,
        actor,
        CheckedRoster(
            checked.students,
            checked.schools,
            contacts,
            authoritative,
            checked.skipped,
            checked.source,
        ),
    )
