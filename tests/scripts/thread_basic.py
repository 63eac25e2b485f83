# Thread names, reprs, idents, current/main thread, enumerate, daemon flags.
import threading
import _thread


def norm(r):
    # The ident is a large number that changes from run to run.
    head, sep, tail = r.rpartition(" ")
    if tail.endswith(")>") and tail[:-2].isdigit():
        return head + " IDENT)>"
    return r


def hello():
    print("hello from", threading.current_thread().name)


t = threading.Thread(target=hello)
print(norm(repr(t)))
t.start()
t.join()
print(norm(repr(t)))
print(t.is_alive(), t.ident is not None, t.native_id is not None, t.daemon)

u = threading.Thread(target=hello, name="worker", daemon=True)
print(norm(repr(u)))
u.start()
u.join()
print(norm(repr(u)))


class Noname:
    def __call__(self):
        print("callable object ran")


v = threading.Thread(target=Noname())
print(v.name)
v.start()
v.join()
w = threading.Thread()
print(w.name)
w.start()
w.join()


def f(a, b, *, c):
    print("args", a, b, c)


x = threading.Thread(target=f, args=(1, 2), kwargs={"c": 3})
print(x.name)
x.start()
x.join()

m = threading.main_thread()
print(norm(repr(m)), m is threading.current_thread())
print(threading.current_thread().name, threading.active_count())
print([th.name for th in threading.enumerate()])
print(threading.get_ident() == _thread.get_ident() == m.ident)
print(threading.get_native_id() == m.native_id)
print(type(threading.get_ident()).__name__)

try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=hello).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
d = threading.Thread(target=hello)
d.daemon = True
print(d.daemon)
d.start()
d.join()
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)


class MyThread(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None

    def run(self):
        self.result = sum(range(self.n))


mt = MyThread(100)
print(norm(repr(mt)))
mt.start()
mt.join()
print(mt.result, norm(repr(mt)))

seen = []
lock = threading.Lock()


def collect(i):
    with lock:
        seen.append((i, threading.current_thread().name))


ts = [threading.Thread(target=collect, args=(i,), name=f"w{i}") for i in range(5)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(sorted(seen))
print(threading.active_count())
