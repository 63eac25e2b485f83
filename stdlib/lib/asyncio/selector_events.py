"""asyncio.selector_events — the loop's I/O readiness callbacks, the
socket transports and the sock_* coroutines.

The loop's epoll instance and its wait are in the C core
(_asyncio.EventLoopCore): _run_once queues the handle registered here for
each ready fd.  As CPython's BaseSelectorEventLoop, a reader or writer
replaced or removed is cancelled, so that it does not run even when its fd
was already reported ready in the current iteration.

A socket transport calls its protocol in CPython's order: connection_made
(scheduled by the constructor, before reading starts), data_received or
get_buffer/buffer_updated per readiness event, eof_received (a true result
keeps the transport open for writing), then connection_lost once.
"""

__all__ = ('BaseSelectorEventLoop',)

import builtins
import collections
import errno
import functools
import weakref

import _asyncio
import _socket

from . import base_events
from . import events
from . import futures
from . import protocols
from . import transports
from . import trsock

# What write() and sendto() accept (memoryview where the build has it).
_BYTES_LIKE = tuple(t for t in (bytes, bytearray, getattr(builtins, 'memoryview', None))
                    if t is not None)

# A transport whose connection is lost warns after this many writes.
_LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5


def _log(level, msg, *args):
    import logging
    logging.getLogger('asyncio').log(level, msg, *args)

_EPOLL_CTL_ADD, _EPOLL_CTL_DEL, _EPOLL_CTL_MOD = 1, 2, 3


