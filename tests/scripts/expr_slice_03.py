def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[1, 2, 3][slice(None, None, -1)]', lambda: [1, 2, 3][slice(None, None, -1)])
show('slice(1, 2) == slice(1, 2)', lambda: slice(1, 2) == slice(1, 2))
show('slice(1, 2, 3).start', lambda: slice(1, 2, 3).start)
show('slice(1, 2, 3).stop', lambda: slice(1, 2, 3).stop)
show('slice(1, 2, 3).step', lambda: slice(1, 2, 3).step)
show("repr(slice(None, 'a'))", lambda: repr(slice(None, 'a')))
