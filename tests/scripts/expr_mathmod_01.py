def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("__import__('math').sqrt(2)", lambda: __import__('math').sqrt(2))
show("__import__('math').sqrt(16)", lambda: __import__('math').sqrt(16))
show("__import__('math').sqrt(-1)", lambda: __import__('math').sqrt(-1))
show("__import__('math').floor(-2.5)", lambda: __import__('math').floor(-2.5))
show("__import__('math').ceil(-2.5)", lambda: __import__('math').ceil(-2.5))
show("__import__('math').floor(10 ** 20)", lambda: __import__('math').floor(10 ** 20))
show("__import__('math').ceil(1e300) > 0", lambda: __import__('math').ceil(1e300) > 0)
show("__import__('math').trunc(-9.9)", lambda: __import__('math').trunc(-9.9))
show("__import__('math').exp(0)", lambda: __import__('math').exp(0))
show("__import__('math').exp(1000)", lambda: __import__('math').exp(1000))
show("__import__('math').log(1)", lambda: __import__('math').log(1))
show("__import__('math').log(100, 10)", lambda: __import__('math').log(100, 10))
