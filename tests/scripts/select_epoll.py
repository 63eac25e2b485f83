# select.epoll and the selectors built on select, poll and epoll.
import select
import selectors
import socket

print(selectors.DefaultSelector.__name__, selectors.DefaultSelector is selectors.EpollSelector)
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    a, b = socket.socketpair()
    with cls() as sel:
        k = sel.register(a, selectors.EVENT_READ, data='a')
        sel.register(b, selectors.EVENT_READ | selectors.EVENT_WRITE, data='b')
        print(cls.__name__, k.fileobj is a, k.fd == a.fileno(), k.events, k.data, len(sel.get_map()),
              sorted(sel.get_map()) == sorted([a.fileno(), b.fileno()]), sel.get_map()[a] is k)
        print([(key.data, e) for key, e in sel.select(0)])
        b.send(b'x')
        print(sorted((key.data, e) for key, e in sel.select(1)))
        print(sel.modify(b, selectors.EVENT_READ, data='b2').data, sel.get_key(b).events)
        print([(key.data, e) for key, e in sel.select(0.01)])
        for bad in (lambda: sel.register(a, selectors.EVENT_READ), lambda: sel.register(b, 0),
                    lambda: sel.register(-1, selectors.EVENT_READ), lambda: sel.register('x', 1),
                    lambda: sel.unregister(12345), lambda: sel.get_key(12345)):
            try:
                bad()
            except (KeyError, ValueError) as e:
                print(type(e).__name__, str(e).replace(repr(a), 'A').replace(f'FD {a.fileno()})', 'FD N)'))
        sel.unregister(a)
        print(len(sel.get_map()), a in sel.get_map())
    print(sel.get_map())
    try:
        sel.get_key(b)
    except RuntimeError as e:
        print(e)
    a.close()
    b.close()

ep = select.epoll()
print(ep.closed, isinstance(ep.fileno(), int), select.EPOLLIN, select.EPOLLOUT, select.EPOLLET, select.EPOLLONESHOT)
r, w = socket.socketpair()
ep.register(r, select.EPOLLIN)
ep.register(w.fileno())
w.send(b'hi')
print(sorted((fd == r.fileno(), ev) for fd, ev in ep.poll(1)))
print(len(ep.poll(0, 1)))
for bad in (lambda: ep.register(r), lambda: ep.poll(0, 0), lambda: select.epoll(0),
            lambda: select.epoll(-2), lambda: ep.register('x'), lambda: ep.modify(r, -1)):
    try:
        bad()
    except (OSError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
ep.modify(r.fileno(), select.EPOLLIN | select.EPOLLET)
print([ev for fd, ev in ep.poll(0) if fd == r.fileno()], [ev for fd, ev in ep.poll(0) if fd == r.fileno()])
ep.unregister(r)
try:
    ep.unregister(r)
except FileNotFoundError as e:
    print(e)
ep.close()
ep.close()
print(ep.closed)
for op in (ep.poll, ep.fileno, lambda: ep.register(r)):
    try:
        op()
    except ValueError as e:
        print(e)
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
e3 = select.epoll.fromfd(select.epoll().fileno())
print(type(e3).__name__, e3.closed)
r.close()
w.close()
print(repr(socket.AF_INET), repr(socket.SOCK_STREAM), socket.AF_UNIX, f'{socket.SOCK_DGRAM}', repr(socket.MSG_PEEK))
s = socket.socket()
print(repr(s.family), repr(s.type), repr(s).split(' fd=')[0], 'family=2, type=1, proto=0' in repr(s))
s.close()
print(socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM))
