import concurrent.futures as cf
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, ALL_COMPLETED, FIRST_EXCEPTION
from concurrent.futures.thread import ThreadPoolExecutor as T2
import threading, time
print(ThreadPoolExecutor is T2, futures.Future is cf.Future, cf.TimeoutError is TimeoutError)
def work(n):
    time.sleep(0.01 * n)
    return n * n, threading.current_thread().name
with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(work, i) for i in range(4)]
    print([f.result()[0] for f in fs])
    print(list(ex.map(lambda x: x + 1, range(5))))
print(sorted(t for t in ex._threads for t in [t.name]))
def boom():
    raise ValueError("bad")
ex = ThreadPoolExecutor(2, thread_name_prefix="P")
f = ex.submit(boom)
try: f.result()
except ValueError as e: print("raised", e)
print(type(f.exception()).__name__, f.done(), f.cancelled(), f.running())
print(repr(f).split(" state=")[1])
f2 = ex.submit(work, 1); print(repr(f2.result()), repr(f2).split(" state=")[1])
order = []
slow = ex.submit(time.sleep, 0.3)
fast = [ex.submit(work, 1)]
done, not_done = wait([slow] + fast, return_when=FIRST_COMPLETED)
print(len(done), len(not_done))
done, not_done = wait([slow] + fast, timeout=5)
print(len(done), len(not_done))
res = []
ex3 = ThreadPoolExecutor(3)
fut = {ex3.submit(work, n): n for n in (30, 1, 15)}
for x in as_completed(fut):
    res.append(fut[x])
print(res); ex3.shutdown()
ex.shutdown()
try: ex.submit(work, 1)
except RuntimeError as e: print(e)
fut = cf.Future()
print(fut.done(), fut.cancel(), fut.cancelled(), fut.cancel())
fut = cf.Future(); calls = []
fut.add_done_callback(lambda f: calls.append(f.result()))
fut.set_result(7); fut.add_done_callback(lambda f: calls.append("late"))
print(calls)
try: fut.set_result(8)
except cf.InvalidStateError as e: print("invalid state")
fut = cf.Future()
try: fut.result(timeout=0.01)
except TimeoutError: print("timeout")
try: cf.Future().exception(timeout=0)
except cf.TimeoutError: print("timeout2")
c = cf.Future(); c.cancel()
try: c.result()
except cf.CancelledError: print("cancelled")
with ThreadPoolExecutor(1) as e:
    a = e.submit(time.sleep, 0.2); b = e.submit(work, 1)
    e.shutdown(cancel_futures=True)
print(b.cancelled(), a.done())
try:
    for x in as_completed([cf.Future()], timeout=0.05): pass
except TimeoutError as e: print(e)
with ThreadPoolExecutor(max_workers=3) as e:
    names = set(e.submit(work, 0)[1] if False else e.submit(lambda: threading.current_thread().name).result() for _ in range(3))
print(sorted(names)[0].split("_")[0].startswith("ThreadPoolExecutor-"))
try: ThreadPoolExecutor(0)
except ValueError as e: print(e)
e = ThreadPoolExecutor(); print(e._max_workers == min(32, (__import__("os").cpu_count() or 1) + 4)); e.shutdown()
fs = [ThreadPoolExecutor(1).submit(boom), cf.Future()]
d, nd = wait(fs, timeout=1, return_when=FIRST_EXCEPTION); print(len(d), len(nd))
