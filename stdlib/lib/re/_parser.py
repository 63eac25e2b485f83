"""Regular expression parser: pattern text -> a tree of tuples.

The tree is what _compiler turns into _sre code.  Every flag that changes
meaning (case, dot, anchors, character categories) is resolved here, so a
node carries what it needs:

    ('lit', cp, icase)            ('notlit', cp, icase)
    ('any', dotall)               ('at', AT_*)
    ('in', negate, items, icase)  items: ('ch', cp) ('range', lo, hi) ('cat', CAT_*)
    ('seq', [nodes])              ('alt', [nodes])
    ('group', index, node)        index None: non-capturing
    ('rep', min, max, kind, node) kind: 0 greedy, 1 lazy, 2 possessive
    ('atomic', node)              ('assert', behind, negate, node, width)
    ('ref', group, icase, width)  ('cond', group, yes, no)
    (a ref's width is its group's: (min, max) characters, see width();
    an assert's is the characters a lookbehind steps back)

Errors are raised as re.error with CPython's wording and positions.
"""

from . import _constants as C

REPEAT_CHARS = "*+?{"
DIGITS = "0123456789"
OCTDIGITS = "01234567"
HEXDIGITS = "0123456789abcdefABCDEF"
ASCIILETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
WHITESPACE = " \t\n\r\v\f"

FLAG_CHARS = {
    "i": C.IGNORECASE, "L": C.LOCALE, "m": C.MULTILINE, "s": C.DOTALL,
    "x": C.VERBOSE, "a": C.ASCII, "t": C.TEMPLATE, "u": C.UNICODE,
}
TYPE_FLAGS = C.ASCII | C.LOCALE | C.UNICODE
GLOBAL_FLAGS = C.DEBUG | C.TEMPLATE

# category escapes: (ascii code, unicode code)
CATEGORY_ESCAPES = {
    "d": (C.CAT_DIGIT, C.CAT_UNI_DIGIT), "D": (C.CAT_NOT_DIGIT, C.CAT_UNI_NOT_DIGIT),
    "s": (C.CAT_SPACE, C.CAT_UNI_SPACE), "S": (C.CAT_NOT_SPACE, C.CAT_UNI_NOT_SPACE),
    "w": (C.CAT_WORD, C.CAT_UNI_WORD), "W": (C.CAT_NOT_WORD, C.CAT_UNI_NOT_WORD),
}
SIMPLE_ESCAPES = {
    "a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92,
}


class Source:
    """The pattern text with a cursor; `next` is the current token (an
    escape is one token of two characters) and `tell()` its position."""

    def __init__(self, text, is_bytes, error, pattern_obj):
        self.text = text
        self.pattern_obj = pattern_obj
        self.is_bytes = is_bytes
        self.error_type = error
        self.index = 0
        self.next = None
        self._advance()

    def _advance(self):
        i = self.index
        text = self.text
        if i >= len(text):
            self.next = None
            return
        ch = text[i]
        if ch == "\\":
            if i + 1 >= len(text):
                raise self.error_type("bad escape (end of pattern)", self.pattern_obj, i)
            ch = ch + text[i + 1]
        self.index = i + len(ch)
        self.next = ch

    def match(self, ch):
        if self.next == ch:
            self._advance()
            return True
        return False

    def get(self):
        ch = self.next
        self._advance()
        return ch

    def getwhile(self, n, charset):
        out = ""
        for _ in range(n):
            c = self.next
            if c is None or c not in charset:
                break
            out += c
            self._advance()
        return out

    def getuntil(self, terminator, name):
        out = ""
        while True:
            c = self.next
            self._advance()
            if c is None:
                if not out:
                    raise self.error("missing " + name)
                raise self.error("missing %s, unterminated name" % terminator, len(out))
            if c == terminator:
                if not out:
                    raise self.error("missing " + name, 1)
                return out
            out += c

    def tell(self):
        return self.index - len(self.next or "")

    def seek(self, index):
        self.index = index
        self._advance()

    def error(self, msg, offset=0):
        """An error at the current token, `offset` characters before it."""
        return self.error_type(msg, self.pattern_obj, self.tell() - offset)


