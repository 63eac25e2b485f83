"""aiohttp.web: Application, routing, Request/Response, HTTP exceptions,
AppRunner/TCPSite and run_app, an HTTP/1.1 keep-alive server on
asyncio.start_server.

A request body is read whole before the handler runs.  Route patterns are
'{name}' (one path segment) and '{name:RE}' where RE is one character class
('\\d', '\\w', '.', or '[...]') repeated with '+' or '*', matched without
the re module; anything else is rejected when the route is added.
"""

import asyncio
import json as _json
import logging
import sys
import time
from urllib.parse import parse_qsl, unquote, quote

from ._multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy
from ._url import URL
from .client import HttpVersion, HttpVersion10, HttpVersion11, _Content

server_logger = logging.getLogger('aiohttp.server')
access_logger = logging.getLogger('aiohttp.access')
web_logger = logging.getLogger('aiohttp.web')

_SERVER_SOFTWARE = 'Python/3.11 aiohttp/3.8.4'

_REASONS = {
    100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
    200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
    204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
    208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices',
    301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
    305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
    400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
    404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
    407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict',
    410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
    413: 'Request Entity Too Large', 414: 'Request-URI Too Long',
    415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
    417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request',
    422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency',
    425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
    429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
    451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error',
    501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
    504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
    506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
    510: 'Not Extended', 511: 'Network Authentication Required',
}


def _http_date():
    return time.strftime('%a, %d %b %Y %H:%M:%S GMT', time.gmtime())


# -- responses -----------------------------------------------------------------

class StreamResponse:
    def __init__(self, *, status=200, reason=None, headers=None):
        self._body = None
        self._keep_alive = None
        self._headers = CIMultiDict(headers) if headers is not None else CIMultiDict()
        self.set_status(status, reason)

    def set_status(self, status, reason=None):
        status = int(status)
        if reason is None:
            reason = _REASONS.get(status, '')
        elif '\n' in reason:
            raise ValueError('Reason cannot contain \\n')
        self._status = status
        self._reason = reason

    @property
    def status(self):
        return self._status

    @property
    def reason(self):
        return self._reason

    @property
    def headers(self):
        return self._headers

    @property
    def prepared(self):
        return False

    @property
    def keep_alive(self):
        return self._keep_alive

    def force_close(self):
        self._keep_alive = False

    def _ctype_params(self):
        raw = self._headers.get('Content-Type', 'application/octet-stream')
        mime, *params = raw.split(';')
        return mime.strip(), params

    @property
    def content_type(self):
        return self._ctype_params()[0]

    @content_type.setter
    def content_type(self, value):
        charset = self.charset
        self._headers['Content-Type'] = str(value) + (f'; charset={charset}' if charset else '')

    @property
    def charset(self):
        for p in self._ctype_params()[1]:
            k, _, v = p.strip().partition('=')
            if k.strip().lower() == 'charset':
                return v.strip().strip('"').lower()
        return None

    @charset.setter
    def charset(self, value):
        mime = self.content_type
        if mime == 'application/octet-stream':
            raise RuntimeError("Setting charset for application/octet-stream "
                               "doesn't make sense, setup content_type first")
        self._headers['Content-Type'] = mime + (f'; charset={value.lower()}' if value else '')

    @property
    def content_length(self):
        v = self._headers.get('Content-Length')
        return int(v) if v is not None else None

    def set_cookie(self, name, value, *, expires=None, domain=None, max_age=None, path='/',
                   secure=None, httponly=None, samesite=None):
        parts = [f'{name}={value}']
        if domain is not None:
            parts.append(f'Domain={domain}')
        if expires is not None:
            parts.append(f'expires={expires}')
        if httponly:
            parts.append('HttpOnly')
        if max_age is not None:
            parts.append(f'Max-Age={max_age}')
        if path is not None:
            parts.append(f'Path={path}')
        if samesite is not None:
            parts.append(f'SameSite={samesite}')
        if secure:
            parts.append('secure')
        self._headers.add('Set-Cookie', '; '.join(parts))

    def __repr__(self):
        return f'<{type(self).__name__} {self.reason} not prepared>'

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)


