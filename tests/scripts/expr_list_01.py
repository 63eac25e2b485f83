def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[1, 2, 3][1:]', lambda: [1, 2, 3][1:])
show('[1, 2, 3][::-1]', lambda: [1, 2, 3][::-1])
show('[1, 2, 3][-2:]', lambda: [1, 2, 3][-2:])
show('[1, 2, 3][5]', lambda: [1, 2, 3][5])
show('[1, 2, 3][-4]', lambda: [1, 2, 3][-4])
show('[1, 2] * 3', lambda: [1, 2] * 3)
show('[0] * -1', lambda: [0] * -1)
show('[1] + [2]', lambda: [1] + [2])
show('[1] + (2,)', lambda: [1] + (2,))
show('[[1]] * 2', lambda: [[1]] * 2)
show('list(range(5))[::2]', lambda: list(range(5))[::2])
show("list('abc')", lambda: list('abc'))
