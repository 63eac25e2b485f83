for obj in [{}, [], '', (), b'', {1}, 1, 1.0, range(3)]:
    for m in ['__getitem__', '__contains__', '__add__', '__eq__', '__len__', '__iter__', '__repr__', '__hash__']:
        f = getattr(obj, m, None)
        if f is None: continue
        for args in [(), (1, 2)]:
            try: f(*args)
            except TypeError as e: print(type(obj).__name__, m, len(args), e)
            except Exception as e: print(type(obj).__name__, m, len(args), type(e).__name__)
for obj in [{}, [], '', b'', {1}, frozenset(), range(2), ()]:
    for m in ['__len__', '__getitem__', '__contains__', '__iter__', '__eq__', '__lt__']:
        f = getattr(obj, m, None)
        if f is None: continue
        try: f(a=1)
        except TypeError as e: print(type(obj).__name__, m, e)
print(''.__sizeof__.__name__)