class Response(StreamResponse):
    def __init__(self, *, body=None, status=200, reason=None, text=None, headers=None,
                 content_type=None, charset=None):
        if body is not None and text is not None:
            raise ValueError('body and text are not allowed together')
        real_headers = CIMultiDict(headers) if headers is not None else CIMultiDict()
        if content_type is not None and 'charset' in content_type:
            raise ValueError('charset must not be in content_type argument')
        if text is not None:
            if 'Content-Type' in real_headers:
                if content_type or charset:
                    raise ValueError('passing both Content-Type header and content_type '
                                     'or charset params is forbidden')
            else:
                if not isinstance(text, str):
                    raise TypeError('text argument must be str (%r)' % type(text))
                real_headers['Content-Type'] = (content_type or 'text/plain') + \
                    '; charset=' + (charset or 'utf-8')
                body = text.encode(charset or 'utf-8')
                text = None
        elif 'Content-Type' in real_headers:
            if content_type is not None or charset is not None:
                raise ValueError('passing both Content-Type header and content_type '
                                 'or charset params is forbidden')
        elif content_type is not None:
            real_headers['Content-Type'] = content_type + \
                ('; charset=' + charset if charset is not None else '')
        super().__init__(status=status, reason=reason, headers=real_headers)
        if text is not None:
            self.text = text
        else:
            self.body = body

    @property
    def body(self):
        return self._body

    @body.setter
    def body(self, body):
        if body is None or isinstance(body, (bytes, bytearray)):
            self._body = body
        elif isinstance(body, str):
            if 'Content-Type' not in self._headers:
                self._headers['Content-Type'] = 'text/plain; charset=utf-8'
            self._body = body.encode(self.charset or 'utf-8')
        else:
            raise ValueError('Unsupported body type %r' % type(body))

    @property
    def text(self):
        if self._body is None:
            return None
        return self._body.decode(self.charset or 'utf-8')

    @text.setter
    def text(self, text):
        if self.content_type == 'application/octet-stream':
            self._headers['Content-Type'] = 'text/plain'
        if self.charset is None:
            self.charset = 'utf-8'
        self._body = text.encode(self.charset)

    @property
    def content_length(self):
        if 'Content-Length' in self._headers:
            return super().content_length
        return len(self._body) if self._body is not None else 0


def json_response(data=None, *, text=None, body=None, status=200, reason=None, headers=None,
                  content_type='application/json', dumps=_json.dumps):
    if data is not None:
        if text or body:
            raise ValueError('only one of data, text, or body should be specified')
        text = dumps(data)
    return Response(text=text, body=body, status=status, reason=reason, headers=headers,
                    content_type=content_type)


# -- HTTP exceptions (aiohttp.web_exceptions) ----------------------------------

class HTTPException(Response, Exception):
    status_code = -1
    empty_body = False
    __http_exception__ = True

    def __init__(self, *, headers=None, reason=None, body=None, text=None, content_type=None):
        if reason is not None and ('\r' in reason or '\n' in reason):
            raise ValueError('Reason cannot contain \\r or \\n')
        Response.__init__(self, status=self.status_code, headers=headers, reason=reason,
                          body=body, text=text, content_type=content_type)
        Exception.__init__(self, self.reason)
        if self.body is None and not self.empty_body:
            self.text = f'{self.status}: {self.reason}'

    def __bool__(self):
        return True

    __str__ = Exception.__str__

    def __repr__(self):
        return Response.__repr__(self)


class HTTPError(HTTPException):
    pass


class HTTPRedirection(HTTPException):
    pass


class HTTPSuccessful(HTTPException):
    pass


class HTTPClientError(HTTPError):
    pass


class HTTPServerError(HTTPError):
    pass


class _HTTPMove(HTTPRedirection):
    def __init__(self, location, *, headers=None, reason=None, body=None, text=None,
                 content_type=None):
        if not location:
            raise ValueError('HTTP redirects need a location to redirect to.')
        super().__init__(headers=headers, reason=reason, body=body, text=text,
                         content_type=content_type)
        self.headers['Location'] = str(URL(location))
        self.location = location


class HTTPMethodNotAllowed(HTTPClientError):
    status_code = 405

    def __init__(self, method, allowed_methods, *, headers=None, reason=None, body=None,
                 text=None, content_type=None):
        allow = ','.join(sorted(allowed_methods))
        super().__init__(headers=headers, reason=reason, body=body, text=text,
                         content_type=content_type)
        self.headers['Allow'] = allow
        self.allowed_methods = set(allowed_methods)
        self.method = method.upper()


class HTTPRequestEntityTooLarge(HTTPClientError):
    status_code = 413

    def __init__(self, max_size, actual_size, **kwargs):
        kwargs.setdefault('text', 'Maximum request body size {} exceeded, '
                                  'actual body size {}'.format(max_size, actual_size))
        super().__init__(**kwargs)


def _define(name, base, code, empty_body=False):
    cls = type(name, (base,), {'status_code': code, '__module__': __name__})
    if empty_body:
        cls.empty_body = True
    globals()[name] = cls


