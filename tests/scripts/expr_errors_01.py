def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('undefined', lambda: undefined)
show('[][1]', lambda: [][1])
show('{}[1]', lambda: {}[1])
show("{}['k']", lambda: {}['k'])
show('{}[(1, 2)]', lambda: {}[(1, 2)])
show('[1][0]()', lambda: [1][0]())
show("str('s')()", lambda: str('s')())
show('[1].x', lambda: [1].x)
show('None.attr', lambda: None.attr)
show('int.nope', lambda: int.nope)
show('object.nope', lambda: object.nope)
show('1 + None', lambda: 1 + None)
