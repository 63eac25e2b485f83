"""Regular expression compiler: the parser's tree -> a flat list of ints,
the program run by the backtracking engine in _sre.c (opcodes in
_constants)."""

import _sre
from . import _constants as C
from . import _parser

SINGLE = ("lit", "notlit", "any", "in")


def case_pair(cp, ascii_only):
    """(lower, upper) of a code point under the pattern's case rules, as
    the engine computes them."""
    if ascii_only:
        return _sre.ascii_tolower(cp), _sre.ascii_toupper(cp)
    lo = chr(cp).lower()
    up = chr(cp).upper()
    lo = ord(lo) if len(lo) == 1 and lo != chr(cp) else _sre.unicode_tolower(cp)
    up = ord(up) if len(up) == 1 and up != chr(cp) else _sre.unicode_toupper(cp)
    return lo, up


class Compiler:
    def __init__(self, ascii_case):
        self.code = []
        self.counters = 0
        self.ascii_case = ascii_case

    def emit(self, *ints):
        self.code.extend(ints)

    def single(self, node):
        """Emits a one-character test (the body of REPONE or a plain step)."""
        kind = node[0]
        if kind == "lit" or kind == "notlit":
            cp, icase = node[1], node[2]
            if icase:
                lo, up = case_pair(cp, self.ascii_case)
                # any non-ASCII letter may have case forms the simple
                # mappings of cp do not show (ẞ lowers to ß)
                if lo != up or lo != cp or (cp >= 128 and not self.ascii_case):
                    op = C.OP_LIT_I if kind == "lit" else C.OP_NOT_LIT_I
                    self.emit(op, lo, up)
                    return
            self.emit(C.OP_LIT if kind == "lit" else C.OP_NOT_LIT, cp)
        elif kind == "any":
            self.emit(C.OP_ANY_ALL if node[1] else C.OP_ANY)
        else:
            _, negate, items, icase = node
            body = []
            for item in items:
                if item[0] == "ch":
                    body += [C.ITEM_CHAR, item[1]]
                elif item[0] == "range":
                    body += [C.ITEM_RANGE, item[1], item[2]]
                else:
                    body += [C.ITEM_CAT, item[1]]
            flags = (C.IN_NEGATE if negate else 0) | (C.IN_IGNORE if icase else 0)
            # the fourth word is the slot of the set's bitmap of its first
            # 256 code points, made by _sre when it loads the program
            self.emit(C.OP_IN, flags, len(body), 0, *body)

    def node(self, node):
        kind = node[0]
        if kind in SINGLE:
            self.single(node)
        elif kind == "at":
            self.emit(C.OP_AT, node[1])
        elif kind == "seq":
            for n in node[1]:
                self.node(n)
        elif kind == "alt":
            jumps = []
            alts = node[1]
            for i, n in enumerate(alts):
                if i < len(alts) - 1:
                    split = len(self.code)
                    self.emit(C.OP_SPLIT, 0)
                    self.node(n)
                    jumps.append(len(self.code))
                    self.emit(C.OP_JMP, 0)
                    self.code[split + 1] = len(self.code)
                else:
                    self.node(n)
            for j in jumps:
                self.code[j + 1] = len(self.code)
        elif kind == "group":
            gid, body = node[1], node[2]
            if gid is None:
                self.node(body)
            else:
                self.emit(C.OP_MARK, 2 * gid)
                self.node(body)
                self.emit(C.OP_MARK, 2 * gid + 1)
        elif kind == "rep":
            self.repeat(node)
        elif kind == "atomic":
            self.emit(C.OP_ATOMIC)
            self.node(node[1])
            self.emit(C.OP_ATOMIC_END)
        elif kind == "assert":
            _, behind, negate, body, width = node
            at = len(self.code)
            self.emit(C.OP_ASSERT, width if behind else 0, 1 if negate else 0, 0)
            self.node(body)
            self.emit(C.OP_ASSERT_NOT_END if negate else C.OP_ASSERT_END)
            self.code[at + 3] = len(self.code)
        elif kind == "ref":
            self.emit(C.OP_GROUPREF, node[1], 1 if node[2] else 0)
        elif kind == "cond":
            _, gid, yes, no = node
            at = len(self.code)
            self.emit(C.OP_GROUPREF_EXISTS, gid, 0)
            self.node(yes)
            if no is not None:
                jump = len(self.code)
                self.emit(C.OP_JMP, 0)
                self.code[at + 2] = len(self.code)
                self.node(no)
                self.code[jump + 1] = len(self.code)
            else:
                self.code[at + 2] = len(self.code)
        else:
            raise AssertionError(kind)

    def repeat(self, node):
        _, mn, mx, how, body = node
        while body[0] == "group" and body[1] is None:
            body = body[2]
        if body[0] in SINGLE:
            at = len(self.code)
            self.emit(C.OP_REPONE, mn, mx, how, 0)
            self.single(body)
            self.code[at + 4] = len(self.code) - at - 5
            return
        if how == C.REP_POSSESSIVE:
            self.emit(C.OP_ATOMIC)
            self.repeat(("rep", mn, mx, C.REP_GREEDY, body))
            self.emit(C.OP_ATOMIC_END)
            return
        if mn == 0 and mx == 1:
            split = len(self.code)
            if how == C.REP_GREEDY:
                self.emit(C.OP_SPLIT, 0)
                self.node(body)
                self.code[split + 1] = len(self.code)
            else:
                self.emit(C.OP_SPLIT, split + 4, C.OP_JMP, 0)
                self.node(body)
                self.code[split + 3] = len(self.code)
            return
        k = self.counters
        self.counters += 1
        self.emit(C.OP_REP_INIT, k)
        head = len(self.code)
        self.emit(C.OP_REP, k, mn, mx, how, 0)
        self.emit(C.OP_REP_BODY, k)
        self.node(body)
        self.emit(C.OP_REP_TAIL, k, head)
        self.code[head + 5] = len(self.code)


def compile(pattern, flags, error):
    """Parses and compiles: an _sre Pattern object."""
    tree, state = _parser.parse(pattern, flags, error)
    is_bytes = not isinstance(pattern, str)
    ascii_case = is_bytes or bool(state.flags & C.ASCII)
    comp = Compiler(ascii_case)
    comp.node(tree)
    comp.emit(C.OP_SUCCESS)
    groupindex = dict(state.groupdict)
    indexgroup = [None] * state.groups
    for name, gid in groupindex.items():
        indexgroup[gid] = name
    return _sre.compile(pattern, state.flags, comp.code, state.groups - 1,
                        groupindex, tuple(indexgroup), comp.counters)
