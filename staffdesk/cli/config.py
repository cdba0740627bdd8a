"""`staffdesk config show`: this workstation's effective settings and where each came from."""

from __future__ import annotations

from staffdesk.cli.app import App, Commands, emit


def cmd_config_show(app: App) -> int:
    from staffdesk import config

    current = config.load()
    width = max(len(k) for k in current.values)
    lines = []
    for key, value in current.values.items():
        shown = value.value if value.value != "" else "(empty)"
        lines.append(f"{key:<{width}}  {shown!s:<34} {value.origin()}")
        if value.note:
            lines.append(f"{'':<{width}}  ! {value.note}")
    found = "" if current.site_file.is_file() else " (none)"
    lines += ["", f"site file: {current.site_file}{found}", f"user file: {current.user_file}"]
    note = config.site_override_ignored()
    if note:
        lines.insert(-1, f"  ! {note}")
    emit(app.args, "\n".join(lines), current.as_dict())
    return 0


def register(c: Commands) -> None:
    g = c.group("config", "this workstation's settings (IT's site file, the user's file)")
    c.leaf(g, "show", cmd_config_show, "the effective settings and where each came from", False)
