def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('range(10).index(3)', lambda: range(10).index(3))
show('range(10).index(30)', lambda: range(10).index(30))
show('range(0, 20, 2).count(4)', lambda: range(0, 20, 2).count(4))
show('range(3) == range(0, 3, 1)', lambda: range(3) == range(0, 3, 1))
show('range(0) == range(5, 5)', lambda: range(0) == range(5, 5))
show('range(1, 2, 0)', lambda: range(1, 2, 0))
show('range(1.5)', lambda: range(1.5))
show('list(range(-3, 3))', lambda: list(range(-3, 3)))
show('sum(range(0, 100, 7))', lambda: sum(range(0, 100, 7)))
show('range(5).start', lambda: range(5).start)
show('range(2, 5).stop', lambda: range(2, 5).stop)
show('range(1, 9, 2).step', lambda: range(1, 9, 2).step)