def _fileno(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


class BaseSelectorEventLoop(base_events.BaseEventLoop):
    """Selector event loop: I/O readiness through the loop's epoll instance."""

    def __init__(self, selector=None):
        super().__init__()
        self._registered = set()
        # fd -> the transport that owns it, for _ensure_fd_no_transport.
        self._transports = weakref.WeakValueDictionary()

    def _make_socket_transport(self, sock, protocol, waiter=None, *,
                               extra=None, server=None):
        return _SelectorSocketTransport(self, sock, protocol, waiter,
                                        extra, server)

    def _make_datagram_transport(self, sock, protocol,
                                 address=None, waiter=None, extra=None):
        return _SelectorDatagramTransport(self, sock, protocol,
                                          address, waiter, extra)

    def _ensure_fd_no_transport(self, fd):
        fileno = fd
        if not isinstance(fileno, int):
            try:
                fileno = int(fileno.fileno())
            except (AttributeError, TypeError, ValueError):
                raise ValueError(f"Invalid file object: {fd!r}") from None
        transport = self._transports.get(fileno)
        if transport is not None and not transport.is_closing():
            raise RuntimeError(
                f'File descriptor {fd!r} is used by transport {transport!r}')

    # ---- servers -------------------------------------------------------------
    def _start_serving(self, protocol_factory, sock, server=None, backlog=100):
        self._add_reader(sock.fileno(), self._accept_connection,
                         protocol_factory, sock, server, backlog)

    def _stop_serving(self, sock):
        self._remove_reader(sock.fileno())
        sock.close()

    def _accept_connection(self, protocol_factory, sock, server, backlog):
        # Up to backlog connections per readiness event, as CPython.
        for _ in range(backlog):
            try:
                conn, addr = sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                if exc.errno in (errno.EMFILE, errno.ENFILE,
                                 errno.ENOBUFS, errno.ENOMEM):
                    # Out of descriptors or memory: stop accepting for a
                    # second rather than spin on the ready listener.
                    self.call_exception_handler({
                        'message': 'socket.accept() out of system resource',
                        'exception': exc,
                        'socket': trsock.TransportSocket(sock),
                    })
                    self._remove_reader(sock.fileno())
                    self.call_later(1.0, self._start_serving,
                                    protocol_factory, sock, server, backlog)
                else:
                    raise
            else:
                extra = {'peername': addr}
                self.create_task(self._accept_connection2(
                    protocol_factory, conn, extra, server))

    async def _accept_connection2(self, protocol_factory, conn, extra,
                                  server=None):
        protocol = None
        transport = None
        try:
            protocol = protocol_factory()
            waiter = self.create_future()
            transport = self._make_socket_transport(
                conn, protocol, waiter=waiter, extra=extra, server=server)
            try:
                await waiter
            except BaseException:
                transport.close()
                raise
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if self._debug:
                context = {
                    'message': 'Error on transport creation for incoming connection',
                    'exception': exc,
                }
                if protocol is not None:
                    context['protocol'] = protocol
                if transport is not None:
                    context['transport'] = transport
                self.call_exception_handler(context)

    def _update_fd(self, fd):
        mask = 0
        if fd in self._readers:
            mask |= _asyncio.EPOLLIN
        if fd in self._writers:
            mask |= _asyncio.EPOLLOUT
        registered = fd in self._registered
        if mask and registered:
            _asyncio.epoll_ctl(self._epfd, _EPOLL_CTL_MOD, fd, mask)
        elif mask:
            _asyncio.epoll_ctl(self._epfd, _EPOLL_CTL_ADD, fd, mask)
            self._registered.add(fd)
        elif registered:
            _asyncio.epoll_ctl(self._epfd, _EPOLL_CTL_DEL, fd, 0)
            self._registered.discard(fd)

    def _add_reader(self, fd, callback, *args):
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        fd = _fileno(fd)
        old = self._readers.get(fd)
        self._readers[fd] = handle
        self._update_fd(fd)
        if old is not None:
            old.cancel()
        return handle

    def _remove_reader(self, fd):
        if self.is_closed():
            return False
        fd = _fileno(fd)
        handle = self._readers.pop(fd, None)
        if handle is None:
            return False
        self._update_fd(fd)
        handle.cancel()
        return True

    def _add_writer(self, fd, callback, *args):
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        fd = _fileno(fd)
        old = self._writers.get(fd)
        self._writers[fd] = handle
        self._update_fd(fd)
        if old is not None:
            old.cancel()
        return handle

    def _remove_writer(self, fd):
        if self.is_closed():
            return False
        fd = _fileno(fd)
        handle = self._writers.pop(fd, None)
        if handle is None:
            return False
        self._update_fd(fd)
        handle.cancel()
        return True

    def add_reader(self, fd, callback, *args):
        """Add a reader callback."""
        self._ensure_fd_no_transport(fd)
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        """Remove a reader callback."""
        self._ensure_fd_no_transport(fd)
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        """Add a writer callback.."""
        self._ensure_fd_no_transport(fd)
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        """Remove a writer callback."""
        self._ensure_fd_no_transport(fd)
        return self._remove_writer(fd)


    # ---- sock_* coroutines -------------------------------------------------
    # Each tries the operation at once and, when the socket is not ready,
    # retries it from a reader or writer callback until it completes; the
    # callback is removed when the future is done (also when cancelled).
    def _check_nonblocking(self, sock):
        if self._debug and sock.gettimeout() != 0:
            raise ValueError("the socket must be non-blocking")

    def _sock_read_done(self, fd, fut, handle=None):
        if handle is None or not handle.cancelled():
            self.remove_reader(fd)

    def _sock_write_done(self, fd, fut, handle=None):
        if handle is None or not handle.cancelled():
            self.remove_writer(fd)

    @staticmethod
    def _sock_retry(fut, operation, args):
        if fut.done():
            return
        try:
            result = operation(*args)
        except (BlockingIOError, InterruptedError):
            return  # not ready after all: wait for the next event
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(result)

    async def _sock_wait(self, sock, writing, operation, *args):
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        if writing:
            handle = self._add_writer(fd, self._sock_retry, fut, operation, args)
            done = self._sock_write_done
        else:
            handle = self._add_reader(fd, self._sock_retry, fut, operation, args)
            done = self._sock_read_done
        fut.add_done_callback(functools.partial(done, fd, handle=handle))
        return await fut

    async def sock_recv(self, sock, n):
        """Receive up to n bytes from the socket."""
        self._check_nonblocking(sock)
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, False, sock.recv, n)

    async def sock_recv_into(self, sock, buf):
        """Receive data from the socket into buf; returns the byte count."""
        self._check_nonblocking(sock)
        try:
            return sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, False, sock.recv_into, buf)

    async def sock_recvfrom(self, sock, bufsize):
        """Receive a datagram: (bytes, address)."""
        self._check_nonblocking(sock)
        try:
            return sock.recvfrom(bufsize)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, False, sock.recvfrom, bufsize)

    async def sock_recvfrom_into(self, sock, buf, nbytes=0):
        """Receive a datagram into buf: (nbytes, address)."""
        self._check_nonblocking(sock)
        if not nbytes:
            nbytes = len(buf)
        try:
            return sock.recvfrom_into(buf, nbytes)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, False, sock.recvfrom_into, buf, nbytes)

    async def sock_sendto(self, sock, data, address):
        """Send a datagram to address; returns the byte count."""
        self._check_nonblocking(sock)
        try:
            return sock.sendto(data, address)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, True, sock.sendto, data, address)

    async def sock_sendall(self, sock, data):
        """Send all of data to the connected socket."""
        self._check_nonblocking(sock)
        try:
            n = sock.send(data)
        except (BlockingIOError, InterruptedError):
            n = 0
        if n == len(data):
            return
        view = data
        pos = [n]

        def send_rest():
            start = pos[0]
            sent = sock.send(view[start:])
            start += sent
            if start != len(view):
                pos[0] = start
                raise BlockingIOError  # the rest goes on the next event
        return await self._sock_wait(sock, True, send_rest)

    async def sock_connect(self, sock, address):
        """Connect the socket to a remote address."""
        self._check_nonblocking(sock)
        if sock.family == _socket.AF_INET or (
                base_events._HAS_IPv6 and sock.family == _socket.AF_INET6):
            resolved = await self._ensure_resolved(
                address, family=sock.family, type=sock.type,
                proto=sock.proto, loop=self)
            _, _, _, _, address = resolved[0]
        try:
            sock.connect(address)
        except (BlockingIOError, InterruptedError):
            pass
        else:
            return None

        def connect_result():
            err = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR)
            if err != 0:
                raise OSError(err, f'Connect call failed {address}')
        return await self._sock_wait(sock, True, connect_result)

    async def sock_accept(self, sock):
        """Accept a connection: (conn, address), conn non-blocking."""
        self._check_nonblocking(sock)

        def accept():
            conn, address = sock.accept()
            conn.setblocking(False)
            return conn, address
        try:
            return accept()
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, False, accept)


