def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'%%'%()", lambda: '%%'%())
show("'%c' % 97", lambda: '%c' % 97)
show("'%r' % 'q'", lambda: '%r' % 'q')
show("'%a' % 'é'", lambda: '%a' % 'é')
