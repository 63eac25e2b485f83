def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('isinstance(object, type)', lambda: isinstance(object, type))
show('type.__class__', lambda: type.__class__)
show('type(object)', lambda: type(object))
show('int.__base__', lambda: int.__base__)
show('bool.__base__', lambda: bool.__base__)
show('object.__base__', lambda: object.__base__)
show('type.__base__', lambda: type.__base__)
show('list.__name__', lambda: list.__name__)
show('list.__qualname__', lambda: list.__qualname__)
show('list.__module__', lambda: list.__module__)
show("type('X', (), {}).__module__", lambda: type('X', (), {}).__module__)
show('dict.fromkeys.__name__', lambda: dict.fromkeys.__name__)
