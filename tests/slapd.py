"""A real OpenLDAP server (Debian's `slapd`) for the directory sign-in tests.

Each server gets its own folder: a slapd.conf, an mdb database filled with slapadd, a self-signed
certificate for LDAPS and StartTLS, and two free ports on 127.0.0.1. It holds OpenLDAP-style
people and groups, and Active Directory-style accounts (a small schema with AD's own attribute
ids: sAMAccountName, userAccountControl, memberOf) so both kinds of directory are exercised.
Skipped with the reason when slapd is not installed; under CI=true that is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

SUFFIX = "dc=staffdesk,dc=test"
PEOPLE = f"ou=people,{SUFFIX}"
GROUPS = f"ou=groups,{SUFFIX}"
AD_USERS = f"ou=staff,ou=ad,{SUFFIX}"
AD_GROUPS = f"ou=groups,ou=ad,{SUFFIX}"
READER = f"cn=staffdesk-reader,ou=service,{SUFFIX}"
READER_PASSWORD = "reader-pass-7"
SLAPD = "/usr/sbin/slapd"
SLAPADD = "/usr/sbin/slapadd"

# account -> password; every directory account has its own
PASSWORDS = {
    "jdoe": "jdoe-directory-1",
    "mrivera": "mrivera-directory-1",
    "itadmin": "itadmin-directory-1",
    "locked": "locked-directory-1",
    "nogroup": "nogroup-directory-1",
    "noschool": "noschool-directory-1",
    "psmith": "psmith-directory-1",
    "ann.ad": "ann-ad-directory-1",
    "bob.ad": "bob-ad-directory-1",
}

AD_SCHEMA = """\
attributetype ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName'
  EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.8 NAME 'userAccountControl'
  EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.2.102 NAME 'memberOf'
  EQUALITY distinguishedNameMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 )
objectclass ( 1.2.840.113556.1.5.9 NAME 'user' SUP organizationalPerson STRUCTURAL
  MAY ( sAMAccountName $ userAccountControl $ memberOf $ displayName $ givenName $ mail ) )
objectclass ( 1.2.840.113556.1.5.8 NAME 'group' SUP top STRUCTURAL
  MUST cn MAY ( member $ sAMAccountName $ description ) )
