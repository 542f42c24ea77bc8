"""baresip's configuration as LeadDesk writes it: the agent's SIP account, the settings
LeadDesk starts baresip with, the `config` file, where baresip's modules live, and what
baresip's log says when a headset device would not open.

The account is never written to disk: it is added over the control port (`uanew`), so
its password stays in memory (see baresip_process.py and baresip.py).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from leaddesk.dialer.ctrl_tcp import BaresipError

__all__ = [
    "BaresipSettings",
    "SipAccount",
    "audio_device_errors",
    "find_module_path",
    "render_config",
]

_UNSAFE = re.compile(r"[\s;<>\"]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# baresip's words when an audio module cannot open a device, e.g.
# "alsa: could not open auplay device 'default' (No such file or directory)".
_AUDIO_DEVICE_ERROR = re.compile(
    r"(?P<module>\w+): could not open (?P<kind>auplay|ausrc) device '(?P<device>[^']*)' "
    r"\((?P<why>[^)]*)\)"
)
_DEVICE_ROLE = {"auplay": "speaker", "ausrc": "microphone"}


@dataclass(frozen=True, slots=True)
class SipAccount:
    """The agent's SIP account. `domain` is the registrar (host or host:port)."""

    user: str
    domain: str
    password: str | None = field(default=None, repr=False)
    register: bool = True
    # Where numbers are sent: sip:<e164>@<dial_domain>; the account's domain by default.
    dial_domain: str | None = None

    @property
    def aor(self) -> str:
        return f"sip:{self.user}@{self.domain}"

    def account_line(self, register_interval: int = 600) -> str:
        """The line `uanew` takes: `<sip:user@domain>;auth_pass=...;regint=N`."""
        for label, value in (("user", self.user), ("domain", self.domain)):
            if not value or _UNSAFE.search(value) or "@" in value:
                raise BaresipError(f"the SIP {label} {value!r} is empty or has invalid characters")
        line = f"<{self.aor}>"
        if self.password:
            if _UNSAFE.search(self.password):
                raise BaresipError(
                    "the SIP password has a space, ';', '<', '>' or '\"' in it, "
                    "which baresip's account line cannot carry"
                )
            line += f";auth_pass={self.password}"
        line += f";regint={register_interval if self.register else 0}"
        return line


@dataclass(frozen=True, slots=True)
class BaresipSettings:
    binary: str = "baresip"
    address: str = "127.0.0.1"  # SIP, RTP and the control port bind here only
    ctrl_port: int = 4444
    sip_port: int = 5060
    # baresip audio device specs ("alsa,default", "pulse,"); None: no device (tests).
    audio_player: str | None = None
    audio_source: str | None = None
    audio_modules: tuple[str, ...] = ()  # e.g. ("alsa.so",) or ("pulse.so",)
    # False: never configure audio devices from the agent's settings (machines without
    # sound, such as CI); the call is still placed and tracked.
    headset: bool = True
    module_path: str | None = None  # None: found next to the program
    # baresip binds a call's media (RTP/RTCP) on every interface whatever the
    # configuration says (stream.c: "we listen on all interfaces"); a narrow range at
    # least keeps those ports known, for a firewall rule.
    rtp_ports: tuple[int, int] = (10000, 10099)
    start_timeout_s: float = 5.0
    register_timeout_s: float = 8.0
    # baresip lets an outgoing call ring for ever (its call_local_timeout is for incoming
    # calls); LeadDesk hangs up after this long without an answer. None: never.
    ring_timeout_s: float | None = 60.0
    # Voicemail drop: load baresip's aufile module, which plays a WAV file into a call
    # (`ausrc aufile,FILE`); baresip hangs up when the file ends.
    file_audio: bool = False


def find_module_path(binary: str) -> Path:
    """The folder of baresip's modules next to its program (Debian: /usr/lib/baresip/modules;
    other builds: <prefix>/lib64/..., <prefix>/lib/<multiarch>/...)."""
    prefix = Path(binary).resolve().parent.parent
    candidates = [prefix / "lib" / "baresip" / "modules", prefix / "lib64" / "baresip" / "modules"]
    candidates += sorted(prefix.glob("lib/*/baresip/modules"))
    for folder in candidates:
        if (folder / "ctrl_tcp.so").is_file():
            return folder
    looked = ", ".join(str(c) for c in candidates)
    raise BaresipError(
        f"baresip's control module ctrl_tcp.so was not found (looked in {looked}): "
        "install the package baresip-core, or set the module folder"
    )


def audio_device_errors(text: str) -> list[str]:
    """baresip's device failures in `text`, in the agent's words, each once:
    "the speaker 'default' (alsa): No such file or directory"."""
    found: list[str] = []
    for match in _AUDIO_DEVICE_ERROR.finditer(ANSI.sub("", text)):
        role = _DEVICE_ROLE[match["kind"]]
        line = f"the {role} {match['device']!r} ({match['module']}): {match['why']}"
        if line not in found:
            found.append(line)
    return found


# The silent source of a softphone without a microphone that can drop voicemails.
SILENT_SOURCE = "aubridge,leaddesk-silence"
# ...and where the call's sound goes (a bridge device of its own, so nothing loops back).
SILENT_PLAYER = "aubridge,leaddesk-speaker"


def effective_source(settings: BaresipSettings) -> str | None:
    """The audio source baresip is configured with (and goes back to after a drop)."""
    if settings.audio_source:
        return settings.audio_source
    return SILENT_SOURCE if settings.file_audio else None


def render_config(settings: BaresipSettings, module_path: Path | str) -> str:
    """baresip's `config` file: what LeadDesk needs and nothing that listens elsewhere."""
    lines = [
        "# Written by LeadDesk; rewritten at each start.",
        "poll_method\t\tepoll" if os.uname().sysname == "Linux" else "",
        f"sip_listen\t\t{settings.address}:{settings.sip_port}",
        f"net_interface\t\t{settings.address}",
        f"rtp_ports\t\t{settings.rtp_ports[0]}-{settings.rtp_ports[1]}",
        "call_max_calls\t\t4",
        f"module_path\t\t{module_path}",
        "module\t\t\tg711.so",
    ]
    lines += [f"module\t\t\t{name}" for name in settings.audio_modules]
    if settings.file_audio:
        lines.append("module\t\t\taufile.so")
        if not settings.audio_source:
            # Without a microphone baresip would take aufile as the call's source and
            # fail on "no file" at the answer: a bridge device nothing plays into is a
            # silent source instead.
            lines.append("module\t\t\taubridge.so")
    if settings.audio_modules:
        lines.append("module_app\t\tauloop.so")  # the headset check and test
    player = settings.audio_player or (SILENT_PLAYER if effective_source(settings) else None)
    if player:
        lines.append(f"audio_player\t\t{player}")
        lines.append(f"audio_alert\t\t{player}")
    if effective_source(settings):
        lines.append(f"audio_source\t\t{effective_source(settings)}")
    lines += [
        "module_app\t\taccount.so",
        "module_app\t\tmenu.so",
        "module_app\t\tctrl_tcp.so",
        f"ctrl_tcp_listen\t\t{settings.address}:{settings.ctrl_port}",
    ]
    return "\n".join(line for line in lines if line) + "\n"
