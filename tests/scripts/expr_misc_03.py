def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('str(...)', lambda: str(...))
show('repr(NotImplemented)', lambda: repr(NotImplemented))
show('bool(NotImplemented) if False else True', lambda: bool(NotImplemented) if False else True)
show('[i for i in range(3)][-1]', lambda: [i for i in range(3)][-1])
show("{i for i in 'aab'} == {'a', 'b'}", lambda: {i for i in 'aab'} == {'a', 'b'})
show("list((i, j) for i in range(2) for j in 'ab')", lambda: list((i, j) for i in range(2) for j in 'ab'))
show('[[0] * 2 for _ in range(2)]', lambda: [[0] * 2 for _ in range(2)])
show('sum(i * i for i in range(10))', lambda: sum(i * i for i in range(10)))
show('int is type(0)', lambda: int is type(0))
show('type(type(0))', lambda: type(type(0)))
show('object.__name__', lambda: object.__name__)
show('type.__mro__', lambda: type.__mro__)
