def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('1 < 2 == True', lambda: 1 < 2 == True)
show('(1 < 2) == True', lambda: (1 < 2) == True)
show('1 | 2 ^ 3 & 4', lambda: 1 | 2 ^ 3 & 4)
show('1 << 2 + 1', lambda: 1 << 2 + 1)
show('~1 + 1', lambda: ~1 + 1)
show('- - 5', lambda: - - 5)
show('+-+5', lambda: +-+5)
show('5 if 3 > 2 else 6', lambda: 5 if 3 > 2 else 6)
show('1 or 2 and 0', lambda: 1 or 2 and 0)
show('(1 or 2) and 0', lambda: (1 or 2) and 0)
show('not 0 and 1', lambda: not 0 and 1)
show("'a' 'b' * 2", lambda: 'a' 'b' * 2)
