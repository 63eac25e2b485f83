def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('list(iter([1, 2]))', lambda: list(iter([1, 2])))
show("list(iter('ab'))", lambda: list(iter('ab')))
show("sorted(zip([3, 1, 2], 'cab'))", lambda: sorted(zip([3, 1, 2], 'cab')))
show('max(zip([1, 2], [9, 0]))', lambda: max(zip([1, 2], [9, 0])))
show('list(zip(*zip([1, 2], [3, 4])))', lambda: list(zip(*zip([1, 2], [3, 4]))))
show('[list(t) for t in zip(*[[1, 2, 3], [4, 5, 6]])]', lambda: [list(t) for t in zip(*[[1, 2, 3], [4, 5, 6]])])
show("sum(map(len, ['ab', 'cde']))", lambda: sum(map(len, ['ab', 'cde'])))
show("any(map(str.isdigit, 'ab3'))", lambda: any(map(str.isdigit, 'ab3')))
show("list(map(int, filter(str.isdigit, 'a1b2c3')))", lambda: list(map(int, filter(str.isdigit, 'a1b2c3'))))
show("tuple(enumerate(zip('ab', 'cd')))", lambda: tuple(enumerate(zip('ab', 'cd'))))
show("dict(map(lambda kv: (kv[1], kv[0]), {'a': 1}.items()))", lambda: dict(map(lambda kv: (kv[1], kv[0]), {'a': 1}.items())))
show("[i for i, c in enumerate('banana') if c == 'a']", lambda: [i for i, c in enumerate('banana') if c == 'a'])
