def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("repr([1, 'x', None])", lambda: repr([1, 'x', None]))
show("list(reversed('abc'))", lambda: list(reversed('abc')))
show('reversed(5)', lambda: reversed(5))
show('round(2.5)', lambda: round(2.5))
show('round(2.5, 0)', lambda: round(2.5, 0))
show('round(0.125, 2)', lambda: round(0.125, 2))
show('round(-1.5)', lambda: round(-1.5))
show("sorted('dcba')", lambda: sorted('dcba'))
show('sorted([3, 1], key=None)', lambda: sorted([3, 1], key=None))
show('sorted([1, 2], key=lambda x: -x, reverse=True)', lambda: sorted([1, 2], key=lambda x: -x, reverse=True))
show('sum([1, 2], 10)', lambda: sum([1, 2], 10))
show("sum(['a', 'b'], '')", lambda: sum(['a', 'b'], ''))
