import itertools
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(itertools.islice(naturals(), 5)))
squares = (n * n for n in naturals())
print(next(squares), next(squares), next(squares))
def take(n, it):
    return [x for _, x in zip(range(n), it)]
print(take(4, naturals()))
def pipeline():
    nums = (i for i in range(20))
    evens = (n for n in nums if n % 2 == 0)
    scaled = (n * 10 for n in evens)
    return list(scaled)
print(pipeline())
g = (x for x in [1, 2])
print(list(g), list(g), next(g, "exhausted"))
def counter():
    count = 0
    while True:
        cmd = yield count
        if cmd == "reset":
            count = 0
        else:
            count += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
def gen_with_return(n):
    for i in range(n):
        yield i
    return n * 100
def collector():
    total = yield from gen_with_return(3)
    yield total
print(list(collector()))
def running():
    import sys
    g = running_gen()
    return g
def running_gen():
    yield 1
gg = running_gen()
print(gg.gi_running if hasattr(gg, "gi_running") else False, list(gg))
print(sum(1 for _ in range(100)), any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))
print(sorted((x for x in "generator"), reverse=True)[:3], "-".join(str(i) for i in range(3)), max((len(w), w) for w in "a bb ccc".split()))
