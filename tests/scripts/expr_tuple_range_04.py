def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('range(10)[2:5]', lambda: range(10)[2:5])
show('range(10)[::-1]', lambda: range(10)[::-1])
show('range(10)[::2]', lambda: range(10)[::2])
show('len(range(0))', lambda: len(range(0)))
show('len(range(-5))', lambda: len(range(-5)))
show('len(range(0, 10, 3))', lambda: len(range(0, 10, 3)))
show('len(range(10, 0, -3))', lambda: len(range(10, 0, -3)))
show('5 in range(10)', lambda: 5 in range(10))
show('5.0 in range(10)', lambda: 5.0 in range(10))
show('10 in range(10)', lambda: 10 in range(10))
show('3 in range(0, 10, 3)', lambda: 3 in range(0, 10, 3))
show('4 in range(0, 10, 3)', lambda: 4 in range(0, 10, 3))
