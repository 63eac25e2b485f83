"""socket: the socket class and helpers, on the fd-level _socket module.

A socket object owns one descriptor (-1 once closed or detached) and its
timeout (None = blocking, 0.0 = non-blocking, > 0 = seconds).  The
descriptor is O_NONBLOCK exactly when the timeout is not None, as in
CPython; _socket waits with poll() for sockets with a timeout.
"""

import _socket
from _socket import *
import os
import sys
from enum import IntEnum, IntFlag

# The constants as enums, as CPython's socket module makes them.
IntEnum._convert_('AddressFamily', __name__, lambda C: C.isupper() and C.startswith('AF_'))
IntEnum._convert_('SocketKind', __name__, lambda C: C.isupper() and C.startswith('SOCK_'))
IntFlag._convert_('MsgFlag', __name__, lambda C: C.isupper() and C.startswith('MSG_'))
IntFlag._convert_('AddressInfo', __name__, lambda C: C.isupper() and C.startswith('AI_'))


def _intenum_converter(value, enum_klass):
    """The enum member for value, or value itself when it has none."""
    try:
        return enum_klass(value)
    except ValueError:
        return value

_GLOBAL_DEFAULT_TIMEOUT = object()
_default_timeout = None

error = OSError
timeout = TimeoutError
herror = OSError


class gaierror(OSError):
    pass


has_ipv6 = True


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(t):
    global _default_timeout
    _default_timeout = _check_timeout(t)


def _check_timeout(t):
    if t is None:
        return None
    if not isinstance(t, (int, float)):
        raise TypeError("Timeout value must be int, float or None")
    t = float(t)
    if t < 0:
        raise ValueError("Timeout value out of range")
    return t


class socket:

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
            self._fd = _socket.socket(family, type, proto)
        else:
            if not isinstance(fileno, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % fileno.__class__.__name__)
            if fileno < 0:
                raise ValueError("negative file descriptor")
            self._fd = fileno
            if family == -1:
                family = AF_INET
                try:
                    a = _socket.getsockname(fileno)
                    if isinstance(a, str) or isinstance(a, bytes):
                        family = AF_UNIX
                    elif isinstance(a, tuple) and len(a) == 4:
                        family = AF_INET6
                except OSError:
                    pass
            if type == -1:
                type = _socket.getsockopt(fileno, SOL_SOCKET, SO_TYPE, None)
            if proto == -1:
                proto = 0
        self.family = _intenum_converter(family, AddressFamily)
        self.type = _intenum_converter(type, SocketKind)
        self.proto = proto
        self._io_refs = 0
        self._closed = False
        self._timeout = None
        if _default_timeout is not None:
            self.settimeout(_default_timeout)

    def _check(self):
        if self._fd < 0:
            raise OSError(9, 'Bad file descriptor')
        return self._fd

    def __repr__(self):
        closed = self._fd < 0
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self._fd,
            self.family, self.type, self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        return s + '>'

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def fileno(self):
        return self._fd

    def close(self):
        self._closed = True
        if self._io_refs <= 0 and self._fd >= 0:
            fd = self._fd
            self._fd = -1
            _socket.close(fd)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def detach(self):
        fd = self._fd
        self._fd = -1
        self._closed = True
        return fd

    def dup(self):
        fd = os.dup(self._check()) if hasattr(os, 'dup') else None
        if fd is None:
            raise OSError("dup is not supported")
        s = self.__class__(self.family, self.type, self.proto, fileno=fd)
        s.settimeout(self.gettimeout())
        return s

    # -- timeouts ---------------------------------------------------------
    def settimeout(self, value):
        value = _check_timeout(value)
        self._timeout = value
        if self._fd >= 0:
            _socket.setblocking(self._fd, value is None)

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self.settimeout(None if flag else 0.0)

    def getblocking(self):
        return self._timeout is None or self._timeout > 0.0

    # -- connection -------------------------------------------------------
    def bind(self, address):
        _socket.bind(self._check(), self.family, address)

    def listen(self, backlog=128):
        _socket.listen(self._check(), min(backlog, SOMAXCONN))

    def connect(self, address):
        _socket.connect(self._check(), self.family, address, self._timeout, True)

    def connect_ex(self, address):
        return _socket.connect(self._check(), self.family, address, self._timeout, False)

    def _accept(self):
        return _socket.accept(self._check(), self._timeout)

    def accept(self):
        fd, addr = _socket.accept(self._check(), self._timeout)
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def shutdown(self, how):
        _socket.shutdown(self._check(), how)

    def getsockname(self):
        return _socket.getsockname(self._check())

    def getpeername(self):
        return _socket.getpeername(self._check())

    def setsockopt(self, level, optname, value, optlen=None):
        if value is None:
            value = b'\0' * optlen
        _socket.setsockopt(self._check(), level, optname, value)

    def getsockopt(self, level, optname, buflen=None):
        return _socket.getsockopt(self._check(), level, optname, buflen)

    # -- data -------------------------------------------------------------
    def send(self, data, flags=0):
        return _socket.send(self._check(), data, flags, self._timeout, False)

    def sendall(self, data, flags=0):
        _socket.send(self._check(), data, flags, self._timeout, True)

    def sendto(self, data, flags_or_addr, addr=None):
        if addr is None:
            return _socket.sendto(self._check(), data, 0, self.family, flags_or_addr, self._timeout)
        return _socket.sendto(self._check(), data, flags_or_addr, self.family, addr, self._timeout)

    def recv(self, bufsize, flags=0):
        return _socket.recv(self._check(), bufsize, flags, self._timeout)

    def recvfrom(self, bufsize, flags=0):
        return _socket.recvfrom(self._check(), bufsize, flags, self._timeout)

    def recv_into(self, buffer, nbytes=0, flags=0):
        if nbytes < 0:
            raise ValueError("negative buffersize in recv_into")
        if nbytes == 0:
            nbytes = len(buffer)
        data = _socket.recv(self._check(), nbytes, flags, self._timeout)
        n = len(data)
        buffer[:n] = data
        return n

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        if nbytes == 0:
            nbytes = len(buffer)
        data, addr = _socket.recvfrom(self._check(), nbytes, flags, self._timeout)
        n = len(data)
        buffer[:n] = data
        return n, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        self._io_refs += 1
        f = SocketFile(self, mode)
        if 'b' in mode:
            return f
        return _TextSocketFile(f, encoding or 'utf-8', errors or 'strict')

    @property
    def timeout(self):
        return self._timeout


