# threading.local: per-thread attributes; a subclass's __init__ runs in
# each thread that uses the object.
import threading

data = threading.local()
data.x = "main"
seen = []
lock = threading.Lock()


def f(i):
    print_later = hasattr(data, "x")
    data.x = i
    with lock:
        seen.append((i, print_later, data.x))


ts = [threading.Thread(target=f, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen), data.x)


class Counter(threading.local):
    def __init__(self, start):
        self.n = start

    def bump(self):
        self.n += 1
        return self.n


c = Counter(10)
c.bump()
res = []


def g():
    r = [c.bump(), c.bump()]
    with lock:
        res.append(r)


ts = [threading.Thread(target=g) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(res, c.n)
try:
    data.missing
except AttributeError as e:
    print("AttributeError")
del data.x
print(hasattr(data, "x"))
