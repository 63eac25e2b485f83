funcs = []
for i in range(3):
    def f(i=i):
        return i * 10
    funcs.append(f)
print([f() for f in funcs])
def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return fs
print([f() for f in make()])
def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count, counts
count, counts = counter_factory()
for w in "a b a c a b".split():
    count(w)
print(counts)
def outer():
    x = 0
    def get():
        return x
    def inc():
        nonlocal x
        x += 1
    return get, inc
get, inc = outer()
inc(); inc()
print(get())
adders = {n: (lambda m: lambda v: v + m)(n) for n in range(3)}
print({k: f(100) for k, f in adders.items()})
