"""Directory sign-in: staff use their district password, checked by a bind to LDAP or AD.

Optional per district: on when the site config has a `[directory]` table with a `url`. The
password travels only inside TLS (LDAPS or StartTLS; plain LDAP only where the site config says
`allow_plain` for a lab), is never logged and never stored. The role and schools come from the
groups the account is a direct member of (Active Directory: the account's `memberOf`; OpenLDAP:
groups under `group_base_dn` that name it in `member`, `uniqueMember` or `memberUid`). The
identity recorded on every decision and audit event is `DOMAIN\\account`, which no local account
name can be. An account the directory marks disabled (AD: the ACCOUNTDISABLE bit of
`userAccountControl`; OpenLDAP: `pwdAccountLockedTime` set) or that is in no mapped role group is
refused exactly like a wrong password.
"""

from __future__ import annotations

import enum
import logging
import re
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from staffdesk.domain.errors import DirectoryUnavailable, SecretStoreUnavailable, ValidationError
from staffdesk.domain.messages import msg
from staffdesk.domain.workflow import Role
from staffdesk.services import siteconfig
from staffdesk.services.context import Actor

if TYPE_CHECKING:
    from ldap3 import Connection, Server

log = logging.getLogger("staffdesk.auth")

KEYRING_SERVICE = "StaffDesk"
AD_ACCOUNTDISABLE = 0x2
_ACCOUNT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_DOMAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
_WHERE = msg("siteconfig.where", section="directory")
_ROLES = msg("siteconfig.table", where=_WHERE, table="roles")
_SCHOOLS = msg("siteconfig.table", where=_WHERE, table="schools")
_SPACES = re.compile(r"(?<!\\)\s*([,=+])\s*")


class Kind(enum.StrEnum):
    AD = "ad"
    OPENLDAP = "openldap"


_ACCOUNT_ATTR = {Kind.AD: "sAMAccountName", Kind.OPENLDAP: "uid"}
_USER_FILTER = {
    Kind.AD: "(&(objectClass=user)(sAMAccountName={username}))",
    Kind.OPENLDAP: "(&(objectClass=inetOrgPerson)(uid={username}))",
}


def normalise_dn(dn: str) -> str:
    """Compare DNs the way directories do: attribute names and values without case or spacing."""
    from ldap3.core.exceptions import LDAPInvalidDnError
    from ldap3.utils.dn import parse_dn

    try:  # people write "cn=Office Staff, ou=Groups": spaces around separators do not count
        parts = parse_dn(_SPACES.sub(r"\1", dn.strip()))
    except LDAPInvalidDnError:
        raise ValueError(dn) from None
    return ",".join(f"{a.strip().lower()}={v.strip().lower()}" for a, v, _ in parts)


@dataclass(frozen=True, slots=True)
class DirectorySettings:
    """The `[directory]` table, checked: every key and what it means is in README."""

    kind: Kind
    urls: tuple[str, ...]
    domain: str
    base_dn: str
    user_filter: str
    bind_dn: str  # "{username}" template to bind with directly; empty: search for the DN first
    search_dn: str  # the account that searches (its password in the keyring); empty: anonymous
    group_base_dn: str
    start_tls: bool
    allow_plain: bool
    ca_file: str
    timeout: float
    local_accounts: bool
    role_groups: tuple[tuple[Role, frozenset[str]], ...]
    school_groups: tuple[tuple[str, frozenset[str]], ...]

    def account_of(self, typed: str) -> str | None:
        """The account in `DOMAIN\\name` or `name`; None when it cannot be one of ours."""
        name = (typed or "").strip()
        if "\\" in name:
            domain, _, name = name.partition("\\")
            if domain.upper() != self.domain:
                return None
        return name if _ACCOUNT.match(name) else None

    def identity(self, account: str) -> str:
        return f"{self.domain}\\{account.lower()}"


def _key(where: str, key: str) -> str:
    """A setting named as the file names it: "site config [directory] url"."""
    return msg("siteconfig.key", where=where, key=key)


def _text(table: Mapping[str, Any], key: str, default: str = "") -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise ValidationError(_key(_WHERE, key), msg("siteconfig.quoted"))
    return value.strip()


