"""Python objects to JSON text, formatted exactly as CPython's encoder.

The encoder walks the object recursively, producing chunks; dumps joins
them.  Floats use repr() (shortest round-trip), with NaN/Infinity as
JavaScript spells them; strings are escaped either to pure ASCII
(\\uXXXX, surrogate pairs above the BMP) or only where JSON requires it.
"""

__all__ = ['JSONEncoder']

INFINITY = float('inf')

_ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def py_encode_basestring(s):
    """The JSON string literal for s, non-ASCII characters kept."""
    if s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = ['"']
    for c in s:
        if c in _ESCAPE_DCT:
            out.append(_ESCAPE_DCT[c])
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def py_encode_basestring_ascii(s):
    """The JSON string literal for s in ASCII only."""
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = ['"']
    for c in s:
        if ' ' <= c <= '~':
            if c == '\\':
                out.append('\\\\')
            elif c == '"':
                out.append('\\"')
            else:
                out.append(c)
        elif c in _ESCAPE_DCT:
            out.append(_ESCAPE_DCT[c])
        else:
            n = ord(c)
            if n < 0x10000:
                out.append('\\u{0:04x}'.format(n))
            else:
                n -= 0x10000
                s1 = 0xd800 | ((n >> 10) & 0x3ff)
                s2 = 0xdc00 | (n & 0x3ff)
                out.append('\\u{0:04x}\\u{1:04x}'.format(s1, s2))
    out.append('"')
    return ''.join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Encodes dict, list, tuple, str, int, float, bool and None."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        if self.check_circular:
            markers = {}
        else:
            markers = None
        if self.ensure_ascii:
            _encoder = encode_basestring_ascii
        else:
            _encoder = encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = 'NaN'
            elif o == INFINITY:
                text = 'Infinity'
            elif o == -INFINITY:
                text = '-Infinity'
            else:
                return float.__repr__(o)
            if not allow_nan:
                raise ValueError(
                    "Out of range float values are not JSON compliant")
            return text

        out = []
        _Encoding(self, markers, _encoder, floatstr, out).encode(o, 0)
        return out


class _Encoding(object):
    """One encode() run: appends the chunks of o to out."""

    def __init__(self, enc, markers, encoder, floatstr, out):
        self.enc = enc
        self.markers = markers
        self.encoder = encoder
        self.floatstr = floatstr
        self.out = out
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent

    def scalar(self, o):
        """The text of a scalar, or None if o is not one."""
        if isinstance(o, str):
            return self.encoder(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self.floatstr(o)
        return None

    def encode(self, o, level):
        text = self.scalar(o)
        if text is not None:
            self.out.append(text)
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            markers = self.markers
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError("Circular reference detected")
                markers[markerid] = o
            o = self.enc.default(o)
            self.encode(o, level)
            if markers is not None:
                del markers[markerid]

    def enter(self, o):
        if self.markers is not None:
            markerid = id(o)
            if markerid in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[markerid] = o
            return markerid
        return None

    def leave(self, markerid):
        if markerid is not None:
            del self.markers[markerid]

    def encode_list(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        markerid = self.enter(lst)
        buf = '['
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.enc.item_separator + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = self.enc.item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            text = self.scalar(value)
            if text is not None:
                out.append(buf + text)
            else:
                out.append(buf)
                self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append(']')
        self.leave(markerid)

    def encode_dict(self, dct, level):
        out = self.out
        enc = self.enc
        if not dct:
            out.append('{}')
            return
        markerid = self.enter(dct)
        out.append('{')
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            item_separator = enc.item_separator + newline_indent
            out.append(newline_indent)
        else:
            newline_indent = None
            item_separator = enc.item_separator
        first = True
        if enc.sort_keys:
            items = sorted(dct.items())
        else:
            items = dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self.floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif enc.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                out.append(item_separator)
            out.append(self.encoder(key))
            out.append(enc.key_separator)
            text = self.scalar(value)
            if text is not None:
                out.append(text)
            else:
                self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append('}')
        self.leave(markerid)
