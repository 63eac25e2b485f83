# re: the Pattern and Match API, flags, escape, purge, the compile cache.
import re

p = re.compile(r"(?P<key>\w+)=(?P<val>\d+)?")
print(p)
print(p.pattern, p.flags, p.groups, p.groupindex)
print(type(p).__name__, type(p), isinstance(p, re.Pattern))
print(re.compile("a+", re.IGNORECASE), re.compile("a", re.I | re.M | re.S | re.X))
print(re.compile("a", re.A), re.compile(b"a"), re.compile(b"a", re.I), re.compile("a", re.U))
print(repr(re.compile("x" * 300))[:40], len(repr(re.compile("x" * 300))))
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I),
      hash(re.compile("ab")) == hash(re.compile("ab")))
print(re.compile("(?i)a").flags, re.compile("(?x)a").flags, re.compile("(?a)a").flags)

m = p.search("  alpha=42 beta=")
print(m)
print(type(m).__name__, isinstance(m, re.Match), bool(m))
print(m.group(), m.group(0), m.group(1), m.group("val"), m.group(1, 2), m.group("key", 0))
print(m[0], m[1], m["val"])
print(m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.start("val"), m.end(2), m.span("key"))
print(m.string, m.re is p, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
m2 = p.search("beta=")
print(m2.groups(), m2.groups("-"), m2.groupdict(), m2.groupdict(0), m2.span(2), m2.start(2), m2.group(2))
print(m2.lastindex, m2.lastgroup)
print(m.expand(r"\g<val>:\1 [\g<key>] \\n\n"), repr(m2.expand(r"<\2>")))

# pos and endpos
p2 = re.compile(r"\d+")
print(p2.match("ab12cd34", 2), p2.match("ab12cd34", 1), p2.search("ab12cd34", 4))
print(p2.search("ab12cd34", 0, 3), p2.search("ab12cd34", -5, 100), p2.search("12", 5))
print(p2.findall("1 22 333 4444", 2, 8), p2.fullmatch("x123y", 1, 4))
print(re.compile("^a").search("ba", 1), re.compile("a$").search("ab", 0, 1))
m3 = p2.search("ab12cd34", 3, 7)
print(m3, m3.pos, m3.endpos)

# match / fullmatch / search module functions
print(re.match("a", "ba"), re.search("a", "ba"), re.fullmatch("a+", "aaa"), re.fullmatch("a+", "aab"))
print(re.fullmatch("a|ab", "ab"), re.fullmatch("(a|ab)(c|bcd)", "abcd"))
print(re.fullmatch(".*?", "abc"))

# lastindex / lastgroup
print(re.match(r"(a)(b)", "ab").lastindex, re.match(r"((a)b)", "ab").lastindex,
      re.match(r"(a)|b", "b").lastindex, re.match(r"(?P<x>a)(?P<y>b)?", "a").lastgroup)

# finditer
it = re.finditer(r"\d+", "a1b22c333")
print([x.group() for x in it])
print([x.span() for x in re.finditer(r"", "abc")])
print([(x.group(), x.span()) for x in re.finditer(r"a*", "baaac")])
sc = re.compile(r"\w").scanner("ab c")
print(sc.match(), sc.match(), sc.match(), sc.search(), sc.search())

# flags objects
print(re.I, re.M | re.I, re.IGNORECASE | re.MULTILINE | re.DOTALL, repr(re.X), int(re.I), re.NOFLAG)
print(re.I | 0, 0 | re.I, re.A, re.U, re.L, re.S, re.DEBUG & 0, re.I == 2, f"{re.M}", "%d" % re.S)
print(re.I.__class__.__name__, isinstance(re.I, int), re.I | 1024)
print(re.IGNORECASE is re.I, re.RegexFlag.__name__)

# escape
print(re.escape("a.b*c?d+e(f)[g]{h}|i^j$k\\l m\tn-o#p&q~r"))
print(re.escape("hello_world123"), re.escape("ünïcode"), re.escape(b"a.b c"))
print(re.match(re.escape("1+1=2?"), "1+1=2?"))

# purge and cache
re.purge()
print(re.search("x", "axb").span(), re.compile("x") is re.compile("x"))

# callable template: m.group inside sub
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.sub(r"(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "hello big world"))

# copy
import copy
print(copy.copy(m) is m, copy.deepcopy(p) is p)

# construction, generic aliases, keyword arguments and their errors
for f in (lambda: re.Pattern(), lambda: re.Match()):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
print(re.Pattern[str], re.Match[bytes])
m = re.match("(a)", "a")
print(m.span(True), m.group(True))
print(re.sub("a", "b", "xax", flags=re.I), re.split("a", "bab", flags=0), re.findall("a", "aA", re.I))
p = re.compile("a")
print(p.match(string="a"), p.search("ba", pos=1), p.sub(repl="x", string="aa", count=1))
for f in [lambda: p.match("a", 1, 2, 3), lambda: p.match("a", string="a"), lambda: p.match(x=1),
          lambda: p.match("a", x=1), lambda: p.sub("a"), lambda: p.split(), lambda: p.subn("a", "b", 1, 2),
          lambda: m.groups(1, 2), lambda: p.scanner(), lambda: m.group(x=1)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
print(re.sub("a", lambda m: 5 and "x", "aa"))
for f in [lambda: re.sub("a", lambda m: 5, "aa"), lambda: re.sub("a", b"x", "aa")]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
print(re.match(r"(?P<first>a)(?P<second>b)?", "a").groupdict("z"))
print(re.compile(r"\w+").findall("hello world", 3), re.compile(r"\w+").split("a b c", 1))
print(str(re.compile("a")), re.compile("a").__class__.__module__, type(m).__module__)
for f in [lambda: m.start(group=1), lambda: m.expand(template="x"), lambda: m.start(1, 2),
          lambda: m.span(1, 2), lambda: m.expand(), lambda: re.compile("a").scanner("a").match(1)]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
print(re.I.name, (re.I | re.M).name, re.NOFLAG.name, re.I.value, (re.S | 1024).name)
