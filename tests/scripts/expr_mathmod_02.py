def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("__import__('math').log(-1)", lambda: __import__('math').log(-1))
show("__import__('math').log(2 ** 1000)", lambda: __import__('math').log(2 ** 1000))
show("__import__('math').log10(0.001)", lambda: __import__('math').log10(0.001))
show("__import__('math').log2(3)", lambda: __import__('math').log2(3))
show("__import__('math').pow(2, 0.5)", lambda: __import__('math').pow(2, 0.5))
show("__import__('math').pow(0, -1)", lambda: __import__('math').pow(0, -1))
show("__import__('math').sin(1)", lambda: __import__('math').sin(1))
show("__import__('math').cos(1)", lambda: __import__('math').cos(1))
show("__import__('math').tan(1)", lambda: __import__('math').tan(1))
show("__import__('math').asin(1)", lambda: __import__('math').asin(1))
show("__import__('math').acos(0.5)", lambda: __import__('math').acos(0.5))
show("__import__('math').atan(1)", lambda: __import__('math').atan(1))
