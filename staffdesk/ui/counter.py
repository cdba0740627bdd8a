"""What the counter does beyond the card's basic actions: start a lost slip, approve a request
right at the desk (an approver's countersign when the signed-in clerk may not approve), and
switch the school one works at. The main window calls these; they open its dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from staffdesk.domain.workflow import Action, Role
from staffdesk.services import queries
from staffdesk.services import requests as req_svc
from staffdesk.ui import operations, prefs
from staffdesk.ui.errors import show_error

if TYPE_CHECKING:
    from staffdesk.services.countersign import Countersigned
    from staffdesk.services.lost_slip import LostSlipDraft
    from staffdesk.ui.main_window import MainWindow
    from staffdesk.ui.queue import DecisionContext


# ------------------------------------------------------------------------------ lost slip


def start_lost_slip(win: MainWindow, card: queries.StudentCard) -> None:
    """A parent lost the slip: a new form prefilled from the last one (services.lost_slip);
    ID check and approval as for any form, and issuing it revokes the old code."""
    actor = win.desk.me()
    operations.lost_slip_form(actor, card.permanent_id).success(
        lambda draft: _open_lost_slip(win, card, draft)
    ).failure(lambda exc: show_error(win, exc)).run(win.desk, owner=win)


def _open_lost_slip(win: MainWindow, card: queries.StudentCard, draft: LostSlipDraft) -> None:
    dialog = win.new_form(card)
    if dialog is not None:
        dialog.fill_lost_slip(draft.form, draft.old_serial)


# ------------------------------------------------------------------------------ approve here


def needs_countersign(ctx: DecisionContext, role: Role, username: str) -> bool:
    """A clerk, or an approver who checked this ID themselves, approves only by another
    approver's countersign at this desk."""
    v = ctx.request
    checked = v.identity is not None and v.identity.verified_by == username
    return role is Role.CLERK or (ctx.two_person_rule and checked)


def approve_here(win: MainWindow, request_id: str) -> None:
    """Approve the card's verified request without leaving the counter; the slip follows."""
    if win.locked:
        return
    actor = win.desk.me()
    operations.decision_context(actor, request_id).success(
        lambda ctx: _open_approval(win, ctx)
    ).failure(lambda exc: show_error(win, exc)).run(win.desk, owner=win)


def _open_approval(win: MainWindow, ctx: DecisionContext) -> None:
    me = win.desk.me()
    if needs_countersign(ctx, me.role, me.username):
        from staffdesk.ui.countersign import CountersignDialog

        sign = CountersignDialog(win.desk, ctx, win)
        sign.approved.connect(lambda done: _approved(win, done))
        win.keep_dialog(sign).open()
        return
    from staffdesk.ui.queue import DecisionDialog

    dialog = DecisionDialog(win.desk, ctx, Action.APPROVE, win)
    dialog.decided.connect(lambda view: _approved(win, view))
    win.keep_dialog(dialog).open()


def _approved(win: MainWindow, result: Countersigned | req_svc.RequestView) -> None:
    """The parent is still at the counter: the issue dialog opens at once."""
    view = result if isinstance(result, req_svc.RequestView) else result.request
    win.events.request_changed.emit(view.id)
    who = view.decision.decided_by if view.decision is not None else ""
    win.statusBar().showMessage(
        QCoreApplication.translate(
            "Counter", "Approved by {0} at this desk. Issue the passcode and print the slip."
        ).format(who),
        10000,
    )
    win.open_issue(view.id)


# ------------------------------------------------------------------------------ school


def switch_school(win: MainWindow) -> None:
    """Work at another of one's schools; the sign-in remembers it for next time."""
    desk = win.desk
    if win.locked or len(desk.schools) <= 1:
        return
    codes = ["", *sorted(desk.schools)]
    choices = [QCoreApplication.translate("Counter", "All my schools")] + [
        f"{c} — {desk.schools[c]}" for c in codes[1:]
    ]
    current = codes.index(desk.school) if desk.school in codes else 0
    label, ok = QInputDialog.getItem(
        win,
        QCoreApplication.translate("Counter", "Switch school"),
        QCoreApplication.translate("Counter", "School you are working at:"),
        choices,
        current,
        False,
    )
    if not ok:
        return
    desk.school = codes[choices.index(label)]
    prefs.remember_school(desk.me().username, desk.school)
    win.school_switched()
