def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('(lambda: 1)()', lambda: (lambda: 1)())
show('(lambda x, y=2: x + y)(1)', lambda: (lambda x, y=2: x + y)(1))
show('(lambda *a: a)(1, 2)', lambda: (lambda *a: a)(1, 2))
show('(lambda **k: k)(a=1)', lambda: (lambda **k: k)(a=1))
show('(lambda x: x)()', lambda: (lambda x: x)())
show('[1, 2, 3][True]', lambda: [1, 2, 3][True])
show("'abc'[False]", lambda: 'abc'[False])
show("{True: 'yes'}[1]", lambda: {True: 'yes'}[1])
show('1 if True else 2', lambda: 1 if True else 2)
show('1 if 0 else 2', lambda: 1 if 0 else 2)
show("[] or 'default'", lambda: [] or 'default')
show('0 and 1/0', lambda: 0 and 1/0)
