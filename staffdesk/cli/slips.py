"""`staffdesk slips batch` (a school's approved requests, all-or-nothing) and `staffdesk forms
blank` (the printable Parent Access Form)."""

from __future__ import annotations

import argparse
import sys

from staffdesk.cli.app import App, Commands, emit


def cmd_slips_batch(app: App) -> int:
    from staffdesk.services import delivery

    a = app.args
    out = app.out_path(a.out)
    last = [""]

    def progress(phase: str, done: int, total: int) -> None:
        if sys.stderr.isatty() or done == total:
            line = f"{phase}: {done}/{total}"
            if line != last[0]:
                print(line, file=sys.stderr)
                last[0] = line

    with delivery.removed_on_failure(out), app.work() as s:
        r = delivery.deliver_batch(
            s,
            app.actor(s),
            a.school,
            out,
            grade=a.grade,
            language=a.lang or "",
            progress=progress,
        )
    fallbacks = "".join(
        f"\nlanguage: {count} slip(s) in English: no slip text ships for the roster's "
        f"language {tag!r}"
        for tag, count in r.language_fallbacks
    )
    emit(
        a,
        f"batch {r.batch_id}: issued {r.issued} passcode(s) at {r.school_code}, "
        f"{r.pages} page(s) written to {out}\n"
        f"if these slips are lost: staffdesk passcode revoke --batch {r.batch_id} --reason ..."
        + fallbacks,
        {
            "batch_id": r.batch_id,
            "issued": r.issued,
            "pages": r.pages,
            "out": str(out),
            "language_fallbacks": dict(r.language_fallbacks),
        },
    )
    return 0


def cmd_forms_blank(app: App) -> int:
    from staffdesk.services import delivery

    a = app.args
    out = app.out_path(a.out)
    with app.work() as s:
        language = delivery.blank_form(s, out, language=a.lang or "", school=a.school or "")
    emit(
        a,
        f"blank Parent Access Form ({language}) written to {out}",
        {"out": str(out), "language": language},
    )
    return 0


def register(c: Commands) -> None:
    g = c.group("slips", "credential slips")
    sp = c.leaf(
        g,
        "batch",
        cmd_slips_batch,
        "issue and print slips for every approved request at a school (all-or-nothing)",
    )
    sp.add_argument("--school", required=True, metavar="CODE")
    sp.add_argument("--out", required=True, metavar="FILE.pdf")
    sp.add_argument("--grade")
    sp.add_argument("--lang", help="slip language (default: each family's, else the district's)")

    g = c.group("forms", "printable forms")
    sp = c.leaf(g, "blank", cmd_forms_blank, "the blank two-sided Parent Access Form", staff=False)
    sp.add_argument("--out", required=True, metavar="FILE.pdf")
    sp.add_argument(
        "--lang",
        metavar="CODE",
        help="the form's language (default: the district's slip language); see below",
    )
    sp.add_argument("--school", metavar="CODE")
    with_language_list(sp)


def with_language_list(parser: argparse.ArgumentParser) -> None:
    """--help ends with the languages that ship and their translation status. The list is read
    from resources/slips/ when help is asked for, not every time the command line starts."""
    parser.formatter_class = _LanguagesListed


class _LanguagesListed(argparse.RawDescriptionHelpFormatter):
    """Ends the help, where an epilog goes, with the shipped languages."""

    def format_help(self) -> str:
        from staffdesk.services.settings import slip_languages

        lines = [lang.describe() for lang in slip_languages()]
        self.add_text("languages:\n" + "\n".join(f"  {line}" for line in lines))
        return super().format_help()
