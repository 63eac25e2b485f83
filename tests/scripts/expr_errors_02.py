def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('None + 1', lambda: None + 1)
show('[] + 1', lambda: [] + 1)
show("'a' - 'b'", lambda: 'a' - 'b')
show("1 - 'a'", lambda: 1 - 'a')
show('[] * []', lambda: [] * [])
show('{} + {}', lambda: {} + {})
show('-[]', lambda: -[])
show('~1.5', lambda: ~1.5)
show("+'s'", lambda: +'s')
show('1 / 0', lambda: 1 / 0)
show('1 // 0', lambda: 1 // 0)
show('1 % 0', lambda: 1 % 0)
