def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('0.1 * 3 == 0.3', lambda: 0.1 * 3 == 0.3)
show("float.fromhex('0x1.8p1') if hasattr(float, 'fromhex') else 3.0", lambda: float.fromhex('0x1.8p1') if hasattr(float, 'fromhex') else 3.0)
