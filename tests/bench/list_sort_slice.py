import random
random.seed(7)
data = [random.randint(0, 1_000_000) for _ in range(200_000)]
total = 0
for r in range(5):
    s = sorted(data)
    total += s[len(s) // 2]
    d2 = data[::2] + data[1::2]
    d2.reverse()
    total += d2[100]
    chunks = [data[i:i + 100] for i in range(0, len(data), 100)]
    total += len(chunks)
words = [str(x) for x in data[:50_000]]
words.sort(key=len)
print(total, words[0], words[-1], sorted(data, reverse=True)[:3])