for _name, _base, _code in [
        ('HTTPOk', HTTPSuccessful, 200), ('HTTPCreated', HTTPSuccessful, 201),
        ('HTTPAccepted', HTTPSuccessful, 202),
        ('HTTPNonAuthoritativeInformation', HTTPSuccessful, 203),
        ('HTTPNoContent', HTTPSuccessful, 204), ('HTTPResetContent', HTTPSuccessful, 205),
        ('HTTPPartialContent', HTTPSuccessful, 206),
        ('HTTPMultipleChoices', _HTTPMove, 300), ('HTTPMovedPermanently', _HTTPMove, 301),
        ('HTTPFound', _HTTPMove, 302), ('HTTPSeeOther', _HTTPMove, 303),
        ('HTTPNotModified', HTTPRedirection, 304), ('HTTPUseProxy', _HTTPMove, 305),
        ('HTTPTemporaryRedirect', _HTTPMove, 307), ('HTTPPermanentRedirect', _HTTPMove, 308),
        ('HTTPBadRequest', HTTPClientError, 400), ('HTTPUnauthorized', HTTPClientError, 401),
        ('HTTPPaymentRequired', HTTPClientError, 402), ('HTTPForbidden', HTTPClientError, 403),
        ('HTTPNotFound', HTTPClientError, 404), ('HTTPNotAcceptable', HTTPClientError, 406),
        ('HTTPProxyAuthenticationRequired', HTTPClientError, 407),
        ('HTTPRequestTimeout', HTTPClientError, 408), ('HTTPConflict', HTTPClientError, 409),
        ('HTTPGone', HTTPClientError, 410), ('HTTPLengthRequired', HTTPClientError, 411),
        ('HTTPPreconditionFailed', HTTPClientError, 412),
        ('HTTPRequestURITooLong', HTTPClientError, 414),
        ('HTTPUnsupportedMediaType', HTTPClientError, 415),
        ('HTTPRequestRangeNotSatisfiable', HTTPClientError, 416),
        ('HTTPExpectationFailed', HTTPClientError, 417),
        ('HTTPMisdirectedRequest', HTTPClientError, 421),
        ('HTTPUnprocessableEntity', HTTPClientError, 422),
        ('HTTPFailedDependency', HTTPClientError, 424),
        ('HTTPUpgradeRequired', HTTPClientError, 426),
        ('HTTPPreconditionRequired', HTTPClientError, 428),
        ('HTTPTooManyRequests', HTTPClientError, 429),
        ('HTTPRequestHeaderFieldsTooLarge', HTTPClientError, 431),
        ('HTTPUnavailableForLegalReasons', HTTPClientError, 451),
        ('HTTPInternalServerError', HTTPServerError, 500),
        ('HTTPNotImplemented', HTTPServerError, 501), ('HTTPBadGateway', HTTPServerError, 502),
        ('HTTPServiceUnavailable', HTTPServerError, 503),
        ('HTTPGatewayTimeout', HTTPServerError, 504),
        ('HTTPVersionNotSupported', HTTPServerError, 505),
        ('HTTPVariantAlsoNegotiates', HTTPServerError, 506),
        ('HTTPInsufficientStorage', HTTPServerError, 507),
        ('HTTPNotExtended', HTTPServerError, 510),
        ('HTTPNetworkAuthenticationRequired', HTTPServerError, 511)]:
    _define(_name, _base, _code, empty_body=_code in (204, 304))
del _name, _base, _code


# -- requests -------------------------------------------------------------------

class _StateMapping:
    """The dict-like face of Request and Application (aiohttp's
    MutableMapping over their state: request['user'], app['db'])."""

    def __getitem__(self, key):
        return self._state[key]

    def __setitem__(self, key, value):
        self._state[key] = value

    def __delitem__(self, key):
        del self._state[key]

    def __contains__(self, key):
        return key in self._state

    def __len__(self):
        return len(self._state)

    def __iter__(self):
        return iter(self._state)

    def get(self, key, default=None):
        return self._state.get(key, default)


class Request(_StateMapping):
    def __init__(self, app, method, target, version, headers, body, writer, keep_alive):
        self.app = app
        self._method = method
        self.version = version
        self._headers = headers
        self.headers = CIMultiDictProxy(headers)
        self._body = body
        self._writer = writer
        self.keep_alive = keep_alive
        self._state = {}
        self._rel_url = URL(target)
        self.match_info = UrlMappingMatchInfo({}, None)
        self._content = None

    @property
    def method(self):
        return self._method

    @property
    def rel_url(self):
        return self._rel_url

    @property
    def url(self):
        return URL(f'http://{self.host}{self._rel_url.raw_path_qs}')

    @property
    def path(self):
        return self._rel_url.path

    @property
    def raw_path(self):
        return self._rel_url.raw_path_qs

    @property
    def path_qs(self):
        return self._rel_url.path_qs

    @property
    def query(self):
        return self._rel_url.query

    @property
    def query_string(self):
        return self._rel_url.query_string

    @property
    def scheme(self):
        return 'http'

    @property
    def secure(self):
        return False

    @property
    def host(self):
        host = self._headers.get('Host')
        if host is not None:
            return host
        import socket
        return socket.gethostname()

    @property
    def transport(self):
        return self._writer.transport if self._writer is not None else None

    @property
    def remote(self):
        peer = self.transport.get_extra_info('peername') if self._writer is not None else None
        if isinstance(peer, (list, tuple)):
            return str(peer[0])
        return None if peer is None else str(peer)

    @property
    def cookies(self):
        out = {}
        for part in self._headers.get('Cookie', '').split(';'):
            k, sep, v = part.strip().partition('=')
            if sep:
                out[k] = v
        return out

    @property
    def content_type(self):
        return self._headers.get('Content-Type', 'application/octet-stream').split(';')[0] \
            .strip().lower()

    @property
    def charset(self):
        for p in self._headers.get('Content-Type', '').split(';')[1:]:
            k, _, v = p.strip().partition('=')
            if k.strip().lower() == 'charset':
                return v.strip().strip('"').lower()
        return None

    @property
    def content_length(self):
        v = self._headers.get('Content-Length')
        return int(v) if v is not None else None

    @property
    def has_body(self):
        return bool(self._body)

    @property
    def can_read_body(self):
        return bool(self._body)

    @property
    def body_exists(self):
        return bool(self._body)

    @property
    def content(self):
        if self._content is None:
            self._content = _Content(self)
        return self._content

    async def read(self):
        limit = self.app._client_max_size
        if 0 < limit <= len(self._body):
            raise HTTPRequestEntityTooLarge(max_size=limit, actual_size=len(self._body))
        return self._body

    async def text(self):
        return (await self.read()).decode(self.charset or 'utf-8')

    async def json(self, *, loads=_json.loads):
        return loads(await self.text())

    async def post(self):
        if self._method not in ('POST', 'PUT', 'PATCH', 'TRACE', 'DELETE'):
            return MultiDictProxy(MultiDict())
        ctype = self.content_type
        if ctype == 'multipart/form-data':
            raise NotImplementedError('multipart/form-data bodies are not supported')
        if ctype not in ('', 'application/x-www-form-urlencoded'):
            return MultiDictProxy(MultiDict())
        body = await self.read()
        pairs = parse_qsl(body.decode(self.charset or 'utf-8'), keep_blank_values=True)
        return MultiDictProxy(MultiDict(pairs))

    def __repr__(self):
        path = self.path.encode('ascii', 'backslashreplace').decode('ascii')
        return f'<{type(self).__name__} {self._method} {path} >'


