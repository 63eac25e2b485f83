"""Regular expressions (the re module of CPython 3.11).

Patterns are parsed and compiled to a small program in Python (_parser,
_compiler) and run by the backtracking engine of the native _sre module,
which also implements Pattern and Match.
"""

import _sre
from . import _constants as _C
from . import _compiler

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


class RegexFlag(int):
    """The re flags: an int whose repr names the flags it holds."""

    _names = {}

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        parts = []
        for bit, name in _FLAG_ORDER:
            if value & bit:
                parts.append("re." + name)
                value &= ~bit
        if value:
            parts.append(hex(value))
        return "|".join(parts)

    __str__ = __repr__

    @property
    def name(self):
        return repr(self).replace("re.", "")

    @property
    def value(self):
        return int(self)

    def __format__(self, spec):
        if spec:
            return int.__format__(int(self), spec)
        return repr(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__


_FLAG_ORDER = [
    (_C.ASCII, "ASCII"), (_C.IGNORECASE, "IGNORECASE"), (_C.LOCALE, "LOCALE"),
    (_C.UNICODE, "UNICODE"), (_C.MULTILINE, "MULTILINE"), (_C.DOTALL, "DOTALL"),
    (_C.VERBOSE, "VERBOSE"), (_C.TEMPLATE, "TEMPLATE"), (_C.DEBUG, "DEBUG"),
]

NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(_C.ASCII)
I = IGNORECASE = RegexFlag(_C.IGNORECASE)
L = LOCALE = RegexFlag(_C.LOCALE)
U = UNICODE = RegexFlag(_C.UNICODE)
M = MULTILINE = RegexFlag(_C.MULTILINE)
S = DOTALL = RegexFlag(_C.DOTALL)
X = VERBOSE = RegexFlag(_C.VERBOSE)
T = TEMPLATE = RegexFlag(_C.TEMPLATE)
DEBUG = RegexFlag(_C.DEBUG)


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error

Pattern = _sre.Pattern
Match = _sre.Match


def match(pattern, string, flags=0):
    """Matches the pattern at the start of the string: a Match or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Matches the pattern against all of the string: a Match or None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first match of the pattern anywhere in the string, or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """The string with the leftmost non-overlapping matches replaced by repl
    (a template string or a function of the Match)."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """(new string, number of substitutions made)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Splits the string at the matches; groups in the pattern are included."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """All non-overlapping matches: strings, or tuples when there are groups."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects over all non-overlapping matches."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    """Compiles a pattern into a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clears the cache of compiled patterns."""
    _cache.clear()
    _template_cache.clear()


_SPECIAL_CHARS = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escapes the special characters of a string or bytes."""
    if isinstance(pattern, str):
        return pattern.translate(_SPECIAL_CHARS)
    pattern = str(pattern, "latin1")
    return pattern.translate(_SPECIAL_CHARS).encode("latin1")


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    if flags & _C.TEMPLATE:
        import warnings
        warnings.warn("The re.TEMPLATE/re.T flag is deprecated as it is an "
                      "undocumented flag without an obvious purpose. "
                      "Don't use it.", DeprecationWarning)
    p = _compiler.compile(pattern, flags, error)
    if not flags & _C.DEBUG:
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = p
    return p


_template_cache = {}


def _compile_template(pattern, repl):
    """Parses a replacement template: a list alternating literal text and
    group numbers, [literal, group, literal, group, ..., literal]; used by
    the engine for sub() and Match.expand()."""
    key = (pattern, repl)
    try:
        return _template_cache[key]
    except KeyError:
        pass
    result = _parse_template(pattern, repl)
    if len(_template_cache) >= _MAXCACHE:
        _template_cache.clear()
    _template_cache[key] = result
    return result


_TEMPLATE_ESCAPES = {
    "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
    "\\": "\\",
}


def _parse_template(pattern, repl):
    is_bytes = isinstance(repl, bytes)
    text = repl.decode("latin-1") if is_bytes else repl
    groupindex = pattern.groupindex
    ngroups = pattern.groups
    parts = []
    literal = []
    i = 0
    n = len(text)

    def fail(msg, pos):
        return error(msg, repl, pos)

    while i < n:
        ch = text[i]
        if ch != "\\":
            literal.append(ch)
            i += 1
            continue
        if i + 1 >= n:
            raise fail("bad escape (end of pattern)", i)
        c = text[i + 1]
        start = i
        i += 2
        if c == "g":
            if i >= n or text[i] != "<":
                raise fail("missing <", i)
            end = text.find(">", i + 1)
            if end < 0:
                if i + 1 >= n:
                    raise fail("missing group name", i + 1)
                raise fail("missing >, unterminated name", i + 1)
            name = text[i + 1:end]
            if not name:
                raise fail("missing group name", i + 1)
            if name.isidentifier():
                if name not in groupindex:
                    raise IndexError("unknown group name %r" % name)
                index = groupindex[name]
            else:
                if not (name.isdecimal() and name.isascii()):
                    raise fail("bad character in group name %r" % name, i + 1)
                index = int(name)
                if index > ngroups:
                    raise fail("invalid group reference %d" % index, i + 1)
            i = end + 1
            parts.append("".join(literal))
            literal = []
            parts.append(index)
        elif c == "0":
            digits = ""
            while i < n and len(digits) < 2 and text[i] in "01234567":
                digits += text[i]
                i += 1
            literal.append(chr(int("0" + digits, 8)))
        elif c in "123456789":
            digits = c
            if i < n and text[i] in "0123456789":
                digits += text[i]
                i += 1
                if (digits[0] in "01234567" and digits[1] in "01234567" and
                        i < n and text[i] in "01234567"):
                    digits += text[i]
                    i += 1
                    value = int(digits, 8)
                    if value > 0o377:
                        raise fail("octal escape value \\%s outside of range 0-0o377" % digits, start)
                    literal.append(chr(value))
                    continue
            index = int(digits)
            if index > ngroups:
                raise fail("invalid group reference %d" % index, start + 1)
            parts.append("".join(literal))
            literal = []
            parts.append(index)
        elif c in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[c])
        elif c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
            raise fail("bad escape \\" + c, start)
        else:
            literal.append("\\" + c)
    parts.append("".join(literal))
    if is_bytes:
        parts = [p.encode("latin-1") if isinstance(p, str) else p for p in parts]
    return parts


def _expand(pattern, match, template):
    """Match.expand: the template with group references filled in."""
    parts = _compile_template(pattern, template)
    out = []
    empty = template[:0]
    for i, part in enumerate(parts):
        if i % 2:
            g = match.group(part)
            out.append(empty if g is None else g)
        else:
            out.append(part)
    return empty.join(out)


class Scanner:
    """An undocumented lexer helper of CPython's re: a list of (pattern,
    action) pairs tried in order at each position."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        alternatives = []
        for phrase, action in lexicon:
            alternatives.append("(%s)" % phrase)
        self.scanner = compile("|".join(alternatives), flags)

    def scan(self, string):
        result = []
        append = result.append
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            i = j
        return result, string[i:]