class _SelectorTransport(transports._FlowControlMixin, transports.Transport):
    """What the socket and datagram transports share: the socket, the
    reading state, closing and the end of the connection."""

    max_size = 256 * 1024  # bytes read per readiness event

    _buffer_factory = bytearray
    _sock = None

    def __init__(self, loop, sock, protocol, extra=None, server=None):
        super().__init__(extra, loop)
        self._extra['socket'] = trsock.TransportSocket(sock)
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol_connected = False
        self.set_protocol(protocol)
        self._server = server
        self._buffer = self._buffer_factory()
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        if self._server is not None:
            self._server._attach()
        loop._transports[self._sock_fd] = self

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        loop = self._loop
        if loop is not None and not loop.is_closed():
            reading = self._sock_fd in loop._readers
            info.append('read=polling' if reading else 'read=idle')
            state = 'polling' if self._sock_fd in loop._writers else 'idle'
            info.append(f'write=<{state}, bufsize={self.get_write_buffer_size()}>')
        return '<{}>'.format(' '.join(info))

    def abort(self):
        self._force_close(None)

    def set_protocol(self, protocol):
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self._paused and not self._closing

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop._remove_reader(self._sock_fd)
        if self._loop.get_debug():
            _log(10, "%r pauses reading", self)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader(self._sock_fd, self._read_ready)
        if self._loop.get_debug():
            _log(10, "%r resumes reading", self)

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop._remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop._remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def __del__(self):
        if self._sock is not None:
            import warnings
            warnings.warn(f"unclosed transport {self!r}", ResourceWarning,
                          source=self)
            self._sock.close()

    def _fatal_error(self, exc, message='Fatal error on transport'):
        # An OSError is the connection's end, not a bug: no report.
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._loop._remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop._remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None

    def get_write_buffer_size(self):
        return len(self._buffer)

    def _add_reader(self, fd, callback, *args):
        # Reading starts only if it was not paused or closed meanwhile.
        if not self.is_reading():
            return
        self._loop._add_reader(fd, callback, *args)

    def _warn_lost_write(self):
        if self._conn_lost >= _LOG_THRESHOLD_FOR_CONNLOST_WRITES:
            _log(30, 'socket.send() raised exception.')
        self._conn_lost += 1


