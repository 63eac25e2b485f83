"""aiohttp.client: ClientSession over asyncio.open_connection.

A session keeps idle keep-alive connections per (host, port) and reuses
them; a response returns its connection to the pool once its body has been
read completely (read() reads it at once: bodies are small here).
"""

import asyncio
import json as _json
from urllib.parse import urlsplit, urlencode

from requests.structures import CaseInsensitiveDict


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    def __init__(self, host, port, os_error):
        self._host = host
        self._port = port
        self._os_error = os_error
        OSError.__init__(self, os_error.errno, os_error.strerror)

    def __str__(self):
        return (f'Cannot connect to host {self._host}:{self._port} ssl:default '
                f'[{self._os_error.strerror}]')


class ServerDisconnectedError(ClientConnectionError):
    def __init__(self, message='Server disconnected'):
        super().__init__(message)
        self.message = message


class ClientPayloadError(ClientError):
    pass


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, status=None, message='', headers=None):
        self.request_info = request_info
        self.history = history
        self.status = status
        self.message = message
        self.headers = headers
        super().__init__(request_info)

    def __str__(self):
        return f"{self.status}, message={self.message!r}, url={self.request_info!r}"


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect


class _Conn:
    def __init__(self, key, reader, writer):
        self.key = key
        self.reader = reader
        self.writer = writer

    def close(self):
        try:
            self.writer.close()
        except Exception:
            pass


class ClientResponse:
    def __init__(self, method, url, session, conn):
        self.method = method
        self.url = url
        self._session = session
        self._conn = conn
        self.status = None
        self.reason = None
        self.version = None
        self.headers = CaseInsensitiveDict()
        self._body = None
        self._keep = True
        self.history = ()

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>\n{self.headers!r}\n"

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        return self.headers.get('Content-Type', 'application/octet-stream').split(';')[0].strip()

    @property
    def charset(self):
        for p in self.headers.get('Content-Type', '').split(';')[1:]:
            k, _, v = p.strip().partition('=')
            if k.lower() == 'charset':
                return v.strip('"\'')
        return None

    async def _start(self):
        reader = self._conn.reader
        line = await reader.readline()
        if not line:
            raise ServerDisconnectedError()
        parts = line.decode('latin-1').rstrip('\r\n').split(' ', 2)
        if len(parts) < 2 or not parts[0].startswith('HTTP/') or not parts[1].isdigit():
            raise ClientResponseError(self.url, (), status=400, message=f'Invalid status line {line!r}')
        self.version = parts[0]
        self.status = int(parts[1])
        self.reason = parts[2] if len(parts) > 2 else ''
        while True:
            h = await reader.readline()
            if h in (b'\r\n', b'\n', b''):
                break
            k, _, v = h.decode('latin-1').partition(':')
            self.headers[k.strip()] = v.strip()
        conn_hdr = self.headers.get('Connection', '').lower()
        self._keep = self.version == 'HTTP/1.1' and 'close' not in conn_hdr

    async def read(self):
        if self._body is None:
            reader = self._conn.reader
            if self.method == 'HEAD' or self.status in (204, 304):
                body = b''
            elif 'chunked' in self.headers.get('Transfer-Encoding', '').lower():
                chunks = []
                while True:
                    size = int((await reader.readline()).split(b';')[0].strip() or b'0', 16)
                    if size == 0:
                        while (await reader.readline()) not in (b'\r\n', b'\n', b''):
                            pass
                        break
                    chunks.append(await reader.readexactly(size))
                    await reader.readexactly(2)
                body = b''.join(chunks)
            elif 'Content-Length' in self.headers:
                try:
                    body = await reader.readexactly(int(self.headers['Content-Length']))
                except asyncio.IncompleteReadError:
                    raise ClientPayloadError('Response payload is not completed')
            else:
                body = await reader.read()
                self._keep = False
            self._body = body
            self.release()
        return self._body

    async def text(self, encoding=None, errors='strict'):
        body = await self.read()
        return body.decode(encoding or self.charset or 'utf-8', errors)

    async def json(self, *, encoding=None, loads=_json.loads, content_type='application/json'):
        body = await self.read()
        if content_type and content_type not in self.content_type:
            raise ClientResponseError(self.url, (), status=self.status,
                                      message=f'Attempt to decode JSON with unexpected mimetype: {self.content_type}')
        text = body.decode(encoding or self.charset or 'utf-8').strip()
        if not text:
            return None
        return loads(text)

    def release(self):
        conn = self._conn
        if conn is None or conn is _Released:
            return
        if self._body is not None and self._keep and self._session is not None and not self._session.closed:
            self._session._put(conn)
        else:
            conn.close()
        self._conn = _Released

    def close(self):
        if self._conn is not None and self._conn is not _Released:
            self._conn.close()
        self._conn = _Released

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.url, self.history, status=self.status, message=self.reason,
                                      headers=self.headers)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        if self._body is None:
            self.close()
        else:
            self.release()


