"""The agent's settings: one declared registry, validated, stored as JSON.

Every setting LeadDesk knows is declared once in `REGISTRY` with its type, default,
description and validator (the settings dialog is generated from it). Values live in
`settings.json` in the platform's user config folder (`platformdirs`), written
atomically: a temporary file beside it, flushed to disk, then `os.replace`, so a crash
or a full disk leaves the previous file whole. Keys this version does not know (written
by a newer LeadDesk) are kept as they are. A bad value is refused with a message that
names the setting. No Qt here: services and the CLI read settings too.

The settings that change what the services do (calling hours, caps, cadence, the name
and number voicemail scripts say) are resolved once into a `Workspace` by
`Workspace.with_settings` (services/workspace.py): the CLI does it for every command,
the window again after the Settings dialog saved.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from leaddesk.logs import private_folder
from leaddesk.paths import APP_NAME
from leaddesk.services.errors import UserError

SETTINGS_FILE = "settings.json"


class SettingError(UserError):
    """A value a setting refuses; the message names the setting."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"setting {name}: {message}")
        self.name = name
        self.reason = message


class SettingsFileError(UserError):
    """The settings file cannot be read or written."""


Validator = Callable[[Any], Any]


@dataclass(frozen=True)
class Setting:
    """One setting: what it is called, holds, starts as and means."""

    name: str
    label: str
    kind: type  # str, int or bool: what the dialog edits
    default: Any
    description: str
    validate: Validator  # returns the normalized value or raises ValueError(why)
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    shown: bool = True  # False: remembered by the app, not edited in the dialog


# ---- validators: each raises ValueError with the reason in the user's words ----


def _text(max_len: int = 80) -> Validator:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("must be text")
        value = value.strip()
        if len(value) > max_len:
            raise ValueError(f"must be at most {max_len} characters")
        if any(ord(c) < 32 for c in value):
            raise ValueError("must not contain control characters")
        return str(value)

    return check


def _phone(value: Any) -> str:
    """An international phone number, stored as E.164; empty means none."""
    import phonenumbers

    if not isinstance(value, str):
        raise ValueError("must be a phone number as text")
    value = value.strip()
    if not value:
        return ""
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        raise ValueError(
            f"{value!r} is not a phone number; give it in international form, e.g. +1 415 555 0142"
        ) from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"{value!r} is not a valid phone number")
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


_HHMM = re.compile(r"^(?:([01]?\d|2[0-3]):([0-5]\d)|24:00)$")


def _clock_time(value: Any) -> str:
    if not isinstance(value, str) or not _HHMM.match(value.strip()):
        raise ValueError(f"{value!r} is not a time of day; use HH:MM, e.g. 08:00")
    hours, minutes = value.strip().split(":")
    return f"{int(hours):02d}:{minutes}"


def _integer(low: int, high: int) -> Validator:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, str) and value.strip().lstrip("-").isdigit():
                value = int(value.strip())
            else:
                raise ValueError(f"{value!r} is not a whole number")
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}, not {value}")
        return int(value)

    return check


def _choice(*choices: str) -> Validator:
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
        return str(value)

    return check


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must not be empty")
    value = value.strip()
    if len(value) > 64:
        raise ValueError("must be at most 64 characters")
    return str(value)


def _cadence(value: Any) -> str:
    """The name of a cadence shipped in leaddesk/resources/cadences (the message lists them)."""
    from leaddesk.services.cadences import available_cadences, unknown_cadence_message

    name = _name(value)
    if name not in available_cadences():
        raise ValueError(unknown_cadence_message(name))
    return name


