def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("__import__('math').gcd(2 ** 100, 2 ** 80 * 3)", lambda: __import__('math').gcd(2 ** 100, 2 ** 80 * 3))
show("__import__('math').lcm(0, 5)", lambda: __import__('math').lcm(0, 5))
show("__import__('math').isqrt(10 ** 20)", lambda: __import__('math').isqrt(10 ** 20))
show("__import__('math').isqrt(-1)", lambda: __import__('math').isqrt(-1))
show("__import__('math').comb(50, 25)", lambda: __import__('math').comb(50, 25))
show("__import__('math').perm(10)", lambda: __import__('math').perm(10))
show("__import__('math').isclose(1, 1.0000000001)", lambda: __import__('math').isclose(1, 1.0000000001))
show("__import__('math').isclose(1, 1.1, rel_tol=0.2)", lambda: __import__('math').isclose(1, 1.1, rel_tol=0.2))
show("__import__('math').fsum([1e100, 1, -1e100])", lambda: __import__('math').fsum([1e100, 1, -1e100]))
show("__import__('math').prod(range(1, 11))", lambda: __import__('math').prod(range(1, 11)))
show("__import__('math').prod([])", lambda: __import__('math').prod([]))
show("__import__('math').copysign(3, -0.0)", lambda: __import__('math').copysign(3, -0.0))
