def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("type('A', (), {'x': 1}).x", lambda: type('A', (), {'x': 1}).x)
show("type('A', (), {})().__class__.__name__", lambda: type('A', (), {})().__class__.__name__)
show("type('B', (int,), {})(5) + 1", lambda: type('B', (int,), {})(5) + 1)
show("type('C', (object,), {'__repr__': lambda s: 'C!'})()", lambda: type('C', (object,), {'__repr__': lambda s: 'C!'})())
show("type('D', (), {'__len__': lambda s: 3})().__len__()", lambda: type('D', (), {'__len__': lambda s: 3})().__len__())
show("len(type('E', (), {'__len__': lambda s: 7})())", lambda: len(type('E', (), {'__len__': lambda s: 7})()))
show("bool(type('F', (), {'__bool__': lambda s: False})())", lambda: bool(type('F', (), {'__bool__': lambda s: False})()))
show("bool(type('G', (), {'__len__': lambda s: 0})())", lambda: bool(type('G', (), {'__len__': lambda s: 0})()))
show("str(type('H', (), {'__str__': lambda s: 'h'})())", lambda: str(type('H', (), {'__str__': lambda s: 'h'})()))
show("type('I', (), {'__eq__': lambda s, o: True})() == 5", lambda: type('I', (), {'__eq__': lambda s, o: True})() == 5)
show("type('J', (), {'__call__': lambda s, x: x * 2})()(21)", lambda: type('J', (), {'__call__': lambda s, x: x * 2})()(21))
show("type('K', (), {'__getitem__': lambda s, k: k})()['key']", lambda: type('K', (), {'__getitem__': lambda s, k: k})()['key'])
