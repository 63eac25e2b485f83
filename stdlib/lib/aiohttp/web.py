"""aiohttp.web: Application, RouteTableDef, Request/Response and run_app,
an HTTP/1.1 keep-alive server on asyncio.start_server."""

import asyncio
import json as _json
import sys
from urllib.parse import urlsplit, parse_qsl, unquote

from requests.structures import CaseInsensitiveDict

_REASONS = {200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently',
            302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized',
            403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
            500: 'Internal Server Error'}


class Response:
    def __init__(self, *, body=None, status=200, reason=None, text=None, headers=None,
                 content_type=None, charset=None):
        self.status = status
        self.reason = reason or _REASONS.get(status, '')
        self.headers = CaseInsensitiveDict(headers or {})
        if text is not None:
            if body is not None:
                raise ValueError('body and text are not allowed together')
            charset = charset or 'utf-8'
            body = text.encode(charset)
            if content_type is None and 'Content-Type' not in self.headers:
                content_type = 'text/plain'
        if content_type is not None:
            ct = content_type
            if charset is not None:
                ct += '; charset=' + charset
            self.headers['Content-Type'] = ct
        elif body is not None and 'Content-Type' not in self.headers:
            self.headers['Content-Type'] = 'application/octet-stream'
        if isinstance(body, str):
            body = body.encode('utf-8')
        self.body = body if body is not None else b''

    @property
    def text(self):
        return self.body.decode('utf-8')

    @property
    def content_type(self):
        return self.headers.get('Content-Type', 'application/octet-stream').split(';')[0]

    def __repr__(self):
        return f'<Response {self.reason} not prepared>'


def json_response(data=None, *, text=None, body=None, status=200, reason=None, headers=None,
                  content_type='application/json', dumps=_json.dumps):
    if data is not None:
        text = dumps(data)
    return Response(text=text, body=body, status=status, reason=reason, headers=headers,
                    content_type=content_type)


class HTTPException(Response, Exception):
    status_code = 500

    def __init__(self, *, headers=None, reason=None, text=None, content_type=None):
        reason = reason or _REASONS.get(self.status_code, '')
        if text is None:
            text = f'{self.status_code}: {reason}'
        Response.__init__(self, status=self.status_code, reason=reason, text=text, headers=headers,
                          content_type=content_type)
        Exception.__init__(self, reason)


def _http_exc(name, code):
    cls = type(name, (HTTPException,), {'status_code': code})
    return cls


HTTPOk = _http_exc('HTTPOk', 200)
HTTPBadRequest = _http_exc('HTTPBadRequest', 400)
HTTPUnauthorized = _http_exc('HTTPUnauthorized', 401)
HTTPForbidden = _http_exc('HTTPForbidden', 403)
HTTPNotFound = _http_exc('HTTPNotFound', 404)
HTTPMethodNotAllowed = _http_exc('HTTPMethodNotAllowed', 405)
HTTPInternalServerError = _http_exc('HTTPInternalServerError', 500)


class Request:
    def __init__(self, app, method, target, version, headers, body):
        self.app = app
        self.method = method
        self.version = version
        self.headers = headers
        self._body = body
        parts = urlsplit(target)
        self.path = unquote(parts.path)
        self.raw_path = target
        self.query_string = parts.query
        self.query = dict(parse_qsl(parts.query, keep_blank_values=True))
        self.rel_url = target
        self.match_info = {}

    @property
    def host(self):
        return self.headers.get('Host')

    @property
    def content_type(self):
        return self.headers.get('Content-Type', 'application/octet-stream').split(';')[0].strip()

    @property
    def can_read_body(self):
        return bool(self._body)

    @property
    def body_exists(self):
        return bool(self._body)

    async def read(self):
        return self._body

    async def text(self):
        return self._body.decode('utf-8')

    async def json(self, *, loads=_json.loads):
        return loads(self._body.decode('utf-8'))

    async def post(self):
        return dict(parse_qsl(self._body.decode('utf-8'), keep_blank_values=True))

    def __getitem__(self, key):
        return self.app[key]

    def __repr__(self):
        return f'<Request {self.method} {self.path} >'


class RouteDef:
    def __init__(self, method, path, handler, kwargs):
        self.method = method
        self.path = path
        self.handler = handler
        self.kwargs = kwargs

    def __repr__(self):
        return f'<RouteDef {self.method} {self.path} -> {self.handler.__name__!r}>'


class RouteTableDef:
    def __init__(self):
        self._items = []

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def route(self, method, path, **kwargs):
        def inner(handler):
            self._items.append(RouteDef(method, path, handler, kwargs))
            return handler
        return inner

    def get(self, path, **kwargs):
        return self.route('GET', path, **kwargs)

    def post(self, path, **kwargs):
        return self.route('POST', path, **kwargs)

    def put(self, path, **kwargs):
        return self.route('PUT', path, **kwargs)

    def patch(self, path, **kwargs):
        return self.route('PATCH', path, **kwargs)

    def delete(self, path, **kwargs):
        return self.route('DELETE', path, **kwargs)

    def head(self, path, **kwargs):
        return self.route('HEAD', path, **kwargs)

    def view(self, path, **kwargs):
        return self.route('*', path, **kwargs)


def get(path, handler, **kwargs):
    return RouteDef('GET', path, handler, kwargs)


def post(path, handler, **kwargs):
    return RouteDef('POST', path, handler, kwargs)


def put(path, handler, **kwargs):
    return RouteDef('PUT', path, handler, kwargs)


def delete(path, handler, **kwargs):
    return RouteDef('DELETE', path, handler, kwargs)


def patch(path, handler, **kwargs):
    return RouteDef('PATCH', path, handler, kwargs)


def route(method, path, handler, **kwargs):
    return RouteDef(method, path, handler, kwargs)


