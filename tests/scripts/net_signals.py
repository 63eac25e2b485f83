# Signals during blocking socket calls and select.select (PEP 475): Ctrl-C
# (SIGINT) interrupts accept/recv/sendall/select with KeyboardInterrupt;
# a handler that returns lets the call resume (and a timeout still counts
# from the start).
import os
import select
import signal
import socket
import threading
import time


# Ctrl-C raises KeyboardInterrupt even if this runs where SIGINT was ignored
# (a background job).
signal.signal(signal.SIGINT, signal.default_int_handler)


def later(delay, fn):
    t = threading.Timer(delay, fn)
    t.start()
    return t


def sigint():
    os.kill(os.getpid(), signal.SIGINT)


srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()


def blocked(name, call):
    t = later(0.2, sigint)
    start = time.monotonic()
    try:
        call()
        print(name, 'returned')
    except KeyboardInterrupt:
        print(name, 'KeyboardInterrupt', time.monotonic() - start < 10)
    t.join()


a, b = socket.socketpair()
blocked('accept', srv.accept)
blocked('recv', lambda: a.recv(10))
blocked('recv_into', lambda: a.recv_into(bytearray(10)))
blocked('sendall', lambda: b.sendall(b'x' * 8_000_000))
while True:
    a.setblocking(False)
    try:
        if not a.recv(1 << 20):
            break
    except BlockingIOError:
        break
a.setblocking(True)
blocked('select', lambda: select.select([a], [], [], 10))
blocked('select without timeout', lambda: select.select([a], [], []))
a.settimeout(5)
blocked('recv with timeout', lambda: a.recv(10))
a.settimeout(None)

handled = []
signal.signal(signal.SIGUSR1, lambda signum, frame: handled.append(signum))


def usr1():
    os.kill(os.getpid(), signal.SIGUSR1)


# A handler that returns: the call goes on and gets the data sent later.
t1 = later(0.1, usr1)
t2 = later(0.3, lambda: b.send(b'data'))
print('recv after handler:', a.recv(10), handled == [signal.SIGUSR1])
t1.join()
t2.join()

t1 = later(0.1, usr1)
t2 = later(0.3, lambda: b.send(b'more'))
r, w, x = select.select([a], [], [], 10)
print('select after handler:', r == [a], a.recv(10), len(handled))
t1.join()
t2.join()

# The timeout is not restarted by the interruption.
a.settimeout(0.5)
t1 = later(0.1, usr1)
start = time.monotonic()
try:
    a.recv(10)
except TimeoutError as e:
    took = time.monotonic() - start
    print('timeout after handler:', e, 0.4 < took < 2, len(handled))
t1.join()

t1 = later(0.1, usr1)
start = time.monotonic()
print('select timeout after handler:', select.select([a], [], [], 0.5), 0.4 < time.monotonic() - start < 2)
t1.join()

for s in (a, b, srv):
    s.close()
