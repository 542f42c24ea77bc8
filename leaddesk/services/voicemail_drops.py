"""The agent's recorded voicemails for voicemail drop: one WAV file per cadence stage
(introduce, add_value, offer_time, close_file), kept locally in the app's data folder
(`<data>/voicemail/<stage>.wav`), never synced. A recording is 16-bit PCM, mono, as
baresip's aufile source plays it; its length is shown, and past 30 s it is flagged
(DOMAIN.md rule 3: keep the voicemail short). No Qt.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from leaddesk.domain.scripts import STAGES
from leaddesk.services.errors import UserError

MAX_SECONDS = 30.0  # the 30 s rule for a voicemail
RATES = (8000, 16000, 44100, 48000)


@dataclass(frozen=True, slots=True)
class Recording:
    stage: str
    path: Path
    seconds: float

    @property
    def too_long(self) -> bool:
        return self.seconds > MAX_SECONDS


def wav_seconds(path: Path) -> float:
    """The length of a WAV file LeadDesk can drop; UserError saying why it cannot."""
    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
                raise UserError(
                    f"{path.name} is not 16-bit mono sound: save it as a 16-bit mono WAV file"
                )
            if wav.getframerate() not in RATES:
                raise UserError(
                    f"{path.name} is sampled at {wav.getframerate()} Hz: save it at 8000, "
                    "16000, 44100 or 48000 Hz"
                )
            frames = wav.getnframes()
            if frames == 0:
                raise UserError(f"{path.name} holds no sound")
            return frames / wav.getframerate()
    except (wave.Error, EOFError) as exc:
        raise UserError(f"{path.name} is not a WAV file LeadDesk can play ({exc})") from None
    except OSError as exc:
        raise UserError(f"{path} cannot be read: {exc.strerror or exc}") from None


class VoicemailDrops:
    """The recordings in one folder (injectable for tests)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def default(cls) -> VoicemailDrops:
        from leaddesk.paths import user_data_dir

        return cls(user_data_dir() / "voicemail")

    def path_for(self, stage: str) -> Path:
        if stage not in STAGES:
            raise UserError(f"no voicemail stage {stage!r} (stages: {', '.join(STAGES)})")
        return self.folder / f"{stage}.wav"

    def get(self, stage: str) -> Recording | None:
        if stage not in STAGES:
            return None
        path = self.path_for(stage)
        if not path.is_file():
            return None
        try:
            return Recording(stage, path, wav_seconds(path))
        except UserError:
            return None

    def all(self) -> dict[str, Recording | None]:
        return {stage: self.get(stage) for stage in STAGES}

    def install(self, stage: str, source: Path) -> Recording:
        """Copy a WAV file in as the stage's recording (whole, or not at all)."""
        target = self.path_for(stage)
        seconds = wav_seconds(source)

        def copy(out: BinaryIO) -> None:
            with source.open("rb") as src:
                shutil.copyfileobj(src, out)

        self._write(target, copy)
        return Recording(stage, target, seconds)

    def save_pcm(self, stage: str, pcm: bytes, rate: int) -> Recording:
        """Save 16-bit mono samples recorded through the headset as the stage's WAV."""
        target = self.path_for(stage)
        if not pcm:
            raise UserError("nothing was recorded: check the microphone and try again")

        def write(out: BinaryIO) -> None:
            with wave.open(out, "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(rate)
                wav.writeframes(pcm)

        self._write(target, write)
        return Recording(stage, target, len(pcm) / 2 / rate)

    def remove(self, stage: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path_for(stage).unlink()

    def _write(self, target: Path, fill: Callable[[BinaryIO], None]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=target.stem, suffix=".part", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as out:
                fill(out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise UserError(f"could not save the recording in {self.folder}: {exc}") from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