# -- routing -------------------------------------------------------------------

class RouteDef:
    def __init__(self, method, path, handler, kwargs):
        self.method = method
        self.path = path
        self.handler = handler
        self.kwargs = kwargs

    def __repr__(self):
        info = ''.join([f', {k}={v!r}' for k, v in sorted(self.kwargs.items())])
        return f'<RouteDef {self.method} {self.path} -> {self.handler.__name__!r}{info}>'

    def register(self, router):
        if self.method == 'GET':
            return [router.add_get(self.path, self.handler, **self.kwargs)]
        return [router.add_route(self.method, self.path, self.handler, **self.kwargs)]


class RouteTableDef:
    def __init__(self):
        self._items = []

    def __repr__(self):
        return f'<RouteTableDef count={len(self._items)}>'

    def __getitem__(self, index):
        return self._items[index]

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __contains__(self, item):
        return item in self._items

    def route(self, method, path, **kwargs):
        def inner(handler):
            self._items.append(RouteDef(method, path, handler, kwargs))
            return handler
        return inner

    def head(self, path, **kwargs):
        return self.route('HEAD', path, **kwargs)

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

    def view(self, path, **kwargs):
        return self.route('*', path, **kwargs)


def route(method, path, handler, **kwargs):
    return RouteDef(method, path, handler, kwargs)


def head(path, handler, **kwargs):
    return route('HEAD', path, handler, **kwargs)


def options(path, handler, **kwargs):
    return route('OPTIONS', path, handler, **kwargs)


def get(path, handler, *, name=None, allow_head=True, **kwargs):
    return route('GET', path, handler, name=name, allow_head=allow_head, **kwargs)


def post(path, handler, **kwargs):
    return route('POST', path, handler, **kwargs)


def put(path, handler, **kwargs):
    return route('PUT', path, handler, **kwargs)


def patch(path, handler, **kwargs):
    return route('PATCH', path, handler, **kwargs)


def delete(path, handler, **kwargs):
    return route('DELETE', path, handler, **kwargs)


def view(path, handler, **kwargs):
    return route('*', path, handler, **kwargs)


def _char_class(spec):
    """A predicate for one regex character class: \\d, \\w, . or [...]."""
    if spec == '\\d':
        return str.isdigit
    if spec == '\\w':
        return lambda c: c.isalnum() or c == '_'
    if spec == '.':
        return lambda c: c != '\n'
    if len(spec) < 3 or spec[0] != '[' or spec[-1] != ']':
        return None
    body = spec[1:-1]
    negate = body.startswith('^')
    if negate:
        body = body[1:]
    tests = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == '\\' and i + 1 < len(body):
            esc = body[i + 1]
            tests.append(_char_class('\\' + esc) if esc in 'dw' else (lambda ch, e=esc: ch == e))
            i += 2
        elif i + 2 < len(body) and body[i + 1] == '-':
            tests.append(lambda ch, lo=c, hi=body[i + 2]: lo <= ch <= hi)
            i += 3
        else:
            tests.append(lambda ch, e=c: ch == e)
            i += 1

    def matches(ch):
        for t in tests:
            if t(ch):
                return not negate
        return negate
    return matches


