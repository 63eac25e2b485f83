# re: one compiled pattern used by several threads at once (long matches
# let other threads run in the middle), and the re.Scanner lexer helper.
import re
import threading

WORD = re.compile(r"(\w+)@(\w+)\.(?:com|org)")
text = " ".join("user%d@host%d.%s" % (i, i % 13, "com" if i % 3 else "org") for i in range(40000))
results = {}


def work(k):
    found = WORD.findall(text)
    subbed = WORD.sub(r"\2:\1", text[: 2000 * (k + 1)])
    pieces = re.split(r"\s+", text)
    results[k] = (len(found), found[k], len(subbed), len(pieces))


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    print(k, results[k])

scanner = re.Scanner([
    (r"[a-zA-Z_]\w*", lambda s, tok: ("NAME", tok)),
    (r"\d+\.\d*", lambda s, tok: ("FLOAT", float(tok))),
    (r"\d+", lambda s, tok: ("INT", int(tok))),
    (r"[=+*/()-]", lambda s, tok: ("OP", tok)),
    (r"\s+", None),
])
print(scanner.scan("x = 3 + 4.5 * (y - 12)"))
print(scanner.scan("a = 1 $ b"))
