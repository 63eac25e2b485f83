def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('reversed(range(3)).__next__()', lambda: reversed(range(3)).__next__())
show('max(range(7))', lambda: max(range(7)))
show('sorted(range(5), reverse=True)', lambda: sorted(range(5), reverse=True))
show('tuple(range(3))', lambda: tuple(range(3)))
