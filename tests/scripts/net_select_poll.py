# select.poll(): register/modify/unregister, events, errors, EOF and closed
# descriptors, timeouts in milliseconds and Ctrl-C during an endless poll.
import select, socket, os, signal, threading
signal.signal(signal.SIGINT, signal.default_int_handler)  # even where SIGINT was ignored
print(select.POLLIN, select.POLLOUT, select.POLLPRI, select.POLLHUP, select.POLLERR, select.POLLNVAL, select.POLLRDNORM, select.POLLRDHUP)
a, b = socket.socketpair()
p = select.poll()
print(type(p).__name__, p.poll(0))
p.register(a, select.POLLIN)
p.register(b.fileno())
print(sorted(p.poll(0)))
b.send(b'x')
print(sorted(p.poll(100)))
p.modify(b, select.POLLIN)
print(sorted(p.poll(0)))
p.unregister(a)
print(p.poll(0))
for bad in (lambda: p.unregister(a), lambda: p.modify(a, 1), lambda: p.register(-1),
            lambda: p.register('x'), lambda: p.register(a, -1), lambda: p.register(a, 1 << 20),
            lambda: p.poll('x'), lambda: select.poll(1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(a.recv(1))
p.register(a, select.POLLIN)
threading.Timer(0.2, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
try:
    p.poll()
except KeyboardInterrupt:
    print('KeyboardInterrupt')
b.send(b'yz')
print(p.poll(None), p.poll(10.5), a.recv(2), p.poll(1.5))
b.close()
print(p.poll(0))
a.close()
print(p.poll(0))
