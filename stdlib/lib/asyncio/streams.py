"""asyncio.streams — StreamReader/StreamWriter over non-blocking sockets.

A connection registers a reader callback with the loop (epoll readiness):
each readiness event does one recv() and feeds the StreamReader; writes go
straight to the socket while it accepts them and are buffered otherwise,
flushed by a writer callback; drain() waits until the buffer is empty.
"""

__all__ = ('StreamReader', 'StreamWriter', 'open_connection', 'start_server', 'Server')

from . import events
from . import exceptions
from . import tasks

_DEFAULT_LIMIT = 2 ** 16
_EAGAIN, _EALREADY, _EINPROGRESS = 11, 114, 115  # Linux errno values


class StreamReader:
    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = loop if loop is not None else events.get_event_loop()
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        self._wakeup_waiter(exc)

    def _wakeup_waiter(self, exc=None):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)

    def set_transport(self, transport):
        self._transport = transport

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is '
                               f'already waiting for incoming data')
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)
        except exceptions.IncompleteReadError as e:
            return e.partial
        except exceptions.LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + seplen]
            else:
                self._buffer.clear()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise exceptions.LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit', offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise exceptions.LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)
        chunk = bytes(self._buffer[:isep + seplen])
        del self._buffer[:isep + seplen]
        return chunk

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class _SelectorSocketTransport:
    """The connection: the socket, the loop callbacks and the write buffer."""

    def __init__(self, loop, sock, reader):
        self._loop = loop
        self._sock = sock
        self._reader = reader
        self._buffer = bytearray()
        self._closing = False
        self._closed_fut = loop.create_future()
        self._drain_waiters = []
        self._extra = {'socket': sock}
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            pass
        try:
            self._extra['peername'] = sock.getpeername()
        except OSError:
            self._extra['peername'] = None
        if reader is not None:
            reader.set_transport(self)
            loop.add_reader(sock.fileno(), self._read_ready)

    def __repr__(self):
        info = [self.__class__.__name__]
        fd = self._sock.fileno()
        if fd < 0:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={fd}')
        if fd >= 0 and not self._loop.is_closed():
            info.append('read=polling' if fd in self._loop._readers else 'read=idle')
            state = 'polling' if fd in self._loop._writers else 'idle'
            info.append(f'write=<{state}, bufsize={len(self._buffer)}>')
        return '<{}>'.format(' '.join(info))

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def _read_ready(self):
        try:
            data = self._sock.recv(_DEFAULT_LIMIT)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._loop.remove_reader(self._sock.fileno())
            self._reader.set_exception(exc)
            return
        if data:
            self._reader.feed_data(data)
        else:
            self._loop.remove_reader(self._sock.fileno())
            self._reader.feed_eof()

    def write(self, data):
        if self._closing:
            return
        if not data:
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except OSError:
                return
            if n == len(data):
                return
            self._buffer.extend(data[n:])
            self._loop.add_writer(self._sock.fileno(), self._write_ready)
        else:
            self._buffer.extend(data)

    def _write_ready(self):
        try:
            n = self._sock.send(bytes(self._buffer))
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._buffer.clear()
            n = 0
        del self._buffer[:n]
        if not self._buffer:
            self._loop.remove_writer(self._sock.fileno())
            for w in self._drain_waiters:
                if not w.done():
                    w.set_result(None)
            self._drain_waiters = []
            if self._closing:
                self._finish_close()

    def get_write_buffer_size(self):
        return len(self._buffer)

    def write_eof(self):
        import socket
        try:
            self._sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def can_write_eof(self):
        return True

    def is_closing(self):
        return self._closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._loop.call_soon(self._finish_close)

    def _finish_close(self):
        fd = self._sock.fileno()
        if fd >= 0:
            self._loop.remove_reader(fd)
            self._loop.remove_writer(fd)
        self._sock.close()
        if self._reader is not None and not self._reader._eof:
            self._reader.feed_eof()
        if not self._closed_fut.done():
            self._closed_fut.set_result(None)


