"""Voicemail drop with a real baresip and SIPp as the lead's voicemail box (#19).

SIPp answers like a voicemail box; the SDP it answers with names an RTP port the test
listens on, so the test hears what the box would record. LeadDesk switches baresip's
audio source to the recording (`ausrc aufile,FILE`): the box receives about the file's
length of audio (a 440 Hz tone here), then baresip hangs up at the end of the file, and
the summary names the recording and suggests `voicemail_left`.
"""

from __future__ import annotations

import math
import socket
import struct
import threading
import time
import wave
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from leaddesk.dialer.baresip import BaresipDialer, BaresipSettings, SipAccount
from leaddesk.dialer.events import CallSummary, HangupBy, suggest_outcome
from tests.integration import sip_fixtures
from tests.integration.sip_fixtures import (
    LOOPBACK,
    Sipp,
    Updates,
    free_port,
    needs_baresip,
    needs_sipp,
)

pytestmark = [needs_baresip, needs_sipp]
sipp = sip_fixtures.sipp
baresip_settings = sip_fixtures.baresip_settings
make_dialer = sip_fixtures.make_dialer

RATE = 8000
TONE_HZ = 440.0
SECONDS = 2.0


def write_tone(path: Path, seconds: float = SECONDS) -> Path:
    """A mono 16-bit 8 kHz WAV of a 440 Hz tone: what an agent's recording would be."""
    frames = b"".join(
        struct.pack("<h", int(12000 * math.sin(2 * math.pi * TONE_HZ * i / RATE)))
        for i in range(int(seconds * RATE))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return path


def ulaw_to_linear(byte: int) -> int:
    u = ~byte & 0xFF
    magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4)
    return (0x84 - magnitude) if u & 0x80 else (magnitude - 0x84)


def goertzel(samples: list[int], freq: float) -> float:
    coeff = 2 * math.cos(2 * math.pi * freq / RATE)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + coeff * s1 - s2, s1
    return s1 * s1 + s2 * s2 - coeff * s1 * s2


class RtpEar:
    """The voicemail box's media port: keeps every RTP packet's PCMU payload."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((LOOPBACK, free_port()))
        self.sock.settimeout(0.2)
        self.port = int(self.sock.getsockname()[1])
        self.payloads: list[tuple[float, bytes]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(2048)
            except TimeoutError:
                continue
            except OSError:
                return
            if len(data) > 12 and data[1] & 0x7F == 0:  # RTP, payload type 0 (PCMU)
                self.payloads.append((time.monotonic(), data[12:]))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()

    def audio_after(self, start: float) -> list[int]:
        return [ulaw_to_linear(b) for at, payload in self.payloads if at >= start for b in payload]


@pytest.fixture
def ear() -> Iterator[RtpEar]:
    listener = RtpEar()
    yield listener
    listener.close()


def test_a_dropped_voicemail_reaches_the_box_then_baresip_hangs_up(
    sipp: Callable[..., Sipp],
    make_dialer: Callable[..., tuple[BaresipDialer, Updates]],
    baresip_settings: BaresipSettings,
    ear: RtpEar,
    tmp_path: Path,
) -> None:
    recording = write_tone(tmp_path / "introduce.wav")
    box = sipp("voicemail_box", "-key", "rtp_port", str(ear.port))
    account = SipAccount("agent", LOOPBACK, register=False, dial_domain=f"{LOOPBACK}:{box.port}")
    dialer, updates = make_dialer(account, replace(baresip_settings, file_audio=True))
    dialer.dial("+12125550101", "lead-1")
    updates.event("CALL_ESTABLISHED", timeout=10)
    time.sleep(0.3)  # the greeting: the agent hears the beep, then drops the message
    before = len(ear.audio_after(0.0))
    dropped_at = time.monotonic()
    dialer.drop_voicemail(recording)

    summary = updates.summary(timeout=10)
    assert isinstance(summary, CallSummary)
    assert box.wait(10) == 0, box.errors()  # the box got baresip's BYE and answered it
    assert summary.voicemail == str(recording)
    assert summary.answered and summary.hangup_by is HangupBy.LEAD
    assert summary.reason == "end of file"  # baresip hung up when the recording ended
    assert suggest_outcome(summary) == "voicemail_left"
    heard = ear.audio_after(dropped_at)
    seconds = len(heard) / RATE
    assert 0.8 * SECONDS <= seconds <= SECONDS + 0.6, (seconds, before)
    # It is the recording: the tone dominates what the box heard.
    assert goertzel(heard, TONE_HZ) > 50 * goertzel(heard, 1000.0)
    assert summary.talk_s >= 0.8 * SECONDS


def test_after_a_drop_the_next_call_has_its_own_source_again(
    sipp: Callable[..., Sipp],
    make_dialer: Callable[..., tuple[BaresipDialer, Updates]],
    baresip_settings: BaresipSettings,
    ear: RtpEar,
    tmp_path: Path,
) -> None:
    """The drop switches baresip's configured source too; the next call must not play
    the recording to the next lead (it gets the agent's source: silence here)."""
    recording = write_tone(tmp_path / "add_value.wav", seconds=1.0)
    first = sipp("voicemail_box", "-key", "rtp_port", str(ear.port))
    account = SipAccount("agent", LOOPBACK, register=False, dial_domain=f"{LOOPBACK}:{first.port}")
    dialer, updates = make_dialer(account, replace(baresip_settings, file_audio=True))
    dialer.dial("+12125550101", "lead-1")
    updates.event("CALL_ESTABLISHED", timeout=10)
    dialer.drop_voicemail(recording)
    assert updates.summary(timeout=10).voicemail == str(recording)
    assert first.wait(10) == 0, first.errors()

    second = sipp("voicemail_box", "-key", "rtp_port", str(ear.port), port=first.port)
    updates.items.clear()
    dialer.dial("+12125550102", "lead-2")
    updates.event("CALL_ESTABLISHED", timeout=10)
    answered = time.monotonic()
    time.sleep(1.5)
    dialer.hangup()
    summary = updates.summary(timeout=10)
    assert summary.voicemail is None and summary.hangup_by is HangupBy.AGENT
    assert second.wait(10) == 0, second.errors()
    heard = ear.audio_after(answered)
    tone = goertzel(heard, TONE_HZ) if heard else 0.0
    assert tone < 1e6, "the recording played again on the next call"
