def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('str(-0)', lambda: str(-0))
show('str(10 ** 25)', lambda: str(10 ** 25))
show('str(0.1)', lambda: str(0.1))
show('str(1e-7)', lambda: str(1e-7))
show('str(1.0e16)', lambda: str(1.0e16))
show("str([1.5, 'x'])", lambda: str([1.5, 'x']))
show("str({1: 'a'})", lambda: str({1: 'a'}))
show('str((1,))', lambda: str((1,)))
show('str(set())', lambda: str(set()))
show('str(frozenset({1}))', lambda: str(frozenset({1})))
show('str(range(3))', lambda: str(range(3)))
show('str(int)', lambda: str(int))