def _flag(table: Mapping[str, Any], key: str, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise ValidationError(_key(_WHERE, key), msg("siteconfig.true_false"))
    return value


def _group_dns(where: str, value: Any) -> frozenset[str]:
    dns = [value] if isinstance(value, str) else value
    if not isinstance(dns, list) or not dns or not all(isinstance(d, str) for d in dns):
        raise ValidationError(where, msg("directory.group_dns"))
    try:
        return frozenset(normalise_dn(d) for d in dns)
    except ValueError as exc:
        raise ValidationError(where, msg("directory.not_a_dn", dn=str(exc))) from None


def parse_settings(table: Mapping[str, Any]) -> DirectorySettings | None:
    """None when directory sign-in is off (no table, or no `url`)."""
    if not table.get("url"):
        return None
    try:
        kind = Kind(_text(table, "kind", "openldap").lower())
    except ValueError:
        raise ValidationError(_key(_WHERE, "kind"), msg("directory.kind")) from None
    raw_urls = table["url"]
    urls = (raw_urls,) if isinstance(raw_urls, str) else raw_urls
    if not isinstance(urls, list | tuple) or not all(isinstance(u, str) for u in urls):
        raise ValidationError(_key(_WHERE, "url"), msg("directory.urls"))
    urls = tuple(u.strip() for u in urls)
    start_tls = _flag(table, "start_tls", False)
    allow_plain = _flag(table, "allow_plain", False)
    for url in urls:
        scheme = url.split("://", 1)[0].lower() if "://" in url else ""
        if scheme not in ("ldap", "ldaps"):
            raise ValidationError(_key(_WHERE, "url"), msg("directory.url", url=url))
        if scheme == "ldap" and not (start_tls or allow_plain):
            raise ValidationError(_key(_WHERE, "url"), msg("directory.plain", url=url))
    domain = _text(table, "domain").upper()
    if not _DOMAIN.match(domain):
        raise ValidationError(_key(_WHERE, "domain"), msg("directory.domain"))
    base_dn = _text(table, "base_dn")
    try:
        normalise_dn(base_dn)
    except ValueError:
        raise ValidationError(_key(_WHERE, "base_dn"), msg("directory.base_dn")) from None
    user_filter = _text(table, "user_filter", _USER_FILTER[kind])
    bind_dn = _text(table, "bind_dn")
    for key, template in (("user_filter", user_filter), ("bind_dn", bind_dn)):
        if template and "{username}" not in template:
            raise ValidationError(_key(_WHERE, key), msg("directory.username_slot"))
    ca_file = _text(table, "ca_file")
    timeout = table.get("timeout", 5)
    if not isinstance(timeout, int | float) or not 0 < timeout <= 60:
        raise ValidationError(_key(_WHERE, "timeout"), msg("directory.timeout"))
    roles_table = table.get("roles", {})
    schools_table = table.get("schools", {})
    if not isinstance(roles_table, dict) or not isinstance(schools_table, dict):
        raise ValidationError(_WHERE, msg("directory.tables"))
    roles: list[tuple[Role, frozenset[str]]] = []
    for key, value in roles_table.items():
        try:
            role = Role(key)
        except ValueError:
            raise ValidationError(
                _key(_ROLES, key), msg("expected.one_of", choices=", ".join(Role))
            ) from None
        roles.append((role, _group_dns(_key(_ROLES, key), value)))
    if not roles:
        raise ValidationError(_ROLES, msg("directory.no_roles"))
    schools = [
        (code.strip().upper(), _group_dns(_key(_SCHOOLS, code), value))
        for code, value in schools_table.items()
    ]
    return DirectorySettings(
        kind=kind,
        urls=urls,
        domain=domain,
        base_dn=base_dn,
        user_filter=user_filter,
        bind_dn=bind_dn,
        search_dn=_text(table, "search_dn"),
        group_base_dn=_text(table, "group_base_dn") or base_dn,
        start_tls=start_tls,
        allow_plain=allow_plain,
        ca_file=ca_file,
        timeout=float(timeout),
        local_accounts=_flag(table, "local_accounts", True),
        role_groups=tuple(roles),
        school_groups=tuple(schools),
    )


def settings() -> DirectorySettings | None:
    """This workstation's directory settings, or None when sign-in is local only."""
    return parse_settings(siteconfig.section("directory"))


# ------------------------------------------------------------------------------ the exchange


@dataclass(frozen=True, slots=True)
class _Entry:
    dn: str
    attrs: dict[str, list[str]]  # attribute names lower-cased

    def first(self, name: str) -> str:
        values = self.attrs.get(name.lower(), [])
        return values[0] if values else ""


_ATTRIBUTES = (
    "sAMAccountName",
    "uid",
    "displayName",
    "cn",
    "givenName",
    "sn",
    "memberOf",
    "userAccountControl",
    "pwdAccountLockedTime",
)


def _servers(site: DirectorySettings) -> list[Server]:
    import ldap3

    tls = ldap3.Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=site.ca_file or None)
    seconds = max(1, int(site.timeout))
    return [
        ldap3.Server(u, tls=tls, get_info=ldap3.NONE, connect_timeout=seconds) for u in site.urls
    ]


