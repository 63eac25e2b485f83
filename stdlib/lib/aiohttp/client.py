"""aiohttp.client: ClientSession, TCPConnector and ClientResponse, plain
HTTP/1.1 on asyncio streams.

The connector keeps idle keep-alive connections per (host, port) and caps
the connections in use (limit=100 by default, as aiohttp): a request waits
for a free slot, so a burst of concurrent requests never opens more sockets
than the limit.  A response gives its connection back once its body has
been read completely; one released or closed early is not reused.  Bodies
are read whole (read(), text(), json(); `content` serves from that buffer).
"""

import asyncio
import collections
import json as _json
import socket
from urllib.parse import urlencode

from ._multidict import CIMultiDict, CIMultiDictProxy, MultiDict
from ._url import URL

HttpVersion = collections.namedtuple('HttpVersion', ['major', 'minor'])
HttpVersion10 = HttpVersion(1, 0)
HttpVersion11 = HttpVersion(1, 1)

ConnectionKey = collections.namedtuple(
    'ConnectionKey', ['host', 'port', 'is_ssl', 'ssl', 'proxy', 'proxy_auth', 'proxy_headers_hash'])

_USER_AGENT = 'Python/3.11 aiohttp/3.8.4'
_GET_METHODS = ('CONNECT', 'GET', 'HEAD', 'OPTIONS', 'TRACE')


class _Sentinel:
    def __repr__(self):
        return 'sentinel'


sentinel = _Sentinel()


# -- exceptions (aiohttp.client_exceptions) ---------------------------------

class ClientError(Exception):
    pass


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, code=None, status=None, message='',
                 headers=None):
        self.request_info = request_info
        if status is not None:
            self.status = status
        elif code is not None:
            self.status = code
        else:
            self.status = 0
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return '{}, message={!r}, url={!r}'.format(self.status, self.message,
                                                    self.request_info.real_url)

    def __repr__(self):
        args = f'{self.request_info!r}, {self.history!r}'
        if self.status != 0:
            args += f', status={self.status!r}'
        if self.message != '':
            args += f', message={self.message!r}'
        if self.headers is not None:
            args += f', headers={self.headers!r}'
        return f'{type(self).__name__}({args})'


class ContentTypeError(ClientResponseError):
    pass


class TooManyRedirects(ClientResponseError):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        return 'Cannot connect to host {0.host}:{0.port} ssl:{1} [{2}]'.format(
            self, self.ssl if self.ssl is not None else 'default', self.strerror)


class ServerConnectionError(ClientConnectionError):
    pass


class ServerDisconnectedError(ServerConnectionError):
    def __init__(self, message=None):
        if message is None:
            message = 'Server disconnected'
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    pass


class ClientPayloadError(ClientError):
    pass


class InvalidURL(ClientError, ValueError):
    def __init__(self, url):
        super().__init__(url)

    @property
    def url(self):
        return self.args[0]

    def __repr__(self):
        return f'<{type(self).__name__} {self.url}>'


# -- request description and timeouts ---------------------------------------

class RequestInfo:
    __slots__ = ('url', 'method', 'headers', 'real_url')

    def __init__(self, url, method, headers, real_url=None):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url if real_url is None else real_url

    def __repr__(self):
        return (f'RequestInfo(url={self.url!r}, method={self.method!r}, '
                f'headers={self.headers!r}, real_url={self.real_url!r})')

    def __eq__(self, other):
        if not isinstance(other, RequestInfo):
            return NotImplemented
        return (self.url, self.method, self.headers, self.real_url) == \
            (other.url, other.method, other.headers, other.real_url)


class ClientTimeout:
    __slots__ = ('total', 'connect', 'sock_read', 'sock_connect')

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        object.__setattr__(self, 'total', total)
        object.__setattr__(self, 'connect', connect)
        object.__setattr__(self, 'sock_read', sock_read)
        object.__setattr__(self, 'sock_connect', sock_connect)

    def __setattr__(self, name, value):
        raise AttributeError(f"can't set attribute '{name}'")

    def __repr__(self):
        return (f'ClientTimeout(total={self.total!r}, connect={self.connect!r}, '
                f'sock_read={self.sock_read!r}, sock_connect={self.sock_connect!r})')

    def __eq__(self, other):
        if not isinstance(other, ClientTimeout):
            return NotImplemented
        return (self.total, self.connect, self.sock_read, self.sock_connect) == \
            (other.total, other.connect, other.sock_read, other.sock_connect)

    def __hash__(self):
        return hash((self.total, self.connect, self.sock_read, self.sock_connect))


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)


