"""requests.adapters: HTTP/1.1 over socket, with keep-alive connections
pooled per (host, port).

A connection goes back to its pool only after its response body was read
completely (Content-Length or chunked) and neither side said
"Connection: close".  A reused connection that turns out to be closed by
the server is retried once on a fresh one.
"""

import socket
import time
try:
    from datetime import timedelta as _timedelta
except ImportError:
    _timedelta = None

from .exceptions import (ConnectionError, ConnectTimeout, ReadTimeout,
                         InvalidSchema, SSLError, ChunkedEncodingError)
from .models import Response
from .structures import CaseInsensitiveDict
from urllib.parse import urlsplit


class _Elapsed:
    """A minimal datetime.timedelta stand-in for Response.elapsed."""

    def __init__(self, seconds):
        self._s = seconds

    def total_seconds(self):
        return self._s

    @property
    def seconds(self):
        return int(self._s)

    @property
    def microseconds(self):
        return int((self._s - int(self._s)) * 1e6)

    def __repr__(self):
        return f'datetime.timedelta(microseconds={int(self._s * 1e6)})'


if _timedelta is None:
    _timedelta = lambda seconds: _Elapsed(seconds)


class _BadResponse(Exception):
    pass


class _Stale(Exception):
    """A pooled connection was closed by the server before answering."""


