total = 0
for i in range(2_000_000):
    p = (i, i + 1.5, "s")
    total += p[0] & 7
print(total)
lst = [float(i) for i in range(200000)]
print(sum(lst))
