class Range3:
    def __iter__(self):
        yield 1
        yield 2
        yield 3
r = Range3()
print(list(r), list(r), sum(r), 2 in r, tuple(r), sorted(r, reverse=True))
it = iter([10, 20, 30])
print(next(it), list(it), list(it))
s = iter("ab")
print(next(s), next(s))
d = {"x": 1, "y": 2}
di = iter(d)
print(next(di), list(di))
calls = [0]
def source():
    calls[0] += 1
    return calls[0]
print(list(iter(source, 4)))
print(list(map(len, ["a", "bb"])), list(zip(*[(1, "a"), (2, "b")])))
e = enumerate("xyz")
print(next(e), list(e))
z = zip(range(3), "ab")
print(list(z), list(z))
g = (i for i in range(3))
print(iter(g) is g, list(g))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__, type(iter(range(1))).__name__)