class HTTPConnection:
    def __init__(self, host, port, timeout):
        self.host = host
        self.port = port
        self.sock = None
        self.buf = b''
        self.connect_timeout = timeout

    def __repr__(self):
        return f'<urllib3.connection.HTTPConnection object at {hex(id(self))}>'

    def connect(self):
        self.sock = socket.create_connection((self.host, self.port), self.connect_timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def close(self):
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
            self.sock = None
        self.buf = b''

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            return False
        self.buf += data
        return True

    def readline(self):
        while True:
            i = self.buf.find(b'\n')
            if i >= 0:
                line, self.buf = self.buf[:i + 1], self.buf[i + 1:]
                return line
            if len(self.buf) > 65536:
                raise _BadResponse('got more than 65536 bytes when reading header line')
            if not self._fill():
                line, self.buf = self.buf, b''
                return line

    def read_exact(self, n):
        while len(self.buf) < n:
            if not self._fill():
                raise _BadResponse(f'IncompleteRead({len(self.buf)} bytes read, {n - len(self.buf)} more expected)')
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def read_all(self):
        while self._fill():
            pass
        data, self.buf = self.buf, b''
        return data


def _timeouts(timeout):
    if isinstance(timeout, tuple):
        if len(timeout) != 2:
            raise ValueError(f"Invalid timeout {timeout}. Pass a (connect, read) timeout tuple, "
                             f"or a single float to set both timeouts to the same value.")
        return timeout
    return timeout, timeout


class HTTPAdapter:
    def __init__(self, pool_connections=10, pool_maxsize=10, max_retries=0, pool_block=False):
        self.pools = {}
        self.max_retries = max_retries

    def close(self):
        for conns in self.pools.values():
            for c in conns:
                c.close()
        self.pools = {}

    def _get_conn(self, host, port, connect_timeout):
        conns = self.pools.get((host, port))
        if conns:
            return conns.pop(), True
        return HTTPConnection(host, port, connect_timeout), False

    def _put_conn(self, conn):
        self.pools.setdefault((conn.host, conn.port), []).append(conn)

    def send(self, request, timeout=None, **kwargs):
        parts = urlsplit(request.url)
        scheme = parts.scheme.lower()
        if scheme == 'https':
            raise SSLError(f"HTTPSConnectionPool(host={parts.hostname!r}, port={parts.port or 443}): "
                           f"TLS is not supported by this interpreter (no ssl module): cannot fetch {request.url}",
                           request=request)
        if scheme != 'http':
            raise InvalidSchema(f"No connection adapters were found for {request.url!r}")
        host = parts.hostname
        port = parts.port or 80
        path = parts.path or '/'
        if parts.query:
            path += '?' + parts.query
        connect_timeout, read_timeout = _timeouts(timeout)
        start = time.perf_counter()
        conn, reused = self._get_conn(host, port, connect_timeout)
        try:
            return self._send_on(conn, reused, request, host, port, path, parts, read_timeout, start)
        except _Stale:
            conn.close()
            conn = HTTPConnection(host, port, connect_timeout)
            return self._send_on(conn, False, request, host, port, path, parts, read_timeout, start)

    def _send_on(self, conn, reused, request, host, port, path, parts, read_timeout, start):
        pool = f'HTTPConnectionPool(host={host!r}, port={port})'
        if conn.sock is None:
            try:
                conn.connect()
            except socket.timeout:
                raise ConnectTimeout(
                    f"{pool}: Max retries exceeded with url: {path} (Caused by ConnectTimeoutError({conn!r}, "
                    f"'Connection to {host} timed out. (connect timeout={conn.connect_timeout})'))",
                    request=request)
            except socket.gaierror as e:
                raise ConnectionError(
                    f"{pool}: Max retries exceeded with url: {path} (Caused by NameResolutionError("
                    f"\"{conn!r}: Failed to resolve '{host}' ({e})\"))", request=request)
            except OSError as e:
                raise ConnectionError(
                    f"{pool}: Max retries exceeded with url: {path} (Caused by NewConnectionError("
                    f"'{conn!r}: Failed to establish a new connection: {e}'))", request=request)
        conn.sock.settimeout(read_timeout)
        host_header = parts.netloc.rpartition('@')[2]
        lines = [f'{request.method} {path} HTTP/1.1']
        if 'host' not in request.headers:
            lines.append(f'Host: {host_header}')
        for k, v in request.headers.items():
            lines.append(f'{k}: {v}')
        head = ('\r\n'.join(lines) + '\r\n\r\n').encode('latin-1')
        body = request.body
        try:
            conn.sock.sendall(head + body if body else head)
            status_line = conn.readline()
            if not status_line and reused:
                raise _Stale()
            resp = self._read_response(conn, request, status_line)
        except _Stale:
            raise
        except socket.timeout:
            conn.close()
            raise ReadTimeout(f"{pool}: Read timed out. (read timeout={read_timeout})", request=request)
        except _BadResponse as e:
            conn.close()
            raise ConnectionError(f"('Connection aborted.', {e})", request=request)
        except (ConnectionResetError, BrokenPipeError) as e:
            conn.close()
            if reused:
                raise _Stale()
            raise ConnectionError(f"('Connection aborted.', {e.__class__.__name__}({e.errno}, {e.strerror!r}))",
                                  request=request)
        resp.elapsed = _timedelta(seconds=time.perf_counter() - start)
        resp.url = request.url
        resp.request = request
        return resp

    def _read_response(self, conn, request, status_line):
        if not status_line:
            raise _BadResponse("RemoteDisconnected('Remote end closed connection without response')")
        try:
            line = status_line.decode('iso-8859-1').rstrip('\r\n')
            version, _, rest = line.partition(' ')
            code, _, reason = rest.partition(' ')
            if not version.startswith('HTTP/') or len(code) != 3 or not code.isdigit():
                raise ValueError
            status = int(code)
        except ValueError:
            raise _BadResponse(f"BadStatusLine({status_line.decode('iso-8859-1').rstrip()!r})")
        headers = CaseInsensitiveDict()
        while True:
            h = conn.readline()
            if h in (b'\r\n', b'\n', b''):
                break
            h = h.decode('iso-8859-1').rstrip('\r\n')
            k, sep, v = h.partition(':')
            if not sep:
                continue
            k = k.strip()
            v = v.strip()
            if k in headers:
                headers[k] = headers[k] + ', ' + v
            else:
                headers[k] = v
        keep = version == 'HTTP/1.1'
        conn_hdr = headers.get('connection', '').lower()
        if 'close' in conn_hdr:
            keep = False
        elif 'keep-alive' in conn_hdr:
            keep = True
        if request.method == 'HEAD' or status in (204, 304) or 100 <= status < 200:
            content = b''
        elif 'chunked' in headers.get('transfer-encoding', '').lower():
            content = self._read_chunked(conn)
        elif 'content-length' in headers:
            try:
                n = int(headers['content-length'])
            except ValueError:
                raise _BadResponse(f"InvalidHeader('Invalid Content-Length')")
            content = conn.read_exact(n)
        else:
            content = conn.read_all()
            keep = False
        if keep:
            self._put_conn(conn)
        else:
            conn.close()
        from .models import _get_encoding_from_headers
        r = Response()
        r.status_code = status
        r.reason = reason
        r.headers = headers
        r._content = content
        r._content_consumed = True
        r.encoding = _get_encoding_from_headers(headers)
        return r

    def _read_chunked(self, conn):
        out = []
        while True:
            line = conn.readline()
            if not line:
                raise _BadResponse("IncompleteRead(0 bytes read)")
            size_s = line.split(b';', 1)[0].strip()
            try:
                size = int(size_s.decode('ascii'), 16)
            except ValueError:
                raise _BadResponse(f"InvalidChunkLength(got length b{size_s.decode('latin-1')!r}, 0 bytes read)")
            if size == 0:
                while True:
                    t = conn.readline()
                    if t in (b'\r\n', b'\n', b''):
                        break
                break
            out.append(conn.read_exact(size))
            conn.read_exact(2)
        return b''.join(out)
