def t(v):
    print("t", v)
    return True
def f(v):
    print("f", v)
    return False
print(t(1) and f(2) and t(3))
print(f(1) or t(2) or t(3))
print(f(1) and t(2))
print(t(1) or f(2))
print(not t(0))
print([] or {} or "x", [1] and 0, 0 or None, None and 1)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True + 1).__name__)
print(bool(), bool([0]), bool(0.0), bool(-1), bool(None), bool(" "), True == 1, False == 0, True is 1 == 1)
print(str(True), repr(False), int(True), float(False), True + True + True, -True, abs(False))
print(isinstance(True, bool), isinstance(1, bool), bool.__mro__)
