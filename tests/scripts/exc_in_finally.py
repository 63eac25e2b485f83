def f():
    try:
        raise ValueError("first")
    finally:
        try:
            raise KeyError("second")
        except KeyError as e:
            print("handled", repr(e))

try:
    f()
except ValueError as e:
    print("outer got", repr(e))

def g():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "loop end"

def h():
    try:
        raise RuntimeError("lost")
    finally:
        return "finally wins"

print(h())
def k():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("caught after finally")
    else:
        print("no")
k()
def m():
    x = []
    try:
        x.append("try")
        return x
    finally:
        x.append("finally")
print(m())