class _ReleasedConn:
    reader = None

    def close(self):
        pass


_Released = _ReleasedConn()


class _RequestContext:
    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, *args):
        await self._resp.__aexit__(*args)


class ClientSession:
    def __init__(self, base_url=None, *, headers=None, timeout=None, raise_for_status=False, **kwargs):
        self._base_url = base_url
        self._headers = dict(headers or {})
        self._timeout = timeout
        self._raise = raise_for_status
        self._pool = {}
        self._closed = False

    @property
    def closed(self):
        return self._closed

    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        await self.close()

    async def close(self):
        if not self._closed:
            self._closed = True
            for conns in self._pool.values():
                for c in conns:
                    c.close()
            self._pool = {}

    def _put(self, conn):
        self._pool.setdefault(conn.key, []).append(conn)

    async def _connect(self, host, port):
        conns = self._pool.get((host, port))
        while conns:
            c = conns.pop()
            if not c.reader.at_eof():
                return c, True
            c.close()
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError as e:
            raise ClientConnectorError(host, port, e) from e
        return _Conn((host, port), reader, writer), False

    def request(self, method, url, **kwargs):
        return _RequestContext(self._request(method, url, **kwargs))

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def post(self, url, **kwargs):
        return self.request('POST', url, **kwargs)

    def put(self, url, **kwargs):
        return self.request('PUT', url, **kwargs)

    def patch(self, url, **kwargs):
        return self.request('PATCH', url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def head(self, url, **kwargs):
        return self.request('HEAD', url, **kwargs)

    def options(self, url, **kwargs):
        return self.request('OPTIONS', url, **kwargs)

    async def _request(self, method, url, *, params=None, data=None, json=None, headers=None,
                       timeout=None, allow_redirects=True, raise_for_status=None, **kwargs):
        if self._closed:
            raise RuntimeError('Session is closed')
        url = str(url)
        if self._base_url:
            url = self._base_url.rstrip('/') + '/' + url.lstrip('/')
        parts = urlsplit(url)
        if parts.scheme == 'https':
            raise ClientConnectionError('TLS is not supported by this interpreter (no ssl module): ' + url)
        if parts.scheme != 'http':
            raise ValueError(f'URL should be absolute: {url}' if not parts.scheme else f'Unsupported scheme: {url}')
        host = parts.hostname
        port = parts.port or 80
        path = parts.path or '/'
        query = parts.query
        if params:
            extra = urlencode(params)
            query = f'{query}&{extra}' if query else extra
        if query:
            path += '?' + query
        hdrs = CaseInsensitiveDict({'Host': parts.netloc, 'Accept': '*/*',
                                    'Accept-Encoding': 'identity',
                                    'User-Agent': 'Python/3.11 aiohttp/3.8.4'})
        hdrs.update(self._headers)
        if headers:
            hdrs.update(headers)
        body = b''
        if json is not None:
            body = _json.dumps(json).encode('utf-8')
            hdrs.setdefault('Content-Type', 'application/json')
        elif isinstance(data, dict):
            body = urlencode(data).encode('ascii')
            hdrs.setdefault('Content-Type', 'application/x-www-form-urlencoded')
        elif isinstance(data, str):
            body = data.encode('utf-8')
            hdrs.setdefault('Content-Type', 'text/plain; charset=utf-8')
        elif data is not None:
            body = bytes(data)
            hdrs.setdefault('Content-Type', 'application/octet-stream')
        if body or method not in ('GET', 'HEAD', 'OPTIONS'):
            hdrs['Content-Length'] = str(len(body))
        head = f'{method} {path} HTTP/1.1\r\n' + ''.join(f'{k}: {v}\r\n' for k, v in hdrs.items()) + '\r\n'
        for attempt in (0, 1):
            conn, reused = await self._connect(host, port)
            resp = ClientResponse(method, url, self, conn)
            try:
                conn.writer.write(head.encode('latin-1') + body)
                await conn.writer.drain()
                await resp._start()
                break
            except (ServerDisconnectedError, ConnectionError):
                conn.close()
                if not reused or attempt:
                    raise ServerDisconnectedError()
        if (raise_for_status if raise_for_status is not None else self._raise):
            resp.raise_for_status()
        if allow_redirects and resp.status in (301, 302, 303, 307, 308) and 'Location' in resp.headers:
            await resp.read()
            from urllib.parse import urljoin
            new_method = 'GET' if resp.status == 303 or (resp.status in (301, 302) and method == 'POST') else method
            nxt = await self._request(new_method, urljoin(url, resp.headers['Location']), headers=headers,
                                      allow_redirects=True)
            nxt.history = (resp,)
            return nxt
        return resp


def request(method, url, **kwargs):
    async def run():
        async with ClientSession() as s:
            resp = await s._request(method, url, **kwargs)
            await resp.read()
            return resp
    return _RequestContext(run())
