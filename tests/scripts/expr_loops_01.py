def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[i for i in range(5) if i % 2 == 0]', lambda: [i for i in range(5) if i % 2 == 0])
show('sum(i for i in range(1, 11))', lambda: sum(i for i in range(1, 11)))
show('list(range(10, 0, -2))', lambda: list(range(10, 0, -2)))
show('[x for x in range(3) for _ in range(2)]', lambda: [x for x in range(3) for _ in range(2)])
show('[(x, y) for x in range(2) for y in range(x, 2)]', lambda: [(x, y) for x in range(2) for y in range(x, 2)])
show('max(i * (10 - i) for i in range(11))', lambda: max(i * (10 - i) for i in range(11)))
show('[n for n in range(1, 50) if n == sum(d for d in range(1, n) if n % d == 0)]', lambda: [n for n in range(1, 50) if n == sum(d for d in range(1, n) if n % d == 0)])
show('[sum(range(n)) for n in range(6)]', lambda: [sum(range(n)) for n in range(6)])
show('list(enumerate(range(3), 1))', lambda: list(enumerate(range(3), 1)))
show("[c * i for i, c in enumerate('abc')]", lambda: [c * i for i, c in enumerate('abc')])
show("''.join(chr(ord('a') + i) for i in range(26))", lambda: ''.join(chr(ord('a') + i) for i in range(26)))
show('{i % 3: i for i in range(10)}', lambda: {i % 3: i for i in range(10)})
