"""multiprocessing.connection: Connection objects and Pipe().

A Connection wraps one descriptor (a pipe end, or a socketpair end for a
duplex Pipe) and sends framed messages in the _codec encoding.
"""

import os
import select

from . import _codec


class Connection:
    def __init__(self, fd, readable=True, writable=True):
        self._fd = fd
        self._readable = readable
        self._writable = writable

    def _check_closed(self):
        if self._fd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._fd is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._fd

    def close(self):
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        _codec.send(self._fd, obj)

    def recv(self):
        self._check_closed()
        self._check_readable()
        return _codec.recv(self._fd)

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        data = bytes(buf)
        if size is None:
            size = len(data) - offset
        _codec.send_bytes(self._fd, data[offset:offset + size])

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        b = _codec.recv_bytes(self._fd)
        if b is None:
            raise EOFError
        return b

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        r, w, x = select.select([self._fd], [], [], timeout)
        return bool(r)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return f'<multiprocessing.connection.Connection object at {hex(id(self))}>'


def Pipe(duplex=True):
    if duplex:
        import socket
        a, b = socket.socketpair()
        return Connection(a.detach()), Connection(b.detach())
    r, w = os.pipe()
    return Connection(r, writable=False), Connection(w, readable=False)


def wait(object_list, timeout=None):
    r, w, x = select.select(list(object_list), [], [], timeout)
    return r