class State:
    def __init__(self, flags):
        self.flags = flags
        self.groupdict = {}
        self.groupwidths = [None]   # index 0 unused; None while open
        self.lookbehindgroups = None
        self.grouprefpos = {}
        self.width_error = None

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, source, name=None, offset=0):
        gid = self.groups
        self.groupwidths.append(None)
        if self.groups > C.MAXGROUPS:
            raise source.error("too many groups")
        if name is not None:
            ogid = self.groupdict.get(name)
            if ogid is not None:
                raise source.error("redefinition of group name %r as group %d; "
                                   "was group %d" % (name, gid, ogid), offset)
            self.groupdict[name] = gid
        return gid

    def closegroup(self, gid, node):
        self.groupwidths[gid] = width(node)

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error("cannot refer to an open group")
            if gid >= self.lookbehindgroups:
                raise source.error("cannot refer to group defined in the same "
                                   "lookbehind subpattern")


def width(node):
    """(min, max) number of characters the node can match; max is
    C.MAXREPEAT when unbounded."""
    kind = node[0]
    if kind in ("lit", "notlit", "any", "in"):
        return 1, 1
    if kind in ("at", "assert"):
        return 0, 0
    if kind == "seq":
        lo = hi = 0
        for n in node[1]:
            a, b = width(n)
            lo += a
            hi += b
        return min(lo, C.MAXREPEAT), min(hi, C.MAXREPEAT)
    if kind == "alt":
        ws = [width(n) for n in node[1]]
        return min(w[0] for w in ws), max(w[1] for w in ws)
    if kind in ("group", "atomic"):
        return width(node[-1])
    if kind == "rep":
        a, b = width(node[4])
        return min(a * node[1], C.MAXREPEAT), min(b * node[2], C.MAXREPEAT)
    if kind == "ref":
        return node[3]
    if kind == "cond":
        a = width(node[2])
        b = width(node[3]) if node[3] is not None else (0, 0)
        return min(a[0], b[0]), max(a[1], b[1])
    raise AssertionError(kind)


def uses_unicode(state, source):
    return not source.is_bytes and not (state.flags & C.ASCII)


def class_escape(source, state, escape):
    """An escape inside [...]: ('ch', cp) or ('cat', code)."""
    c = escape[1]
    if c in SIMPLE_ESCAPES:
        return ("ch", SIMPLE_ESCAPES[c])
    if c in CATEGORY_ESCAPES:
        a, u = CATEGORY_ESCAPES[c]
        return ("cat", u if uses_unicode(state, source) else a)
    return ("ch", common_escape(source, escape, True))


def common_escape(source, escape, in_class):
    """Numeric and literal escapes valid in and out of classes: \\x \\u \\U
    \\N \\0 octal, escaped punctuation.  Returns a code point."""
    c = escape[1]
    if c == "x":
        esc = source.getwhile(2, HEXDIGITS)
        if len(esc) != 2:
            raise source.error("incomplete escape \\x" + esc, len(esc) + 2)
        return int(esc, 16)
    if c in "uU" and not source.is_bytes:
        n = 4 if c == "u" else 8
        esc = source.getwhile(n, HEXDIGITS)
        if len(esc) != n:
            raise source.error("incomplete escape \\%s%s" % (c, esc), len(esc) + 2)
        cp = int(esc, 16)
        if cp > 0x10FFFF:
            raise source.error("bad escape \\%s%s" % (c, esc), len(esc) + 2)
        return cp
    if c == "N" and not source.is_bytes:
        raise source.error("\\N{...} escapes are not supported", 2)
    if c == "0":
        esc = source.getwhile(2, OCTDIGITS)
        return int("0" + esc, 8)
    if in_class and c in OCTDIGITS:
        esc = c + source.getwhile(2, OCTDIGITS)
        cp = int(esc, 8)
        if cp > 0o377:
            raise source.error("octal escape value \\%s outside of range 0-0o377" % esc, len(esc) + 1)
        return cp
    if c in DIGITS:
        raise source.error("bad escape \\" + c, 2)
    if c in ASCIILETTERS:
        raise source.error("bad escape \\" + c, 2)
    return ord(c)