def _match(pattern, path):
    """'/users/{id}' against '/users/7' -> {'id': '7'} or None."""
    ps = pattern.strip('/').split('/')
    xs = path.strip('/').split('/')
    if len(ps) != len(xs):
        return None
    info = {}
    for p, x in zip(ps, xs):
        if p.startswith('{') and p.endswith('}'):
            if not x:
                return None
            info[p[1:-1].split(':')[0]] = x
        elif p != x:
            return None
    return info


class _Router:
    def __init__(self):
        self._routes = []

    def add_route(self, method, path, handler, **kwargs):
        self._routes.append((method.upper(), path, handler))

    def add_get(self, path, handler, **kwargs):
        self.add_route('GET', path, handler)
        if kwargs.get('allow_head', True):
            self.add_route('HEAD', path, handler)

    def add_post(self, path, handler, **kwargs):
        self.add_route('POST', path, handler)

    def add_put(self, path, handler, **kwargs):
        self.add_route('PUT', path, handler)

    def add_delete(self, path, handler, **kwargs):
        self.add_route('DELETE', path, handler)

    def add_patch(self, path, handler, **kwargs):
        self.add_route('PATCH', path, handler)

    def resolve(self, method, path):
        allowed = False
        for m, p, h in self._routes:
            info = _match(p, path)
            if info is None:
                continue
            allowed = True
            if m == method or m == '*':
                return h, info
        return (405 if allowed else 404), None


class Application:
    def __init__(self, *, middlewares=(), **kwargs):
        self.router = _Router()
        self._state = {}
        self.on_startup = []
        self.on_shutdown = []
        self.on_cleanup = []
        self.middlewares = list(middlewares)

    def __getitem__(self, key):
        return self._state[key]

    def __setitem__(self, key, value):
        self._state[key] = value

    def __contains__(self, key):
        return key in self._state

    def get(self, key, default=None):
        return self._state.get(key, default)

    def add_routes(self, routes):
        for r in routes:
            if r.method == 'GET':
                self.router.add_get(r.path, r.handler, **r.kwargs)
            else:
                self.router.add_route(r.method, r.path, r.handler)
        return list(routes)

    async def _handle(self, request):
        handler, info = self.router.resolve(request.method, request.path)
        if handler == 404:
            return HTTPNotFound()
        if handler == 405:
            return HTTPMethodNotAllowed()
        request.match_info = info
        try:
            resp = await handler(request)
        except HTTPException as e:
            return e
        return resp

    async def _serve_conn(self, reader, writer):
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                parts = line.decode('latin-1').rstrip('\r\n').split(' ')
                if len(parts) != 3:
                    writer.write(b'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
                    break
                method, target, version = parts
                headers = CaseInsensitiveDict()
                while True:
                    h = await reader.readline()
                    if h in (b'\r\n', b'\n', b''):
                        break
                    k, _, v = h.decode('latin-1').partition(':')
                    headers[k.strip()] = v.strip()
                n = int(headers.get('Content-Length', '0') or 0)
                body = await reader.readexactly(n) if n else b''
                request = Request(self, method, target, version, headers, body)
                try:
                    resp = await self._handle(request)
                except Exception:
                    import traceback
                    sys.stderr.write('Error handling request\n')
                    traceback.print_exc()
                    resp = Response(status=500, text='500 Internal Server Error\n\nServer got itself in trouble',
                                    content_type='text/plain')
                keep = version == 'HTTP/1.1' and headers.get('Connection', '').lower() != 'close'
                out = [f'HTTP/1.1 {resp.status} {resp.reason}']
                hdrs = CaseInsensitiveDict(resp.headers)
                hdrs['Content-Length'] = str(len(resp.body))
                hdrs.setdefault('Server', 'Python/3.11 aiohttp/3.8.4')
                if not keep:
                    hdrs['Connection'] = 'close'
                for k, v in hdrs.items():
                    out.append(f'{k}: {v}')
                data = ('\r\n'.join(out) + '\r\n\r\n').encode('latin-1')
                if method != 'HEAD':
                    data += resp.body
                writer.write(data)
                await writer.drain()
                if not keep:
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass


class AppRunner:
    def __init__(self, app, **kwargs):
        self.app = app
        self._sites = []

    async def setup(self):
        for cb in self.app.on_startup:
            await cb(self.app)

    async def cleanup(self):
        for site in self._sites:
            await site.stop()
        for cb in self.app.on_shutdown + self.app.on_cleanup:
            await cb(self.app)


class TCPSite:
    def __init__(self, runner, host=None, port=None, **kwargs):
        self._runner = runner
        self._host = host or '0.0.0.0'
        self._port = 8080 if port is None else port
        self._server = None
        runner._sites.append(self)

    @property
    def name(self):
        return f'http://{self._host}:{self._port}'

    async def start(self):
        self._server = await asyncio.start_server(self._runner.app._serve_conn, self._host, self._port)
        if self._port == 0:
            self._port = self._server.sockets[0].getsockname()[1]

    async def stop(self):
        if self._server is not None:
            self._server.close()
            self._server = None


async def _run_app(app, *, host=None, port=None, print=print, **kwargs):
    if asyncio.iscoroutine(app):
        app = await app
    runner = AppRunner(app)
    await runner.setup()
    site = TCPSite(runner, host, port)
    try:
        await site.start()
        if print is not None:
            print(f'======== Running on {site.name} ========\n(Press CTRL+C to quit)')
        while True:
            await asyncio.sleep(3600)
    finally:
        await runner.cleanup()


def run_app(app, *, host=None, port=None, print=print, **kwargs):
    try:
        asyncio.run(_run_app(app, host=host, port=port, print=print))
    except (KeyboardInterrupt, asyncio.CancelledError):
        pass