class StreamWriter:
    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = [self.__class__.__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        for d in data:
            self._transport.write(d)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport._closed_fut

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        t = self._transport
        if t._buffer:
            w = self._loop.create_future()
            t._drain_waiters.append(w)
            await w
        else:
            await tasks.sleep(0)


async def _sock_connect(loop, sock, address):
    import socket
    err = sock.connect_ex(address)
    if err == 0:
        return
    if err not in (_EINPROGRESS, _EAGAIN, _EALREADY):
        raise OSError(err, f'Connect call failed {address}')
    fut = loop.create_future()
    fd = sock.fileno()

    def ready():
        loop.remove_writer(fd)
        if not fut.done():
            fut.set_result(None)
    loop.add_writer(fd, ready)
    try:
        await fut
    finally:
        loop.remove_writer(fd)
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err != 0:
        raise ConnectionRefusedError(err, f'Connect call failed {address}')


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    import socket
    loop = events.get_running_loop()
    infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    exc = None
    for family, type_, proto, _, address in infos:
        sock = socket.socket(family, type_, proto)
        sock.setblocking(False)
        try:
            await _sock_connect(loop, sock, address)
        except OSError as e:
            sock.close()
            exc = e
            continue
        break
    else:
        if exc is None:
            raise OSError(f'getaddrinfo({host!r}) returned empty list')
        raise exc
    reader = StreamReader(limit=limit, loop=loop)
    transport = _SelectorSocketTransport(loop, sock, reader)
    writer = StreamWriter(transport, None, reader, loop)
    return reader, writer


class Server:
    def __init__(self, loop, sockets, client_connected_cb, limit):
        self._loop = loop
        self._sockets = sockets
        self._cb = client_connected_cb
        self._limit = limit
        self._serving = False
        self._closed = loop.create_future()
        self._conn_tasks = set()

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={tuple(self.sockets)!r}>'

    @property
    def sockets(self):
        return tuple(self._sockets)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    async def start_serving(self):
        self._start()

    def _start(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            self._loop.add_reader(sock.fileno(), self._accept, sock)

    def _accept(self, sock):
        try:
            conn, addr = sock.accept()
        except (BlockingIOError, InterruptedError):
            return
        conn.setblocking(False)
        reader = StreamReader(limit=self._limit, loop=self._loop)
        transport = _SelectorSocketTransport(self._loop, conn, reader)
        writer = StreamWriter(transport, None, reader, self._loop)
        res = self._cb(reader, writer)
        if hasattr(res, 'send') and hasattr(res, 'throw'):
            # A handler that fails is reported and its connection closed,
            # so that the peer is not left waiting (as CPython 3.11).
            def callback(task):
                exc = task.exception()
                if exc is not None:
                    self._loop.call_exception_handler({
                        'message': 'Unhandled exception in client_connected_cb',
                        'exception': exc,
                        'transport': transport,
                    })
                    transport.close()

            self._loop.create_task(res).add_done_callback(callback)

    def close(self):
        if not self._serving and not self._sockets:
            return
        self._serving = False
        for sock in self._sockets:
            self._loop.remove_reader(sock.fileno())
            sock.close()
        self._sockets = []
        if not self._closed.done():
            self._closed.set_result(None)

    async def wait_closed(self):
        if self._sockets:
            await self._closed

    async def serve_forever(self):
        self._start()
        fut = self._loop.create_future()
        try:
            await fut
        finally:
            self.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, backlog=100, reuse_address=True,
                       start_serving=True, **kwds):
    import socket
    loop = events.get_running_loop()
    if host is None or host == '':
        host = '0.0.0.0'
    hosts = [host] if isinstance(host, str) else list(host)
    sockets = []
    for h in hosts:
        for family, type_, proto, _, address in socket.getaddrinfo(h, port, 0, socket.SOCK_STREAM, 0, socket.AI_PASSIVE):
            sock = socket.socket(family, type_, proto)
            if reuse_address:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(address)
            except OSError as err:
                sock.close()
                raise OSError(err.errno, 'error while attempting to bind on address %r: %s'
                              % (address, err.strerror.lower())) from None
            sock.listen(backlog)
            sock.setblocking(False)
            sockets.append(sock)
            break
    server = Server(loop, sockets, client_connected_cb, limit)
    if start_serving:
        server._start()
        await tasks.sleep(0)
    return server
