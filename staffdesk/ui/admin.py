"""Admin screens: staff accounts (add, enable/disable) and schools (rename)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.workflow import Role
from staffdesk.services import queries, staff
from staffdesk.ui import i18n, operations, states
from staffdesk.ui.base import Desk, FieldErrors, FormDialog
from staffdesk.ui.errors import show_error
from staffdesk.ui.frontdesk import setup_table
from staffdesk.ui.models import Column, RowsModel
from staffdesk.ui.noop import QT_TRANSLATE_NOOP

# the role names in the "Role" box, translated where they are shown (self.tr)


def _schools(view: staff.StaffView) -> str:
    return ", ".join(view.schools) or QCoreApplication.translate("StaffDialog", "district-wide")


class _StaffRow:
    __slots__ = ("active", "display_name", "id", "role", "schools")

    def __init__(self, v: staff.StaffView) -> None:
        self.id = v.username
        self.display_name = v.display_name
        self.role = v.role.value
        self.schools = _schools(v)
        self.active = "active" if v.active else "disabled"


class StaffDialog(FormDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("staff_admin", self.tr("Staff accounts"), parent)
        self.desk = desk
        self.table: QTableView = self.w(QTableView, "table")
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.model = RowsModel(
            (
                Column("id", QT_TRANSLATE_NOOP("Columns", "Username")),
                Column("display_name", QT_TRANSLATE_NOOP("Columns", "Name")),
                Column("role", QT_TRANSLATE_NOOP("Columns", "Role"), fmt=states.role),
                Column("schools", QT_TRANSLATE_NOOP("Columns", "Schools")),
                Column("active", QT_TRANSLATE_NOOP("Columns", "State"), fmt=states.staff_state),
            ),
            self,
        )
        self.model.highlight = lambda r: r.active != "active"
        self.table.setModel(self.model)
        setup_table(self.table)
        self.toggle: QPushButton = self.w(QPushButton, "toggle")
        self.w(QPushButton, "add").clicked.connect(self.add)
        self.w(QPushButton, "close").clicked.connect(self.accept)
        self.toggle.clicked.connect(self.toggle_selected)
        self.table.selectionModel().selectionChanged.connect(lambda _a, _b: self._sync())
        self.resize(680, 420)
        self.refresh()

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): the list says district-wide again."""
        if self.desk.actor is not None:
            self.refresh()

    def refresh(self) -> None:
        actor = self.desk.me()
        operations.list_staff(actor).success(
            lambda views: self._loaded([_StaffRow(v) for v in views])
        ).failure(lambda e: show_error(self, e)).run(self.desk, owner=self)

    def _loaded(self, rows: list[_StaffRow]) -> None:
        self.model.set_rows(rows)
        self._sync()

    def selected(self) -> _StaffRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _sync(self) -> None:
        row = self.selected()
        self.toggle.setEnabled(row is not None)
        self.toggle.setText(
            self.tr("&Enable")
            if row is not None and row.active != "active"
            else self.tr("&Disable")
        )

    def toggle_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        actor, username, active = self.desk.me(), row.id, row.active != "active"
        operations.set_staff_active(actor, username, active).success(
            lambda _v: self.refresh()
        ).failure(lambda e: show_error(self, e)).run(self.desk, owner=self)

    def add(self) -> StaffEditDialog:
        dialog = StaffEditDialog(self.desk, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog


class StaffEditDialog(FormDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("staff_edit", self.tr("Add a staff account"), parent)
        self.desk = desk
        self.username: QLineEdit = self.w(QLineEdit, "username")
        self.display_name: QLineEdit = self.w(QLineEdit, "display_name")
        self.role: QComboBox = self.w(QComboBox, "role")
        self.password: QLineEdit = self.w(QLineEdit, "password")
        box: QGroupBox = self.w(QGroupBox, "schools")
        for role in Role:
            self.role.addItem(states.role(role.value), role.value)
        self.school_boxes: list[tuple[QCheckBox, str]] = []
        box_layout = box.layout()
        assert box_layout is not None, "the schools box of staff_edit.ui has a layout"
        for code, name in sorted(desk.schools.items()):
            check = QCheckBox(f"{code} — {name}")
            check.setAccessibleName(name)
            box_layout.addWidget(check)
            self.school_boxes.append((check, code))
        self.errors = FieldErrors(
            self.w(QFormLayout, "form"),
            {
                "username": self.username,
                "display name": self.display_name,
                "role": self.role,
                "password": self.password,
                "school": box,
            },
        )
        buttons: QDialogButtonBox = self.w(QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        self.errors.clear()
        actor = self.desk.me()
        username, role = self.username.text(), str(self.role.currentData())
        password, display_name = self.password.text(), self.display_name.text()
        schools = [code for box, code in self.school_boxes if box.isChecked()]
        operations.add_staff(
            actor,
            username=username,
            role=role,
            password=password,
            display_name=display_name,
            schools=schools,
        ).success(lambda _v: self.accept()).failure(self._failed).run(self.desk, owner=self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and self.errors.show(exc.field, i18n.detail(exc)):
            return
        show_error(self, exc)


class SchoolsDialog(FormDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("staff_admin", self.tr("Schools"), parent)
        self.desk = desk
        self.table: QTableView = self.w(QTableView, "table")
        self.table.setAccessibleName(self.tr("Schools"))
        self.model = RowsModel(
            (
                Column("id", QT_TRANSLATE_NOOP("Columns", "Code")),
                Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
                Column("students", QT_TRANSLATE_NOOP("Columns", "Students on the roster")),
            ),
            self,
        )
        self.table.setModel(self.model)
        setup_table(self.table, stretch=1)
        add: QPushButton = self.w(QPushButton, "add")
        add.setVisible(False)  # schools come from the roster import
        self.rename_button: QPushButton = self.w(QPushButton, "toggle")
        self.rename_button.setText(self.tr("&Rename…"))
        self.rename_button.setAccessibleName(self.tr("Rename the school"))
        self.rename_button.clicked.connect(self.rename)
        self.w(QPushButton, "close").clicked.connect(self.accept)
        self.resize(600, 360)
        self.refresh()

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): the list says district-wide again."""
        if self.desk.actor is not None:
            self.refresh()

    def refresh(self) -> None:
        actor = self.desk.me()
        operations.list_schools(actor).success(
            lambda rows: self.model.set_rows([_School(r) for r in rows])
        ).failure(lambda e: show_error(self, e)).run(self.desk, owner=self)

    def rename(self, name: str = "") -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is None:
            return
        if not name:
            name, ok = QInputDialog.getText(
                self,
                self.tr("Rename school"),
                self.tr("New name for {0}:").format(row.id),
                text=row.name,
            )
            if not ok or not name.strip():
                return
        actor, code = self.desk.me(), row.id
        operations.rename_school(actor, code, name).success(lambda _r: self.refresh()).failure(
            lambda e: show_error(self, e)
        ).run(self.desk, owner=self)


class _School:
    __slots__ = ("id", "name", "students")

    def __init__(self, r: queries.SchoolRow) -> None:
        self.id, self.name, self.students = r.code, r.name, r.students
