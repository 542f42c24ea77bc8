"""Talking to baresip's `ctrl_tcp` module: netstring-framed JSON over a TCP socket.

Commands go out as `{"command": "dial", "params": "sip:...", "token": "..."}`; baresip
answers each with `{"response": true, "ok": ..., "data": ..., "token": ...}` and sends
`{"event": true, "type": "CALL_RINGING", ...}` whenever something happens. A netstring
is `<length>:<bytes>,` (https://cr.yp.to/proto/netstrings.txt).

`CtrlClient` reads on its own thread and hands every event to a callback ON THAT THREAD;
a GUI must pass them to its own thread (a queued Qt signal) before touching widgets.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from leaddesk.dialer.events import CallEvent, ConnectionLost

log = logging.getLogger(__name__)

MAX_FRAME = 1 << 20  # baresip's own limit is far smaller; anything bigger is garbage
_MAX_DIGITS = len(str(MAX_FRAME))


class BaresipError(Exception):
    """baresip could not be started, reached or used; the message says why and what to do."""


class ProtocolError(BaresipError):
    """A message from the control port is not what ctrl_tcp sends."""


class FrameError(ProtocolError):
    """The byte stream is not valid netstrings; framing is lost for good."""


def encode_frame(payload: bytes) -> bytes:
    return b"%d:%s," % (len(payload), payload)


def encode_command(command: str, params: str = "", token: str | None = None) -> bytes:
    doc: dict[str, str] = {"command": command, "params": params}
    if token is not None:
        doc["token"] = token
    return encode_frame(json.dumps(doc).encode("utf-8"))


class NetstringDecoder:
    """Splits a byte stream into netstring payloads, whatever the chunking.

    A malformed stream raises FrameError, and keeps raising it: once the framing is lost
    no later byte can be trusted, so the connection must be dropped. Whole frames that
    came before the fault are still returned; the fault is then in `failure` and the
    next `feed` raises it.
    """

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self._buf = bytearray()
        self._max = max_frame
        self.failure: FrameError | None = None

    def feed(self, data: bytes) -> list[bytes]:
        if self.failure is not None:
            raise self.failure
        self._buf += data
        frames: list[bytes] = []
        while True:
            try:
                frame = self._next()
            except FrameError as exc:
                self.failure = exc
                self._buf.clear()
                if frames:
                    return frames
                raise
            if frame is None:
                return frames
            frames.append(frame)

    @property
    def pending(self) -> int:
        """Bytes received but not yet a whole frame."""
        return len(self._buf)

    def _next(self) -> bytes | None:
        colon = self._buf.find(b":", 0, _MAX_DIGITS + 2)
        if colon < 0:
            head = bytes(self._buf[: _MAX_DIGITS + 1])
            if not head.isdigit() and head:
                raise FrameError(f"netstring length expected, got {head[:20]!r}")
            if len(self._buf) > _MAX_DIGITS:
                raise FrameError(f"netstring length is longer than {_MAX_DIGITS} digits")
            return None
        digits = bytes(self._buf[:colon])
        if not digits.isdigit():
            raise FrameError(f"netstring length expected, got {digits[:20]!r}")
        if len(digits) > 1 and digits.startswith(b"0"):
            raise FrameError(f"netstring length with leading zeros: {digits!r}")
        length = int(digits)
        if length > self._max:
            raise FrameError(f"netstring of {length} bytes is over the {self._max} byte limit")
        end = colon + 1 + length
        if len(self._buf) < end + 1:
            return None
        if self._buf[end] != ord(","):
            raise FrameError(
                f"netstring of {length} bytes is not followed by ',' "
                f"(got {bytes(self._buf[end : end + 1])!r})"
            )
        payload = bytes(self._buf[colon + 1 : end])
        del self._buf[: end + 1]
        return payload


@dataclass(frozen=True, slots=True)
class Response:
    ok: bool
    data: str
    token: str | None


Message = Response | CallEvent


def parse_message(payload: bytes, at: float) -> Message:
    """One ctrl_tcp message; raises ProtocolError (with the reason) for anything else."""
    try:
        doc = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProtocolError(f"message is not JSON ({exc}): {payload[:60]!r}") from None
    if not isinstance(doc, dict):
        raise ProtocolError(f"message is not a JSON object: {payload[:60]!r}")
    if doc.get("response") is True:
        ok, data, token = doc.get("ok"), doc.get("data", ""), doc.get("token")
        if not isinstance(ok, bool):
            raise ProtocolError(f"response without a true/false 'ok': {payload[:60]!r}")
        if not isinstance(data, str) or not (token is None or isinstance(token, str)):
            raise ProtocolError(f"response with a malformed 'data' or 'token': {payload[:60]!r}")
        return Response(ok, data, token)
    if doc.get("event") is True:
        try:
            return CallEvent.from_json(doc, at)
        except ValueError as exc:
            raise ProtocolError(f"malformed event ({exc}): {payload[:60]!r}") from None
    raise ProtocolError(f"message is neither a response nor an event: {payload[:60]!r}")


class _Waiter:
    __slots__ = ("done", "response")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.response: Response | None = None


Listener = Callable[[CallEvent | ConnectionLost], None]


class CtrlClient:
    """One connection to ctrl_tcp: commands with their responses, events to `listener`."""

    def __init__(
        self,
        listener: Listener,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._listener = listener
        self._monotonic = monotonic
        self._sock: socket.socket | None = None
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._waiters: dict[str, _Waiter] = {}
        self._tokens = itertools.count(1)
        self._closing = False
        self.lost: ConnectionLost | None = None
        self.address: tuple[str, int] | None = None
        self.local_port: int | None = None  # this end of the connection, once connected

    # -- connection -----------------------------------------------------------------------

    def connect(self, host: str, port: int, timeout: float = 5.0) -> None:
        """Connect, retrying while baresip is still starting; BaresipError after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                sock = socket.create_connection((host, port), timeout=1.0)
                break
            except OSError as exc:
                if time.monotonic() >= deadline:
                    raise BaresipError(
                        f"cannot reach baresip's control port {host}:{port} ({exc.strerror or exc}); "
                        "is baresip running with the ctrl_tcp module?"
                    ) from None
                time.sleep(0.05)
        sock.settimeout(None)
        self._sock, self.address = sock, (host, port)
        self.local_port = sock.getsockname()[1]
        self._reader = threading.Thread(
            target=self._read_loop, args=(sock,), name=f"baresip-ctrl-{port}", daemon=True
        )
        self._reader.start()

    @property
    def connected(self) -> bool:
        return self._sock is not None and self.lost is None and not self._closing

    def close(self) -> None:
        """Close on purpose: no ConnectionLost is reported for it."""
        with self._lock:
            self._closing = True
            sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._reader is not None and self._reader is not threading.current_thread():
            self._reader.join(timeout=2.0)
        self._fail_waiters()

    # -- commands -------------------------------------------------------------------------

    def command(self, command: str, params: str = "", timeout: float = 5.0) -> Response:
        """Send one command and wait for its response."""
        if threading.current_thread() is self._reader:
            # The reader would wait for its own response: pass events to another thread.
            raise BaresipError("a baresip command was sent from the event listener's thread")
        token = f"ld{next(self._tokens)}"
        waiter = _Waiter()
        with self._lock:
            sock = self._sock
            if sock is None or self.lost is not None:
                raise BaresipError(self._gone_reason())
            self._waiters[token] = waiter
        try:
            with self._send_lock:
                sock.sendall(encode_command(command, params, token))
            if not waiter.done.wait(timeout):
                raise BaresipError(
                    f"baresip did not answer the command {command!r} within {timeout:g} s"
                )
        except OSError as exc:
            raise BaresipError(f"cannot send to baresip: {exc.strerror or exc}") from None
        finally:
            with self._lock:
                self._waiters.pop(token, None)
        if waiter.response is None:
            raise BaresipError(self._gone_reason())
        return waiter.response

    def _gone_reason(self) -> str:
        if self.lost is not None:
            return self.lost.reason
        return "not connected to baresip"

    # -- reading --------------------------------------------------------------------------

    def _read_loop(self, sock: socket.socket) -> None:
        decoder = NetstringDecoder()
        reason = "baresip closed the control connection"
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                now = self._monotonic()
                for payload in decoder.feed(data):
                    self._dispatch(parse_message(payload, now))
                if decoder.failure is not None:
                    raise decoder.failure
        except ProtocolError as exc:
            reason = f"baresip sent a malformed message ({exc}); the connection was dropped"
        except OSError as exc:
            reason = f"the connection to baresip broke ({exc.strerror or exc})"
        with self._lock:
            if self._closing:
                return  # close() owns the socket
            self.lost = ConnectionLost(reason, self._monotonic())
            self._sock = None
        sock.close()
        self._fail_waiters()
        self._deliver(self.lost)

    def _dispatch(self, message: Message) -> None:
        if isinstance(message, Response):
            with self._lock:
                waiter = self._waiters.get(message.token or "")
            if waiter is None:
                log.debug("baresip response to no pending command (token %r)", message.token)
                return
            waiter.response = message
            waiter.done.set()
        else:
            self._deliver(message)

    def _deliver(self, update: CallEvent | ConnectionLost) -> None:
        try:
            self._listener(update)
        except Exception:
            # A broken listener must not kill the reader: later events still matter.
            log.exception("baresip event listener failed on %r", update)

    def _fail_waiters(self) -> None:
        with self._lock:
            waiters = list(self._waiters.values())
        for waiter in waiters:
            waiter.done.set()
