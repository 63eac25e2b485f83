def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("(1).__eq__('a')", lambda: (1).__eq__('a'))
show("'a'.__eq__(1)", lambda: 'a'.__eq__(1))
show('object() == object()', lambda: object() == object())
show('object.__eq__(1, 1)', lambda: object.__eq__(1, 1))
show('(1).__lt__(2.5)', lambda: (1).__lt__(2.5))