def _server_url(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a URL as text")
    value = value.strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{value!r} is not an http:// or https:// address")
    return str(value).rstrip("/")


_SIP_UNSAFE = re.compile(r"[\s;<>\"@]")


def _sip_part(value: Any) -> str:
    """A SIP user or domain: no spaces, ';', '<', '>', '"' or '@'; empty means unset."""
    if not isinstance(value, str):
        raise ValueError("must be text")
    value = value.strip()
    if len(value) > 120:
        raise ValueError("must be at most 120 characters")
    if _SIP_UNSAFE.search(value):
        raise ValueError(f"{value!r} has a space, '@', ';', '<', '>' or '\"' in it")
    return str(value)


def _opaque(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 10_000:
        raise ValueError("must be text (at most 10000 characters)")
    return value


# The sound systems baresip has modules for (the module is `<name>.so`).
AUDIO_DRIVERS = ("alsa", "pulse", "jack", "portaudio", "coreaudio", "winwave")
DEFAULT_AUDIO_DRIVER = {"darwin": "coreaudio", "win32": "winwave"}.get(sys.platform, "alsa")


def _device(value: Any) -> str:
    """An audio device name for baresip's `driver,device` spec (baresip splits at the
    first comma, so ALSA's 'plughw:1,0' is fine); empty means 'default'."""
    if not isinstance(value, str):
        raise ValueError("must be a device name as text")
    value = value.strip() or "default"
    if len(value) > 120:
        raise ValueError("must be at most 120 characters")
    if any(ord(c) < 32 for c in value):
        raise ValueError(f"{value!r} has a control character in it")
    return str(value)


def _pause_reasons(value: Any) -> str:
    from leaddesk.domain.agent_states import StateError, parse_reasons

    if not isinstance(value, str):
        raise ValueError("must be text: reasons separated by commas")
    try:
        reasons = parse_reasons(value)
    except StateError as exc:
        raise ValueError(str(exc)) from None
    if not reasons:
        raise ValueError("needs at least one reason")
    return ", ".join(reasons)


REGISTRY: tuple[Setting, ...] = (
    Setting(
        "agent.display_name",
        "Your name",
        str,
        "",
        "The name leads hear in voicemail scripts; empty uses the agent's name.",
        _text(80),
    ),
    Setting(
        "agent.callback_number",
        "Callback number",
        str,
        "",
        "The number leads can call you back on, in international form "
        "(e.g. +1 415 555 0142); voicemail scripts read it out. Empty uses the agent's number.",
        _phone,
    ),
    Setting(
        "agent.company",
        "Your company",
        str,
        "",
        "The company leads hear in voicemail scripts, emails and texts. Empty uses the "
        "company on your agent record; scripts never say a vague 'our team'.",
        _text(80),
    ),
    Setting(
        "agent.topic",
        "Product or topic",
        str,
        "",
        "What leads asked about, as scripts say it ('rooftop solar', 'a demo of Acme CRM'). "
        "A lead's own topic (its Interest, Campaign or Topic column) wins over this.",
        _text(80),
    ),
    Setting(
        "calling_hours.start",
        "Calling hours from",
        str,
        "00:00",
        "Your own earliest local time of the lead for a call (HH:MM). It narrows what the "
        "law where the lead lives and the team's rules allow (Florida 8:00-20:00, Canada "
        "weekdays 9:00-21:30, ...), never widens it; 00:00 leaves the start to them.",
        _clock_time,
    ),
    Setting(
        "calling_hours.end",
        "Calling hours until",
        str,
        "24:00",
        "Your own latest local time of the lead for a call (HH:MM); the call list, "
        "dialing, callbacks and the planned next touch keep inside it and inside the law "
        "and the team's rules; 24:00 leaves the end to them.",
        _clock_time,
    ),
    Setting(
        "cadence",
        "Cadence",
        str,
        "default",
        "The cadence leads follow: the planned touches after each attempt. A change "
        "applies to leads already in a cadence from their next attempt on; a team "
        "cadence from the server comes first.",
        _cadence,
    ),
    Setting(
        "caps.lifetime",
        "Attempts per lead",
        int,
        12,
        "Most attempts on one lead, every channel counted; the attempt that reaches "
        "it ends the lead's cadence (a callback the lead asked for is kept).",
        _integer(1, 50),
        minimum=1,
        maximum=50,
    ),
    Setting(
        "caps.per_24h",
        "Attempts per 24 hours",
        int,
        3,
        "Most attempts on one lead in any 24 hours; the next touch is planned after.",
        _integer(1, 10),
        minimum=1,
        maximum=10,
    ),
    Setting(
        "caps.voicemails_per_day",
        "Voicemails per day",
        int,
        1,
        "Most voicemail messages left for one lead per day (its local day). At least "
        "1: a short voicemail on every call that reaches one is the practice LeadDesk keeps.",
        _integer(1, 5),
        minimum=1,
        maximum=5,
    ),
    Setting(
        "dialer",
        "Dialer",
        str,
        "tel",
        "How a number is dialed: 'tel' hands it to the system's phone app, "
        "'baresip' uses the built-in SIP softphone, 'manual' shows the number to dial "
        "by hand on a desk phone (Enter records the dial).",
        _choice("tel", "baresip", "manual"),
        choices=("tel", "baresip", "manual"),
    ),
    Setting(
        "sip.user",
        "SIP user",
        str,
        "",
        "Your SIP account's user name (for the baresip dialer). The password is never "
        "kept in this file: it goes to the OS keychain, or is asked for.",
        _sip_part,
    ),
    Setting(
        "sip.domain",
        "SIP domain",
        str,
        "",
        "Your SIP provider's domain or registrar (host or host:port); numbers are "
        "dialed as sip:+NUMBER@domain.",
        _sip_part,
    ),
    Setting(
        "sip.register",
        "Register with the provider",
        str,
        "yes",
        "Register the SIP account with the provider ('no' for a direct or local setup).",
        _choice("yes", "no"),
        choices=("yes", "no"),
    ),
    Setting(
        "sip.port",
        "Local SIP port",
        int,
        5060,
        "The port baresip uses for SIP on this computer (127.0.0.1 only).",
        _integer(1024, 65534),
        minimum=1024,
        maximum=65534,
    ),
    Setting(
        "sip.ctrl_port",
        "Softphone control port",
        int,
        4444,
        "The local port LeadDesk controls baresip through (127.0.0.1 only).",
        _integer(1024, 65535),
        minimum=1024,
        maximum=65535,
    ),
    Setting(
        "sip.test_number",
        "Test number",
        str,
        "",
        "A number to try the dialer on (Settings: Call test number), in international form.",
        _phone,
    ),
    Setting(
        "audio.driver",
        "Audio system",
        str,
        DEFAULT_AUDIO_DRIVER,
        "The sound system the softphone uses for your headset: 'alsa' (Linux, also "
        "reaches PipeWire and PulseAudio through their ALSA plugins), 'pulse', 'jack', "
        "'portaudio', 'coreaudio' (macOS), 'winwave' (Windows).",
        _choice(*AUDIO_DRIVERS),
        choices=AUDIO_DRIVERS,
    ),
    Setting(
        "audio.output",
        "Headset (speaker)",
        str,
        "default",
        "The device you hear the call on, as the audio system names it "
        "(e.g. 'default', 'plughw:1,0' for ALSA); 'default' is the system's choice.",
        _device,
    ),
    Setting(
        "audio.input",
        "Headset (microphone)",
        str,
        "default",
        "The device the lead hears you through, as the audio system names it "
        "(e.g. 'default', 'plughw:1,0' for ALSA); 'default' is the system's choice.",
        _device,
    ),
    Setting(
        "agent_states.pause_reasons",
        "Pause reasons",
        str,
        "break, training, meeting",
        "The reasons an agent may pause for, separated by commas (the team's list; "
        "the report counts the time paused per reason).",
        _pause_reasons,
    ),
    Setting(
        "server.url",
        "Team server",
        str,
        "",
        "Address of the team sync server (http:// or https://); empty works offline.",
        _server_url,
    ),
    Setting(
        "theme",
        "Theme",
        str,
        "system",
        "Light or dark colours; 'system' follows the desktop.",
        _choice("system", "light", "dark"),
        choices=("system", "light", "dark"),
    ),
    Setting(
        "window.geometry",
        "Window geometry",
        str,
        "",
        "Where the main window was and how big (remembered, not edited).",
        _opaque,
        shown=False,
    ),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in REGISTRY}


def setting(name: str) -> Setting:
    try:
        return BY_NAME[name]
    except KeyError:
        raise SettingError(name, "no such setting") from None


def validate(name: str, value: Any) -> Any:
    """The normalized value of `name`, or SettingError naming the setting and why."""
    spec = setting(name)
    try:
        return spec.validate(value)
    except ValueError as exc:
        raise SettingError(name, str(exc)) from None


def check_together(values: Mapping[str, Any]) -> None:
    """Rules across settings (each value already valid on its own)."""
    start, end = values["calling_hours.start"], values["calling_hours.end"]
    if start >= end:
        raise SettingError(
            "calling_hours.end", f"must be later than calling_hours.start ({start}), not {end}"
        )


def default_path() -> Path:
    """settings.json in the platform's user config folder (e.g. ~/.config/LeadDesk)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE


class Settings:
    """The settings as stored in one JSON file; `path` is injectable for tests."""

    def __init__(self, path: Path, raw: dict[str, Any] | None = None) -> None:
        self.path = path
        self._raw: dict[str, Any] = dict(raw or {})
        self._values: dict[str, Any] = {s.name: s.default for s in REGISTRY}
        self.problems: list[str] = []  # stored values refused at load (defaults used)
        for spec in REGISTRY:
            if spec.name in self._raw:
                try:
                    self._values[spec.name] = validate(spec.name, self._raw[spec.name])
                except SettingError as exc:
                    self.problems.append(f"{path}: {exc}; using {spec.default!r}")
        try:
            check_together(self._values)
        except SettingError as exc:
            self.problems.append(f"{path}: {exc}; using the default calling hours")
            for name in ("calling_hours.start", "calling_hours.end"):
                self._values[name] = BY_NAME[name].default

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the file (missing: every default). Unreadable JSON raises SettingsFileError;
        a bad stored value is listed in `problems` and replaced by its default in memory
        (the file keeps it until that setting is saved again)."""
        path = path or default_path()
        if path.parent == default_path().parent and path.parent.is_dir():
            private_folder(path.parent)  # made by an older LeadDesk with the umask's mode
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path)
        except OSError as exc:
            raise SettingsFileError(f"cannot read settings {path}: {exc.strerror}") from None
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SettingsFileError(
                f"settings {path} is not valid JSON (line {exc.lineno}): fix or remove the file"
            ) from None
        if not isinstance(raw, dict):
            raise SettingsFileError(f"settings {path} must hold a JSON object")
        return cls(path, raw)

    def __getitem__(self, name: str) -> Any:
        setting(name)
        return self._values[name]

    def get(self, name: str) -> Any:
        return self[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    @property
    def unknown(self) -> dict[str, Any]:
        """Keys this LeadDesk does not know: kept and written back untouched."""
        return {k: v for k, v in self._raw.items() if k not in BY_NAME}

    def set(self, name: str, value: Any) -> None:
        self.update({name: value})

    def update(self, changes: Mapping[str, Any]) -> None:
        """Validate every change (and the rules across settings), then apply all or none."""
        values = dict(self._values)
        for name, value in changes.items():
            values[name] = validate(name, value)
        check_together(values)
        for name in changes:
            self._values[name] = values[name]
            self._raw[name] = values[name]

    def save(self) -> None:
        """Write atomically: the old file stays whole if anything fails on the way."""
        data = dict(self._raw)
        for name, value in self._values.items():
            if name in data or value != BY_NAME[name].default:
                data[name] = value
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        write_atomic(self.path, text)


def write_atomic(path: Path, text: str) -> None:
    try:
        if path.parent == default_path().parent:
            private_folder(path.parent)  # LeadDesk's configuration folder: owner-only
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise SettingsFileError(f"cannot save settings to {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SettingsFileError(
            f"cannot save settings to {path}: {exc.strerror or exc}; the previous file is unchanged"
        ) from None
