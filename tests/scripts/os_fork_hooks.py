import os, sys, threading, time, logging
order = []
os.register_at_fork(before=lambda: order.append("b1"), after_in_parent=lambda: order.append("p1"), after_in_child=lambda: order.append("c1"))
os.register_at_fork(before=lambda: order.append("b2"), after_in_child=lambda: order.append("c2"))
try: os.register_at_fork()
except TypeError as e: print(e)
try: os.register_at_fork(before=1)
except TypeError as e: print(e)
pid = os.fork()
if pid == 0:
    print("child", order, flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent", order)
# A handler lock held by another thread at fork time must not block the child.
logging.basicConfig(stream=sys.stdout, format="%(message)s")
h = logging.root.handlers[0]
held = threading.Event(); release = threading.Event()
def holder():
    h.acquire(); held.set(); release.wait(); h.release()
t = threading.Thread(target=holder); t.start(); held.wait()
pid = os.fork()
if pid == 0:
    logging.warning("logged in child")
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
release.set(); t.join()
logging.warning("logged in parent")
