def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("type('L', (), {'__contains__': lambda s, x: x == 1})().__contains__(1)", lambda: type('L', (), {'__contains__': lambda s, x: x == 1})().__contains__(1))
show("1 in type('M', (), {'__contains__': lambda s, x: x == 1})()", lambda: 1 in type('M', (), {'__contains__': lambda s, x: x == 1})())
show("list(type('N', (), {'__iter__': lambda s: iter([1, 2])})())", lambda: list(type('N', (), {'__iter__': lambda s: iter([1, 2])})()))
show("-type('O', (), {'__neg__': lambda s: 'neg'})()", lambda: -type('O', (), {'__neg__': lambda s: 'neg'})())
show("type('P', (), {'__add__': lambda s, o: 'add'})() + 1", lambda: type('P', (), {'__add__': lambda s, o: 'add'})() + 1)
show("1 + type('Q', (), {'__radd__': lambda s, o: 'radd'})()", lambda: 1 + type('Q', (), {'__radd__': lambda s, o: 'radd'})())
show("type('R', (), {})() + 1", lambda: type('R', (), {})() + 1)
show('object.__new__(object).__class__', lambda: object.__new__(object).__class__)
show('object().__class__.__name__', lambda: object().__class__.__name__)
show('type(object())', lambda: type(object()))
show('object.__subclasshook__ is not None', lambda: object.__subclasshook__ is not None)
show('isinstance(type, object)', lambda: isinstance(type, object))