class _SelectorSocketTransport(_SelectorTransport):

    def __init__(self, loop, sock, protocol, waiter=None,
                 extra=None, server=None):
        super().__init__(loop, sock, protocol, extra, server)
        self._eof = False
        base_events._set_nodelay(self._sock)
        self._loop.call_soon(self._protocol.connection_made, self)
        # Reading starts once connection_made has run.
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled,
                                 waiter, None)

    def set_protocol(self, protocol):
        if isinstance(protocol, protocols.BufferedProtocol):
            self._read_ready = self._read_ready__get_buffer
        else:
            self._read_ready = self._read_ready__data_received
        super().set_protocol(protocol)

    def _read_ready__get_buffer(self):
        if self._conn_lost:
            return
        try:
            buf = self._protocol.get_buffer(-1)
            if not len(buf):
                raise RuntimeError('get_buffer() returned an empty buffer')
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.get_buffer() call failed.')
            return
        try:
            nbytes = self._sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not nbytes:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.buffer_updated(nbytes)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.buffer_updated() call failed.')

    def _read_ready__data_received(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):
        if self._loop.get_debug():
            _log(10, "%r received EOF", self)
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            # Half-open: no more reading, writing goes on.
            self._loop._remove_reader(self._sock_fd)
        else:
            self.close()

    def write(self, data):
        if not isinstance(data, _BYTES_LIKE):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            self._warn_lost_write()
            return
        if not self._buffer:
            # Straight to the socket while it takes the data.
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                pass
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            else:
                if n == len(data):
                    return
                data = data[n:]
            self._loop._add_writer(self._sock_fd, self._write_ready)
        self._buffer.extend(data)
        self._maybe_pause_protocol()

    def _write_ready(self):
        if self._conn_lost:
            return
        try:
            n = self._sock.send(self._buffer)
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop._remove_writer(self._sock_fd)
            self._buffer.clear()
            self._fatal_error(exc, 'Fatal write error on socket transport')
        else:
            if n:
                del self._buffer[:n]
            self._maybe_resume_protocol()
            if not self._buffer:
                self._loop._remove_writer(self._sock_fd)
                if self._closing:
                    self._call_connection_lost(None)
                elif self._eof:
                    self._sock.shutdown(_socket.SHUT_WR)

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown(_socket.SHUT_WR)

    def can_write_eof(self):
        return True


class _SelectorDatagramTransport(_SelectorTransport):

    _buffer_factory = collections.deque

    def __init__(self, loop, sock, protocol, address=None,
                 waiter=None, extra=None):
        super().__init__(loop, sock, protocol, extra)
        self._address = address
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled,
                                 waiter, None)

    def get_write_buffer_size(self):
        return sum(len(data) for data, _ in self._buffer)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(self.max_size)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on datagram transport')
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        if not isinstance(data, _BYTES_LIKE):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if not data:
            return
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(
                    f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost and self._address:
            self._warn_lost_write()
            return
        if not self._buffer:
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
                return
            except (BlockingIOError, InterruptedError):
                self._loop._add_writer(self._sock_fd, self._sendto_ready)
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._buffer.append((bytes(data), addr))
        self._maybe_pause_protocol()

    def _sendto_ready(self):
        while self._buffer:
            data, addr = self._buffer.popleft()
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
            except (BlockingIOError, InterruptedError):
                self._buffer.appendleft((data, addr))
                break
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._maybe_resume_protocol()
        if not self._buffer:
            self._loop._remove_writer(self._sock_fd)
            if self._closing:
                self._call_connection_lost(None)