def _open(site: DirectorySettings, server: Server, dn: str, password: str) -> Connection:
    """A connection with TLS in place (LDAPS or StartTLS), not yet bound."""
    import ldap3

    conn = ldap3.Connection(
        server,
        user=dn or None,
        password=password or None,
        authentication=ldap3.SIMPLE if dn else ldap3.ANONYMOUS,
        auto_bind=ldap3.AUTO_BIND_NONE,
        receive_timeout=int(site.timeout) or 1,
        read_only=True,
        auto_referrals=False,
        raise_exceptions=False,
    )
    conn.open()
    if site.start_tls and not conn.server.ssl and not conn.start_tls():
        raise DirectoryUnavailable(msg("directory.starttls", host=conn.server.host))
    if not (conn.server.ssl or conn.tls_started or site.allow_plain):
        raise DirectoryUnavailable(msg("directory.no_tls"))
    return conn


def _entries(conn: Connection) -> list[_Entry]:
    found = []
    for item in conn.response or []:
        if item.get("type") != "searchResEntry":
            continue  # referrals and references are not followed
        raw: Mapping[str, Sequence[bytes]] = item.get("raw_attributes", {})
        attrs = {
            k.lower(): [
                v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in vs
            ]
            for k, vs in raw.items()
        }
        found.append(_Entry(str(item["dn"]), attrs))
    return found


def _find(site: DirectorySettings, conn: Connection, account: str) -> _Entry | None:
    import ldap3
    from ldap3.utils.conv import escape_filter_chars

    query = site.user_filter.replace("{username}", escape_filter_chars(account))
    conn.search(site.base_dn, query, ldap3.SUBTREE, attributes=list(_ATTRIBUTES), size_limit=2)
    entries = _entries(conn)
    if len(entries) != 1:
        log.info("directory: %d entries for %s\\%s", len(entries), site.domain, account)
        return None
    return entries[0]


def _search_password(site: DirectorySettings) -> str:
    import keyring
    import keyring.errors

    key = f"directory:{site.search_dn}"
    try:
        password = keyring.get_password(KEYRING_SERVICE, key)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable(msg("directory.keyring_locked", reason=str(exc))) from exc
    if not password:
        raise SecretStoreUnavailable(
            msg("directory.no_search_password", service=KEYRING_SERVICE, user=key)
        )
    return password


def store_search_password(site: DirectorySettings, password: str) -> str:
    """Keep the search account's password in the OS keyring; returns the keyring user name.

    The caller checks first that the keyring backend is a secure one.
    """
    import keyring
    import keyring.errors

    if not site.search_dn:
        raise ValidationError(_key(_WHERE, "search_dn"), msg("directory.no_search_account"))
    if not password:
        raise ValidationError("password", msg("directory.empty_search_password"))
    key = f"directory:{site.search_dn}"
    try:
        keyring.set_password(KEYRING_SERVICE, key, password)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable(msg("directory.keyring_refused", reason=str(exc))) from exc
    return key


def _groups(site: DirectorySettings, conn: Connection, entry: _Entry, account: str) -> set[str]:
    import ldap3
    from ldap3.utils.conv import escape_filter_chars

    groups = set(entry.attrs.get("memberof", []))
    if site.kind is Kind.OPENLDAP:
        dn, uid = escape_filter_chars(entry.dn), escape_filter_chars(account)
        conn.search(
            site.group_base_dn,
            f"(|(member={dn})(uniqueMember={dn})(memberUid={uid}))",
            ldap3.SUBTREE,
            attributes=["cn"],
        )
        groups |= {e.dn for e in _entries(conn)}
    normal = set()
    for g in groups:
        try:
            normal.add(normalise_dn(g))
        except ValueError:
            continue
    return normal


