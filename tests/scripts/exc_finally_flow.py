def loop_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out

print(loop_finally())

def nested():
    try:
        try:
            raise ValueError("a")
        finally:
            print("inner finally")
    except ValueError:
        print("outer except")
    finally:
        print("outer finally")

nested()

def exc_in_except():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise ValueError("v")
        except ValueError as e:
            print("inner", repr(e), repr(e.__context__))
    print("done")

exc_in_except()

import sys
def handled():
    try:
        raise TypeError("t")
    except TypeError:
        print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
    print(sys.exc_info())

handled()

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")

for v in gen_finally():
    print(v)
    break
print("end")
