n = 27
steps = []
while n != 1 and len(steps) < 200:
    steps.append(n)
    n = n // 2 if n % 2 == 0 else 3 * n + 1
print(len(steps), max(steps), steps[:8])
stack = [1]
seen = []
while stack:
    v = stack.pop()
    if v > 20:
        continue
    seen.append(v)
    stack.extend([v * 2, v * 3])
print(sorted(seen))
i = 0
found = None
while i < 100:
    i += 1
    if i * i > 500:
        found = i
        break
else:
    found = -1
print(found)
a, b = 0, 1
while b < 1000:
    a, b = b, a + b
print(a, b)
count = 0
while True:
    count += 1
    if count % 2:
        continue
    if count > 10:
        break
print(count)
