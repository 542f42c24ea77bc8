"""Which dialer the window uses, from the settings: `tel` (default) or `baresip`.

The SIP user and domain come from the settings; the password never does: it is read
from `LEADDESK_SIP_PASSWORD` (scripts), then the OS keychain, then asked for. When the
softphone cannot start (baresip missing, a port taken, registration refused) the window
says why and dials through `tel:` instead; a restart can be tried later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from leaddesk.dialer.baresip import BaresipDialer, BaresipError, BaresipSettings, SipAccount
from leaddesk.dialer.base import Dialer, DialError
from leaddesk.dialer.events import CallUpdate
from leaddesk.dialer.tel import Opener, TelDialer
from leaddesk.services.credentials import SIP_PASSWORD_ENV, sip_password
from leaddesk.services.errors import UserError
from leaddesk.settings import Settings

log = logging.getLogger(__name__)

SettingsLike = Settings | Mapping[str, Any]

PASSWORD_ENV = SIP_PASSWORD_ENV

# Asks the agent for the password of this account (None: cancelled / not asked).
AskPassword = Callable[[str], str | None]


def sip_account(settings: SettingsLike, ask: AskPassword | None = None) -> SipAccount:
    user, domain = settings["sip.user"], settings["sip.domain"]
    if not user or not domain:
        raise UserError(
            "the baresip dialer needs the SIP user and domain: set them in File > Settings"
        )
    register = settings["sip.register"] == "yes"
    password = sip_password(f"sip:{user}@{domain}", ask) if register else None
    return SipAccount(user, domain, password=password, register=register)


def baresip_settings(settings: SettingsLike, base: BaresipSettings) -> BaresipSettings:
    return replace(base, sip_port=settings["sip.port"], ctrl_port=settings["sip.ctrl_port"])


@dataclass
class DialerChoice:
    """The dialer to use, why it is not the one asked for (if so), and how to start the
    softphone again (None for tel:)."""

    dialer: Dialer
    problem: str | None = None
    restart: Callable[[], Dialer] | None = None


def choose_dialer(
    settings: SettingsLike,
    opener: Opener,
    on_update: Callable[[CallUpdate], None],
    config_dir: Path,
    *,
    base: BaresipSettings | None = None,
    ask: AskPassword | None = None,
    account: SipAccount | None = None,
) -> DialerChoice:
    """Start the dialer of the settings; on any softphone failure fall back to tel:."""
    tel = TelDialer(opener)
    if settings["dialer"] != "baresip":
        return DialerChoice(tel)

    try:
        sip = account or sip_account(settings, ask)
    except (BaresipError, UserError) as exc:
        return DialerChoice(tel, f"The softphone is not set up: {exc}. Dialing through tel:.")
    options = baresip_settings(settings, base or BaresipSettings())

    def start() -> Dialer:
        dialer = BaresipDialer(sip, on_update, settings=options, config_dir=config_dir)
        try:
            dialer.start()
        except BaseException:
            dialer.close()
            raise
        return dialer

    try:
        return DialerChoice(start(), restart=start)
    except (BaresipError, DialError) as exc:
        log.warning("softphone not started: %s", exc)
        problem = f"The softphone did not start: {exc}. Dialing through tel: for now."
        return DialerChoice(tel, problem, restart=start)
