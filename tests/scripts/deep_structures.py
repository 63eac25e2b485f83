nested = []
cur = nested
for i in range(50):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
s = str(nested)
print(len(s), s[:40], s[-40:])
d = {}
cur = d
for i in range(30):
    cur[i] = {}
    cur = cur[i]
print(str(d)[:50])
t = ()
for i in range(20):
    t = (t, i)
print(t[1], len(str(t)))
big = list(range(100000))
print(len(big), big[-1], sum(big[::1000]))
m = {i: str(i) for i in range(50000)}
print(len(m), m[49999], sum(len(v) for v in m.values()))