def atom_escape(source, state, escape):
    """An escape outside a class: a node."""
    c = escape[1]
    icase = bool(state.flags & C.IGNORECASE)
    if c in CATEGORY_ESCAPES:
        a, u = CATEGORY_ESCAPES[c]
        return ("in", False, [("cat", u if uses_unicode(state, source) else a)], False)
    if c == "A":
        return ("at", C.AT_BEGINNING_STRING)
    if c == "Z":
        return ("at", C.AT_END_STRING)
    if c == "b":
        return ("at", C.AT_UNI_BOUNDARY if uses_unicode(state, source) else C.AT_BOUNDARY)
    if c == "B":
        return ("at", C.AT_UNI_NON_BOUNDARY if uses_unicode(state, source) else C.AT_NON_BOUNDARY)
    if c in SIMPLE_ESCAPES:
        return ("lit", SIMPLE_ESCAPES[c], icase)
    if c in DIGITS and c != "0":
        # an octal escape of three digits, or a group reference
        digits = c
        if source.next is not None and source.next in DIGITS:
            digits += source.get()
            if digits[0] in OCTDIGITS and digits[1] in OCTDIGITS and \
                    source.next is not None and source.next in OCTDIGITS:
                digits += source.get()
                cp = int(digits, 8)
                if cp > 0o377:
                    raise source.error("octal escape value \\%s outside of range 0-0o377" % digits,
                                       len(digits) + 1)
                return ("lit", cp, icase)
        group = int(digits)
        if group < state.groups:
            if not state.checkgroup(group):
                raise source.error("cannot refer to an open group", len(digits) + 1)
            state.checklookbehindgroup(group, source)
            return ("ref", group, icase, state.groupwidths[group])
        raise source.error("invalid group reference %d" % group, len(digits))
    return ("lit", common_escape(source, escape, False), icase)


def parse_class(source, state):
    """After '[': a ('in', ...) node (or a plain literal for [x])."""
    start = source.tell() - 1
    negate = source.match("^")
    items = []
    first = True
    while True:
        this = source.next
        if this is None:
            raise source.error("unterminated character set", source.tell() - start)
        if this == "]" and not first:
            source.get()
            break
        first = False
        pos = source.tell()
        source.get()
        if this[0] == "\\":
            lo = class_escape(source, state, this)
        else:
            lo = ("ch", ord(this))
        if source.next == "-":
            source.get()
            that = source.next
            if that is None:
                raise source.error("unterminated character set", source.tell() - start)
            if that == "]":
                items.append(lo)
                items.append(("ch", ord("-")))
                continue
            source.get()
            if that[0] == "\\":
                hi = class_escape(source, state, that)
            else:
                hi = ("ch", ord(that))
            if lo[0] != "ch" or hi[0] != "ch":
                raise source.error("bad character range %s-%s" % (this, that), source.tell() - pos)
            if hi[1] < lo[1]:
                raise source.error("bad character range %s-%s" % (this, that), source.tell() - pos)
            items.append(("range", lo[1], hi[1]))
        else:
            items.append(lo)
    icase = bool(state.flags & C.IGNORECASE)
    if len(items) == 1 and items[0][0] == "ch":
        return ("notlit" if negate else "lit", items[0][1], icase)
    return ("in", negate, items, icase)


def parse_flags(source, state, ch):
    """Inline flags after '(?': returns (add, remove) for a scoped group
    (the ':' consumed) or None for global flags (the ')' consumed)."""
    add = 0
    remove = 0
    if ch != "-":
        while True:
            flag = FLAG_CHARS[ch]
            if source.is_bytes:
                if ch == "u":
                    raise source.error("bad inline flags: cannot use 'u' flag with a bytes pattern")
            else:
                if ch == "L":
                    raise source.error("bad inline flags: cannot use 'L' flag with a str pattern")
            add |= flag
            if (flag & TYPE_FLAGS) and (add & TYPE_FLAGS) != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            ch = source.get()
            if ch is None:
                raise source.error("missing -, : or )")
            if ch in ")-:":
                break
            if ch not in FLAG_CHARS:
                msg = "unknown flag" if ch.isalpha() else "missing -, : or )"
                raise source.error(msg, len(ch))
    if ch == ")":
        state.flags |= add
        return None
    if add & GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn on global flag", 1)
    if ch == "-":
        ch = source.get()
        if ch is None:
            raise source.error("missing flag")
        if ch not in FLAG_CHARS:
            msg = "unknown flag" if ch.isalpha() else "missing flag"
            raise source.error(msg, len(ch))
        while True:
            flag = FLAG_CHARS[ch]
            if flag & TYPE_FLAGS:
                raise source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
            remove |= flag
            ch = source.get()
            if ch is None:
                raise source.error("missing :")
            if ch == ":":
                break
            if ch not in FLAG_CHARS:
                msg = "unknown flag" if ch.isalpha() else "missing :"
                raise source.error(msg, len(ch))
    if remove & GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn off global flag", 1)
    if add & remove:
        raise source.error("bad inline flags: flag turned on and off", 1)
    return add, remove


