# Exceptions escaping Thread.run: threading.excepthook (custom and
# default), SystemExit is silent, the program goes on.
import sys
import threading


def boom():
    raise ValueError("bad value")


def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name,
          args.exc_traceback is not None)


threading.excepthook = hook
t = threading.Thread(target=boom, name="T1")
t.start()
t.join()
print("alive after:", t.is_alive())

threading.excepthook = threading.__excepthook__


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


cap = Capture()
old = sys.stderr
sys.stderr = cap
t = threading.Thread(target=boom)
t.start()
t.join()
sys.stderr = old
lines = "".join(cap.parts).splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])

t = threading.Thread(target=sys.exit, args=(3,))
t.start()
t.join()
print("SystemExit in a thread is silent")

# A failing excepthook is reported through sys.excepthook-style output.
sys.stderr = cap = Capture()
threading.excepthook = lambda args: 1 / 0
t = threading.Thread(target=boom, name="divider")
t.start()
t.join()
sys.stderr = old
print("".join(cap.parts).splitlines()[-1])
print("main goes on")
