"""string: common string constants, Template and Formatter."""
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---- Template -------------------------------------------------------------
# CPython matches placeholders with a regular expression; this scanner
# accepts the same default syntax ($$, $identifier, ${identifier}, with
# ASCII identifiers) and honours a subclass's `delimiter`.

_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits


class _TemplateMetaclass(type):
    pass


class Template(metaclass=_TemplateMetaclass):
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yields (kind, start, end, name): kind is 'text', 'escaped',
        'named' or 'invalid'; name is the identifier for 'named'."""
        s = self.template
        d = self.delimiter
        n = len(s)
        i = 0
        text_start = 0
        while True:
            j = s.find(d, i)
            if j < 0:
                break
            k = j + len(d)
            if s.startswith(d, k):
                yield ('text', text_start, j, None)
                yield ('escaped', j, k + len(d), None)
                i = text_start = k + len(d)
                continue
            if k < n and s[k] == '{':
                m = k + 1
                if m < n and s[m] in _ID_START:
                    e = m + 1
                    while e < n and s[e] in _ID_CHARS:
                        e += 1
                    if e < n and s[e] == '}':
                        yield ('text', text_start, j, None)
                        yield ('named', j, e + 1, s[m:e])
                        i = text_start = e + 1
                        continue
            elif k < n and s[k] in _ID_START:
                e = k + 1
                while e < n and s[e] in _ID_CHARS:
                    e += 1
                yield ('text', text_start, j, None)
                yield ('named', j, e, s[k:e])
                i = text_start = e
                continue
            yield ('text', text_start, j, None)
            yield ('invalid', j, k, None)
            i = text_start = k
        yield ('text', text_start, n, None)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _render(self, mapping, kws, safe):
        """substitute() and, with safe, safe_substitute(): a missing name or
        a stray delimiter stays as written instead of raising."""
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        s = self.template
        for kind, start, end, name in self._scan():
            if kind == 'text':
                out.append(s[start:end])
            elif kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'named':
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    if not safe:
                        raise
                    out.append(s[start:end])
            elif safe:
                out.append(s[start:end])
            else:
                self._invalid(end)
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        return self._render(mapping, kws, False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._render(mapping, kws, True)

    def is_valid(self):
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._scan():
            if kind == 'named' and name not in ids:
                ids.append(name)
            elif kind == 'invalid':
                raise ValueError('Unrecognized named group in pattern',
                                 self.pattern if hasattr(self, 'pattern') else None)
        return ids


class _ChainMap:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


# ---- Formatter --------------------------------------------------------------

class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec = self._vformat(format_spec, args, kwargs, used_args,
                                            recursion_depth - 1)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """Yields (literal_text, field_name, format_spec, conversion)."""
        s = format_string
        n = len(s)
        i = 0
        lit = []
        while i < n:
            c = s[i]
            if c == '{':
                if i + 1 < n and s[i + 1] == '{':
                    lit.append('{')
                    i += 2
                    continue
                depth = 1
                j = i + 1
                while j < n and depth:
                    if s[j] == '{':
                        depth += 1
                    elif s[j] == '}':
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                field = s[i + 1:j - 1]
                conversion = None
                spec = ''
                k = 0
                bracket = False
                while k < len(field):
                    ch = field[k]
                    if ch == '[':
                        bracket = True
                    elif ch == ']':
                        bracket = False
                    elif not bracket and ch in '!:':
                        break
                    k += 1
                name = field[:k]
                rest = field[k:]
                if rest.startswith('!'):
                    if len(rest) < 2:
                        raise ValueError('end of string while looking for conversion specifier')
                    conversion = rest[1]
                    rest = rest[2:]
                    if rest and not rest.startswith(':'):
                        raise ValueError('expected \':\' after conversion specifier')
                if rest.startswith(':'):
                    spec = rest[1:]
                yield (''.join(lit), name, spec, conversion)
                lit = []
                i = j
            elif c == '}':
                if i + 1 < n and s[i + 1] == '}':
                    lit.append('}')
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                lit.append(c)
                i += 1
        if lit:
            yield (''.join(lit), None, None, None)

    def get_field(self, field_name, args, kwargs):
        i = 0
        n = len(field_name)
        while i < n and field_name[i] not in '.[':
            i += 1
        first = field_name[:i]
        key = int(first) if first.isdigit() else first
        obj = self.get_value(key, args, kwargs)
        while i < n:
            if field_name[i] == '.':
                j = i + 1
                while j < n and field_name[j] not in '.[':
                    j += 1
                obj = getattr(obj, field_name[i + 1:j])
                i = j
            else:
                j = field_name.index(']', i)
                idx = field_name[i + 1:j]
                obj = obj[int(idx) if idx.isdigit() else idx]
                i = j + 1
        return obj, key