def check_name(source, name, offset):
    if not name.isidentifier():
        raise source.error("bad character in group name %r" % name, offset)


def parse_repeat(source, state, this, here):
    """After the repeat character `this` at `here`: (min, max), or None
    when '{' is a literal (the cursor is then back at it)."""
    if this == "?":
        return 0, 1
    if this == "*":
        return 0, C.MAXREPEAT
    if this == "+":
        return 1, C.MAXREPEAT
    # '{'
    if source.next == "}":
        source.seek(here)
        return None
    lo = source.getwhile(20, DIGITS)
    hi = lo
    if source.match(","):
        hi = source.getwhile(20, DIGITS)
    if not source.match("}"):
        source.seek(here)
        return None
    mn = int(lo) if lo else 0
    mx = int(hi) if hi else C.MAXREPEAT
    if mn >= C.MAXREPEAT or (hi and mx >= C.MAXREPEAT):
        raise OverflowError("the repetition number is too large")
    if mx < mn:
        raise source.error("min repeat greater than max repeat", source.tell() - here - 1)
    return mn, mx


def parse_sequence(source, state):
    items = []
    verbose = bool(state.flags & C.VERBOSE)
    while True:
        this = source.next
        if this is None or this in "|)":
            break
        start = source.tell()
        source.get()
        if verbose:
            if this in WHITESPACE:
                continue
            if this == "#":
                while True:
                    this = source.get()
                    if this is None or this == "\n":
                        break
                continue
        if this[0] == "\\":
            items.append(atom_escape(source, state, this))
        elif this == "[":
            items.append(parse_class(source, state))
        elif this in REPEAT_CHARS:
            rep = parse_repeat(source, state, this, start)
            if rep is None:
                source.get()
                items.append(("lit", ord("{"), bool(state.flags & C.IGNORECASE)))
                continue
            if not items or items[-1][0] == "at":
                raise source.error("nothing to repeat", source.tell() - start)
            last = items[-1]
            if last[0] == "rep":
                raise source.error("multiple repeat", source.tell() - start)
            if last[0] == "group" and last[1] is None:
                last = last[2]
            kind = 0
            if source.match("?"):
                kind = 1
            elif source.match("+"):
                kind = 2
            items[-1] = ("rep", rep[0], rep[1], kind, last)
        elif this == ".":
            items.append(("any", bool(state.flags & C.DOTALL)))
        elif this == "^":
            items.append(("at", C.AT_BEGINNING_LINE if state.flags & C.MULTILINE else C.AT_BEGINNING))
        elif this == "$":
            items.append(("at", C.AT_END_LINE if state.flags & C.MULTILINE else C.AT_END))
        elif this == "(":
            node = parse_group(source, state, start)
            if node is not None:
                items.append(node)
            verbose = bool(state.flags & C.VERBOSE)
        else:
            items.append(("lit", ord(this), bool(state.flags & C.IGNORECASE)))
    if len(items) == 1:
        return items[0]
    return ("seq", items)


def parse_alternatives(source, state):
    alts = []
    while True:
        alts.append(parse_sequence(source, state))
        if not source.match("|"):
            break
    if len(alts) == 1:
        return alts[0]
    return ("alt", alts)


