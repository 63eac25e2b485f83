def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[1, 2, 3, 4][1:3] + [9]', lambda: [1, 2, 3, 4][1:3] + [9])
show('[[1, 2], [3]][0][1]', lambda: [[1, 2], [3]][0][1])
show('[1, 2, 3][-1:-3:-1]', lambda: [1, 2, 3][-1:-3:-1])
show('list(reversed(list(range(5))))', lambda: list(reversed(list(range(5)))))
show('[0] * 3 + [1] * 2', lambda: [0] * 3 + [1] * 2)
show('[x ** 2 for x in [1, 2, 3] if x != 2]', lambda: [x ** 2 for x in [1, 2, 3] if x != 2])
show("[(i, s) for i, s in enumerate('ab')]", lambda: [(i, s) for i, s in enumerate('ab')])
show("sorted([[3, 'c'], [1, 'a'], [2, 'b']])", lambda: sorted([[3, 'c'], [1, 'a'], [2, 'b']]))
show("sorted(['10', '9', '100'])", lambda: sorted(['10', '9', '100']))
show("sorted(['10', '9', '100'], key=int)", lambda: sorted(['10', '9', '100'], key=int))
show('sorted([-3, 1, -2], key=abs)', lambda: sorted([-3, 1, -2], key=abs))
show("sorted('Hello World'.split(), key=str.lower)", lambda: sorted('Hello World'.split(), key=str.lower))
