def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('bool(0)', lambda: bool(0))
show('bool(0.0)', lambda: bool(0.0))
show('bool(-0.0)', lambda: bool(-0.0))
show("bool('')", lambda: bool(''))
show("bool(' ')", lambda: bool(' '))
show('bool([])', lambda: bool([]))
show('bool([[]])', lambda: bool([[]]))
show('bool(())', lambda: bool(()))
show('bool({})', lambda: bool({}))
show('bool(set())', lambda: bool(set()))
show('bool(range(0))', lambda: bool(range(0)))
show('bool(None)', lambda: bool(None))