def _parse_pattern(path):
    """'/users/{id}/{rest:.*}' -> list of literal strings and
    (name, predicate, min_length) variables."""
    parts = []
    i = 0
    lit = ''
    while i < len(path):
        c = path[i]
        if c == '}':
            raise ValueError(f"Invalid path '{path}'['{path}']")
        if c != '{':
            lit += c
            i += 1
            continue
        depth = 0
        j = i
        while j < len(path):
            if path[j] == '{':
                depth += 1
            elif path[j] == '}':
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j == len(path):
            raise ValueError(f"Invalid path '{path}'['{path}']")
        spec = path[i + 1:j]
        name, sep, regex = spec.partition(':')
        if not name or not (name[0].isalpha() or name[0] == '_') or \
                not all(ch.isalnum() or ch == '_' for ch in name):
            raise ValueError(f"Invalid path '{path}'['{path}']")
        if not sep:
            pred, least = (lambda ch: ch not in '{}/'), 1
        else:
            pred = None
            if regex and regex[-1] in '+*':
                pred = _char_class(regex[:-1])
            if pred is None:
                raise ValueError(f'Unsupported route pattern {{{spec}}} in {path!r}: only one '
                                 f'character class repeated with + or * is supported')
            least = 1 if regex[-1] == '+' else 0
        if lit:
            parts.append(lit)
            lit = ''
        parts.append((name, pred, least))
        i = j + 1
    if lit:
        parts.append(lit)
    return parts


def _match_parts(parts, i, s, pos, info):
    if i == len(parts):
        return pos == len(s)
    p = parts[i]
    if isinstance(p, str):
        return s.startswith(p, pos) and _match_parts(parts, i + 1, s, pos + len(p), info)
    name, pred, least = p
    end = pos
    while end < len(s) and pred(s[end]):
        end += 1
    for e in range(end, pos + least - 1, -1):
        if _match_parts(parts, i + 1, s, e, info):
            info[name] = unquote(s[pos:e])
            return True
    return False


class UrlMappingMatchInfo(dict):
    def __init__(self, match_dict, route):
        super().__init__(match_dict)
        self._route = route
        self._apps = []

    @property
    def handler(self):
        return self._route.handler

    @property
    def route(self):
        return self._route

    @property
    def apps(self):
        return tuple(self._apps)

    def __repr__(self):
        return f'<MatchInfo {super().__repr__()}: {self._route}>'


class ResourceRoute:
    def __init__(self, method, handler, resource):
        self.method = method
        self.handler = handler
        self.resource = resource

    @property
    def name(self):
        return self.resource.name

    def url_for(self, *args, **kwargs):
        return self.resource.url_for(*args, **kwargs)

    def __repr__(self):
        return f'<ResourceRoute [{self.method}] {self.resource} -> {self.handler!r}'


class Resource:
    def __init__(self, path, name=None):
        if path and not path.startswith('/'):
            raise ValueError('path should be started with / or be empty')
        self._path = path
        self.name = name
        self._parts = _parse_pattern(path) if '{' in path else None
        self._routes = []

    @property
    def canonical(self):
        return self._path

    def add_route(self, method, handler):
        method = method.upper()
        for r in self._routes:
            if r.method == method or r.method == '*':
                raise RuntimeError(f'Added route will never be executed, method {method} '
                                   f'is already registered')
        r = ResourceRoute(method, handler, self)
        self._routes.append(r)
        return r

    def _match(self, raw_path):
        if self._parts is None:
            return {} if raw_path == self._path else None
        info = {}
        return info if _match_parts(self._parts, 0, raw_path, 0, info) else None

    def url_for(self, **parts):
        if self._parts is None:
            return URL(self._path)
        out = []
        for p in self._parts:
            out.append(p if isinstance(p, str) else quote(str(parts[p[0]]), safe=''))
        return URL(''.join(out))

    def __iter__(self):
        return iter(self._routes)

    def __len__(self):
        return len(self._routes)

    def __repr__(self):
        name = f"'{self.name}' " if self.name is not None else ''
        kind = 'DynamicResource' if self._parts is not None else 'PlainResource'
        return f'<{kind} {name} {self._path}>'


