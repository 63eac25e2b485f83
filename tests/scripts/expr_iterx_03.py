def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('list(zip(range(3), range(3, 0, -1)))', lambda: list(zip(range(3), range(3, 0, -1))))
show('iter([1]).__next__()', lambda: iter([1]).__next__())
show('type(zip()).__name__', lambda: type(zip()).__name__)
show('type(map(str, [])).__name__', lambda: type(map(str, [])).__name__)
show('type(filter(None, [])).__name__', lambda: type(filter(None, [])).__name__)
show('type(enumerate([])).__name__', lambda: type(enumerate([])).__name__)
show('type(reversed([])).__name__', lambda: type(reversed([])).__name__)
show('type(iter(range(3))).__name__', lambda: type(iter(range(3))).__name__)
