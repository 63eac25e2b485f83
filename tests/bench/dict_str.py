words = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()
counts = {}
for i in range(600_000):
    w = words[i % len(words)] + str(i % 97)
    counts[w] = counts.get(w, 0) + 1
total = 0
for k, v in counts.items():
    if k.startswith("a") or k.endswith("7"):
        total += v
parts = []
for k in sorted(counts)[:2000]:
    parts.append(k.upper().replace("A", "4"))
s = ",".join(parts)
print(len(counts), total, len(s), s[:40])
text = " ".join(words) * 2000
print(len(text.split()), text.count("eta"), text.find("omega", 1000))
