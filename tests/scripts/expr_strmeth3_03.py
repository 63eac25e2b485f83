def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'Python'[1::2]", lambda: 'Python'[1::2])
show("'Python'[-3:]", lambda: 'Python'[-3:])
show("'Python'[:-3]", lambda: 'Python'[:-3])
show("'Python'[10:20]", lambda: 'Python'[10:20])
show("'Python'.upper().lower().title()", lambda: 'Python'.upper().lower().title())
show("'123abc'.isalnum()", lambda: '123abc'.isalnum())
show("'12 3'.replace(' ', '').isdigit()", lambda: '12 3'.replace(' ', '').isdigit())
show('str(3.0) + str(3)', lambda: str(3.0) + str(3))
