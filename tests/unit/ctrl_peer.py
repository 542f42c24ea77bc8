"""A scripted stand-in for baresip's control port, on loopback: records the commands it
gets, answers them, and sends the events a test asks for. For the dialer's unit tests
where baresip itself is not needed (the real program is in tests/integration)."""

from __future__ import annotations

import contextlib
import json
import socket
import threading

from leaddesk.dialer.ctrl_tcp import NetstringDecoder, encode_frame


class ScriptedBaresip:
    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.port = int(self.server.getsockname()[1])
        self.commands: list[tuple[str, str]] = []
        self.refuse: dict[str, str] = {}  # command -> data of an ok=false response
        self.after: dict[str, list[bytes]] = {}  # command -> events sent after answering
        self.conn: socket.socket | None = None
        self._got = threading.Condition()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.server.accept()
        except OSError:
            return
        self.conn = conn
        decoder = NetstringDecoder()
        try:
            while data := conn.recv(4096):
                for frame in decoder.feed(data):
                    self._answer(conn, json.loads(frame))
        except OSError:
            return

    def _answer(self, conn: socket.socket, cmd: dict[str, str]) -> None:
        name = cmd["command"]
        refused = name in self.refuse
        doc = {
            "response": True,
            "ok": not refused,
            "data": self.refuse.get(name, ""),
            "token": cmd.get("token"),
        }
        conn.sendall(encode_frame(json.dumps(doc).encode()))
        for frame in self.after.pop(name, []):
            conn.sendall(frame)
        with self._got:
            self.commands.append((name, cmd.get("params", "")))
            self._got.notify_all()

    def event(self, kind: str, **fields: str) -> bytes:
        return encode_frame(json.dumps({"event": True, "type": kind, **fields}).encode())

    def send(self, *frames: bytes) -> None:
        assert self.conn is not None
        self.conn.sendall(b"".join(frames))

    def drop(self) -> None:
        """The softphone goes away: the connection closes."""
        assert self.conn is not None
        self._hang_up(self.conn)

    @staticmethod
    def _hang_up(conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn.shutdown(socket.SHUT_RDWR)
        conn.close()

    def wait_command(self, name: str, timeout: float = 3.0) -> str:
        with self._got:
            ok = self._got.wait_for(lambda: any(c == name for c, _ in self.commands), timeout)
            assert ok, f"no {name!r} command; got {self.commands}"
            return next(p for c, p in self.commands if c == name)

    def close(self) -> None:
        if self.conn is not None:
            self._hang_up(self.conn)
        self.server.close()
        self._thread.join(2)
