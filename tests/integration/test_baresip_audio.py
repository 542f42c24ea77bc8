"""The softphone's headset, end to end: sound from the agent's microphone reaches the
lead, and the lead's sound reaches the agent's speaker, with the devices the settings
name; a device that will not open is reported at start (not when a lead answers), and
a call cut by one says so instead of "not answered".

The "headset" is two ALSA devices defined for the test (ALSA_CONFIG_PATH): a microphone
that reads a 440 Hz tone from a FIFO and a speaker that writes into another FIFO. The
test's threads pace both at 8 kHz, as a sound card would. baresip uses its real ALSA
module on them; SIPp answers and echoes the call's audio back (-rtp_echo).
"""

from __future__ import annotations

import contextlib
import math
import os
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from leaddesk.dialer.baresip import BaresipDialer, BaresipError, BaresipSettings, SipAccount
from leaddesk.dialer.events import describe, suggest_outcome
from leaddesk.dialer.tel import TelDialer
from leaddesk.settings import Settings
from leaddesk.ui.dialer_setup import SoftphoneSetup
from leaddesk.ui.dialer_setup import baresip_settings as settings_to_baresip
from tests.integration import sip_fixtures
from tests.integration.sip_fixtures import (
    BARESIP_MISSING,
    LOOPBACK,
    Sipp,
    Updates,
    needs_baresip,
    needs_sipp,
    require,
)

pytestmark = [needs_baresip, needs_sipp]
sipp = sip_fixtures.sipp
baresip_settings = sip_fixtures.baresip_settings

RATE = 8000  # G.711's sample rate: what baresip opens the devices with for PCMU
TONE_HZ = 440.0
BLOCK = 160  # 20 ms


