parts = []
for i in range(10):
    parts.append(f"{i:02d}")
print(",".join(parts))
s = ""
for ch in "abcdef":
    s += ch.upper()
    s += "-"
print(s.rstrip("-"))
lines = ["first", "second", "third"]
print("\n".join(f"{n}: {l}" for n, l in enumerate(lines, 1)))
table = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 4.0)]
print(f"{'item':<12}{'qty':>5}{'price':>8}")
for name, qty, price in table:
    print(f"{name:<12}{qty:>5}{price:>8.2f}")
print("=" * 25)
print(f"{'total':<12}{sum(q for _, q, _ in table):>5}{sum(q * p for _, q, p in table):>8.2f}")
words = "the rain in spain stays mainly in the plain".split()
print(" ".join(w.capitalize() if len(w) > 3 else w for w in words))
print("".join(reversed("stressed")), "abc" * 3, "-".join("abc"), "x".join(["1"]))
print(repr("\n".join(["a", "b"])), len("\t".join(["", ""])))
