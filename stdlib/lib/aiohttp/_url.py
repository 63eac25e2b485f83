"""URL: the part of yarl.URL that aiohttp's API hands out (request and
response URLs): parts, query access, joining and str/repr."""

from urllib.parse import urlsplit, urlunsplit, urlencode, parse_qsl, unquote, urljoin

from ._multidict import MultiDict, MultiDictProxy

_DEFAULT_PORTS = {'http': 80, 'https': 443, 'ws': 80, 'wss': 443}
# Escapes that query_string leaves encoded: decoded they would change how
# the query splits into pairs.
_QS_KEEP = ('26', '3D', '2B', '3B', '25', '23')
_HEX = '0123456789abcdefABCDEF'


def _qs_unquote(qs):
    """yarl's query_string decoding: '+' is a space, percent escapes are
    decoded (as UTF-8) except those of the separators."""
    out = []
    pending = bytearray()
    i = 0
    n = len(qs)
    while i < n:
        c = qs[i]
        if c == '%' and i + 2 < n and qs[i + 1] in _HEX and qs[i + 2] in _HEX:
            code = qs[i + 1:i + 3].upper()
            if code not in _QS_KEEP:
                pending.append(int(code, 16))
                i += 3
                continue
            c = '%' + code
            i += 2
        if pending:
            out.append(pending.decode('utf-8', 'replace'))
            pending = bytearray()
        out.append(' ' if c == '+' else c)
        i += 1
    if pending:
        out.append(pending.decode('utf-8', 'replace'))
    return ''.join(out)


class URL:
    __slots__ = ('_val', '_parts')

    def __init__(self, val=''):
        if isinstance(val, URL):
            val = val._val
        if not isinstance(val, str):
            raise TypeError(f'Constructor parameter should be str, got {type(val).__name__}')
        self._val = val
        self._parts = urlsplit(val)

    @classmethod
    def build(cls, *, scheme='', host='', port=None, path='', query_string='', fragment=''):
        netloc = host if port is None else f'{host}:{port}'
        return cls(urlunsplit((scheme, netloc, path, query_string, fragment)))

    def __str__(self):
        return self._val

    def __repr__(self):
        return f'{type(self).__name__}({self._val!r})'

    def __eq__(self, other):
        if not isinstance(other, URL):
            return NotImplemented
        return self._val == other._val

    def __hash__(self):
        return hash(self._val)

    def __truediv__(self, name):
        path = self._parts.path.rstrip('/') + '/' + str(name)
        return URL(urlunsplit((self._parts.scheme, self._parts.netloc, path, '', '')))

    def is_absolute(self):
        return bool(self._parts.netloc)

    @property
    def scheme(self):
        return self._parts.scheme

    @property
    def host(self):
        return self._parts.hostname

    @property
    def raw_host(self):
        return self._parts.hostname

    @property
    def port(self):
        return self._parts.port or _DEFAULT_PORTS.get(self._parts.scheme)

    @property
    def explicit_port(self):
        return self._parts.port

    @property
    def user(self):
        return self._parts.username

    @property
    def password(self):
        return self._parts.password

    @property
    def raw_path(self):
        return self._parts.path or ('/' if self._parts.netloc else '')

    @property
    def path(self):
        return unquote(self.raw_path)

    @property
    def raw_query_string(self):
        return self._parts.query

    @property
    def query_string(self):
        return _qs_unquote(self._parts.query)

    @property
    def query(self):
        return MultiDictProxy(MultiDict(parse_qsl(self._parts.query, keep_blank_values=True)))

    @property
    def path_qs(self):
        q = self._parts.query
        return self.path + ('?' + q if q else '')

    @property
    def raw_path_qs(self):
        q = self._parts.query
        return self.raw_path + ('?' + q if q else '')

    @property
    def fragment(self):
        return self._parts.fragment

    @property
    def name(self):
        return self.path.rsplit('/', 1)[-1]

    @property
    def parent(self):
        path = self.raw_path.rstrip('/').rsplit('/', 1)[0] or '/'
        return URL(urlunsplit((self._parts.scheme, self._parts.netloc, path, '', '')))

    def human_repr(self):
        return unquote(self._val)

    def with_query(self, *args, **kwargs):
        query = args[0] if args else kwargs
        qs = query if isinstance(query, str) else urlencode(
            list(query.items()) if hasattr(query, 'items') else query)
        p = self._parts
        return URL(urlunsplit((p.scheme, p.netloc, p.path, qs, p.fragment)))

    def update_query(self, *args, **kwargs):
        """Pairs of the given keys replace the current ones (all of them kept,
        repeated keys included); other current pairs stay in front."""
        new = MultiDict(*args, **kwargs)
        keys = set(new.keys())
        pairs = [p for p in parse_qsl(self._parts.query, keep_blank_values=True)
                 if p[0] not in keys]
        return self.with_query(pairs + new.items())

    def with_path(self, path):
        p = self._parts
        return URL(urlunsplit((p.scheme, p.netloc, path, '', '')))

    def join(self, url):
        return URL(urljoin(self._val, str(url)))
