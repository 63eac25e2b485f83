def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('print(sep=2)', lambda: print(sep=2))
show("sum(['a'], '')", lambda: sum(['a'], ''))
show('sum(1)', lambda: sum(1))
show('abs()', lambda: abs())
show('len()', lambda: len())
show('len(1, 2)', lambda: len(1, 2))
show('range()', lambda: range())
show('range(1, 2, 3, 4)', lambda: range(1, 2, 3, 4))
show("range('a')", lambda: range('a'))
