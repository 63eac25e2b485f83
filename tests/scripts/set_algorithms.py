a = set(range(0, 20, 2))
b = set(range(0, 20, 3))
print(sorted(a & b), sorted(a | b)[:5], sorted(a - b), sorted(b - a), sorted(a ^ b)[:5])
words = "the cat and the hat and the bat".split()
print(len(words), len(set(words)), sorted(set(words)))
seen = set()
dups = []
for w in words:
    if w in seen:
        dups.append(w)
    seen.add(w)
print(dups)
print(sorted({len(w) for w in words}), {w for w in words if w.endswith("at")} == {"cat", "hat", "bat"})
primes = set(range(2, 50))
for i in range(2, 8):
    primes -= set(range(i * i, 50, i))
print(sorted(primes))
fs = frozenset(["x", "y"])
print(sorted(fs), "x" in fs, len(fs | {"z"}), type(fs & {"x"}).__name__)
