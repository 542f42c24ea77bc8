"""The softphone's control port for LeadDesk only.

baresip's `ctrl_tcp` (1.0) listens on TCP without authentication, cannot listen on a
Unix socket (an address it cannot parse makes it listen on 0.0.0.0:4444), and gives the
port to the newest client, dropping the one before. So any local user could connect
to it, take over the connection, place calls and read every call event.

Once LeadDesk holds its connection, it closes the door behind it: it takes a copy of
baresip's listening socket (`pidfd_getfd`, Linux 5.6+, allowed on a child process) and
attaches a socket filter that drops every packet, so no further connection is ever
accepted (a second client's connect times out) while the connection already made goes
on (it is a socket of its own). baresip's listener stays open and idle, so nothing
busy-loops. Where this cannot be done, `lock_listener` raises OSError.

"Holds" means baresip has answered a command on it: `connect` returns once the client
has sent the handshake's last packet, which the server may not have taken yet (on a
loaded machine the kernel can defer it). A filter attached before then drops that
packet as well, and the connection never reaches baresip. A connection made by another
program between LeadDesk's and the lock is not dropped by the filter: `other_clients`
finds it.
"""

from __future__ import annotations

import ctypes
import os
import socket
import struct
import sys

SO_ATTACH_FILTER = 26
SO_LOCK_FILTER = 44
SYS_PIDFD_OPEN = 434
SYS_PIDFD_GETFD = 438
TCP_LISTEN_STATE = "0A"
TCP_ESTABLISHED_STATE = "01"


class _SockFilter(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint32),
    ]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def supported() -> bool:
    return sys.platform.startswith("linux")


def _proc_address(address: str, port: int) -> str:
    """An IPv4 address and port as /proc/net/tcp writes them ("0100007F:115C")."""
    packed = socket.inet_aton(address)
    return f"{struct.unpack('<I', packed)[0]:08X}:{port:04X}"


def _sockets_on(address: str, port: int, state: str) -> list[list[str]]:
    """The /proc/net/tcp rows of the sockets in `state` whose own end is address:port (or
    the same port on every address)."""
    own = {_proc_address(address, port), _proc_address("0.0.0.0", port)}
    with open("/proc/net/tcp", encoding="ascii") as table:
        next(table)
        rows = [line.split() for line in table]
    return [fields for fields in rows if fields[1] in own and fields[3] == state]


def listening_inode(address: str, port: int) -> str:
    for fields in _sockets_on(address, port, TCP_LISTEN_STATE):
        return fields[9]
    raise OSError(f"nothing listens on {address}:{port}")


def other_clients(address: str, port: int, own_port: int) -> list[int]:
    """The client ports of connections to address:port other than the one from `own_port`
    (as the server's end sees them in /proc/net/tcp, established only)."""
    clients = (
        int(fields[2].rsplit(":", 1)[1], 16)
        for fields in _sockets_on(address, port, TCP_ESTABLISHED_STATE)
    )
    return [client for client in clients if client != own_port]


def _fd_of(pid: int, inode: str) -> int:
    folder = f"/proc/{pid}/fd"
    for name in os.listdir(folder):
        try:
            if os.readlink(f"{folder}/{name}") == f"socket:[{inode}]":
                return int(name)
        except OSError:
            continue
    raise OSError(f"process {pid} does not hold the listening socket")


def lock_listener(pid: int, address: str, port: int) -> None:
    """Make the TCP listener of process `pid` on address:port accept no more connections.
    Raises OSError (with the reason) where it cannot."""
    if not supported():
        raise OSError("only on Linux")
    libc = ctypes.CDLL(None, use_errno=True)
    target = _fd_of(pid, listening_inode(address, port))
    pidfd = libc.syscall(SYS_PIDFD_OPEN, pid, 0)
    if pidfd < 0:
        err = ctypes.get_errno()
        raise OSError(err, f"pidfd_open: {os.strerror(err)}")
    try:
        copy = libc.syscall(SYS_PIDFD_GETFD, pidfd, target, 0)
        if copy < 0:
            err = ctypes.get_errno()
            raise OSError(err, f"pidfd_getfd: {os.strerror(err)}")
    finally:
        os.close(pidfd)
    drop_all = (_SockFilter * 1)(_SockFilter(0x06, 0, 0, 0))  # BPF_RET|BPF_K 0: drop
    program = _SockFprog(1, drop_all)
    sock = socket.socket(fileno=copy)
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, bytes(program))
        sock.setsockopt(socket.SOL_SOCKET, SO_LOCK_FILTER, 1)
    finally:
        sock.close()  # the copy only: baresip's own descriptor stays open
