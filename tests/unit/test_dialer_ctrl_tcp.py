"""baresip's control protocol: netstring framing, message parsing, and the client's
behaviour when the other end misbehaves (a clear ConnectionLost, never a crash)."""

from __future__ import annotations

import itertools
import json
import socket
import threading
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.dialer.ctrl_tcp import (
    MAX_FRAME,
    BaresipError,
    CtrlClient,
    FrameError,
    NetstringDecoder,
    ProtocolError,
    Response,
    encode_command,
    encode_frame,
    parse_message,
)
from leaddesk.dialer.events import CallEvent, ConnectionLost
from leaddesk.dialer.listener_lock import other_clients

# -- framing ------------------------------------------------------------------------------


def test_command_is_a_netstring_of_json() -> None:
    frame = encode_command("dial", "sip:+14155550142@pbx", "t1")
    length, _, rest = frame.partition(b":")
    assert rest.endswith(b",") and int(length) == len(rest) - 1
    assert json.loads(rest[:-1]) == {
        "command": "dial",
        "params": "sip:+14155550142@pbx",
        "token": "t1",
    }


def test_two_frames_in_one_read_and_one_frame_over_many() -> None:
    decoder = NetstringDecoder()
    assert decoder.feed(b"5:hello,3:abc,") == [b"hello", b"abc"]
    assert decoder.feed(b"1") == []
    assert decoder.feed(b"2:hello") == []
    assert decoder.pending == 8
    assert decoder.feed(b" world!,0:,") == [b"hello world!", b""]
    assert decoder.pending == 0


@settings(max_examples=60, deadline=None)
@given(
    payloads=st.lists(st.binary(max_size=300), max_size=8),
    cuts=st.lists(st.integers(min_value=0, max_value=3000), max_size=12),
)
def test_any_chunking_gives_back_the_same_frames(payloads: list[bytes], cuts: list[int]) -> None:
    stream = b"".join(encode_frame(p) for p in payloads)
    points = sorted({c for c in cuts if c < len(stream)} | {0, len(stream)})
    decoder = NetstringDecoder()
    got: list[bytes] = []
    for start, end in itertools.pairwise(points):
        got += decoder.feed(stream[start:end])
    assert got == payloads and decoder.pending == 0


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"abc:xyz,", "length expected"),
        (b"5:hello;", "not followed by ','"),
        (b"007:abcdefg,", "leading zeros"),
        (b"%d:" % (MAX_FRAME + 1), "over the"),
        (b"123456789012", "longer than"),
        (b"-1:,", "length expected"),
        (b"HTTP/1.1 400 Bad Request\r\n\r\n", "length expected"),
    ],
)
def test_malformed_stream_is_a_clear_error(data: bytes, why: str) -> None:
    decoder = NetstringDecoder()
    with pytest.raises(FrameError, match=why):
        decoder.feed(data)
    # Framing is lost for good: later bytes are refused too, not misread.
    with pytest.raises(FrameError, match=why):
        decoder.feed(b"2:ok,")


def test_good_frames_before_a_bad_one_are_kept_and_the_fault_follows() -> None:
    decoder = NetstringDecoder()
    assert decoder.feed(b"2:ok,x") == [b"ok"]
    assert decoder.failure is not None
    with pytest.raises(FrameError, match="length expected"):
        decoder.feed(b"")


@settings(max_examples=80, deadline=None)
@given(chunks=st.lists(st.binary(max_size=40), max_size=10))
def test_garbage_only_ever_raises_frame_error(chunks: list[bytes]) -> None:
    decoder = NetstringDecoder(max_frame=64)
    for chunk in chunks:
        try:
            for frame in decoder.feed(chunk):
                assert len(frame) <= 64
        except FrameError:
            return


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)
ctrl_objects = st.dictionaries(
    st.sampled_from(["event", "response", "ok", "data", "token", "type", "id", "param", "class"]),
    json_values | st.just(True),
).map(lambda doc: json.dumps(doc).encode())


