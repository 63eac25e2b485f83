# re: re.error messages, positions, line/column, and other exceptions
# raised by compile and the template of sub.
import re

BAD = [
    r"(", r")", r"a**", r"*", r"[a", r"\q", r"[z-a]", r"(?P=x)", r"\2",
    r"(?P<a>x)(?P<a>y)", r"(?<=a*)", r"(?<x", r"(?Q)", r"(?P<>x)", r"(?P<1a>x)",
    "\\", "a{3,2}", r"\x1", r"(?i", r"(?z)", "a(?i)", r"(?#abc", r"[\d-z]",
    r"(?P", r"(?P<a", r"(?P=", r"(a)(?(2)b)", r"(a\1)", r"[]", r"a|*",
    r"(?:", r"(?-i)", r"(?i-i:a)", r"\u12", r"\777", r"x{2}{3}", r"(?>",
    "\\U00110000", r"(?<!ab|c)", r"\8", "[\\", r"(?P<a>)(?P=b)", r"(?L)a",
    r"(?a-u:x)", r"(?-a:x)", "ab\n(", "ab\ncd\n  )", r"(?P<a>a)(?P=a",
    r"(?P<a!>x)", r"(?-x)", r"[a-\d]", r"\p", r"[\q]", r"(?<=a|bc)", r"(?P>a)",
    r"\g<1>", r"(?", r"(?P<a>a", r"(?(a)b|c)", r"(?(1)a|b|c)", r"(?i:a",
    r"(?i-:a)", r"(?-:a)", r"(?a-a:a)", r"x++*", r"(?<=(a)\1)", r"^*", r"\b+",
]
for p in BAD:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == p)

try:
    re.compile(b"\\u0041")
except re.error as e:
    print("bytes:", e)
try:
    re.compile(b"(?u)a")
except re.error as e:
    print("bytes:", e)
for args in [(b"a", re.U), ("a", re.L), ("a", re.A | re.U)]:
    try:
        re.compile(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    re.compile("a{99999999999}")
except OverflowError as e:
    print("OverflowError:", e)
try:
    re.compile(42)
except TypeError as e:
    print("TypeError:", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError:", e)

# wrong subject types
for call in [lambda: re.match("a", b"a"), lambda: re.match(b"a", "a"), lambda: re.match("a", 5),
             lambda: re.findall("a", None)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# replacement templates
for repl in [r"\3", r"\g<x>", r"\g<1", r"\g<>", r"\g<a b>", r"\q", "\\", r"\g", r"\g<9>"]:
    try:
        print(re.sub(r"(a)(?P<n>b)", repl, "ab"))
    except re.error as e:
        print(repr(repl), "|", e)
    except IndexError as e:
        print(repr(repl), "IndexError:", e)

m = re.match(r"(a)(?P<n>b)?", "a")
for g in [3, -1, "nope", 1.5]:
    try:
        m.group(g)
    except IndexError as e:
        print("IndexError:", e)
try:
    m.start(7)
except IndexError as e:
    print("IndexError:", e)

# an error is an Exception with its message as str()
e = re.error("custom", "pat", 1)
print(e, e.msg, e.pattern, e.pos, isinstance(e, Exception), re.error.__module__)
print(re.error("plain"), re.error("plain").pos)

# a parse error later in the pattern is reported before a lookbehind's width
try:
    re.compile(r"(?<=a{2,})|^+")
except re.error as e:
    print(e)
