def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('(6).numerator', lambda: (6).numerator)
show('(6).denominator', lambda: (6).denominator)
show('(10).as_integer_ratio()', lambda: (10).as_integer_ratio())
show('hash(1) == hash(1.0)', lambda: hash(1) == hash(1.0))
show('hash(-1)', lambda: hash(-1))
show('hash(2 ** 61 - 1)', lambda: hash(2 ** 61 - 1))
show('hash(2 ** 61)', lambda: hash(2 ** 61))
show('hash(-2 ** 61)', lambda: hash(-2 ** 61))
show('hash(10 ** 30)', lambda: hash(10 ** 30))
show('hash(True)', lambda: hash(True))
show('hash(0)', lambda: hash(0))
show('1 == 1.0', lambda: 1 == 1.0)
