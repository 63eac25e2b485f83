def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("__import__('math').fabs(-0.5)", lambda: __import__('math').fabs(-0.5))
show("__import__('math').fmod(-7, 3)", lambda: __import__('math').fmod(-7, 3))
show("__import__('math').modf(-2.5)", lambda: __import__('math').modf(-2.5))
show("__import__('math').frexp(0.0)", lambda: __import__('math').frexp(0.0))
show("__import__('math').ldexp(1, 10)", lambda: __import__('math').ldexp(1, 10))
show("__import__('math').degrees(1)", lambda: __import__('math').degrees(1))
show("__import__('math').radians(90)", lambda: __import__('math').radians(90))
show("__import__('math').inf > 1e308", lambda: __import__('math').inf > 1e308)
show("__import__('math').nan == __import__('math').nan", lambda: __import__('math').nan == __import__('math').nan)
