# ruff: noqa: E501  (one message per line: easier to read against its translation)
"""The English text of every message code the core raises or returns (domain/messages.py).

English is the language the codes are written in; translations are in
resources/messages/<lang>.json under the same codes, with the same {parameters}. To add a
message: add its code here, raise `msg("code", name=value)`, add the code to every translation
(tests/test_messages.py fails until you do). Never change what a code means: add a new one.

Codes group by what they are about. `field.*` name form and settings fields in words (the
command line in English shows the field's own name instead); `request_state.*`,
`passcode_state.*`, `document.*`, `relationship.*`, `role.*`, `action.*`, `doing.*` name stored
codes and actions (English shows the stored code itself unless listed here).
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # ---------------------------------------------------------------- several errors at once
    "errors.several": "{n} problem(s) found",
    "errors.field": "{field}: {detail}",
    # -------------------------------------------------------------------------- typed values
    "permanent_id.digits": "expected 5 to 12 digits, got {raw!r}",
    "phone.required": "a telephone number is required, e.g. (555) 123-4567",
    "phone.unreadable": "expected a telephone number such as (555) 123-4567, got {raw!r}",
    "phone.invalid": "{raw!r} is not a valid telephone number; expected e.g. (555) 123-4567",
    "email.required": "an email address is required, e.g. name@example.org",
    "email.invalid": "{raw!r} is not a valid email address: {reason}",
    "text.bidi_override": "a bidirectional override",
    "text.control_character": "a control character",
    "text.refused_character": "contains {what} (U+{code}); expected plain text, retype the value",
    "text.required": "is required",
    "text.too_long": "must be at most {max_len} characters",
    "vpc.bad_characters": "contains characters that are not in a passcode: {chars}",
    "vpc.length": "expected {length} letters and digits (e.g. ABC-123-XYZ), got {got}",
    "vpc.typo": "this code has a typo: check each character and try again",
    # --------------------------------------------------------------------- workflow and roles
    "request.illegal_transition": "cannot {action}: the request is {status}; allowed next: {allowed}",
    "request.final_state": "nothing (final state)",
    "permission.role": "{what} needs the {needed} role; you are a {role}",
    "permission.school": "{what}: school {school} is not one of your schools ({mine})",
    "permission.no_schools": "none assigned",
    # ------------------------------------------------------------------ intake
    "intake.unsigned": "the parent has not signed the paper form; have them sign it (the signature line), then tick Signed paper form received (command line: --paper-form-signed)",
    "intake.no_contacts": "no contacts on file",
    "date.format": "expected a date as YYYY-MM-DD, got {raw!r}",
    "intake.signed_future": "cannot be in the future",
    "intake.signed_too_old": "is more than a year ago; ask the parent for a new form",
    "intake.no_student": "no student with permanent id {pid} in the roster",
    "intake.other_school": "student {pid} attends {school}, not {given}",
    "intake.not_your_school": "student {pid} attends {school}, which is not one of your schools",
    "intake.language_tag": "expected a language tag such as en, es or zh-Hant",
    "intake.name_mismatch": "the form says {written!r} but the roster says {roster!r}",
    "intake.confirmed_by": "{what} (recorded as confirmed by {user})",
    "intake.restricted": "{name} is a restricted contact for this student (court order or custody note); approval will be blocked without an admin override",
    "intake.possible_restricted": "{guardian!r} is close to {name!r}, a restricted contact for this student; the approver will be asked to confirm they are not the same person",
    "intake.not_on_list": "{guardian!r} is not on the student's emergency-contact list ({contacts}); the portal will ask them to pick their name from it, and approval needs a written reason",
    "intake.replaces_other": "request {rid} is for student {pid} and guardian {guardian!r}, not this student and guardian",
    "intake.replaces_state": "request {rid} is {status}: only an issued or revoked request's slip is replaced",
    "request.not_found": "no access request {rid!r} at your schools",
    "request.changed": "request {rid} was changed by someone else (now at version {now}, you had version {had}); it has been reloaded — check it and try again",
    "expected.one_of": "expected one of: {choices}",
    "identity.describe_other": "say what the other ID is (e.g. consular ID)",
    "identity.last4": "at most the last 4 letters or digits — never the full document number",
    # ---------------------------------------------------------------- decision
    "decision.override_admin_only": "only an admin can override a restricted-contact block",
    "decision.two_person_rule": "two-person rule: you verified this parent's ID, so another approver must approve the request",
    "decision.possible_restricted": "the guardian {guardian!r} is close to {name!r}, a restricted contact for student {pid} (court order or custody note): approve only if you are sure they are different people, and say why",
    "decision.not_a_contact": "{guardian!r} is not on the student's emergency-contact list ({contacts}); approving needs a written reason (command line: --not-a-contact-reason TEXT)",
    "decision.restricted": "{name} is a restricted contact for student {pid} (court order or custody note): portal access cannot be approved. An admin can override with a written reason.",
    # ------------------------------------------------------------------- issue
    "issue.restricted_one": "{name} is a restricted contact for student {pid} (request {rid})",
    "issue.restricted": "no passcode was issued: {names} (court order or custody note). Reject the request, or an admin can issue it with a written override reason.",
    "issue.none": "name at least one request",
    "issue.twice": "the same request is listed twice",
    "issue.family_too_many": "a family slip lists at most {most} students; print the rest on a second slip",
    "issue.family_one_school": "a family slip lists students of one school only",
    "issue.family_one_parent": "a family slip is for one parent: {guardian!r} ≠ {first!r}",
    "issue.family_each_once": "a family slip lists each student once",
    "batch.unknown": "no passcodes were issued in batch {batch!r}",
    # -------------------------------------------------------------- duplicates
    "duplicate.confirm": "{reasons}; confirm to record it anyway (command line: --accept-duplicate)",
    "duplicate.open": "{guardian} already has an open request for this student ({status}, recorded {when})",
    "duplicate.code": "{guardian} already has a code for this student that is not used yet (serial {serial}, expires {expires}); if the slip was lost, use Lost slip, which replaces it",
    "duplicate.linked": "{who} already linked portal account {account} to this student on {when}: if they cannot sign in, point them to the portal's password recovery (Forgot password) instead of a new code",
    # --------------------------------------------------------------- lost slip
    "lost_slip.none": "no slip was issued for student {pid}; record a new form instead",
    "lost_slip.none_to": "no slip was issued for student {pid} to {guardian!r}; record a new form instead",
    "lost_slip.open": "request {rid} for {guardian!r} is still {status}: finish it instead of starting a lost slip",
    "lost_slip.will_revoke": "lost slip: issuing this request's code revokes the old one (serial {serial}, request {rid})",
    "lost_slip.nothing_to_revoke": "lost slip: the old code (request {rid}) no longer works; nothing to revoke",
    # --------------------------------------------------------- codes dashboard
    "codes.within": "expected a number of days from 1 to {most}",
    "codes.school_required": "a school code is required",
    "codes.not_your_school": "school {code} is not one of your schools ({mine})",
    "codes.none": "none",
    "codes.select_one": "select at least one code",
    "codes.unknown": "no passcode {pid!r} at your schools",
    "codes.used": "serial {serial} was used on {when} (the parent linked): no new code is needed",
    "codes.replaced": "serial {serial} was already replaced by a newer code of its request",
    "codes.state_used": "used",
    "codes.state_revoked": "already revoked",
    "codes.not_active": "serial {serial} is {state}: only a code that still works can be revoked",
    "codes.summary_found": "nothing was changed: {n} selected code(s) cannot be found",
    "codes.summary_reissued": "nothing was changed: {n} selected code(s) cannot be reissued",
    "codes.summary_revoked": "nothing was changed: {n} selected code(s) cannot be revoked",
    # ----------------------------------------------------------------- lookups
    "student.not_found": "no student with permanent id {pid} at your schools",
    "student.empty_id": "(empty)",
    # ------------------------------------------------------------------- batch
    "school.unknown": "unknown school code {code!r}",
    "batch.cancelled_preparing": "batch cancelled while preparing passcodes; nothing was issued",
    "batch.nothing": "no approved requests without a passcode at {school}",
    "batch.nothing_in_grade": "no approved requests without a passcode at {school} in grade {grade}",
    "batch.cancelled": "batch cancelled; nothing was issued",
    # ------------------------------------------------------------------- files
    "file.cannot_write": "cannot write {path}: {reason}",
    # ------------------------------------------------------- staff and sign-in
    "sign_in.refused": "wrong username or password, or the account is disabled",
    "sign_in.throttled": "too many failed sign-ins for this account or workstation: try again in {minutes}",
    "time.minute": "{n} minute",
    "time.minutes": "{n} minutes",
    "staff.add_needs_admin": "adding staff needs an admin to sign in (--as USER)",
    "staff.username_format": "expected 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter",
    "staff.first_admin": "the first account of a new database must be an admin",
    "staff.password_short": "must be at least {least} characters",
    "staff.username_taken": "{username!r} is already taken",
    "staff.needs_school": "a {role} must be assigned at least one school",
    "staff.unknown_schools": "unknown school code(s): {codes}",
    "staff.unknown": "no staff account {username!r}",
    "staff.disable_self": "you cannot disable your own account",
    # ---------------------------------------------------------------- settings
    "settings.url": "expected a web address such as https://portal.example.org",
    "settings.whole_days": "expected a whole number of days",
    "settings.days_range": "expected {least} to {most} days, got {got}",
    "settings.on_off": "expected on or off",
    "settings.unknown": "unknown setting {key!r}; expected one of: {choices}",
    # ----------------------------------------------------------------- keyring
    "keyring.help": "install or unlock the system keyring (GNOME Keyring/KWallet via Secret Service on Linux, Keychain on macOS, Credential Manager on Windows)",
    "keyring.cannot_open": "the system keyring cannot be opened: {reason}; {help}",
    "keyring.unsafe": "cannot keep the shared-database password safely: {why}; {help}",
    "keyring.refused": "the keyring refused the password: {reason}; {help}",
    "keyring.locked": "the keyring is locked or unavailable: {reason}; {help}",
    "keyring.none": "no keyring backend is available",
    "keyring.not_secure": "the keyring backend {backend} is not one of the secure system stores StaffDesk accepts ({accepted})",
    # ------------------------------------------------------------------- store
    "store.stale": "someone else changed this record a moment ago; it has been reloaded, please check it and try again",
    "store.problem": "{reason}",
    "store.problem_detail": "{reason} ({detail})",
    "store.refused": "the shared database refused this: {reason}",
    "store.newer_schema": "the database {url} has a schema this version of StaffDesk does not know ({detail}); it was probably made by a newer StaffDesk: update this one",
    "store.cannot_upgrade": "cannot create or upgrade the schema at {url}: {detail}",
    "store.unreachable": "the database {url} cannot be reached: {detail}",
    "store.cannot_create": "cannot create the store {path}: {reason}",
    "store.url_format": "expected e.g. sqlite:///path/to/file.sqlite3, postgresql://user@host/db or mysql://user@host/db",
    "store.unsupported": "{backend!r} is not supported; use sqlite, postgresql or mysql",
    # ----------------------------------------------------- issue, near matches
    "issue.possible_one": "{guardian!r} is close to {name!r}, a restricted contact for student {pid} (request {rid})",
    "issue.possible": "no passcode was issued: {names} (court order or custody note), and the approval did not acknowledge it. Reject the request, or an approver can issue it saying why they are different people (command line: --possible-match-reason).",
    # ------------------------------------- two-person rule, directory accounts
    "decision.two_person_rule_as": "two-person rule: you verified this parent's ID (as {verifier}: a local account and the directory account of the same name are one person), so another approver must approve the request",
    # ------------------------------------------ staff from the shared database
    "staff.shared_unreachable": "this workstation has no staff accounts yet and takes them from its shared database, which cannot be reached ({reason}); no account is added until it can be (or `staffdesk disconnect` for a standalone desk)",
    "staff.shared_has_staff": "the shared database already has {n} staff account(s), now on this workstation too: adding staff needs an admin to sign in (--as USER)",
}

# Words the desk shows in English where the English command line shows the stored code or the
# field's own name: form fields, ID documents. Translations list them among their messages.
ENGLISH_WORDS: dict[str, str] = {
    "field.permanent_id": "Student Permanent ID",
    "field.school": "School",
    "field.first_name": "Student first name",
    "field.middle_name": "Student middle initial",
    "field.last_name": "Student last name",
    "field.student name": "Student name",
    "field.guardian_name": "Parent/guardian name",
    "field.address": "Address",
    "field.phone": "Home phone",
    "field.email": "Email",
    "field.signed_on": "Signed on",
    "field.paper_form_signed": "Signed paper form",
    "field.not_a_contact_reason": "Reason (not on the contact list)",
    "field.document": "ID document",
    "field.document description": "ID description",
    "field.last4": "Last four characters",
    "field.reason": "Reason",
    "field.override reason": "Override reason",
    "field.username": "Username",
    "field.password": "Password",
    "field.role": "Role",
    "field.display name": "Display name",
    "field.language": "Slip language",
    "field.district_name": "District name",
    "field.portal_url": "Portal URL",
    "field.support_email": "Support email",
    "field.passcode_days": "Passcode days",
    "field.two_person_rule": "Two-person rule",
    "field.slip_language": "Slip language",
    "field.shared database": "Shared database",
    "field.request": "Request",
    "field.replaces": "Replaced request",
    "field.duplicate": "Duplicate request",
    "field.vpc": "Passcode",
    "document.ca-id": "CA ID card",
    "document.drivers-licence": "Driver's licence",
    "document.passport": "Passport",
    "document.other": "Other ID",
}