@settings(max_examples=150, deadline=None)
@given(payload=st.binary(max_size=60) | ctrl_objects)
def test_any_payload_is_a_message_or_a_protocol_error(payload: bytes) -> None:
    try:
        message = parse_message(payload, 0.0)
    except ProtocolError:
        return
    assert isinstance(message, Response | CallEvent)


# -- messages ------------------------------------------------------------------------------


def test_response_and_event_are_parsed() -> None:
    response = parse_message(b'{"response":true,"ok":false,"data":"no call","token":"t7"}', 1.0)
    assert response == Response(ok=False, data="no call", token="t7")
    event = parse_message(
        b'{"event":true,"type":"CALL_CLOSED","class":"call","accountaor":"sip:a@b",'
        b'"direction":"outgoing","peeruri":"sip:c@d","id":"42","param":"486 Busy Here"}',
        2.5,
    )
    assert isinstance(event, CallEvent)
    assert (event.type, event.call_id, event.param, event.at) == (
        "CALL_CLOSED",
        "42",
        "486 Busy Here",
        2.5,
    )
    assert event.category == "call" and event.sip_status == 486


@pytest.mark.parametrize(
    ("payload", "why"),
    [
        (b"not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"hello": 1}', "neither a response nor an event"),
        (b'{"response": true, "data": "x"}', "'ok'"),
        (b'{"response": true, "ok": true, "data": 5}', "malformed 'data'"),
        (b'{"event": true}', "without a type"),
        (b'{"event": true, "type": "CALL_CLOSED", "param": {"a": 1}}', "not text"),
    ],
)
def test_malformed_message_is_a_clear_error(payload: bytes, why: str) -> None:
    with pytest.raises(ProtocolError, match=why):
        parse_message(payload, 0.0)


# -- the client against a scripted peer ----------------------------------------------------


class Peer:
    """A TCP peer on loopback standing in for baresip's control port."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.port = int(self.server.getsockname()[1])
        self.conn: socket.socket | None = None
        self.accepted = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        try:
            self.conn, _ = self.server.accept()
        except OSError:
            return
        self.accepted.set()

    def send(self, data: bytes) -> None:
        assert self.accepted.wait(2)
        assert self.conn is not None
        self.conn.sendall(data)

    def read_command(self) -> dict[str, str]:
        assert self.accepted.wait(2)
        assert self.conn is not None
        decoder = NetstringDecoder()
        while True:
            frames = decoder.feed(self.conn.recv(4096))
            if frames:
                doc: dict[str, str] = json.loads(frames[0])
                return doc

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.server.close()


class Inbox:
    def __init__(self) -> None:
        self.items: list[CallEvent | ConnectionLost] = []
        self.arrived = threading.Condition()

    def __call__(self, item: CallEvent | ConnectionLost) -> None:
        with self.arrived:
            self.items.append(item)
            self.arrived.notify_all()

    def wait(self, count: int) -> list[CallEvent | ConnectionLost]:
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.items) >= count, 3), self.items
            return list(self.items)


@pytest.fixture
def peer() -> Iterator[Peer]:
    p = Peer()
    yield p
    p.close()


@pytest.fixture
def inbox() -> Inbox:
    return Inbox()


@pytest.fixture
def client(peer: Peer, inbox: Inbox) -> Iterator[CtrlClient]:
    c = CtrlClient(inbox)
    c.connect("127.0.0.1", peer.port, timeout=2)
    yield c
    c.close()


def event_frame(kind: str, **fields: str) -> bytes:
    return encode_frame(json.dumps({"event": True, "type": kind, **fields}).encode())


def test_command_gets_its_own_response(peer: Peer, client: CtrlClient) -> None:
    result: list[Response] = []
    thread = threading.Thread(target=lambda: result.append(client.command("dial", "sip:x")))
    thread.start()
    command = peer.read_command()
    assert (command["command"], command["params"]) == ("dial", "sip:x")
    # A response to some other token first: it must not be taken for ours.
    peer.send(encode_frame(b'{"response":true,"ok":false,"data":"","token":"other"}'))
    reply = {"response": True, "ok": True, "data": "dialing", "token": command["token"]}
    peer.send(encode_frame(json.dumps(reply).encode()))
    thread.join(3)
    assert result == [Response(True, "dialing", command["token"])]


def test_events_reach_the_listener_in_order(peer: Peer, client: CtrlClient, inbox: Inbox) -> None:
    peer.send(event_frame("CALL_RINGING", id="1") + event_frame("CALL_ESTABLISHED", id="1"))
    items = inbox.wait(2)
    assert [i.type for i in items if isinstance(i, CallEvent)] == [
        "CALL_RINGING",
        "CALL_ESTABLISHED",
    ]


def test_malformed_frame_drops_the_connection_with_a_clear_reason(
    peer: Peer, client: CtrlClient, inbox: Inbox
) -> None:
    peer.send(event_frame("CALL_RINGING", id="1") + b"5:garbage,")
    items = inbox.wait(2)
    assert isinstance(items[0], CallEvent)
    lost = items[1]
    assert isinstance(lost, ConnectionLost)
    assert "malformed message" in lost.reason and "not followed by ','" in lost.reason
    assert not client.connected
    with pytest.raises(BaresipError, match="malformed message"):
        client.command("hangup")


def test_peer_closing_is_reported_once(peer: Peer, client: CtrlClient, inbox: Inbox) -> None:
    peer.send(b"")
    assert peer.conn is not None
    peer.conn.close()
    items = inbox.wait(1)
    assert items == [ConnectionLost("baresip closed the control connection", items[0].at)]
    client.close()  # closing after a loss is quiet
    assert len(inbox.items) == 1


def test_a_failing_listener_does_not_stop_the_reader(peer: Peer) -> None:
    seen: list[str] = []

    def listener(item: CallEvent | ConnectionLost) -> None:
        seen.append(getattr(item, "type", "lost"))
        if len(seen) == 1:
            raise RuntimeError("bug in the window")

    c = CtrlClient(listener)
    c.connect("127.0.0.1", peer.port, timeout=2)
    try:
        peer.send(event_frame("CALL_RINGING", id="1"))
        peer.send(event_frame("CALL_CLOSED", id="1", param="486 Busy Here"))
        deadline = threading.Event()
        for _ in range(100):
            if len(seen) >= 2:
                break
            deadline.wait(0.02)
        assert seen == ["CALL_RINGING", "CALL_CLOSED"]
    finally:
        c.close()


def test_unanswered_command_times_out_clearly(peer: Peer, client: CtrlClient) -> None:
    with pytest.raises(BaresipError, match=r"did not answer the command 'dial' within 0.2 s"):
        client.command("dial", "sip:x", timeout=0.2)


def test_nobody_listening_is_a_clear_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(BaresipError, match=r"cannot reach baresip's control port"):
        CtrlClient(lambda _: None).connect("127.0.0.1", port, timeout=0.2)


def test_a_command_from_the_listener_thread_is_refused_not_deadlocked(peer: Peer) -> None:
    errors: list[str] = []
    holder: list[CtrlClient] = []

    def listener(item: CallEvent | ConnectionLost) -> None:
        try:
            holder[0].command("hangup")
        except BaresipError as exc:
            errors.append(str(exc))

    c = CtrlClient(listener)
    holder.append(c)
    c.connect("127.0.0.1", peer.port, timeout=2)
    try:
        peer.send(event_frame("CALL_RINGING", id="1"))
        for _ in range(100):
            if errors:
                break
            threading.Event().wait(0.02)
        assert errors == ["a baresip command was sent from the event listener's thread"]
    finally:
        c.close()


# -- the control port's other clients ---------------------------------------------------


def test_other_clients_are_the_connections_that_are_not_ours() -> None:
    """What the softphone checks after locking baresip's control port: who else got in."""
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    ours = socket.create_connection(("127.0.0.1", port))
    theirs = socket.create_connection(("127.0.0.1", port))
    accepted = [server.accept()[0] for _ in range(2)]
    try:
        own_port = ours.getsockname()[1]
        assert other_clients("127.0.0.1", port, own_port) == [theirs.getsockname()[1]]
        theirs.close()
        accepted[1].close()
        assert other_clients("127.0.0.1", port, own_port) == []
    finally:
        for sock in (ours, theirs, *accepted, server):
            sock.close()
