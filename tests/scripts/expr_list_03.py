def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[1, 2, 3].index(4)', lambda: [1, 2, 3].index(4))
show('[1, 2, 1].count(1)', lambda: [1, 2, 1].count(1))
show('[].pop()', lambda: [].pop())
show('[1].pop(5)', lambda: [1].pop(5))
show('[1, 2].pop(0)', lambda: [1, 2].pop(0))
show('[1, 2].pop(-1)', lambda: [1, 2].pop(-1))
show('[1, 2] == [1, 2]', lambda: [1, 2] == [1, 2])
show('[1, 2] < [1, 2, 0]', lambda: [1, 2] < [1, 2, 0])
show('[2] > [1, 9]', lambda: [2] > [1, 9])
show('[1] == (1,)', lambda: [1] == (1,))
show('[1, 2] != [2, 1]', lambda: [1, 2] != [2, 1])
show('[] < [0]', lambda: [] < [0])
