import hashlib, os, sys
from concurrent.futures import ProcessPoolExecutor, as_completed
import concurrent.futures as cf
def h(text):
    return hashlib.sha384(text).hexdigest()
def square(x):
    return x * x
def ident(x):
    return x
def fail(x):
    raise KeyError(x)
def pid(_):
    return os.getpid()
class MyErr(Exception):
    pass
def myfail():
    raise MyErr("custom", 3)
    return lambda: 1
if __name__ == "__main__":
    ex = ProcessPoolExecutor()
    print(ex.submit(h, b"some long text here...").result())
    with ProcessPoolExecutor(max_workers=2) as e:
        print(list(e.map(square, range(6))))
        vals = [None, True, False, 1, -2**70, 1.5, float("inf"), 2+3j, "é\n", b"\x00b", bytearray(b"x"), (1, (2,)), [1, [2]], {"a": {1: [None]}}, {1, 2}, frozenset({3})]
        print([e.submit(ident, v).result() == v for v in vals])
        f = e.submit(fail, "k")
        try: f.result()
        except KeyError as err: print("KeyError", err)
        f = e.submit(myfail)
        try: f.result()
        except MyErr as err: print("MyErr", err.args)
        except Exception as err: print(type(err).__name__)
        print(all(p != os.getpid() for p in e.map(pid, range(3))))
        print(sorted(f.result() for f in as_completed([e.submit(square, i) for i in range(4)])))
    try: e.submit(square, 1)
    except RuntimeError as err: print(err)
    print(ex.submit(square, 12).result())
