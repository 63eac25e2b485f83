def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('(2.5).real', lambda: (2.5).real)
show('hash(1.5) == hash(1.5)', lambda: hash(1.5) == hash(1.5))
show('hash(2.0) == hash(2)', lambda: hash(2.0) == hash(2))
show("hash(float('inf'))", lambda: hash(float('inf')))
show("hash(-float('inf'))", lambda: hash(-float('inf')))
show('hash(0.5)', lambda: hash(0.5))
show('hash(1e100) == hash(int(1e100))', lambda: hash(1e100) == hash(int(1e100)))
show('repr(1e16)', lambda: repr(1e16))
show('repr(1e15)', lambda: repr(1e15))
show('repr(1.0e-4)', lambda: repr(1.0e-4))
show('repr(1e-5)', lambda: repr(1e-5))
show('repr(123456789012345.6)', lambda: repr(123456789012345.6))
