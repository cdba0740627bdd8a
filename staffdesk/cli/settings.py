"""`staffdesk settings show|set`."""

from __future__ import annotations

from staffdesk.cli.app import App, Commands, emit


def cmd_settings_show(app: App) -> int:
    from staffdesk.services import settings

    with app.work() as s:
        values = settings.load(s).as_dict()
    languages = settings.slip_languages()
    text = "\n".join(f"{k} = {v}" for k, v in values.items())
    text += "\nslip languages:\n" + "\n".join(f"  {lang.describe()}" for lang in languages)
    data: dict[str, object] = {
        **values,
        "slip_languages": [
            {
                "code": lang.code,
                "name": lang.name,
                "status": lang.status,
                "reviewer": lang.reviewer,
                "reviewed_on": lang.reviewed_on,
            }
            for lang in languages
        ],
    }
    emit(app.args, text, data)
    return 0


def cmd_settings_set(app: App) -> int:
    from staffdesk.services import settings

    with app.work() as s:
        values = settings.set_value(s, app.actor(s), app.args.key, app.args.value).as_dict()
    from staffdesk.cli.sync import admin_hint

    emit(app.args, f"{app.args.key} = {values[app.args.key]}" + admin_hint(app), values)
    return 0


def register(c: Commands) -> None:
    g = c.group("settings", "district-wide settings")
    c.leaf(g, "show", cmd_settings_show, "show the settings", staff=False)
    sp = c.leaf(g, "set", cmd_settings_set, "change a setting (admin)")
    sp.add_argument("key")
    sp.add_argument("value")
