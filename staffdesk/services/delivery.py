"""Delivering slips: the one use case behind `passcode issue|reissue`, the issue dialog and
batch printing.

Issue (or reissue) the codes, render the slip, write it privately and durably when a file is
asked for (staffdesk.private), log the print, and decide "pending sync" — all in the caller's
one transaction, so a failure before the commit leaves no code issued. The window previews and
prints the bytes it gets back and logs the print once the parent has the slip in hand
(record_delivery); it never renders a slip or writes a file itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from staffdesk import config as settings
from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import msg
from staffdesk.private import write_private, write_private_bytes
from staffdesk.services import batch, queries
from staffdesk.services.context import Actor
from staffdesk.services.issuing import issue_passcodes, log_printed
from staffdesk.services.request_views import Issued, RequestView, get_request

# how a slip reached the parent, as the print log records it
DeliveryKind = Literal["slip", "family", "batch", "print", "pdf"]


@dataclass(frozen=True, slots=True)
class Delivery:
    issued: Issued
    pdf: bytes  # the slip: holds the plaintext codes; for the preview and the print spooler
    out: Path | None = None  # where it was written (owner-only), when a file was asked for

    def __repr__(self) -> str:  # never the bytes: they hold the codes
        return f"Delivery({self.issued!r}, out={self.out})"


def issues_pending_sync(store_url: str | URL) -> bool:
    """Does a passcode issued into this store wait for a sync before the portal honours it?

    Yes when this workstation keeps a local SQLite store and a shared database is configured
    (its slip then says "pending sync"); no when the store is the shared database itself, or in
    standalone mode. An unreadable settings file errs on the side of saying "pending".
    """
    try:
        if make_url(store_url).get_backend_name() != "sqlite":
            return False
    except ArgumentError:
        return False
    try:
        return bool(settings.load()[settings.SHARED_DB_URL])
    except ValidationError:
        return True


def pending_sync(session: Session) -> bool:
    """issues_pending_sync for the store this session works in."""
    return issues_pending_sync(session.get_bind().engine.url)


def deliver_slips(
    session: Session,
    actor: Actor,
    request_ids: Sequence[str],
    *,
    out: Path | None = None,
    language: str = "",
    reissue: bool = False,
    expected_versions: Sequence[int | None] | None = None,
    override_reason: str = "",
    possible_match_reason: str = "",
) -> Delivery:
    """Issue (or reissue) one code per request on one slip (several: a family slip), render it,
    and, with `out`, write it there privately and log the print; the caller commits."""
    from staffdesk.slips.render import render_slips_bytes

    issued = issue_passcodes(
        session,
        actor,
        list(request_ids),
        language=language,
        reissue=reissue,
        expected_versions=expected_versions,
        pending_sync=pending_sync(session),
        override_reason=override_reason,
        possible_match_reason=possible_match_reason,
    )
    pdf = render_slips_bytes([issued.slip])
    if out is not None:
        write_private_bytes(out, pdf)
        record_delivery(session, actor, issued, "family" if len(request_ids) > 1 else "slip")
    return Delivery(issued, pdf, out)


def record_delivery(session: Session, actor: Actor, issued: Issued, kind: DeliveryKind) -> None:
    """The slip reached the printer or a file: the print log (shared with the portal's side)."""
    log_printed(session, actor, issued, kind)


def save_slips(pdf: bytes, path: str | Path) -> None:
    """The window's Save as PDF: the bytes it was given, written privately and durably."""
    write_private_bytes(path, pdf)


def deliver_batch(
    session: Session,
    actor: Actor,
    school_code: str,
    out: Path,
    *,
    grade: str | None = None,
    language: str = "",
    progress: batch.Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    possible_match_reason: str = "",
) -> batch.BatchResult:
    """A school's approved requests, all or nothing (services.batch), written privately and
    durably to `out`; the caller commits, and discards `out` if the commit fails."""
    return write_private(
        out,
        lambda fh: batch.issue_batch(
            session,
            actor,
            school_code,
            fh,
            grade=grade,
            language=language,
            progress=progress,
            cancelled=cancelled,
            pending_sync=pending_sync(session),
            possible_match_reason=possible_match_reason,
        ),
    )


@contextmanager
def removed_on_failure(out: Path) -> Iterator[None]:
    """A slip whose codes were not committed must not survive: they never work. Wrap the unit
    of work that delivers to `out`; a file that was there before is left alone."""
    existed = out.exists()
    try:
        yield
    except BaseException:
        if not existed:
            out.unlink(missing_ok=True)
        raise


def blank_form(session: Session, out: Path, *, language: str = "", school: str = "") -> str:
    """The blank Parent Access Form in `language` (a shipped one; default: the district's slip
    language), headed with the district's and, given a code, the school's name; returns the
    language it is in."""
    from staffdesk.services import settings
    from staffdesk.slips.blank_form import render_blank_form
    from staffdesk.slips.languages import shipped_code
    from staffdesk.slips.texts import available_languages
    from staffdesk.store.models import School

    district = settings.load(session)
    code = shipped_code(language or district.slip_language)
    if code is None:
        raise ValidationError(
            "lang", msg("expected.one_of", choices=", ".join(available_languages()))
        )
    school_name = None
    if school:
        found = session.get(School, school.strip().upper())
        if found is None:
            raise ValidationError("school", msg("school.unknown", code=school))
        school_name = found.name
    render_blank_form(
        out, language=code, district_name=district.district_name, school_name=school_name
    )
    return code


@dataclass(frozen=True, slots=True)
class IssueContext:
    """What the issue dialog shows before issuing: the request and its family candidates."""

    request: RequestView
    siblings: list[queries.FamilyCandidate]


def issue_context(session: Session, actor: Actor, request_id: str) -> IssueContext:
    view = get_request(session, actor, request_id)
    return IssueContext(view, queries.family_candidates(session, actor, request_id))
