def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('(0, 1, 2, 3)[::-1]', lambda: (0, 1, 2, 3)[::-1])
show('(0, 1, 2, 3)[1:3]', lambda: (0, 1, 2, 3)[1:3])
show('range(10)[1:8:3]', lambda: range(10)[1:8:3])
show('list(range(10)[::-4])', lambda: list(range(10)[::-4]))
show('slice(1, 5, 2)', lambda: slice(1, 5, 2))
show('slice(None)', lambda: slice(None))
show('slice(5)', lambda: slice(5))
show('slice(1, 2).indices(10)', lambda: slice(1, 2).indices(10))
show('slice(None, None, -1).indices(5)', lambda: slice(None, None, -1).indices(5))
show('slice(-3, None).indices(5)', lambda: slice(-3, None).indices(5))
show('slice(0, 100, 3).indices(10)', lambda: slice(0, 100, 3).indices(10))
show("'hello'[slice(1, 3)]", lambda: 'hello'[slice(1, 3)])