def goertzel(samples: list[int], freq: float, rate: int = RATE) -> float:
    """The power of `freq` in `samples` (one DFT bin)."""
    coeff = 2 * math.cos(2 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + coeff * s1 - s2, s1
    return s1 * s1 + s2 * s2 - coeff * s1 * s2


class Headset:
    """A microphone playing a tone and a speaker recording, on FIFOs, paced in real time."""

    def __init__(self, folder: Path) -> None:
        self.mic = folder / "mic.fifo"
        self.speaker = folder / "speaker.fifo"
        os.mkfifo(self.mic)
        os.mkfifo(self.speaker)
        self.config = folder / "asound.conf"
        self.config.write_text(
            "</usr/share/alsa/alsa.conf>\n"
            + "".join(
                f"pcm.{name} {{ type plug slave.pcm {{ type file slave.pcm null "
                f'file "{out}" {extra} format "raw" }} }}\n'
                for name, out, extra in (
                    ("leaddesk_mic", "/dev/null", f'infile "{self.mic}"'),
                    ("leaddesk_speaker", self.speaker, ""),
                )
            ),
            encoding="ascii",
        )
        self.heard: list[tuple[float, bytes]] = []  # (monotonic time, samples)
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._play, daemon=True),
            threading.Thread(target=self._record, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _play(self) -> None:
        n = 0
        while not self._stop.is_set():
            fd = os.open(self.mic, os.O_WRONLY)  # waits until a device opens the mic
            start, sent = time.monotonic(), 0
            try:
                while not self._stop.is_set():
                    block = b"".join(
                        struct.pack("<h", int(8000 * math.sin(2 * math.pi * TONE_HZ * k / RATE)))
                        for k in range(n, n + BLOCK)
                    )
                    n += BLOCK
                    os.write(fd, block)
                    sent += BLOCK
                    time.sleep(max(0.0, start + sent / RATE - time.monotonic()))
            except BrokenPipeError:
                pass  # the device was closed; wait for the next open
            finally:
                os.close(fd)

    def _record(self) -> None:
        while not self._stop.is_set():
            fd = os.open(self.speaker, os.O_RDONLY)  # waits until a device opens it
            start, got = time.monotonic(), 0
            try:
                while chunk := os.read(fd, BLOCK * 2):
                    self.heard.append((time.monotonic(), chunk))
                    got += len(chunk) // 2
                    # A sound card takes a period at a time: up to 1 s ahead of real time.
                    time.sleep(max(0.0, start + got / RATE - 1.0 - time.monotonic()))
            finally:
                os.close(fd)

    def samples_since(self, since: float) -> list[int]:
        data = b"".join(chunk for at, chunk in list(self.heard) if at >= since)
        return list(struct.unpack(f"<{len(data) // 2}h", data[: len(data) // 2 * 2]))

    def hears_tone(self, since: float) -> tuple[bool, str]:
        samples = self.samples_since(since)
        if len(samples) < RATE // 4:
            return False, f"only {len(samples)} samples"
        tone = goertzel(samples, TONE_HZ)
        other = goertzel(samples, 1000.0) + 1.0
        rms = math.sqrt(sum(x * x for x in samples) / len(samples))
        return tone / other > 100 and rms > 1000, f"ratio {tone / other:.0f}, rms {rms:.0f}"

    def close(self) -> None:
        self._stop.set()
        # Unblock threads waiting in open(): open the other ends ourselves.
        with contextlib.suppress(OSError):
            os.close(os.open(self.mic, os.O_RDONLY | os.O_NONBLOCK))
        with contextlib.suppress(OSError):
            fd = os.open(self.speaker, os.O_RDWR)
            os.close(fd)
        for thread in self._threads:
            thread.join(2.0)


@pytest.fixture
def headset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Headset]:
    if not Path("/usr/share/alsa/alsa.conf").is_file():
        pytest.skip("ALSA's configuration (package libasound2-data) is not installed")
    folder = tmp_path / "headset"
    folder.mkdir()
    device = Headset(folder)
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(device.config))  # baresip inherits it
    yield device
    device.close()


def agent_settings(tmp_path: Path, base: BaresipSettings, **values: object) -> Settings:
    settings = Settings(tmp_path / "settings.json")
    settings.update(
        {
            "dialer": "baresip",
            "sip.user": "agent7",
            "sip.domain": LOOPBACK,
            "sip.register": "no",
            "sip.port": base.sip_port,
            "sip.ctrl_port": base.ctrl_port,
            "audio.driver": "alsa",
            "audio.output": "leaddesk_speaker",
            "audio.input": "leaddesk_mic",
            **values,
        }
    )
    return settings


@pytest.fixture
def with_headset(baresip_settings: BaresipSettings) -> BaresipSettings:
    """The test ports, with the headset of the agent's settings switched on."""
    return replace(baresip_settings, headset=True)


def start_dialer(
    tmp_path: Path, options: BaresipSettings, callee: Sipp | None = None
) -> tuple[BaresipDialer, Updates]:
    require("baresip", BARESIP_MISSING)
    dial_domain = f"{LOOPBACK}:{callee.port}" if callee else None
    updates = Updates()
    dialer = BaresipDialer(
        SipAccount("agent7", LOOPBACK, register=False, dial_domain=dial_domain),
        updates,
        settings=options,
        config_dir=tmp_path / "baresip",
    )
    dialer.start()
    return dialer, updates


def test_the_lead_hears_the_microphone_and_the_agent_hears_the_lead(
    tmp_path: Path,
    headset: Headset,
    with_headset: BaresipSettings,
    sipp: Callable[..., Sipp],
) -> None:
    callee = sipp("answer_and_hold", "-rtp_echo")  # the lead's phone sends back what it hears
    options = settings_to_baresip(agent_settings(tmp_path, with_headset), with_headset)
    assert options.audio_player == "alsa,leaddesk_speaker"
    assert options.audio_source == "alsa,leaddesk_mic"
    dialer, updates = start_dialer(tmp_path, options, callee)
    try:
        config = (tmp_path / "baresip" / "config").read_text()
        assert "module\t\t\talsa.so" in config
        dialer.dial("+14155550142", "lead-1")
        updates.event("CALL_ESTABLISHED")
        answered = time.monotonic()
        deadline = answered + 6.0
        heard, detail = False, ""
        while not heard and time.monotonic() < deadline:
            time.sleep(0.5)
            heard, detail = headset.hears_tone(answered + 0.2)
        assert heard, f"the tone did not come back to the speaker: {detail}"
        dialer.hangup()
        summary = updates.summary()
        assert summary.answered and summary.audio_error is None
    finally:
        dialer.close()
    assert callee.wait() == 0, callee.errors()


def test_headset_test_drives_both_devices_and_names_a_missing_one(
    tmp_path: Path, headset: Headset, with_headset: BaresipSettings
) -> None:
    """ "Test headset" opens the microphone and plays into the speaker for as long as it
    runs. (Whether the agent hears the tone is baresip's audio loop: with this test's
    FIFO sound card, whose periods are 240 ms, the loop's small buffer underruns and
    plays silence; a real card's 20 ms periods do not. The call path above is the one
    checked for sound.)"""
    options = settings_to_baresip(agent_settings(tmp_path, with_headset), with_headset)
    dialer, _updates = start_dialer(tmp_path, options)
    try:
        started = time.monotonic()
        dialer.start_audio_loop()
        time.sleep(1.0)
        dialer.stop_audio_loop()
        played = len(headset.samples_since(started))
        assert played >= RATE // 2, f"the loop played only {played} samples into the speaker"
        headset.close()
        headset.mic.unlink()  # the headset is unplugged
        with pytest.raises(BaresipError, match="the microphone 'leaddesk_mic' \\(alsa\\)"):
            dialer.start_audio_loop()
    finally:
        dialer.close()


def test_a_missing_device_is_reported_at_start_by_name(
    tmp_path: Path, headset: Headset, with_headset: BaresipSettings
) -> None:
    require("baresip", BARESIP_MISSING)
    settings = agent_settings(tmp_path, with_headset, **{"audio.output": "usb_headset_gone"})
    setup = SoftphoneSetup(
        settings, lambda _u: True, lambda _u: None, tmp_path / "baresip", base=with_headset
    )
    choice = setup.choose()
    assert isinstance(choice.dialer, TelDialer)
    assert choice.problem is not None
    assert "the speaker 'usb_headset_gone' (alsa)" in choice.problem
    assert "Settings" in choice.problem and "tel:" in choice.problem
    assert choice.restart is not None  # the agent can plug it in and try again


def test_an_audio_system_without_its_module_names_the_module(
    tmp_path: Path, with_headset: BaresipSettings
) -> None:
    require("baresip", BARESIP_MISSING)
    settings = agent_settings(tmp_path, with_headset, **{"audio.driver": "coreaudio"})
    with pytest.raises(BaresipError, match=r"coreaudio \(coreaudio\.so\) is not installed"):
        start_dialer(tmp_path, settings_to_baresip(settings, with_headset))


def test_a_call_cut_by_the_headset_is_not_called_unanswered(
    tmp_path: Path,
    headset: Headset,
    with_headset: BaresipSettings,
    sipp: Callable[..., Sipp],
) -> None:
    callee = sipp("answer_and_hold")
    options = settings_to_baresip(agent_settings(tmp_path, with_headset), with_headset)
    dialer, updates = start_dialer(tmp_path, options, callee)
    try:
        headset.close()
        headset.mic.unlink()  # unplugged after the start-up check
        dialer.dial("+14155550142", "lead-1")
        summary = updates.summary(timeout=8.0)
    finally:
        dialer.close()
    assert not summary.answered
    assert summary.audio_error is not None and "microphone 'leaddesk_mic'" in summary.audio_error
    assert suggest_outcome(summary) is None  # the lead may have answered: the agent says
    text = describe(summary)
    assert "headset could not be opened" in text and "may have answered" in text
