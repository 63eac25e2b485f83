# weakref.finalize: called once when the object is collected, or when
# called first; detach/peek/alive/atexit; the remaining ones run at exit,
# newest first, after atexit callbacks registered later.
import atexit
import gc
import weakref


class Res:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Res(%s)" % self.name


def cleanup(name, *, how="gc"):
    print("cleanup", name, how)
    return name.upper()


r1 = Res("one")
f1 = weakref.finalize(r1, cleanup, "one")
print(f1.alive, f1.atexit, f1.peek()[0], f1.peek()[1:] == (cleanup, ("one",), {}))
print(repr(f1).startswith("<finalize object at 0x"), "for 'Res' at 0x" in repr(f1))
del r1
gc.collect()
print(f1.alive, f1.peek(), f1(), repr(f1).endswith("; dead>"))

r2 = Res("two")
f2 = weakref.finalize(r2, cleanup, "two", how="called")
print(f2(), f2(), f2.alive)
del r2
gc.collect()

r3 = Res("three")
f3 = weakref.finalize(r3, cleanup, "three")
det = f3.detach()
print(det[0], det[2], f3.alive, f3.detach())
del r3, det
gc.collect()

# still alive at exit: run at exit, newest first; atexit=False ones are skipped
keep = [Res("exit-a"), Res("exit-b"), Res("no-exit")]
weakref.finalize(keep[0], cleanup, "exit-a", how="exit")
weakref.finalize(keep[1], cleanup, "exit-b", how="exit")
f4 = weakref.finalize(keep[2], cleanup, "no-exit", how="exit")
f4.atexit = False
print(f4.atexit)
atexit.register(print, "atexit callback registered last")

print("end of script")
