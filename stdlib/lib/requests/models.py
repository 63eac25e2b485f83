"""requests.models: PreparedRequest and Response."""

import json as _json

from .exceptions import HTTPError, JSONDecodeError, InvalidURL, MissingSchema, InvalidSchema
from .structures import CaseInsensitiveDict
from urllib.parse import urlsplit, urlunsplit, urlencode, quote

REDIRECT_CODES = (301, 302, 303, 307, 308)

_REASONS = {
    100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created',
    202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
    205: 'Reset Content', 206: 'Partial Content', 300: 'Multiple Choices',
    301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
    307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
    401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
    411: 'Length Required', 413: 'Payload Too Large', 415: 'Unsupported Media Type',
    418: "I'm a teapot", 422: 'Unprocessable Entity', 429: 'Too Many Requests',
    500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
    503: 'Service Unavailable', 504: 'Gateway Timeout',
}


def _encode_params(data):
    if isinstance(data, (str, bytes)):
        return data
    if hasattr(data, 'read'):
        return data
    if hasattr(data, '__iter__') or hasattr(data, 'items'):
        result = []
        items = data.items() if hasattr(data, 'items') else data
        for k, vs in items:
            if isinstance(vs, (str, bytes)) or not hasattr(vs, '__iter__'):
                vs = [vs]
            for v in vs:
                if v is not None:
                    result.append((k.encode('utf-8') if isinstance(k, str) else k,
                                   v.encode('utf-8') if isinstance(v, str) else v))
        return urlencode(result, doseq=True)
    return data


def _requote(path):
    # Quote what is not already a legal URL character, keeping %XX escapes.
    return quote(path, safe="!#$%&'()*+,/:;=?@[]~")


class PreparedRequest:
    def __init__(self):
        self.method = None
        self.url = None
        self.headers = None
        self.body = None

    def prepare(self, method=None, url=None, headers=None, params=None, data=None, json=None):
        self.method = method.upper() if method else method
        self.prepare_url(url, params)
        self.headers = CaseInsensitiveDict(headers or {})
        self.prepare_body(data, json)

    def prepare_url(self, url, params):
        if isinstance(url, bytes):
            url = url.decode('utf8')
        else:
            url = str(url)
        url = url.lstrip()
        if ':' in url and not url.lower().startswith('http'):
            self.url = url
            return
        parts = urlsplit(url)
        scheme, netloc, path, query, fragment = parts
        if not scheme:
            raise MissingSchema(f"Invalid URL {url!r}: No scheme supplied. "
                                f"Perhaps you meant https://{url}?")
        if not parts.hostname:
            raise InvalidURL(f"Invalid URL {url!r}: No host supplied")
        if not path:
            path = '/'
        enc = _encode_params(params) if params else ''
        if isinstance(enc, bytes):
            enc = enc.decode('utf-8')
        if enc:
            query = f'{query}&{enc}' if query else enc
        self.url = urlunsplit((scheme, netloc.lower() if '@' not in netloc else netloc,
                               _requote(path), query, fragment))

    def prepare_body(self, data, json):
        body = None
        content_type = None
        if not data and json is not None:
            content_type = 'application/json'
            body = _json.dumps(json, allow_nan=False)
            if not isinstance(body, bytes):
                body = body.encode('utf-8')
        elif data:
            if hasattr(data, 'read'):
                body = data.read()
            elif isinstance(data, (str, bytes)):
                body = data
            else:
                body = _encode_params(data)
                content_type = 'application/x-www-form-urlencoded'
        if isinstance(body, str):
            body = body.encode('utf-8')
        if body is not None:
            self.headers['Content-Length'] = str(len(body))
        elif self.method not in ('GET', 'HEAD'):
            self.headers['Content-Length'] = '0'
        if content_type and 'content-type' not in self.headers:
            self.headers['Content-Type'] = content_type
        self.body = body

    def __repr__(self):
        return f'<PreparedRequest [{self.method}]>'

    def copy(self):
        p = PreparedRequest()
        p.method = self.method
        p.url = self.url
        p.headers = self.headers.copy() if self.headers is not None else None
        p.body = self.body
        return p


def _get_encoding_from_headers(headers):
    content_type = headers.get('content-type')
    if not content_type:
        return None
    parts = [p.strip() for p in content_type.split(';')]
    ctype = parts[0].lower()
    for p in parts[1:]:
        k, _, v = p.partition('=')
        if k.strip().lower() == 'charset':
            return v.strip().strip('\'"')
    if 'text' in ctype:
        return 'ISO-8859-1'
    if 'application/json' in ctype:
        return 'utf-8'
    return None


class Response:
    def __init__(self):
        self._content = False
        self._content_consumed = False
        self.status_code = None
        self.headers = CaseInsensitiveDict()
        self.raw = None
        self.url = None
        self.encoding = None
        self.history = []
        self.reason = None
        self.cookies = {}
        self.elapsed = None
        self.request = None

    def __repr__(self):
        return f'<Response [{self.status_code}]>'

    def __bool__(self):
        return self.ok

    def __iter__(self):
        return self.iter_content(128)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    @property
    def ok(self):
        try:
            self.raise_for_status()
        except HTTPError:
            return False
        return True

    @property
    def is_redirect(self):
        return 'location' in self.headers and self.status_code in REDIRECT_CODES

    @property
    def is_permanent_redirect(self):
        return 'location' in self.headers and self.status_code in (301, 308)

    @property
    def apparent_encoding(self):
        try:
            self.content.decode('ascii')
            return 'ascii'
        except UnicodeDecodeError:
            pass
        try:
            self.content.decode('utf-8')
            return 'utf-8'
        except UnicodeDecodeError:
            return 'ISO-8859-1'

    @property
    def content(self):
        if self._content is False:
            self._content = b''
        return self._content

    @property
    def text(self):
        content = self.content
        if not content:
            return ''
        encoding = self.encoding
        if encoding is None:
            encoding = self.apparent_encoding
        try:
            return str(content, encoding, errors='replace')
        except LookupError:
            return str(content, errors='replace')

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except _json.JSONDecodeError as e:
            raise JSONDecodeError(e.msg, e.doc, e.pos)

    def iter_content(self, chunk_size=1, decode_unicode=False):
        data = self.content
        if chunk_size is None:
            chunk_size = len(data) or 1
        for i in range(0, len(data), chunk_size):
            chunk = data[i:i + chunk_size]
            if decode_unicode:
                chunk = chunk.decode(self.encoding or 'utf-8', 'replace')
            yield chunk

    def iter_lines(self, chunk_size=512, decode_unicode=False, delimiter=None):
        data = self.content
        if decode_unicode:
            data = data.decode(self.encoding or 'utf-8', 'replace')
        lines = data.split(delimiter) if delimiter else data.splitlines()
        for line in lines:
            yield line

    @property
    def links(self):
        return {}

    def raise_for_status(self):
        http_error_msg = ''
        reason = self.reason
        if isinstance(reason, bytes):
            try:
                reason = reason.decode('utf-8')
            except UnicodeDecodeError:
                reason = reason.decode('iso-8859-1')
        if 400 <= self.status_code < 500:
            http_error_msg = f'{self.status_code} Client Error: {reason} for url: {self.url}'
        elif 500 <= self.status_code < 600:
            http_error_msg = f'{self.status_code} Server Error: {reason} for url: {self.url}'
        if http_error_msg:
            raise HTTPError(http_error_msg, response=self)

    def close(self):
        pass
