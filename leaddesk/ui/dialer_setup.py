"""Which dialer the window uses, from the settings: `tel` (default) or `baresip`.

The SIP user and domain come from the settings; the password never does: it is read
from `LEADDESK_SIP_PASSWORD` (scripts), then the OS keychain, then asked for. A typed
password goes to the keychain only once the provider accepted it; a saved one the
provider refuses is removed, so the next start asks again. The headset is the audio
system and devices of the settings (`audio.*`).

Starting is two steps, because asking for a password needs the GUI thread and starting
baresip blocks: `SoftphoneSetup.prepare()` (GUI thread) reads the settings and resolves
the password, and returns the blocking start for a worker thread. When the softphone
cannot start (baresip missing, a port taken, registration refused, the headset missing)
the window says why and dials through `tel:` instead; a restart can be tried later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from leaddesk.dialer.baresip import BaresipDialer, BaresipError, BaresipSettings, SipAccount
from leaddesk.dialer.base import Dialer, DialError
from leaddesk.dialer.events import CallUpdate
from leaddesk.dialer.manual import ManualDialer
from leaddesk.dialer.tel import Opener, TelDialer
from leaddesk.services.credentials import (
    SIP_PASSWORD_ENV,
    forget_sip_password,
    remember_sip_password,
    sip_secret,
)
from leaddesk.services.errors import UserError
from leaddesk.settings import Settings

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("SoftphoneSetup", text)


SettingsLike = Settings | Mapping[str, Any]

PASSWORD_ENV = SIP_PASSWORD_ENV

# Asks the agent for the password of this account (None: cancelled / not asked).
AskPassword = Callable[[str], str | None]

# The settings that decide the dialer: a change to one of them restarts it.
DIALER_SETTINGS = (
    "dialer",
    "sip.user",
    "sip.domain",
    "sip.register",
    "sip.port",
    "sip.ctrl_port",
    "audio.driver",
    "audio.output",
    "audio.input",
)
# Registration answers that mean "wrong user or password".
_AUTH_REFUSED = ("401", "403", "407")


@dataclass(frozen=True)
class SipLogin:
    """The account to register, and where its password came from (see `SipSecret`)."""

    account: SipAccount
    source: str


def sip_login(settings: SettingsLike, ask: AskPassword | None = None) -> SipLogin:
    user, domain = settings["sip.user"], settings["sip.domain"]
    if not user or not domain:
        raise UserError(
            "the baresip dialer needs the SIP user and domain: set them in File > Settings"
        )
    register = settings["sip.register"] == "yes"
    if not register:
        return SipLogin(SipAccount(user, domain, register=False), "none")
    secret = sip_secret(f"sip:{user}@{domain}", ask)
    return SipLogin(SipAccount(user, domain, password=secret.password), secret.source)


def device_spec(driver: str, device: str) -> str:
    """baresip's `driver,device`: ALSA has a device called "default"; the others take
    an empty device name for the system's default."""
    if device == "default" and driver != "alsa":
        device = ""
    return f"{driver},{device}"


def baresip_settings(settings: SettingsLike, base: BaresipSettings) -> BaresipSettings:
    """The ports and the headset of the settings over `base`. A `base` that already names
    audio devices, or says `headset=False` (no sound devices), keeps what it says."""
    options = replace(
        base,
        sip_port=settings["sip.port"],
        ctrl_port=settings["sip.ctrl_port"],
        file_audio=True,  # voicemail drop (#19): baresip's aufile plays the recordings
    )
    if base.audio_modules or not base.headset:
        return options
    driver = settings["audio.driver"]
    return replace(
        options,
        audio_modules=(f"{driver}.so",),
        audio_player=device_spec(driver, settings["audio.output"]),
        audio_source=device_spec(driver, settings["audio.input"]),
    )


@dataclass
class DialerChoice:
    """The dialer to use, why it is not the one asked for (if so), and how to start the
    softphone again (None for tel:)."""

    dialer: Dialer
    problem: str | None = None
    restart: Callable[[], Dialer] | None = None


class SoftphoneSetup:
    """Starts the dialer the settings ask for; `prepare` again after they changed."""

    def __init__(
        self,
        settings: SettingsLike,
        opener: Opener,
        on_update: Callable[[CallUpdate], None],
        config_dir: Path,
        *,
        base: BaresipSettings | None = None,
        ask: AskPassword | None = None,
    ) -> None:
        self.settings = settings
        self.opener = opener
        self.on_update = on_update
        self.config_dir = config_dir
        self.base = base or BaresipSettings()
        self.ask = ask

    @property
    def wants_softphone(self) -> bool:
        return bool(self.settings["dialer"] == "baresip")

    def prepare(self, account: SipAccount | None = None) -> Callable[[], DialerChoice]:
        """Read the settings and resolve the password (may ask: GUI thread); returns the
        blocking start, for a worker thread. The start never raises: on any softphone
        failure it answers tel: with the reason."""
        tel = TelDialer(self.opener)
        if self.settings["dialer"] == "manual":
            return lambda: DialerChoice(ManualDialer())
        if not self.wants_softphone:
            return lambda: DialerChoice(tel)
        try:
            login = SipLogin(account, "given") if account else sip_login(self.settings, self.ask)
        except (BaresipError, UserError) as exc:
            problem = _t("The softphone is not set up: {error}. Dialing through tel:.").format(
                error=exc
            )
            return lambda: DialerChoice(tel, problem)
        options = baresip_settings(self.settings, self.base)
        config_dir, on_update = self.config_dir, self.on_update

        def start() -> Dialer:
            dialer = BaresipDialer(
                login.account, on_update, settings=options, config_dir=config_dir
            )
            try:
                dialer.start()
            except BaseException:
                dialer.close()
                raise
            return dialer

        def choose() -> DialerChoice:
            try:
                dialer = start()
            except (BaresipError, DialError) as exc:
                log.warning("softphone not started: %s", exc)
                problem = _t("The softphone did not start: {error}.").format(error=exc)
                problem += self._password_after_refusal(login, str(exc))
                problem += " " + _t("Dialing through tel: for now.")
                return DialerChoice(tel, problem, start)
            if login.source == "asked" and login.account.password:
                remember_sip_password(login.account.aor, login.account.password)
            return DialerChoice(dialer, restart=start)

        return choose

    @staticmethod
    def _password_after_refusal(login: SipLogin, error: str) -> str:
        if "registration" not in error or not any(code in error for code in _AUTH_REFUSED):
            return ""
        if login.source == "keychain":
            forget_sip_password(login.account.aor)
            return " " + _t(
                "The saved password was removed from the keychain: restart the softphone "
                "to type it again."
            )
        if login.source == "asked":
            return " " + _t("The password was not saved: restart the softphone to type it again.")
        return ""

    def choose(self, account: SipAccount | None = None) -> DialerChoice:
        """Both steps at once (start-up, tests)."""
        return self.prepare(account)()
