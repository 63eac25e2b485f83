# re: Unicode str patterns (categories, case folding, positions in code
# points) and bytes patterns on bytes and bytearray.
import re

text = "Grüße aus Köln, 東京 und Zürich! Ünïcödé 123 ٣٤٥"
print(re.findall(r"\w+", text))
print(re.findall(r"\w+", text, re.A))
print(re.findall(r"\d+", text), re.findall(r"\d+", text, re.ASCII))
print([m.span() for m in re.finditer(r"\w+", text)])
m = re.search(r"K(\w+)n", text)
print(m, m.span(1), m.group(1), m.start(), m.end())
print(re.sub(r"ü", "ue", text))
print(re.split(r"[,!]\s*", text))
print(re.search(r"東+", "x東東y"), re.search(r"[東京]+", "abc東京def").span())
print(re.findall(r"\s+", "a\u00a0b\u2003c\u3000d"), re.findall(r"\s+", "a\u00a0b", re.A))
print(re.findall(r"\S+", "é ü"))
print(re.match(r".", "\U0001F600x"), re.findall(r".", "a\U0001F600b"))
print(re.findall(r"[\u00e0-\u00ff]+", "abc àéîõü xyz"))
print(re.search(r"\bKöln\b", text).span(), re.search(r"\Bö", text).span())

# case-insensitive matching
print(re.findall(r"(?i)straße", "STRASSE straße STRAßE"))
print(re.findall(r"(?i)é", "É é e"), re.findall(r"(?i)[à-ÿ]+", "ÀÉÎ àéî"))
print(re.match(r"(?i)ΣΊΣΥΦΟΣ", "σίσυφος"), re.match(r"(?i)привет", "ПРИВЕТ"))
print(re.match(r"(?i)[a-z]+", "HeLLo"), re.match(r"(?i)[^a-z]", "Q"))
print(re.match(r"(?i)\w+", "ÄÖÜ"), re.match(r"(?ia)é", "É"), re.match(r"(?i)é", "É"))
print(re.search(r"(?i)(a)\1", "aA"), re.search(r"(?i)(é)\1", "éÉ"))
print(re.findall(r"(?i:A)b", "ab Ab aB"))

# bytes patterns
data = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\nX-Caf\xc3\xa9: 1\r\n\r\n"
print(re.match(rb"(\w+) (\S+) HTTP/(\d)\.(\d)", data).groups())
print(re.findall(rb"^([\w-]+): (.*)\r$", data, re.M))
print(re.findall(rb"\w+", b"caf\xe9 na\xefve"))
print(re.sub(rb"\s+", b" ", b"a  b\t\nc"), re.split(rb",", b"a,b"))
print(re.search(rb"\x00+", b"ab\x00\x00c").span(), re.search(rb"[\x80-\xff]+", b"ab\xc3\xa9c").group())
print(re.match(rb"(?i)HOST", b"host"), re.match(rb"(?i)\xe9", b"\xc9"))
ba = bytearray(b"key=value")
m = re.match(rb"(\w+)=(\w+)", ba)
print(m.groups(), m.group(0), m)
print(re.sub(rb"(\w+)=(\w+)", rb"\2=\1", b"key=value"), re.subn(b"a", b"bb", b"aa"))
print(re.compile(rb"(?P<n>\d+)").search(b"abc 42").groupdict())
print(re.escape(b"\x00a.b"), re.split(rb"(\d)", b"a1b2c"))
print(re.fullmatch(rb"[^\d]+", b"abc"), re.findall(rb"(?a)\w", b"a_1"))

# case forms that simple lower() does not unite
for p, s in [("(?i)s", "ſ"), ("(?i)k", "\u212a"), ("(?i)\u212a", "k"), ("(?i)ſ", "S"), ("(?i)i", "İ"),
             ("(?i)ı", "I"), ("(?i)µ", "Μ"), ("(?i)[a-z]", "ſ"), ("(?i)[k]", "\u212a"), ("(?i)ß", "ẞ"),
             ("(?i)ǅ", "ǆ"), ("(?i)ǅ", "Ǆ"), ("(?i)θ", "ϑ"), ("(?i)ω", "Ω"), ("(?i)å", "Å"),
             ("(?i)[^k]", "\u212a"), ("(?i)Ａ", "ａ"), ("(?i)σ", "ς"), ("(?i)[σ]", "ς"), ("(?ia)k", "\u212a")]:
    print(p, s, bool(re.match(p, s)))
