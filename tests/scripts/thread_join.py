# Thread.join(timeout) on a thread still running, is_alive, reprs of a
# started thread, sys.setswitchinterval, _thread basics.
import sys
import threading
import time
import _thread

release = threading.Event()


def waiter():
    release.wait()


t = threading.Thread(target=waiter, name="waiter")
t.start()
t0 = time.monotonic()
t.join(timeout=0.05)
print("returned after timeout:", time.monotonic() - t0 >= 0.04, t.is_alive())
print(repr(t).rsplit(" ", 1)[0])
t.join(0)
print(threading.active_count(), sorted(th.name for th in threading.enumerate()))
release.set()
t.join()
print(t.is_alive(), repr(t).rsplit(" ", 1)[0])

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in (0, -1.5):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError:", e)
sys.setswitchinterval(0.005)

done = _thread.allocate_lock()
done.acquire()
box = []


def raw(a, b, c=None):
    box.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()


main_ident = _thread.get_ident()
ident = _thread.start_new_thread(raw, (1, 2), {"c": 3})
done.acquire()
print(box, type(ident).__name__)
for args in [(1, ()), (raw, [1]), (raw, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)
print(_thread.stack_size())
print(isinstance(_thread.TIMEOUT_MAX, float))
lk = _thread.allocate_lock()
with lk:
    print(lk.locked())
print(lk.locked())
r = _thread.RLock()
print(r.acquire(), r.acquire(blocking=False))
r.release()
r.release()