SocketType = socket


class SocketFile:
    """A small buffered file over a socket (makefile's binary mode)."""

    def __init__(self, sock, mode='rb'):
        self._sock = sock
        self.mode = mode
        self._buf = b''
        self.closed = False

    def _fill(self):
        data = self._sock.recv(65536)
        self._buf += data
        return len(data)

    def read(self, n=-1):
        if n is None or n < 0:
            while self._fill():
                pass
            data, self._buf = self._buf, b''
            return data
        while len(self._buf) < n:
            if not self._fill():
                break
        data, self._buf = self._buf[:n], self._buf[n:]
        return data

    def read1(self, n=-1):
        if not self._buf:
            self._fill()
        if n is None or n < 0:
            n = len(self._buf)
        data, self._buf = self._buf[:n], self._buf[n:]
        return data

    def readline(self, limit=-1):
        while True:
            i = self._buf.find(b'\n')
            if i >= 0:
                i += 1
                break
            if 0 <= limit <= len(self._buf):
                i = limit
                break
            if not self._fill():
                i = len(self._buf)
                break
        if 0 <= limit < i:
            i = limit
        data, self._buf = self._buf[:i], self._buf[i:]
        return data

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._sock.sendall(data)
        return len(data)

    def flush(self):
        pass

    def fileno(self):
        return self._sock.fileno()

    def close(self):
        if not self.closed:
            self.closed = True
            self._sock._decref_socketios()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


class _TextSocketFile:
    def __init__(self, raw, encoding, errors):
        self.buffer = raw
        self.encoding = encoding
        self.errors = errors

    def read(self, n=-1):
        return self.buffer.read(n).decode(self.encoding, self.errors)

    def readline(self, limit=-1):
        return self.buffer.readline(limit).decode(self.encoding, self.errors)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        self.buffer.write(s.encode(self.encoding, self.errors))
        return len(s)

    def flush(self):
        pass

    def fileno(self):
        return self.buffer.fileno()

    @property
    def closed(self):
        return self.buffer.closed

    def close(self):
        self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


def fromfd(fd, family, type, proto=0):
    nfd = os.dup(fd)
    return socket(family, type, proto, nfd)


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    if isinstance(host, bytes):
        host = host.decode('idna')
    if isinstance(port, bytes):
        port = port.decode()
    res = _socket.getaddrinfo(host, port, family, type, proto, flags)
    if isinstance(res, int):
        raise gaierror(res, _socket.gai_strerror(res))
    return [(_intenum_converter(af, AddressFamily), _intenum_converter(kind, SocketKind), pr, canon, sa)
            for af, kind, pr, canon, sa in res]


def gethostbyname(hostname):
    res = getaddrinfo(hostname, None, AF_INET, SOCK_STREAM)
    return res[0][4][0]


def gethostbyname_ex(hostname):
    res = getaddrinfo(hostname, None, AF_INET, SOCK_STREAM)
    return hostname, [], [r[4][0] for r in res]


def getfqdn(name=''):
    name = name.strip()
    if not name or name == '0.0.0.0':
        name = gethostname()
    return name


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False):
    host, port = address
    err = None
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            err = None
            return sock
        except OSError as e:
            err = e
            if sock is not None:
                sock.close()
    if err is not None:
        try:
            raise err
        finally:
            err = None
    raise OSError("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except OSError:
        sock.close()
        raise