def parse_group(source, state, start):
    """After '(' at `start`: the group's node, or None for a comment or
    global flags."""
    capture = True
    name = None
    add = remove = 0
    if source.match("?"):
        char = source.get()
        if char is None:
            raise source.error("unexpected end of pattern")
        if char == "P":
            if source.match("<"):
                name = source.getuntil(">", "group name")
                check_name(source, name, len(name) + 1)
            elif source.match("="):
                name = source.getuntil(")", "group name")
                check_name(source, name, len(name) + 1)
                gid = state.groupdict.get(name)
                if gid is None:
                    raise source.error("unknown group name %r" % name, len(name) + 1)
                if not state.checkgroup(gid):
                    raise source.error("cannot refer to an open group", len(name) + 1)
                state.checklookbehindgroup(gid, source)
                return ("ref", gid, bool(state.flags & C.IGNORECASE), state.groupwidths[gid])
            else:
                ch = source.get()
                if ch is None:
                    raise source.error("unexpected end of pattern")
                raise source.error("unknown extension ?P" + ch, len(ch) + 2)
        elif char == ":":
            capture = False
        elif char == "#":
            while True:
                if source.next is None:
                    raise source.error("missing ), unterminated comment", source.tell() - start)
                if source.get() == ")":
                    break
            return None
        elif char in "=!<":
            behind = False
            if char == "<":
                char = source.get()
                if char is None:
                    raise source.error("unexpected end of pattern")
                if char not in "=!":
                    raise source.error("unknown extension ?<" + char, len(char) + 2)
                behind = True
                saved = state.lookbehindgroups
                if saved is None:
                    state.lookbehindgroups = state.groups
            body = parse_alternatives(source, state)
            if behind:
                if saved is None:
                    state.lookbehindgroups = None
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern", source.tell() - start)
            if behind:
                lo, hi = width(body)
                if lo != hi and state.width_error is None:
                    # reported once parsing is done, as CPython's compiler does
                    state.width_error = state.error_type("look-behind requires fixed-width pattern")
            return ("assert", behind, char == "!", body, lo if behind else 0)
        elif char == "(":
            cond = source.getuntil(")", "group name")
            if cond.isidentifier():
                gid = state.groupdict.get(cond)
                if gid is None:
                    raise source.error("unknown group name %r" % cond, len(cond) + 1)
            else:
                if not cond.isdecimal() or not cond.isascii():
                    raise source.error("bad character in group name %r" % cond, len(cond) + 1)
                gid = int(cond)
                if gid == 0:
                    raise source.error("bad group number", len(cond) + 1)
                if gid >= C.MAXGROUPS:
                    raise source.error("invalid group reference %d" % gid, len(cond) + 1)
                if gid not in state.grouprefpos:
                    state.grouprefpos[gid] = source.tell() - len(cond) - 1
            state.checklookbehindgroup(gid, source)
            yes = parse_sequence(source, state)
            no = None
            if source.match("|"):
                no = parse_sequence(source, state)
                if source.next == "|":
                    raise source.error("conditional backref with more than two branches")
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern", source.tell() - start)
            return ("cond", gid, yes, no)
        elif char == ">":
            body = parse_alternatives(source, state)
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern", source.tell() - start)
            return ("atomic", body)
        elif char in FLAG_CHARS or char == "-":
            flags = parse_flags(source, state, char)
            if flags is None:
                raise source.error("global flags not at the start of the expression",
                                   source.tell() - start)
            add, remove = flags
            capture = False
        else:
            raise source.error("unknown extension ?" + char, len(char) + 1)
    gid = None
    if capture:
        gid = state.opengroup(source, name, len(name) + 1 if name else 0)
    saved_flags = state.flags
    if add or remove:
        state.flags = (state.flags | add) & ~remove
        if add & TYPE_FLAGS:
            state.flags &= ~(TYPE_FLAGS & ~add)
    body = parse_alternatives(source, state)
    state.flags = saved_flags
    if not source.match(")"):
        raise source.error("missing ), unterminated subpattern", source.tell() - start)
    if gid is not None:
        state.closegroup(gid, body)
    return ("group", gid, body)


def parse(pattern, flags, error):
    """Parses `pattern` (str or bytes): (tree, state)."""
    is_bytes = isinstance(pattern, (bytes, bytearray))
    text = pattern.decode("latin-1") if is_bytes else pattern
    state = State(flags)
    state.error_type = error
    source = Source(text, is_bytes, error, pattern)
    # Global flags are only allowed before anything else.
    while source.next == "(" and text.startswith("(?", source.tell()):
        here = source.tell()
        source.get()
        source.get()
        char = source.next
        if char is not None and (char in FLAG_CHARS or char == "-"):
            source.get()
            res = parse_flags(source, state, char)
            if res is None:
                continue
        source.seek(here)
        break
    tree = parse_alternatives(source, state)
    if source.next is not None:
        raise source.error("unbalanced parenthesis")
    for gid, pos in state.grouprefpos.items():
        if gid >= state.groups:
            raise error("invalid group reference %d" % gid, pattern, pos)
    if is_bytes:
        if state.flags & C.UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
    else:
        if state.flags & C.LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if state.flags & C.ASCII and state.flags & C.UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
        if not state.flags & C.ASCII:
            state.flags |= C.UNICODE
    if state.width_error is not None:
        raise state.width_error
    return tree, state
