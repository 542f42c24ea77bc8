"""Secrets, kept only in the OS keychain: the agent's server token (per server URL and
agent) and the softphone's SIP password (per account).

Headless runs (scripts, CI) give it in `LEADDESK_TOKEN`, which wins. With no usable
keychain (no backend, or only a plain-file one such as keyrings.alt's) the token is kept
in this object's memory for the session and `warning` says so, for the CLI to print and
the GUI to show. The token is never written to a file, a log or a command line.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import keyring
import keyring.errors

log = logging.getLogger(__name__)

ENV_VAR = "LEADDESK_TOKEN"
SERVICE_PREFIX = "leaddesk"
NO_KEYCHAIN = (
    "no usable OS keychain ({reason}): the token is kept for this session only and is not "
    f"saved; log in again next time, or give it in {ENV_VAR} for scripts"
)


@dataclass(frozen=True, slots=True)
class Saved:
    """Where a token went: "keychain" or "session" (memory only, with a warning)."""

    where: str
    warning: str | None = None


def normalize_url(url: str) -> str:
    """One spelling per server: scheme and host in lower case, no trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}"


def service_name(url: str) -> str:
    return f"{SERVICE_PREFIX}:{normalize_url(url)}"


def keychain_problem() -> str | None:
    """Why the current keyring backend cannot keep a secret safely, or None if it can."""
    backend = keyring.get_keyring()
    module = type(backend).__module__
    if module.startswith("keyring.backends.fail"):
        return "no keyring backend is installed"
    if module.startswith("keyrings.alt") or "plaintext" in type(backend).__name__.lower():
        return f"the only backend, {type(backend).__name__}, keeps secrets in a plain file"
    backends = getattr(backend, "backends", None)
    if backends is not None and not backends:
        return "no keyring backend is installed"
    return None


class Credentials:
    """Load and save tokens; one instance per process (the GUI keeps one)."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = os.environ if environ is None else environ
        self._session: dict[tuple[str, str], str] = {}
        self.warning: str | None = None

    def _no_keychain(self, reason: str) -> str:
        self.warning = NO_KEYCHAIN.format(reason=reason)
        log.warning("%s", self.warning)
        return self.warning

    def save(self, url: str, agent: str, token: str) -> Saved:
        token = token.strip()
        if not token:
            raise ValueError("an empty token cannot be saved")
        key = (normalize_url(url), agent)
        problem = keychain_problem()
        if problem is None:
            try:
                keyring.set_password(service_name(url), agent, token)
            except keyring.errors.KeyringError as exc:
                problem = f"the keychain refused it: {type(exc).__name__}"
            else:
                self._session.pop(key, None)
                return Saved("keychain")
        self._session[key] = token
        return Saved("session", self._no_keychain(problem))

    def load(self, url: str, agent: str) -> str | None:
        from_env = self._environ.get(ENV_VAR, "").strip()
        if from_env:
            return from_env
        key = (normalize_url(url), agent)
        if key in self._session:
            return self._session[key]
        problem = keychain_problem()
        if problem is not None:
            self._no_keychain(problem)
            return None
        try:
            return keyring.get_password(service_name(url), agent)
        except keyring.errors.KeyringError as exc:
            self._no_keychain(f"the keychain could not be read: {type(exc).__name__}")
            return None

    def forget(self, url: str, agent: str) -> None:
        self._session.pop((normalize_url(url), agent), None)
        if keychain_problem() is None:
            with contextlib.suppress(keyring.errors.KeyringError):
                keyring.delete_password(service_name(url), agent)

    def provider(self, url: str, agent: str) -> Callable[[], str | None]:
        """A token provider for SyncService (asked on every round, so a login applies)."""
        return lambda: self.load(url, agent)


SIP_PASSWORD_ENV = "LEADDESK_SIP_PASSWORD"
SIP_KEYCHAIN_SERVICE = "leaddesk-sip"


@dataclass(frozen=True, slots=True)
class SipSecret:
    """The SIP password and where it came from: "env", "keychain", "asked" or "none"."""

    password: str | None
    source: str


def sip_secret(aor: str, ask: Callable[[str], str | None] | None = None) -> SipSecret:
    """The SIP account's password: `LEADDESK_SIP_PASSWORD`, else the keychain, else asked
    for with `ask`. A typed password is not saved here: `remember_sip_password` once the
    provider accepted it, so that a typo is never kept."""
    from_env = os.environ.get(SIP_PASSWORD_ENV, "")
    if from_env:
        return SipSecret(from_env, "env")
    if keychain_problem() is None:
        try:
            stored = keyring.get_password(SIP_KEYCHAIN_SERVICE, aor)
        except keyring.errors.KeyringError as exc:
            log.warning("keychain not readable for %s: %s", aor, type(exc).__name__)
            stored = None
        if stored:
            return SipSecret(stored, "keychain")
    given = ask(aor) if ask is not None else None
    return SipSecret(given, "asked") if given else SipSecret(None, "none")


def remember_sip_password(aor: str, password: str) -> bool:
    """Keep the password in the keychain; False when there is no safe one (then it
    lasts for this session only)."""
    if keychain_problem() is not None:
        return False
    try:
        keyring.set_password(SIP_KEYCHAIN_SERVICE, aor, password)
    except keyring.errors.KeyringError as exc:
        log.warning("SIP password not saved for %s: %s", aor, type(exc).__name__)
        return False
    return True


def forget_sip_password(aor: str) -> None:
    """Remove a password the provider refused, so the next start asks for it again."""
    if keychain_problem() is None:
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(SIP_KEYCHAIN_SERVICE, aor)
