# re: inputs that could crash or hang a recursive matcher must finish:
# long texts with many open choice points, nested repeats of empty-capable
# bodies, large counts, deep nesting.
import re

n = 200000
s = "ab" * n
print(len(re.match(r"(?:a|b)*", s).group()))
print(re.match(r"(a|b)*c", s + "c").span(), re.match(r"(a|b)*c", s[:20000]))
print(re.match(r"(?:ab)*", s).end(), re.fullmatch(r"(?:ab)+", s) is not None)
print(re.match(r"(.)*", s).group(1), re.match(r"(?:(a)|(b))*", s).groups())
print(re.search(r"x", "a" * 1000000), re.search(r"a*x", "a" * 5000))
print(re.match(r"(a*)*b", "a" * 16), re.match(r"(a*)+$", "a" * 1000).span())
print(re.match(r"(a|aa)*c", "a" * 20), re.match(r"(?:a*)*", "a" * 100000).end())
print(re.match(r"(x+x+)+y", "x" * 18))
print(re.match(r"(?:a?){14}a{14}", "a" * 14).span())
print(re.match(r"((a)|b)*?c", "ab" * 1000 + "c").span())
print(re.match(r"(?:(?:a)*)*b", "a" * 50000 + "b").span())
print(re.match(r"a{0,100000}", "a" * 200000).end(), re.match(r"(?:ab){1000,}", s).end())
print(re.match(r"(?:a{2}){50000}", "a" * 100000).end())
print(re.match(r"(?=(a*))\1b", "a" * 10000 + "b").end())
print(re.match(r"(?>a*)+b", "a" * 10000 + "b").end())
print(re.match(r"(\w+)\s\1", "word " * 5000), re.search(r"(.+)\1", "abcabc" * 1000).span())
print(len(re.findall(r"\w+|\W+", "ab, " * 50000)), len(re.split(r",", "a," * 100000)))
print(len(re.sub(r"(a)", r"<\1>", "a" * 100000)))
print(re.match("(" * 200 + "a" + ")" * 200, "a").span(), re.compile("(?:" * 150 + "b" + ")" * 150).match("b"))
print(re.match(r"[^\n]*\n" * 3, "a\nb\nc\n").end())
print(re.search(r"(?i)" + "x" * 100, "X" * 99), re.search(r"(?s).*z", "a\n" * 50000 + "z").end())
pat = re.compile(r"(?:(\d+)|(\w+)|(\s+))*?$")
print(pat.match("a1 " * 3000).span())
