def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('id(None) == id(None)', lambda: id(None) == id(None))
show("list(map(int, '123'))", lambda: list(map(int, '123')))
show('list(map(pow, [2, 3], [2, 2]))', lambda: list(map(pow, [2, 3], [2, 2])))
show("list(filter(str.isdigit, 'a1b2'))", lambda: list(filter(str.isdigit, 'a1b2')))
show("dict(enumerate('xy'))", lambda: dict(enumerate('xy')))
show("hash('') == hash('')", lambda: hash('') == hash(''))
show('hash((1, (2, 3))) == hash((1, (2, 3)))', lambda: hash((1, (2, 3))) == hash((1, (2, 3))))
show('hash([])', lambda: hash([]))
show('hash({})', lambda: hash({}))
show('int.__name__', lambda: int.__name__)
show('(1).__class__', lambda: (1).__class__)
show("'x'.__class__.__name__", lambda: 'x'.__class__.__name__)
