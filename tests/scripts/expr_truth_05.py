def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[1, True, 1.0].count(1)', lambda: [1, True, 1.0].count(1))
show('True in [1]', lambda: True in [1])
show('(True, False) == (1, 0)', lambda: (True, False) == (1, 0))
