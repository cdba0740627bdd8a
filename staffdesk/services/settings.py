"""District-wide settings, stored in the database and validated when set."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from sqlalchemy import select
from sqlalchemy.orm import Session

from staffdesk.domain import passcode as policy
from staffdesk.domain.errors import ValidationError
from staffdesk.domain.messages import msg
from staffdesk.domain.values import Email, check_text, clean_text
from staffdesk.domain.workflow import Role
from staffdesk.services import audit
from staffdesk.services.context import Actor
from staffdesk.store.models import Setting

if TYPE_CHECKING:  # the slips package loads when a language is first needed
    from staffdesk.slips.languages import SlipLanguage


def _url(raw: str) -> str:
    text = raw.strip()
    u = urlparse(text)
    if u.scheme not in ("https", "http") or not u.netloc:
        raise ValidationError("portal_url", msg("settings.url"))
    return text


def _days(raw: str) -> str:
    try:
        days = int(raw)
    except ValueError:
        raise ValidationError("passcode_days", msg("settings.whole_days")) from None
    if not policy.MIN_DAYS <= days <= policy.MAX_DAYS:
        raise ValidationError(
            "passcode_days",
            msg("settings.days_range", least=policy.MIN_DAYS, most=policy.MAX_DAYS, got=days),
        )
    return str(days)


def _bool(raw: str) -> str:
    text = raw.strip().lower()
    if text in ("on", "true", "yes", "1"):
        return "on"
    if text in ("off", "false", "no", "0"):
        return "off"
    raise ValidationError("two_person_rule", msg("settings.on_off"))


def _language(raw: str) -> str:
    from staffdesk.slips.languages import shipped_code
    from staffdesk.slips.texts import available_languages

    code = shipped_code(raw)
    if code is None:
        langs = available_languages()
        raise ValidationError("slip_language", msg("expected.one_of", choices=", ".join(langs)))
    return code


def slip_languages() -> list[SlipLanguage]:
    """The slip languages that ship (one text file each in resources/slips/), English first,
    with each translation's status: what settings, `forms blank --help` and the desk list."""
    from staffdesk.slips.languages import shipped_languages

    return shipped_languages()


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    default: str
    label: str
    parse: Callable[[str], str]


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec(
            "district_name",
            "Unified School District",
            "District name",
            lambda v: clean_text(v, "district_name"),
        ),
        SettingSpec("portal_url", "https://portal.example.org", "Parent portal address", _url),
        SettingSpec(
            "support_email",
            "portal-help@example.org",
            "Support email",
            lambda v: Email.parse(v, "support_email").value,
        ),
        SettingSpec("passcode_days", str(policy.DEFAULT_DAYS), "Passcode expiry (days)", _days),
        SettingSpec("two_person_rule", "on", "Two-person rule", _bool),
        SettingSpec("slip_language", "en", "Default slip language", _language),
    )
}


@dataclass(frozen=True, slots=True)
class DistrictSettings:
    district_name: str
    portal_url: str
    support_email: str
    passcode_days: int
    two_person_rule: bool
    slip_language: str

    def as_dict(self) -> dict[str, str]:
        return {
            "district_name": self.district_name,
            "portal_url": self.portal_url,
            "support_email": self.support_email,
            "passcode_days": str(self.passcode_days),
            "two_person_rule": "on" if self.two_person_rule else "off",
            "slip_language": self.slip_language,
        }


def load(session: Session) -> DistrictSettings:
    stored = {k: v for k, v in session.execute(select(Setting.key, Setting.value))}
    v = {k: stored.get(k, spec.default) for k, spec in SPECS.items()}
    return DistrictSettings(
        district_name=v["district_name"],
        portal_url=v["portal_url"],
        support_email=v["support_email"],
        passcode_days=int(v["passcode_days"]),
        two_person_rule=v["two_person_rule"] == "on",
        slip_language=v["slip_language"],
    )


def set_value(session: Session, actor: Actor, key: str, value: str) -> DistrictSettings:
    actor.require(Role.ADMIN, "changing settings")
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationError("key", msg("settings.unknown", key=key, choices=", ".join(SPECS)))
    clean = spec.parse(check_text(value, key))
    row = session.get(Setting, key)
    old = row.value if row else spec.default
    if row is None:
        session.add(Setting(key=key, value=clean, updated_by=actor.username))
    else:
        row.value = clean
        row.updated_by = actor.username
    audit.record_change(session, actor, "settings.set", "setting", key, {"old": old, "new": clean})
    session.flush()
    return load(session)