def _min_timeout(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


# -- connections -------------------------------------------------------------

class _Conn:
    """One TCP connection; holds a slot of its connector while in use."""

    __slots__ = ('key', 'reader', 'writer', '_connector', '_holds_slot')

    def __init__(self, connector, key, reader, writer):
        self._connector = connector
        self.key = key
        self.reader = reader
        self.writer = writer
        self._holds_slot = True

    def alive(self):
        return not self.reader.at_eof() and not self.writer.is_closing()

    def close(self):
        try:
            self.writer.close()
        except Exception:
            pass

    def release(self, reusable):
        """Gives the connection back: idle for reuse, or closed."""
        self._connector._release(self, reusable)


class _ConnGuard:
    """Closes the connection of a response dropped unread and unreleased
    (aiohttp's ClientResponse.__del__).  A response holds one while it holds
    a connection; released guards are kept for reuse, so only an abandoned
    response leaves one for the collector to finalize."""

    __slots__ = ('conn',)

    def __init__(self):
        self.conn = None

    def __del__(self):
        conn = self.conn
        if conn is not None:
            self.conn = None
            conn.release(False)


# Seconds a request may wait for a connection slot before the connector
# collects garbage: slots held by dropped responses come back when their
# guards are finalized (reference counting gives them back at once).
_STALL_COLLECT_DELAY = 0.2


class TCPConnector:
    def __init__(self, *, limit=100, limit_per_host=0, force_close=False,
                 keepalive_timeout=sentinel, ssl=None, family=0, local_addr=None,
                 enable_cleanup_closed=False, use_dns_cache=True, ttl_dns_cache=10,
                 verify_ssl=True, loop=None):
        if force_close and keepalive_timeout is not sentinel and keepalive_timeout is not None:
            raise ValueError('keepalive_timeout cannot be set if force_close is True')
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._force_close = force_close
        self._idle = {}
        self._slots = asyncio.Semaphore(limit) if limit else None
        self._host_slots = {}
        self._in_use = set()
        self._spare_guards = []
        self._waiting = 0
        self._releases = 0
        self._stall_timer = None
        self._closed = False

    @property
    def limit(self):
        return self._limit

    @property
    def limit_per_host(self):
        return self._limit_per_host

    @property
    def force_close(self):
        return self._force_close

    @property
    def closed(self):
        return self._closed

    def _host_slot(self, key):
        if not self._limit_per_host:
            return None
        sem = self._host_slots.get(key)
        if sem is None:
            sem = self._host_slots[key] = asyncio.Semaphore(self._limit_per_host)
        return sem

    async def _acquire_slot(self, key):
        host_sem = self._host_slot(key)
        self._waiting += 1
        try:
            if host_sem is not None:
                if host_sem.locked():
                    self._watch_stall()
                await host_sem.acquire()
            if self._slots is not None:
                if self._slots.locked():
                    self._watch_stall()
                try:
                    await self._slots.acquire()
                except BaseException:
                    if host_sem is not None:
                        host_sem.release()
                    raise
        finally:
            self._waiting -= 1

    def _watch_stall(self):
        if self._stall_timer is None:
            self._stall_timer = asyncio.get_running_loop().call_later(
                _STALL_COLLECT_DELAY, self._on_stall, self._releases)

    def _on_stall(self, releases_before):
        self._stall_timer = None
        if not self._waiting or self._closed:
            return
        if self._releases == releases_before:
            import gc
            gc.collect()
        self._watch_stall()

    def _guard(self, conn):
        guard = self._spare_guards.pop() if self._spare_guards else _ConnGuard()
        guard.conn = conn
        return guard

    def _recycle(self, guard):
        guard.conn = None
        if len(self._spare_guards) < 128:
            self._spare_guards.append(guard)

    def _release_slot(self, key):
        if self._slots is not None:
            self._slots.release()
        host_sem = self._host_slots.get(key)
        if host_sem is not None:
            host_sem.release()

    async def connect(self, key, connect_timeout=None):
        """A connection for key, reused when an idle one is alive; the second
        result tells whether it was reused."""
        if self._closed:
            raise ClientConnectionError('Connector is closed.')
        await self._acquire_slot(key)
        try:
            idle = self._idle.get(key)
            while idle:
                c = idle.pop()
                if c.alive():
                    c._holds_slot = True
                    self._in_use.add(c)
                    return c, True
                c.close()
            try:
                if connect_timeout is None:
                    reader, writer = await self._open(key)
                else:
                    reader, writer = await asyncio.wait_for(self._open(key), connect_timeout)
            except asyncio.TimeoutError:
                raise
            except OSError as e:
                raise ClientConnectorError(key, e) from e
        except BaseException:
            self._release_slot(key)
            raise
        c = _Conn(self, key, reader, writer)
        self._in_use.add(c)
        return c, False

    async def _open(self, key):
        # As aiohttp's TCPConnector: the host is resolved in a task of its
        # own, awaited through shield (so the lookup is shared and survives
        # a cancelled request), then each address is tried in turn.
        hosts = await asyncio.shield(asyncio.ensure_future(self._resolve_host(key.host, key.port)))
        error = None
        for host in hosts:
            try:
                return await asyncio.open_connection(host, key.port)
            except OSError as e:
                error = e
        raise error

    async def _resolve_host(self, host, port):
        """The addresses to try: an IP address as it is, else what the loop's
        getaddrinfo (the default executor) gives, as aiohttp's ThreadedResolver."""
        for family in (socket.AF_INET, socket.AF_INET6):
            try:
                socket.inet_pton(family, host)
                return [host]
            except (OSError, ValueError):
                pass
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        hosts = []
        for info in infos:
            if info[4][0] not in hosts:
                hosts.append(info[4][0])
        return hosts

    def _release(self, conn, reusable):
        if not conn._holds_slot:
            return
        conn._holds_slot = False
        self._releases += 1
        self._in_use.discard(conn)
        if reusable and not self._closed and not self._force_close and conn.alive():
            self._idle.setdefault(conn.key, []).append(conn)
        else:
            conn.close()
        self._release_slot(conn.key)

    def close(self):
        """Closes every connection, idle or in use."""
        if self._closed:
            return _noop()
        self._closed = True
        for conns in self._idle.values():
            for c in conns:
                c.close()
        self._idle = {}
        for c in list(self._in_use):
            c.close()
        self._in_use = set()
        return _noop()


class _noop:
    def __await__(self):
        yield


# -- responses ---------------------------------------------------------------

class _Content:
    """resp.content: stream-like reads over the (whole) response body."""

    def __init__(self, resp):
        self._resp = resp
        self._pos = 0

    async def _body(self):
        return await self._resp.read()

    def at_eof(self):
        body = self._resp._body
        return body is not None and self._pos >= len(body)

    async def read(self, n=-1):
        body = await self._body()
        end = len(body) if n < 0 else min(len(body), self._pos + n)
        data = body[self._pos:end]
        self._pos = end
        return data

    async def readany(self):
        return await self.read()

    async def readline(self):
        body = await self._body()
        i = body.find(b'\n', self._pos)
        end = len(body) if i < 0 else i + 1
        data = body[self._pos:end]
        self._pos = end
        return data

    async def readexactly(self, n):
        body = await self._body()
        if len(body) - self._pos < n:
            rest = body[self._pos:]
            self._pos = len(body)
            raise asyncio.IncompleteReadError(rest, n)
        return await self.read(n)

    async def _chunks(self, n):
        while True:
            data = await self.read(n)
            if not data:
                return
            yield data

    def iter_chunked(self, n):
        return self._chunks(n)

    def iter_any(self):
        return self._chunks(-1)

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line


class ClientResponse:
    def __init__(self, method, url, *, request_info, session, conn, deadline, sock_read):
        self.method = method
        self._url = url
        self._real_url = url
        self.request_info = request_info
        self._session = session
        self._conn = conn
        self._guard = conn._connector._guard(conn)
        self._deadline = deadline
        self._sock_read = sock_read
        self.status = None
        self.reason = None
        self.version = None
        self._headers = CIMultiDict()
        self.headers = CIMultiDictProxy(self._headers)
        self.raw_headers = ()
        self._body = None
        self._keep = True
        self._content = None
        self._closed = False
        self.history = ()

    def __repr__(self):
        reason = self.reason
        if reason:
            reason = reason.encode('ascii', 'backslashreplace').decode('ascii')
        return f'<ClientResponse({self._url}) [{self.status} {reason}]>\n{self.headers!r}\n'

    @property
    def url(self):
        return self._url

    @property
    def real_url(self):
        return self._real_url

    @property
    def host(self):
        return self._url.host

    @property
    def ok(self):
        return 400 > self.status

    @property
    def closed(self):
        return self._closed

    @property
    def connection(self):
        return self._conn

    @property
    def content(self):
        if self._content is None:
            self._content = _Content(self)
        return self._content

    @property
    def content_type(self):
        ct = self.headers.get('Content-Type')
        if ct is None:
            return 'application/octet-stream'
        return ct.split(';')[0].strip().lower()

    @property
    def charset(self):
        for p in self.headers.get('Content-Type', '').split(';')[1:]:
            k, _, v = p.strip().partition('=')
            if k.strip().lower() == 'charset':
                return v.strip().strip('"\'').lower()
        return None

    @property
    def content_length(self):
        v = self.headers.get('Content-Length')
        return int(v) if v is not None else None

    def get_encoding(self):
        charset = self.charset
        if charset:
            return charset
        return 'utf-8'

    async def _io(self, aw):
        """Awaits one socket read under the sock_read timeout."""
        if self._sock_read is None:
            return await aw
        try:
            return await asyncio.wait_for(aw, self._sock_read)
        except asyncio.TimeoutError:
            raise ServerTimeoutError('Timeout on reading data from socket') from None

    async def _start(self):
        reader = self._conn.reader
        line = await self._io(reader.readline())
        if not line:
            raise ServerDisconnectedError()
        parts = line.decode('latin-1').rstrip('\r\n').split(' ', 2)
        if len(parts) < 2 or not parts[0].startswith('HTTP/') or not parts[1].isdigit():
            raise ClientResponseError(self.request_info, (), status=400,
                                      message=f'Invalid status line {line!r}')
        major, _, minor = parts[0][5:].partition('.')
        self.version = HttpVersion(int(major or 1), int(minor or 0))
        self.status = int(parts[1])
        self.reason = parts[2] if len(parts) > 2 else ''
        raw = []
        while True:
            h = await self._io(reader.readline())
            if h in (b'\r\n', b'\n', b''):
                break
            k, _, v = h.rstrip(b'\r\n').partition(b':')
            raw.append((k.strip(), v.strip()))
            self._headers.add(k.strip().decode('latin-1'), v.strip().decode('latin-1'))
        self.raw_headers = tuple(raw)
        conn_hdr = self.headers.get('Connection', '').lower()
        if self.version == HttpVersion10:
            self._keep = 'keep-alive' in conn_hdr
        else:
            self._keep = 'close' not in conn_hdr

    async def _read_body(self):
        reader = self._conn.reader
        if self.method == 'HEAD' or self.status in (204, 304) or self.status < 200:
            return b''
        if 'chunked' in self.headers.get('Transfer-Encoding', '').lower():
            chunks = []
            while True:
                line = await self._io(reader.readline())
                if not line:
                    raise ClientPayloadError('Response payload is not completed')
                size = int(line.split(b';')[0].strip() or b'0', 16)
                if size == 0:
                    while (await self._io(reader.readline())) not in (b'\r\n', b'\n', b''):
                        pass
                    return b''.join(chunks)
                chunks.append(await self._io(reader.readexactly(size)))
                await self._io(reader.readexactly(2))
        if 'Content-Length' in self.headers:
            return await self._io(reader.readexactly(int(self.headers['Content-Length'])))
        self._keep = False
        return await self._io(reader.read())

    async def read(self):
        if self._body is None:
            if self._conn is None:
                raise ClientConnectionError('Connection closed')
            try:
                if self._deadline is None:
                    body = await self._read_body()
                else:
                    async with asyncio.timeout_at(self._deadline):
                        body = await self._read_body()
            except asyncio.IncompleteReadError:
                self.close()
                raise ClientPayloadError('Response payload is not completed') from None
            except BaseException:
                self.close()
                raise
            self._body = body
            self.release()
        return self._body

    async def text(self, encoding=None, errors='strict'):
        body = await self.read()
        return body.decode(encoding or self.get_encoding(), errors)

    async def json(self, *, encoding=None, loads=_json.loads, content_type='application/json'):
        body = await self.read()
        if content_type:
            ctype = self.headers.get('Content-Type', '').lower()
            if not _is_expected_content_type(ctype, content_type):
                raise ContentTypeError(
                    self.request_info, self.history,
                    message='Attempt to decode JSON with unexpected mimetype: %s' % ctype,
                    headers=self.headers)
        stripped = body.strip()
        if not stripped:
            return None
        return loads(stripped.decode(encoding or self.get_encoding()))

    def _give_back(self, reusable):
        self._closed = True
        conn = self._conn
        self._conn = None
        if conn is not None:
            conn._connector._recycle(self._guard)
            self._guard = None
            conn.release(reusable)

    def release(self):
        if not self._closed:
            self._give_back(self._body is not None and self._keep)
        return _noop()

    def close(self):
        if not self._closed:
            self._give_back(False)

    def raise_for_status(self):
        if not self.ok:
            self.release()
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    async def wait_for_close(self):
        self.release()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _is_expected_content_type(response_ct, expected):
    if expected == 'application/json':
        mime = response_ct.split(';')[0].strip()
        if not mime.startswith('application/'):
            return False
        sub = mime[len('application/'):]
        return sub == 'json' or sub.endswith('+json')
    return expected in response_ct


class _RequestContextManager:
    __slots__ = ('_coro', '_resp')

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def send(self, arg):
        return self._coro.send(arg)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __iter__(self):
        return self.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


class _SessionRequestContextManager:
    __slots__ = ('_coro', '_resp', '_session')

    def __init__(self, coro, session):
        self._coro = coro
        self._resp = None
        self._session = session

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._session.close()


# -- the session --------------------------------------------------------------

class ClientSession:
    def __init__(self, base_url=None, *, connector=None, cookies=None, headers=None,
                 json_serialize=_json.dumps, connector_owner=True, raise_for_status=False,
                 timeout=sentinel, auto_decompress=True, trust_env=False, read_bufsize=2 ** 16,
                 loop=None):
        self._base_url = None if base_url is None else URL(base_url)
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._headers = CIMultiDict(headers or {})
        self._timeout = DEFAULT_TIMEOUT if timeout is sentinel else timeout
        self._raise_for_status = raise_for_status
        self._json_serialize = json_serialize
        self._cookies = dict(cookies or {})
        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            self._loop = None

    def __del__(self):
        if not self.closed and self._loop is not None:
            self._loop.call_exception_handler({'client_session': self,
                                               'message': 'Unclosed client session'})

    @property
    def closed(self):
        return self._connector is None or self._connector.closed

    @property
    def connector(self):
        return self._connector

    @property
    def headers(self):
        return self._headers

    @property
    def timeout(self):
        return self._timeout

    @property
    def connector_owner(self):
        return self._connector_owner

    @property
    def raise_for_status(self):
        return self._raise_for_status

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    async def close(self):
        if not self.closed:
            if self._connector is not None and self._connector_owner:
                await self._connector.close()
            self._connector = None

    def _build_url(self, str_or_url):
        url = URL(str_or_url)
        if self._base_url is None:
            return url
        return self._base_url.join(url)

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(self._request('GET', url, allow_redirects=allow_redirects,
                                                    **kwargs))

    def options(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(self._request('OPTIONS', url,
                                                    allow_redirects=allow_redirects, **kwargs))

    def head(self, url, *, allow_redirects=False, **kwargs):
        return _RequestContextManager(self._request('HEAD', url, allow_redirects=allow_redirects,
                                                    **kwargs))

    def post(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('POST', url, data=data, **kwargs))

    def put(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PUT', url, data=data, **kwargs))

    def patch(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PATCH', url, data=data, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request('DELETE', url, **kwargs))

    def _body_and_type(self, data, json):
        if data is not None and json is not None:
            raise ValueError('data and json parameters can not be used at the same time')
        if json is not None:
            return self._json_serialize(json).encode('utf-8'), 'application/json'
        if data is None:
            return None, None
        if isinstance(data, (dict, MultiDict, list, tuple)):
            items = data.items() if hasattr(data, 'items') else data
            return urlencode(list(items)).encode('ascii'), 'application/x-www-form-urlencoded'
        if isinstance(data, str):
            return data.encode('utf-8'), 'text/plain; charset=utf-8'
        if isinstance(data, (bytes, bytearray)):
            return bytes(data), 'application/octet-stream'
        raise TypeError(f'Unsupported data type: {type(data).__name__}')

    async def _request(self, method, str_or_url, *, params=None, data=None, json=None,
                       cookies=None, headers=None, allow_redirects=True, max_redirects=10,
                       raise_for_status=None, timeout=sentinel, ssl=None, proxy=None,
                       read_until_eof=True, chunked=None, compress=None, expect100=False):
        if self.closed:
            raise RuntimeError('Session is closed')
        method = method.upper()
        body, ctype = self._body_and_type(data, json)
        if timeout is sentinel:
            tm = self._timeout
        elif isinstance(timeout, ClientTimeout):
            tm = timeout
        else:
            tm = ClientTimeout(total=timeout)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + tm.total if tm.total else None
        url = self._build_url(str_or_url)
        if params:
            url = url.update_query(params.items() if hasattr(params, 'items') else params)
        history = []
        while True:
            if url.scheme not in ('http', 'https') or not url.host:
                raise InvalidURL(url)
            if url.scheme == 'https':
                raise ClientConnectionError('https is not supported: there is no ssl module')
            hdrs = CIMultiDict()
            hdrs['Host'] = url.host if url.explicit_port is None else f'{url.host}:{url.port}'
            hdrs.extend(self._headers)
            if headers:
                for k, v in (headers.items() if hasattr(headers, 'items') else headers):
                    hdrs[k] = v
            hdrs.setdefault('Accept', '*/*')
            hdrs.setdefault('Accept-Encoding', 'identity')
            hdrs.setdefault('User-Agent', _USER_AGENT)
            all_cookies = dict(self._cookies)
            all_cookies.update(cookies or {})
            if all_cookies:
                hdrs.setdefault('Cookie', '; '.join([f'{k}={v}' for k, v in all_cookies.items()]))
            if ctype is not None:
                hdrs.setdefault('Content-Type', ctype)
            if body is not None:
                hdrs['Content-Length'] = str(len(body))
            elif method not in _GET_METHODS:
                hdrs['Content-Length'] = '0'
            if self._connector.force_close:
                hdrs.setdefault('Connection', 'close')
            info = RequestInfo(url, method, CIMultiDictProxy(hdrs))
            if deadline is None:
                resp = await self._send(url, method, hdrs, body, info, tm, None)
            else:
                try:
                    async with asyncio.timeout_at(deadline):
                        resp = await self._send(url, method, hdrs, body, info, tm, deadline)
                except TimeoutError as e:
                    if isinstance(e, ServerTimeoutError):
                        raise
                    raise asyncio.TimeoutError() from None
            if resp.status in (301, 302, 303, 307, 308) and allow_redirects:
                location = resp.headers.get('Location') or resp.headers.get('URI')
                if location:
                    history.append(resp)
                    if max_redirects and len(history) >= max_redirects:
                        resp.close()
                        raise TooManyRedirects(history[0].request_info, tuple(history))
                    if (resp.status == 303 and method != 'HEAD') or \
                            (resp.status in (301, 302) and method == 'POST'):
                        method = 'GET'
                        body = ctype = None
                    resp.release()
                    url = url.join(URL(location))
                    continue
            break
        resp.history = tuple(history)
        if raise_for_status is None:
            raise_for_status = self._raise_for_status
        if raise_for_status:
            resp.raise_for_status()
        return resp

    async def _send(self, url, method, hdrs, body, info, tm, deadline):
        head = f'{method} {url.raw_path_qs} HTTP/1.1\r\n' + \
            ''.join([f'{k}: {v}\r\n' for k, v in hdrs.items()]) + '\r\n'
        data = head.encode('latin-1') + (body or b'')
        key = ConnectionKey(url.host, url.port, False, None, None, None, None)
        connect_timeout = _min_timeout(tm.connect, tm.sock_connect)
        for attempt in (0, 1):
            try:
                conn, reused = await self._connector.connect(key, connect_timeout)
            except asyncio.TimeoutError:
                raise ServerTimeoutError(f'Connection timeout to host {url}') from None
            resp = ClientResponse(method, url, request_info=info, session=self, conn=conn,
                                  deadline=deadline, sock_read=tm.sock_read)
            try:
                conn.writer.write(data)
                await conn.writer.drain()
                await resp._start()
                return resp
            except (ServerDisconnectedError, ConnectionError) as e:
                resp.close()
                if not reused or attempt:
                    if isinstance(e, ServerDisconnectedError):
                        raise
                    raise ClientOSError(e.errno, e.strerror) from e
            except BaseException:
                resp.close()
                raise


def request(method, url, *, params=None, data=None, json=None, headers=None, cookies=None,
            allow_redirects=True, max_redirects=10, timeout=sentinel, raise_for_status=None,
            connector=None, read_until_eof=True):
    if connector is None:
        connector = TCPConnector(force_close=True)
    session = ClientSession(cookies=cookies, connector=connector,
                            timeout=DEFAULT_TIMEOUT if timeout is sentinel else timeout)
    return _SessionRequestContextManager(
        session._request(method, url, params=params, data=data, json=json, headers=headers,
                         allow_redirects=allow_redirects, max_redirects=max_redirects,
                         raise_for_status=raise_for_status),
        session)
