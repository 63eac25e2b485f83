def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('abs(-3)', lambda: abs(-3))
show('abs(-3.5)', lambda: abs(-3.5))
show('abs(True)', lambda: abs(True))
show("abs('x')", lambda: abs('x'))
show('all([1, 2])', lambda: all([1, 2]))
show('all([1, 0])', lambda: all([1, 0]))
show('all([])', lambda: all([]))
show('any([0, None])', lambda: any([0, None]))
show('any(x > 2 for x in [1, 3])', lambda: any(x > 2 for x in [1, 3]))
show("ascii('abc')", lambda: ascii('abc'))
show("ascii('é☕')", lambda: ascii('é☕'))
show('bin(0)', lambda: bin(0))