class UrlDispatcher:
    def __init__(self):
        self._resources = []
        self._named = {}

    def add_resource(self, path, *, name=None):
        if self._resources:
            last = self._resources[-1]
            if last.name == name and last._path == path:
                return last
        res = Resource(path, name)
        if name is not None:
            if name in self._named:
                raise ValueError(f'Duplicate {name!r}, already handled by {self._named[name]!r}')
            self._named[name] = res
        self._resources.append(res)
        return res

    def add_route(self, method, path, handler, *, name=None, expect_handler=None):
        return self.add_resource(path, name=name).add_route(method, handler)

    def add_head(self, path, handler, **kwargs):
        return self.add_route('HEAD', path, handler, **kwargs)

    def add_options(self, path, handler, **kwargs):
        return self.add_route('OPTIONS', path, handler, **kwargs)

    def add_get(self, path, handler, *, name=None, allow_head=True, **kwargs):
        resource = self.add_resource(path, name=name)
        if allow_head:
            resource.add_route('HEAD', handler)
        return resource.add_route('GET', handler)

    def add_post(self, path, handler, **kwargs):
        return self.add_route('POST', path, handler, **kwargs)

    def add_put(self, path, handler, **kwargs):
        return self.add_route('PUT', path, handler, **kwargs)

    def add_patch(self, path, handler, **kwargs):
        return self.add_route('PATCH', path, handler, **kwargs)

    def add_delete(self, path, handler, **kwargs):
        return self.add_route('DELETE', path, handler, **kwargs)

    def add_view(self, path, handler, **kwargs):
        return self.add_route('*', path, handler, **kwargs)

    def add_routes(self, routes):
        registered = []
        for r in routes:
            registered.extend(r.register(self))
        return registered

    def resources(self):
        return list(self._resources)

    def routes(self):
        return [r for res in self._resources for r in res]

    def named_resources(self):
        return dict(self._named)

    def __getitem__(self, name):
        return self._named[name]

    def __contains__(self, name):
        return name in self._named

    def __len__(self):
        return len(self._named)

    def __iter__(self):
        return iter(self._named)

    def _resolve(self, method, raw_path):
        allowed = set()
        for res in self._resources:
            info = res._match(raw_path)
            if info is None:
                continue
            for r in res._routes:
                if r.method == method or r.method == '*':
                    return UrlMappingMatchInfo(info, r), None
                allowed.add(r.method)
        if allowed:
            return None, HTTPMethodNotAllowed(method, allowed)
        return None, HTTPNotFound()


def middleware(f):
    f.__middleware_version__ = 1
    return f


# -- the application -------------------------------------------------------------

class Application(_StateMapping):
    def __init__(self, *, logger=web_logger, router=None, middlewares=(), handler_args=None,
                 client_max_size=1024 ** 2, loop=None, debug=False):
        self.router = router if router is not None else UrlDispatcher()
        self._state = {}
        self.on_response_prepare = []
        self.on_startup = []
        self.on_shutdown = []
        self.on_cleanup = []
        self.cleanup_ctx = []
        self._cleanup_iters = []
        self._middlewares = list(middlewares)
        self._client_max_size = client_max_size
        self.logger = logger

    @property
    def middlewares(self):
        return self._middlewares

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)

    def __repr__(self):
        return f'<Application 0x{id(self):x}>'

    def __bool__(self):
        return True

    def add_routes(self, routes):
        return self.router.add_routes(routes)

    async def startup(self):
        for cb in self.on_startup:
            await cb(self)
        for ctx in self.cleanup_ctx:
            it = ctx(self).__aiter__()
            await it.__anext__()
            self._cleanup_iters.append(it)

    async def shutdown(self):
        for cb in self.on_shutdown:
            await cb(self)

    async def cleanup(self):
        for cb in self.on_cleanup:
            await cb(self)
        errors = []
        while self._cleanup_iters:
            it = self._cleanup_iters.pop()
            try:
                await it.__anext__()
            except StopAsyncIteration:
                pass
            except Exception as e:
                errors.append(e)
            else:
                errors.append(RuntimeError(f'{it!r} has more than one \'yield\''))
        if errors:
            raise errors[0]

    async def _handle(self, request):
        info, exc = self.router._resolve(request.method, request.rel_url.raw_path)
        if exc is not None:
            async def handler(request):
                raise exc
        else:
            request.match_info = info
            handler = info.route.handler
        for mw in reversed(self._middlewares):
            handler = _bind_middleware(mw, handler)
        return await handler(request)


def _bind_middleware(mw, handler):
    async def call(request):
        return await mw(request, handler)
    return call


