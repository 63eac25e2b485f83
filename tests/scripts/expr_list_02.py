def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("list({'a': 1})", lambda: list({'a': 1}))
show('list((1, 2))', lambda: list((1, 2)))
show('list()', lambda: list())
show('list(5)', lambda: list(5))
show('[3, 1, 2].sort()', lambda: [3, 1, 2].sort())
show('sorted([3, 1, 2])', lambda: sorted([3, 1, 2]))
show('sorted([3, 1, 2], reverse=True)', lambda: sorted([3, 1, 2], reverse=True))
show("sorted(['b', 'A', 'a'])", lambda: sorted(['b', 'A', 'a']))
show("sorted(['b', 'A', 'a'], key=str.lower)", lambda: sorted(['b', 'A', 'a'], key=str.lower))
show("sorted([1, 'a'])", lambda: sorted([1, 'a']))
show('sorted([])', lambda: sorted([]))
show('[1, 2, 3].index(2)', lambda: [1, 2, 3].index(2))
