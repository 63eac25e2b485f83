# collections.deque: a FIFO append/popleft loop, a bounded window, rotate,
# indexing near both ends and in the middle, and iteration.
from collections import deque

total = 0
q = deque()
for i in range(1_000_000):
    q.append(i)
    if len(q) > 100:
        total += q.popleft()
while q:
    total += q.pop()

window = deque(maxlen=50)
for i in range(500_000):
    window.append(i)
    window.appendleft(-i)
total += sum(window)

r = deque(range(1000))
for k in range(50_000):
    r.rotate(7)
    r.rotate(-3)
total += r[0] + r[-1]

idx = deque(range(10_000))
for k in range(300_000):
    total += idx[k % 64] + idx[-1 - k % 64] + idx[5000]

for rep in range(20):
    for x in idx:
        total += x
    total += idx.count(rep) + idx.index(9_000)
print(total)
