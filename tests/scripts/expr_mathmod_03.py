def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("__import__('math').asin(2)", lambda: __import__('math').asin(2))
show("__import__('math').sinh(1)", lambda: __import__('math').sinh(1))
show("__import__('math').cosh(1)", lambda: __import__('math').cosh(1))
show("__import__('math').tanh(0.5)", lambda: __import__('math').tanh(0.5))
show("__import__('math').hypot(3, 4, 12)", lambda: __import__('math').hypot(3, 4, 12))
show("__import__('math').dist((0, 0), (3, 4))", lambda: __import__('math').dist((0, 0), (3, 4)))
show("__import__('math').factorial(0)", lambda: __import__('math').factorial(0))
show("__import__('math').factorial(-1)", lambda: __import__('math').factorial(-1))
show("__import__('math').factorial(30)", lambda: __import__('math').factorial(30))
show("__import__('math').factorial(3.0)", lambda: __import__('math').factorial(3.0))
show("__import__('math').gcd(0, 0)", lambda: __import__('math').gcd(0, 0))
show("__import__('math').gcd(-12, 18)", lambda: __import__('math').gcd(-12, 18))
