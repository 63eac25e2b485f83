# At exit the interpreter waits for non-daemon threads (their output
# appears after the main module's last line) but not for daemon threads.
import threading
import time

started = threading.Event()


def slow_worker():
    started.set()
    time.sleep(0.5)
    print("non-daemon worker finished")


def forever():
    while True:
        time.sleep(0.01)


def spinning():
    n = 0
    while True:
        n += 1


threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=spinning, daemon=True).start()
threading.Thread(target=slow_worker).start()
started.wait()
print("main module done")