class _Connection:
    """Serves the HTTP/1.1 requests of one client connection."""

    def __init__(self, server, reader, writer):
        self.server = server
        self.reader = reader
        self.writer = writer
        self.task = asyncio.current_task()
        self.busy = False
        self.closing = False

    def _idle_close(self):
        if not self.busy:
            self.closing = True
            self.writer.close()

    async def _read_request(self, idle_timer):
        reader = self.reader
        line = await reader.readline()
        while line in (b'\r\n', b'\n'):
            line = await reader.readline()
        if idle_timer is not None:
            idle_timer.cancel()
        if not line:
            return None
        parts = line.decode('latin-1').rstrip('\r\n').split(' ')
        if len(parts) != 3 or not parts[2].startswith('HTTP/1.'):
            raise ValueError(f'Invalid request line {line!r}')
        method, target, version = parts
        version = HttpVersion11 if version == 'HTTP/1.1' else HttpVersion10
        headers = CIMultiDict()
        while True:
            h = await reader.readline()
            if h in (b'\r\n', b'\n', b''):
                break
            k, _, v = h.decode('latin-1').rstrip('\r\n').partition(':')
            headers.add(k.strip(), v.strip())
        if 'chunked' in headers.get('Transfer-Encoding', '').lower():
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
        else:
            n = int(headers.get('Content-Length', '0') or 0)
            body = await reader.readexactly(n) if n else b''
        conn = headers.get('Connection', '').lower()
        if version == HttpVersion11:
            keep = 'close' not in conn
        else:
            keep = 'keep-alive' in conn
        return Request(self.server.app, method.upper(), target, version, headers, body,
                       self.writer, keep)

    async def _respond(self, request):
        """The response to send, or None when the connection must just be
        closed (the handler returned something that is not a response)."""
        try:
            resp = await self.server.app._handle(request)
        except HTTPException as exc:
            return exc
        except (asyncio.CancelledError, ConnectionError):
            raise
        except asyncio.TimeoutError:
            server_logger.exception('Error handling request', exc_info=None)
            return _error_response(504)
        except Exception:
            server_logger.exception('Error handling request')
            return _error_response(500)
        if not isinstance(resp, StreamResponse):
            # aiohttp raises a RuntimeError here that only its debug mode
            # logs; the connection is closed without a response.
            return None
        return resp

    def _encode(self, request, resp, keep):
        body = resp.body
        if body is None:
            body = b''
        out = [f'HTTP/{request.version.major}.{request.version.minor} {resp.status} '
               f'{resp.reason}']
        hdrs = resp.headers
        for k, v in hdrs.items():
            out.append(f'{k}: {v}')
        # As aiohttp: 204 and 1xx have neither length nor type, 304 a zero
        # length, anything else a length and application/octet-stream by default.
        if resp.status != 204 and resp.status >= 200:
            if 'Content-Length' not in hdrs:
                out.append(f'Content-Length: {len(body)}')
            if 'Content-Type' not in hdrs and resp.status != 304:
                out.append('Content-Type: application/octet-stream')
        if 'Date' not in hdrs:
            out.append(f'Date: {_http_date()}')
        if 'Server' not in hdrs:
            out.append(f'Server: {_SERVER_SOFTWARE}')
        if 'Connection' not in hdrs:
            if not keep:
                if request.version == HttpVersion11:
                    out.append('Connection: close')
            elif request.version == HttpVersion10:
                out.append('Connection: keep-alive')
        data = ('\r\n'.join(out) + '\r\n\r\n').encode('latin-1')
        if request.method != 'HEAD':
            data += body
        return data

    async def serve(self):
        writer = self.writer
        loop = asyncio.get_running_loop()
        keepalive_timeout = self.server.keepalive_timeout
        served = False
        idle_timer = None
        try:
            while not self.closing:
                # An idle keep-alive connection is closed after keepalive_timeout.
                if served and keepalive_timeout is not None:
                    idle_timer = loop.call_later(keepalive_timeout, self._idle_close)
                served = True
                try:
                    request = await self._read_request(idle_timer)
                except (ValueError, UnicodeError):
                    writer.write(b'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; '
                                 b'charset=utf-8\r\nContent-Length: 11\r\n'
                                 b'Connection: close\r\n\r\nBad Request')
                    await writer.drain()
                    break
                if request is None:
                    break
                self.busy = True
                try:
                    resp = await self._respond(request)
                    if resp is None:
                        break
                    keep = request.keep_alive and resp.keep_alive is not False and \
                        not self.closing
                    writer.write(self._encode(request, resp, keep))
                    await writer.drain()
                finally:
                    self.busy = False
                if not keep:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            if idle_timer is not None:
                idle_timer.cancel()
            self.server._connections.discard(self)
            writer.close()


def _error_response(status):
    """The response aiohttp sends for a failed handler: 500 explains itself,
    other statuses have an empty body."""
    text = None
    if status == 500:
        text = '500 Internal Server Error\n\nServer got itself in trouble'
    resp = Response(status=status, text=text, content_type='text/plain')
    resp.force_close()
    return resp


class Server:
    """The connections of one application: accepted ones are served until
    shutdown() closes them."""

    def __init__(self, app, *, keepalive_timeout=75.0):
        self.app = app
        self.keepalive_timeout = keepalive_timeout
        self._connections = set()

    @property
    def connections(self):
        return list(self._connections)

    async def __call__(self, reader, writer):
        conn = _Connection(self, reader, writer)
        self._connections.add(conn)
        await conn.serve()

    async def shutdown(self, timeout=None):
        busy = []
        for conn in list(self._connections):
            conn.closing = True
            if conn.busy:
                busy.append(conn.task)
            else:
                conn.writer.close()
        busy = [t for t in busy if t is not None]
        if busy:
            done, pending = await asyncio.wait(busy, timeout=timeout)
            for t in pending:
                t.cancel()
            if pending:
                await asyncio.wait(pending)
        for conn in list(self._connections):
            conn.writer.close()
        # Let the transports finish closing their sockets.
        await asyncio.sleep(0)


class GracefulExit(SystemExit):
    code = 1


def _raise_graceful_exit():
    raise GracefulExit()


