"""Daemon threads do not keep the program alive; other threads are waited for.

Run: build/gilpy samples/threads/daemon.py
"""
import threading
import time


def heartbeat():
    # Runs forever: only possible because the thread is a daemon.
    while True:
        time.sleep(0.01)


def slow_job(main_done):
    main_done.wait()            # finishes only after the main thread's last line
    print("slow job finished after the main thread")


beats = threading.Thread(target=heartbeat, daemon=True, name="heartbeat")
beats.start()
print(beats.name, "daemon:", beats.daemon, "alive:", beats.is_alive())

# A thread inherits daemon-ness from the thread that creates it: main is not one.
main_done = threading.Event()
job = threading.Thread(target=slow_job, args=(main_done,))
print("job daemon:", job.daemon)
job.start()

# join(timeout) returns after the timeout even when the thread still runs.
beats.join(timeout=0.05)
print("heartbeat still alive after join(0.05):", beats.is_alive())

# The daemon flag must be set before start().
try:
    beats.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)

# At exit the interpreter waits for non-daemon threads (the slow job), then
# stops without waiting for daemons (the heartbeat).
print("main thread ends here")
main_done.set()
