def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('float(None)', lambda: float(None))
show('float([])', lambda: float([]))
show('complex if False else list(1)', lambda: complex if False else list(1))
show('tuple(1)', lambda: tuple(1))
show('dict(1)', lambda: dict(1))
show('dict([1])', lambda: dict([1]))
show('dict([(1, 2, 3)])', lambda: dict([(1, 2, 3)]))
show('set(1)', lambda: set(1))
show('str(1, 2)', lambda: str(1, 2))
show("bytes('a')", lambda: bytes('a'))
show('bytes(-1)', lambda: bytes(-1))
show('chr(-5)', lambda: chr(-5))
