def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'αβγ'.upper()", lambda: 'αβγ'.upper())
show("'Ǆ'.lower()", lambda: 'Ǆ'.lower())
show("'ﬁ'.upper()", lambda: 'ﬁ'.upper())
show("'İ'.lower()", lambda: 'İ'.lower())
show("'ß'.upper()", lambda: 'ß'.upper())
show("'ǉ'.title()", lambda: 'ǉ'.title())
show("'ÅNGSTRÖM'.casefold()", lambda: 'ÅNGSTRÖM'.casefold())
