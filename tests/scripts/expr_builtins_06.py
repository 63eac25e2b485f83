def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("next(iter([]), 'd')", lambda: next(iter([]), 'd'))
show('next(iter([]))', lambda: next(iter([])))
show('next([1])', lambda: next([1]))
show('oct(64)', lambda: oct(64))
show('oct(-8)', lambda: oct(-8))
show("ord('')", lambda: ord(''))
show("ord('€')", lambda: ord('€'))
show('pow(2, 3, 0)', lambda: pow(2, 3, 0))
show('pow(2.5, 2)', lambda: pow(2.5, 2))
show("pow(-8, 1 / 3) if False else 'skip'", lambda: pow(-8, 1 / 3) if False else 'skip')
show("repr('a\\'b')", lambda: repr('a\'b'))
show('repr(1.0)', lambda: repr(1.0))