def _disabled(site: DirectorySettings, entry: _Entry) -> bool:
    if site.kind is Kind.AD:
        flags = entry.first("userAccountControl")
        try:
            return bool(int(flags) & AD_ACCOUNTDISABLE)
        except ValueError:
            return True  # unreadable: do not let it through
    return bool(entry.first("pwdAccountLockedTime"))


def _check(site: DirectorySettings, account: str, password: str) -> tuple[_Entry, set[str]] | None:
    """Bind as the user; their entry and groups, or None when the directory says no.

    The servers are tried in the order listed until one answers.
    """
    from ldap3.core.exceptions import LDAPException

    last: LDAPException | None = None
    for server in _servers(site):
        try:
            return _check_at(site, server, account, password)
        except LDAPException as exc:
            log.warning("directory %s did not answer: %s", server.host, exc)
            last = exc
    assert last is not None
    raise last


def _check_at(
    site: DirectorySettings, server: Server, account: str, password: str
) -> tuple[_Entry, set[str]] | None:
    searcher: Connection | None = None
    user_conn: Connection | None = None
    try:
        if site.bind_dn:
            from ldap3.utils.dn import escape_rdn

            user_conn = _open(
                site, server, site.bind_dn.replace("{username}", escape_rdn(account)), password
            )
            if not user_conn.bind():
                return None
            entry = _find(site, user_conn, account)
        else:
            search_password = _search_password(site) if site.search_dn else ""
            searcher = _open(site, server, site.search_dn, search_password)
            if not searcher.bind():
                raise DirectoryUnavailable(
                    msg(
                        "directory.search_refused",
                        account=site.search_dn or msg("directory.anonymous"),
                        reason=searcher.result.get("description", ""),
                    )
                )
            entry = _find(site, searcher, account)
            if entry is None:
                return None
            user_conn = _open(site, server, entry.dn, password)
            if not user_conn.bind():
                return None
        if entry is None:
            return None
        return entry, _groups(site, searcher or user_conn, entry, account)
    finally:
        for conn in (searcher, user_conn):
            if conn is not None:
                conn.unbind()


def sign_in(site: DirectorySettings, typed: str, password: str, workstation: str) -> Actor | None:
    """The signed-in staff member, or None: unknown, wrong password, disabled, or in no group.

    DirectoryUnavailable when the directory cannot be reached or its certificate is not trusted.
    """
    from ldap3.core.exceptions import LDAPException

    account = site.account_of(typed)
    if account is None or not password:  # an empty password would be an anonymous bind
        return None
    try:
        found = _check(site, account, password)
    except LDAPException as exc:
        raise DirectoryUnavailable(
            msg(
                "directory.unreachable",
                urls=", ".join(site.urls),
                reason=str(exc),
                path=str(siteconfig.site_config_path()),
            )
        ) from None
    if found is None:
        log.info(
            "directory sign-in refused for %s: unknown or wrong password", site.identity(account)
        )
        return None
    entry, groups = found
    account = entry.first(_ACCOUNT_ATTR[site.kind]) or account
    who = site.identity(account)
    if _disabled(site, entry):
        log.info("directory sign-in refused for %s: the account is disabled", who)
        return None
    roles = [r for r, dns in site.role_groups if dns & groups]
    if not roles:
        log.info("directory sign-in refused for %s: in no StaffDesk role group", who)
        return None
    role = max(roles, key=list(Role).index)
    schools = frozenset(code for code, dns in site.school_groups if dns & groups)
    if role is not Role.ADMIN and not schools:
        log.info("directory sign-in refused for %s: a %s in no school group", who, role.value)
        return None
    name = (
        entry.first("displayName")
        or entry.first("cn")
        or " ".join(p for p in (entry.first("givenName"), entry.first("sn")) if p)
        or who
    )
    log.info("directory sign-in: %s as %s", who, role.value)
    return Actor(
        username=who,
        display_name=name[:200],
        role=role,
        schools=frozenset() if role is Role.ADMIN else schools,
        workstation=workstation,
    )