class AppRunner:
    def __init__(self, app, *, handle_signals=False, shutdown_timeout=60.0,
                 keepalive_timeout=75.0, **kwargs):
        if not isinstance(app, Application):
            raise TypeError(f'The first argument should be web.Application instance, '
                            f'got {app!r}')
        self._app = app
        self._handle_signals = handle_signals
        self._shutdown_timeout = shutdown_timeout
        self._keepalive_timeout = keepalive_timeout
        self._server = None
        self._sites = []

    @property
    def app(self):
        return self._app

    @property
    def server(self):
        return self._server

    @property
    def sites(self):
        return set(self._sites)

    @property
    def addresses(self):
        return [sock.getsockname() for site in self._sites if site._server is not None
                for sock in site._server.sockets]

    async def setup(self):
        if self._handle_signals:
            self._install_signal_handlers()
        await self._app.startup()
        self._server = Server(self._app, keepalive_timeout=self._keepalive_timeout)

    def _install_signal_handlers(self):
        """SIGINT and SIGTERM end the loop with GracefulExit raised from a
        loop callback (as loop.add_signal_handler would), not inside
        whatever task happens to run when the signal arrives."""
        import signal
        loop = asyncio.get_running_loop()

        def on_signal(signum, frame):
            loop.call_soon_threadsafe(_raise_graceful_exit)
        self._saved_signals = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                self._saved_signals.append((sig, signal.signal(sig, on_signal)))
            except ValueError:
                break

    def _restore_signal_handlers(self):
        import signal
        for sig, previous in getattr(self, '_saved_signals', ()):
            signal.signal(sig, previous)
        self._saved_signals = []

    async def shutdown(self):
        await self._app.shutdown()
        if self._server is not None:
            await self._server.shutdown(self._shutdown_timeout)

    async def cleanup(self):
        for site in list(self._sites):
            await site.stop()
        if self._server is not None:
            await self._server.shutdown(self._shutdown_timeout)
        await self._app.cleanup()
        self._server = None
        if self._handle_signals:
            self._restore_signal_handlers()


class BaseSite:
    def __init__(self, runner, *, shutdown_timeout=60.0, ssl_context=None, backlog=128):
        if runner.server is None:
            raise RuntimeError('Call runner.setup() before making a site')
        self._runner = runner
        self._backlog = backlog
        self._server = None

    async def stop(self):
        if self in self._runner._sites:
            self._runner._sites.remove(self)
        if self._server is None:
            return
        self._server.close()
        self._server = None
        await self._runner.shutdown()


class TCPSite(BaseSite):
    def __init__(self, runner, host=None, port=None, *, shutdown_timeout=60.0,
                 ssl_context=None, backlog=128, reuse_address=None, reuse_port=None):
        super().__init__(runner, shutdown_timeout=shutdown_timeout, ssl_context=ssl_context,
                         backlog=backlog)
        self._host = host
        if port is None:
            port = 8080
        self._port = port
        self._reuse_address = reuse_address

    @property
    def name(self):
        host = '0.0.0.0' if self._host is None else self._host
        return str(URL.build(scheme='http', host=host, port=self._port))

    async def start(self):
        self._runner._sites.append(self)
        self._server = await asyncio.start_server(
            self._runner.server, self._host, self._port, backlog=self._backlog,
            reuse_address=self._reuse_address if self._reuse_address is not None else True)

    def __repr__(self):
        return f'<TCPSite {self.name}>'


async def _run_app(app, *, host=None, port=None, print=print, shutdown_timeout=60.0,
                   backlog=128, handle_signals=True, reuse_address=None, reuse_port=None,
                   keepalive_timeout=75.0, access_log=access_logger, **kwargs):
    if asyncio.iscoroutine(app):
        app = await app
    runner = AppRunner(app, handle_signals=handle_signals, shutdown_timeout=shutdown_timeout,
                       keepalive_timeout=keepalive_timeout)
    await runner.setup()
    sites = []
    try:
        if host is not None and not isinstance(host, (str, bytes, bytearray)):
            for h in host:
                sites.append(TCPSite(runner, h, port, shutdown_timeout=shutdown_timeout,
                                     backlog=backlog, reuse_address=reuse_address))
        else:
            sites.append(TCPSite(runner, host, port, shutdown_timeout=shutdown_timeout,
                                 backlog=backlog, reuse_address=reuse_address))
        for site in sites:
            await site.start()
        if print:
            names = sorted(str(s.name) for s in runner.sites)
            print('======== Running on {} ========\n'
                  '(Press CTRL+C to quit)'.format(', '.join(names)))
        while True:
            await asyncio.sleep(3600)
    finally:
        await runner.cleanup()


def _cancel_tasks(to_cancel, loop):
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


def run_app(app, *, host=None, port=None, print=print, loop=None, **kwargs):
    """Runs the app until Ctrl-C (KeyboardInterrupt) or GracefulExit."""
    if loop is None:
        loop = asyncio.new_event_loop()
    main_task = loop.create_task(_run_app(app, host=host, port=port, print=print, **kwargs))
    try:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(main_task)
    except (GracefulExit, KeyboardInterrupt):
        pass
    finally:
        _cancel_tasks({main_task}, loop)
        _cancel_tasks(asyncio.all_tasks(loop), loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