"""


def _person(uid: str, cn: str, sn: str, extra: str = "") -> str:
    return (
        f"dn: uid={uid},{PEOPLE}\nobjectClass: inetOrgPerson\nuid: {uid}\ncn: {cn}\nsn: {sn}\n"
        f"displayName: {cn}\nuserPassword: {PASSWORDS[uid]}\n{extra}\n"
    )


def _group(cn: str, members: list[str], kind: str = "groupOfNames") -> str:
    attr = {"groupOfNames": "member", "groupOfUniqueNames": "uniqueMember"}[kind]
    lines = "".join(f"{attr}: uid={m},{PEOPLE}\n" for m in members)
    return f"dn: cn={cn},{GROUPS}\nobjectClass: {kind}\ncn: {cn}\n{lines}\n"


def _ad_user(sam: str, cn: str, control: int, groups: list[str]) -> str:
    member_of = "".join(f"memberOf: CN={g},{AD_GROUPS}\n" for g in groups)
    return (
        f"dn: CN={cn},{AD_USERS}\nobjectClass: user\ncn: {cn}\nsn: {cn.split()[-1]}\n"
        f"sAMAccountName: {sam}\nuserAccountControl: {control}\ndisplayName: {cn}\n"
        f"userPassword: {PASSWORDS[sam]}\n{member_of}\n"
    )


def ldif() -> str:
    units = "".join(
        f"dn: {dn}\nobjectClass: organizationalUnit\nou: {dn.split(',')[0][3:]}\n\n"
        for dn in (PEOPLE, GROUPS, f"ou=service,{SUFFIX}", f"ou=ad,{SUFFIX}", AD_USERS, AD_GROUPS)
    )
    return (
        f"dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\no: Test district\n"
        f"dc: staffdesk\n\n{units}"
        f"dn: {READER}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\n"
        f"cn: staffdesk-reader\nuserPassword: {READER_PASSWORD}\n\n"
        + _person("jdoe", "Jane Doe", "Doe")
        + _person("mrivera", "Marta Rivera", "Rivera")
        + _person("itadmin", "Ivan Admin", "Admin")
        # locked by the administrator the way ppolicy records it
        + _person("locked", "Lou Locked", "Locked", "pwdAccountLockedTime: 000001010000Z\n")
        + _person("nogroup", "Nora Group", "Group")
        + _person("noschool", "Nick School", "School")
        + _person("psmith", "Pat Smith", "Smith")
        + _group("staffdesk-clerks", ["jdoe", "locked", "noschool"])
        + _group("staffdesk-approvers", ["mrivera"])
        + _group("staffdesk-admins", ["itadmin"])
        + _group("lincoln-office", ["jdoe", "mrivera", "locked"], "groupOfUniqueNames")
        + _group("washington-office", ["mrivera"], "groupOfUniqueNames")
        + _group("unrelated", ["nogroup", "psmith"])
        + f"dn: cn=pos-clerks,{GROUPS}\nobjectClass: posixGroup\ncn: pos-clerks\n"
        "gidNumber: 5001\nmemberUid: psmith\n\n"
        + f"dn: cn=pos-washington,{GROUPS}\nobjectClass: posixGroup\ncn: pos-washington\n"
        "gidNumber: 5002\nmemberUid: psmith\n\n"
        + "".join(
            f"dn: CN={g},{AD_GROUPS}\nobjectClass: group\ncn: {g}\n\n"
            for g in ("StaffDesk Clerks", "Lincoln Office", "Domain Users")
        )
        # 512 = NORMAL_ACCOUNT; 514 = NORMAL_ACCOUNT | ACCOUNTDISABLE
        + _ad_user("ann.ad", "Ann Adams", 512, ["StaffDesk Clerks", "Lincoln Office"])
        + _ad_user("bob.ad", "Bob Barker", 514, ["StaffDesk Clerks", "Lincoln Office"])
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def require_slapd() -> None:
    if shutil.which(SLAPD) or Path(SLAPD).exists():
        return
    why = "slapd is not installed (apt-get install slapd ldap-utils; .ci/run does it)"
    if os.environ.get("CI") == "true":
        pytest.fail(why)
    pytest.skip(why)


class Slapd:
    """One running slapd; `stop()` ends it and leaves nothing behind but its folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port()
        self.tls_port = _free_port()
        self.ca_file = str(root / "cert.pem")
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def ldap_url(self) -> str:
        return f"ldap://127.0.0.1:{self.port}"

    @property
    def ldaps_url(self) -> str:
        return f"ldaps://127.0.0.1:{self.tls_port}"

    def _certificate(self) -> None:
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", str(self.root / "key.pem"), "-out", self.ca_file,
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip

    def _config(self) -> Path:
        (self.root / "db").mkdir()
        (self.root / "ad.schema").write_text(AD_SCHEMA, encoding="utf-8")
        conf = self.root / "slapd.conf"
        schemas = "".join(
            f"include /etc/ldap/schema/{n}.schema\n"
            for n in ("core", "cosine", "inetorgperson", "nis")
        )
        conf.write_text(
            f"{schemas}include {self.root / 'ad.schema'}\n"
            "modulepath /usr/lib/ldap\nmoduleload back_mdb\n"
            # ppolicy defines pwdAccountLockedTime; its overlay is deliberately not switched on,
            # so a locked account still binds and StaffDesk itself must refuse it
            "moduleload ppolicy\n"
            f"pidfile {self.root / 'slapd.pid'}\n"
            f"TLSCertificateFile {self.ca_file}\nTLSCertificateKeyFile {self.root / 'key.pem'}\n"
            f'database mdb\nsuffix "{SUFFIX}"\nrootdn "cn=admin,{SUFFIX}"\n'
            f"rootpw not-used-{os.getpid()}\ndirectory {self.root / 'db'}\n"
            "access to attrs=userPassword by anonymous auth by * none\n"
            "access to * by users read by * none\n",
            encoding="utf-8",
        )
        return conf

    def start(self) -> None:
        self._certificate()
        conf = self._config()
        data = self.root / "data.ldif"
        data.write_text(ldif(), encoding="utf-8")
        subprocess.run([SLAPADD, "-q", "-f", str(conf), "-l", str(data)], check=True)
        urls = f"ldap://127.0.0.1:{self.port}/ ldaps://127.0.0.1:{self.tls_port}/"
        log = (self.root / "slapd.log").open("wb")
        # -d keeps slapd in the foreground, so this process is the server and stop() ends it
        self.proc = subprocess.Popen(
            [SLAPD, "-f", str(conf), "-h", urls, "-d", "0"], stdout=log, stderr=log
        )
        for _ in range(200):
            if self.proc.poll() is not None:
                raise RuntimeError(f"slapd exited: {(self.root / 'slapd.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", self.tls_port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("slapd did not start listening")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
