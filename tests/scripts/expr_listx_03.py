def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[n for n in range(2, 30) if all(n % d for d in range(2, n))]', lambda: [n for n in range(2, 30) if all(n % d for d in range(2, n))])
show('[[r * c for c in range(1, 4)] for r in range(1, 4)]', lambda: [[r * c for c in range(1, 4)] for r in range(1, 4)])
show('sum([[1, 2], [3]], [])', lambda: sum([[1, 2], [3]], []))
show("[*'ab', *[1, 2]]", lambda: [*'ab', *[1, 2]])
show('[i for i in range(10)][::3]', lambda: [i for i in range(10)][::3])
show('list(zip(*[[1, 2], [3, 4], [5, 6]]))', lambda: list(zip(*[[1, 2], [3, 4], [5, 6]])))
show('[a + b for a, b in zip([1, 2], [10, 20])]', lambda: [a + b for a, b in zip([1, 2], [10, 20])])
show("list(map(list, zip('ab', 'cd')))", lambda: list(map(list, zip('ab', 'cd'))))
