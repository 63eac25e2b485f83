def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('int.__mro__', lambda: int.__mro__)
show('bool.__mro__', lambda: bool.__mro__)
show('list.__bases__', lambda: list.__bases__)
show('object.__bases__', lambda: object.__bases__)
show('Exception.__mro__', lambda: Exception.__mro__)
show('type(print).__name__', lambda: type(print).__name__)
show('type([].append).__name__', lambda: type([].append).__name__)
show("str.upper('a')", lambda: str.upper('a'))
show('list.append', lambda: list.append)
show("dict.get({'a': 1}, 'a')", lambda: dict.get({'a': 1}, 'a'))
show('int.__add__(1, 2)', lambda: int.__add__(1, 2))
show("str.join(',', 'ab')", lambda: str.join(',', 'ab'))
